import { hash } from 'node:crypto';
import type { Clock } from '../../clock';
import { plainArrayLiteral, textArrayLiteral } from '../../db/array-literal';
import type { Lang } from '../../i18n/messages';
import { type BillingMonth, isBillingMonth, retention } from '../billing/billing-month';
import type { ChargeLine } from '../billing/invoice-totals';
import { normalizeLineNumber } from '../billing/line-number';
import { listOnce, type StoredItems } from '../billing/statement-items';

/**
 * One carrier's monthly statement for one billing account (SPEC §6): the unit of an idempotent upsert,
 * whether it arrives through `upsertCarrierCharges` or as a group of rows of a bulk import. Both paths
 * validate and hash it here, so a statement sent by API and the same one imported hash alike.
 */
export interface StatementItemInput {
  lineNumber: string;
  itemName: string;
  amount: number;
  taxRate: number;
}

export interface StatementInput {
  customerNumber: string;
  billingMonth: string;
  carrierCode: string;
  items: readonly StatementItemInput[];
  issueDate?: string | null;
  dueDate?: string | null;
}

export interface StatementItem {
  lineNumber: string;
  itemName: string;
  amount: number;
  taxRate: 0 | 8 | 10;
}

export interface Statement {
  customerNumber: string;
  billingMonth: BillingMonth;
  carrierCode: string;
  items: StatementItem[];
  issueDate: string | null;
  dueDate: string | null;
}

/** Stable codes integrators can branch on; the message says the same for a person reading a report. */
export enum ChargeErrorCode {
  CUSTOMER_NUMBER_REQUIRED = 'CUSTOMER_NUMBER_REQUIRED',
  BILLING_MONTH_INVALID = 'BILLING_MONTH_INVALID',
  MONTH_OUT_OF_RANGE = 'MONTH_OUT_OF_RANGE',
  CARRIER_CODE_REQUIRED = 'CARRIER_CODE_REQUIRED',
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  LINE_NUMBER_REQUIRED = 'LINE_NUMBER_REQUIRED',
  ITEM_NAME_REQUIRED = 'ITEM_NAME_REQUIRED',
  ITEM_NAME_TOO_LONG = 'ITEM_NAME_TOO_LONG',
  AMOUNT_NOT_WHOLE_YEN = 'AMOUNT_NOT_WHOLE_YEN',
  AMOUNT_OUT_OF_RANGE = 'AMOUNT_OUT_OF_RANGE',
  TAX_RATE_INVALID = 'TAX_RATE_INVALID',
  DATE_INVALID = 'DATE_INVALID',
  DUE_BEFORE_ISSUE = 'DUE_BEFORE_ISSUE',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  CARRIER_NOT_FOUND = 'CARRIER_NOT_FOUND',
  LINE_NOT_ON_ACCOUNT = 'LINE_NOT_ON_ACCOUNT',
  INVOICE_CONFIRMED = 'INVOICE_CONFIRMED',
  INVOICE_NOT_FOUND = 'INVOICE_NOT_FOUND',
  /** Import only: another row of the same account-month-carrier is bad, so none of it is written. */
  GROUP_REJECTED = 'GROUP_REJECTED',
  /** Import only: rows of one account-month-carrier must be contiguous in the file. */
  GROUP_NOT_CONTIGUOUS = 'GROUP_NOT_CONTIGUOUS',
  /** Import only: the row itself cannot be read (wrong column count, not JSON). */
  ROW_UNREADABLE = 'ROW_UNREADABLE',
  /** Import only: the database refused the statement (reported, the rest of the file goes on). */
  WRITE_FAILED = 'WRITE_FAILED',
}

/** Integrators and operators read these in API results and import reports: English and Japanese. */
const MESSAGES: Record<ChargeErrorCode, { en: string; ja: string }> = {
  CUSTOMER_NUMBER_REQUIRED: { en: 'The customer number is required.', ja: 'お客さま番号は必須です。' },
  BILLING_MONTH_INVALID: {
    en: 'The billing month must be YYYY-MM.',
    ja: 'ご請求月はYYYY-MM形式で指定してください。',
  },
  MONTH_OUT_OF_RANGE: {
    en: 'Charges can be sent for the past 15 months up to the current month only.',
    ja: 'ご請求月は当月を含む過去15か月の範囲で指定してください。',
  },
  CARRIER_CODE_REQUIRED: { en: 'The carrier code is required.', ja: '通信会社コードは必須です。' },
  TOO_MANY_ITEMS: {
    en: 'Too many items in one statement; use the bulk import.',
    ja: '明細が多すぎます。一括取り込みをご利用ください。',
  },
  LINE_NUMBER_REQUIRED: { en: 'The line number is required.', ja: '回線番号は必須です。' },
  ITEM_NAME_REQUIRED: { en: 'The item name is required.', ja: '項目名は必須です。' },
  ITEM_NAME_TOO_LONG: {
    en: 'The item name must be at most 200 characters.',
    ja: '項目名は200文字以内で指定してください。',
  },
  AMOUNT_NOT_WHOLE_YEN: {
    en: 'The amount must be a whole number of yen.',
    ja: '金額は円単位の整数で指定してください。',
  },
  AMOUNT_OUT_OF_RANGE: {
    en: 'The amount must be between -100,000,000 and 100,000,000 yen.',
    ja: '金額は-1億円から1億円の範囲で指定してください。',
  },
  TAX_RATE_INVALID: { en: 'The tax rate must be 10, 8 or 0.', ja: '税率は10、8、0のいずれかです。' },
  DATE_INVALID: { en: 'Dates must be YYYY-MM-DD.', ja: '日付はYYYY-MM-DD形式で指定してください。' },
  DUE_BEFORE_ISSUE: {
    en: 'The due date must not be before the issue date.',
    ja: 'お支払期限は発行日以降の日付にしてください。',
  },
  ACCOUNT_NOT_FOUND: {
    en: 'No billing account has this customer number.',
    ja: 'このお客さま番号の請求アカウントはありません。',
  },
  CARRIER_NOT_FOUND: { en: 'No carrier has this code.', ja: 'この通信会社コードはありません。' },
  LINE_NOT_ON_ACCOUNT: {
    en: 'This line number is not on the billing account; provision the line first.',
    ja: 'この回線番号は請求アカウントにありません。先に回線を登録してください。',
  },
  INVOICE_CONFIRMED: {
    en: 'The invoice of this month is confirmed; its charges can no longer change.',
    ja: 'この月のご請求は確定済みのため、明細を変更できません。',
  },
  INVOICE_NOT_FOUND: { en: 'There is no invoice for this month.', ja: 'この月のご請求はありません。' },
  GROUP_REJECTED: {
    en: 'Not imported: another row of the same account, month and carrier is invalid.',
    ja: '同じアカウント・月・通信会社の他の行に誤りがあるため取り込みませんでした。',
  },
  GROUP_NOT_CONTIGUOUS: {
    en: 'Rows of this account, month and carrier appeared earlier in the file; sort the file by customer_number, billing_month, carrier_code.',
    ja: '同じアカウント・月・通信会社の行がファイルの前方にもあります。customer_number、billing_month、carrier_codeの順に並べてください。',
  },
  ROW_UNREADABLE: { en: 'The row cannot be read.', ja: '行を読み取れません。' },
  WRITE_FAILED: {
    en: 'The statement could not be written; try again or contact the operators.',
    ja: '明細を書き込めませんでした。再試行するか運用担当にお問い合わせください。',
  },
};

export function chargeMessage(code: ChargeErrorCode, lang: Lang = 'en'): string {
  return MESSAGES[code][lang];
}

export interface StatementIssue {
  /** Input path, e.g. `items[3].amount` (API) or the CSV column. */
  field: string;
  code: ChargeErrorCode;
  /** Index into `items`, when the issue is one item's. */
  item?: number;
}

export const MAX_STATEMENT_ITEMS = 20_000;
const MAX_AMOUNT = 100_000_000;
const MAX_ITEM_NAME = 200;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The month window of SPEC §3: totals for 15 months, the current one included; none ahead of it. */
export function monthInWindow(month: BillingMonth, clock: Clock): boolean {
  const r = retention(clock);
  return month >= r.oldestTotals && month <= r.current;
}

// Carriers print a few dozen distinct item names over millions of rows: each is normalised once.
const itemNames = new Map<string, string>();

/** NFC keeps what the carrier printed (full-width brackets in 通話料（市内）stay) but one spelling. */
function normalizeItemName(raw: string): string {
  let name = itemNames.get(raw);
  if (name === undefined) {
    name = raw.normalize('NFC').trim();
    if (itemNames.size >= 10_000) itemNames.clear();
    itemNames.set(raw, name);
  }
  return name;
}

/**
 * Checks of one item's values, each appending its issues (`field` relative to the item) to `issues`
 * and returning the normalised value. The bulk import calls them per row with one reusable array (and
 * skips the line number when it repeats the previous row's), so a good row allocates nothing here.
 */
export function checkLineNumber(input: string, issues: Issue[]): string {
  const lineNumber = normalizeLineNumber(input);
  if (!lineNumber) issues.push({ field: 'lineNumber', code: ChargeErrorCode.LINE_NUMBER_REQUIRED });
  return lineNumber;
}

export function checkItemName(input: string, issues: Issue[]): string {
  const itemName = normalizeItemName(input);
  if (!itemName) issues.push({ field: 'itemName', code: ChargeErrorCode.ITEM_NAME_REQUIRED });
  // UTF-16 length bounds the code-point count, so most names are never spread.
  else if (itemName.length > MAX_ITEM_NAME && [...itemName].length > MAX_ITEM_NAME)
    issues.push({ field: 'itemName', code: ChargeErrorCode.ITEM_NAME_TOO_LONG });
  return itemName;
}

export function checkAmountAndRate(amount: number, taxRate: number, issues: Issue[]): void {
  if (typeof amount !== 'number' || !Number.isInteger(amount))
    issues.push({ field: 'amount', code: ChargeErrorCode.AMOUNT_NOT_WHOLE_YEN });
  else if (Math.abs(amount) > MAX_AMOUNT)
    issues.push({ field: 'amount', code: ChargeErrorCode.AMOUNT_OUT_OF_RANGE });
  if (taxRate !== 10 && taxRate !== 8 && taxRate !== 0)
    issues.push({ field: 'taxRate', code: ChargeErrorCode.TAX_RATE_INVALID });
}

/** A problem with one value; `field` is relative to the item or statement. */
export type Issue = { field: string; code: ChargeErrorCode };

/** One item, normalised, or its issues (`field` relative to the item). */
export function validateItem(
  item: StatementItemInput,
): { ok: true; item: StatementItem } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const lineNumber = checkLineNumber(item.lineNumber ?? '', issues);
  const itemName = checkItemName(item.itemName ?? '', issues);
  checkAmountAndRate(item.amount, item.taxRate, issues);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    item: { lineNumber, itemName, amount: item.amount, taxRate: item.taxRate as 0 | 8 | 10 },
  };
}

/** The statement's own fields (not its items): customer, month (in the window), carrier, dates. */
export function validateHeader(
  input: Omit<StatementInput, 'items'>,
  clock: Clock,
  // The bulk import validates thousands of headers at one instant: it passes the window once.
  window: { oldestTotals: BillingMonth; current: BillingMonth } = retention(clock),
): Issue[] {
  const issues: Issue[] = [];
  if (!normalizeCustomerNumber(input.customerNumber ?? ''))
    issues.push({ field: 'customerNumber', code: ChargeErrorCode.CUSTOMER_NUMBER_REQUIRED });
  const month = (input.billingMonth ?? '').trim();
  if (!isBillingMonth(month))
    issues.push({ field: 'billingMonth', code: ChargeErrorCode.BILLING_MONTH_INVALID });
  else if (month < window.oldestTotals || month > window.current)
    issues.push({ field: 'billingMonth', code: ChargeErrorCode.MONTH_OUT_OF_RANGE });
  if (!(input.carrierCode ?? '').trim())
    issues.push({ field: 'carrierCode', code: ChargeErrorCode.CARRIER_CODE_REQUIRED });
  for (const field of ['issueDate', 'dueDate'] as const) {
    const value = input[field];
    if (value != null && !isDate(value)) issues.push({ field, code: ChargeErrorCode.DATE_INVALID });
  }
  if (input.issueDate && input.dueDate && isDate(input.issueDate) && isDate(input.dueDate)) {
    if (input.dueDate < input.issueDate)
      issues.push({ field: 'dueDate', code: ChargeErrorCode.DUE_BEFORE_ISSUE });
  }
  return issues;
}

export function normalizeCustomerNumber(value: string): string {
  return value.normalize('NFKC').trim();
}

/** Every issue of a whole API statement, or the normalised statement. */
export function validateStatement(
  input: StatementInput,
  clock: Clock,
): { ok: true; statement: Statement } | { ok: false; issues: StatementIssue[] } {
  const issues: StatementIssue[] = validateHeader(input, clock);
  if (input.items.length > MAX_STATEMENT_ITEMS)
    issues.push({ field: 'items', code: ChargeErrorCode.TOO_MANY_ITEMS });
  const items: StatementItem[] = [];
  for (const [n, raw] of input.items.entries()) {
    const checked = validateItem(raw);
    if (checked.ok) items.push(checked.item);
    else
      for (const i of checked.issues) issues.push({ field: `items[${n}].${i.field}`, code: i.code, item: n });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    statement: {
      customerNumber: normalizeCustomerNumber(input.customerNumber),
      billingMonth: input.billingMonth.trim(),
      carrierCode: input.carrierCode.trim().toUpperCase(),
      items,
      issueDate: input.issueDate ?? null,
      dueDate: input.dueDate ?? null,
    },
  };
}

/** A statement's key and dates: what its hash covers besides the items. */
export type StatementHead = Pick<
  Statement,
  'customerNumber' | 'billingMonth' | 'carrierCode' | 'issueDate' | 'dueDate'
>;

/**
 * Encodes a validated statement for storage and hashes it. The hash is SHA-256 of a canonical form:
 * normalised values, items in the order sent (the printed order, so a reordering is a change), the key
 * (customer, month, carrier) included so a hash can never be mistaken for another statement's; the
 * item columns are the same array literals that are stored (lines by number, not id), each
 * length-prefixed, so no two statements share a form. A statement sent by API and the same one
 * imported hash alike. (v3: a statement stored under an older form is written once more, unchanged,
 * the first time it is sent again.)
 */
export function encodeStatement(
  head: StatementHead,
  lineNumbers: readonly string[],
  lineIdOf: (lineNumber: string) => string,
  itemNames: readonly string[],
  amounts: readonly number[],
  taxRates: readonly number[],
): { items: StoredItems; hash: Buffer } {
  const lines = listOnce(lineNumbers);
  const names = listOnce(itemNames);
  let amount = 0;
  const byRate = [0, 0, 0];
  const seen = [false, false, false];
  for (let i = 0; i < amounts.length; i++) {
    amount += amounts[i];
    const r = taxRates[i] === 10 ? 0 : taxRates[i] === 8 ? 1 : 2;
    byRate[r] += amounts[i];
    seen[r] = true;
  }
  const rates: ChargeLine[] = [];
  for (const [r, taxRate] of [10, 8, 0].entries())
    if (seen[r]) rates.push({ taxRate: taxRate as 0 | 8 | 10, amount: byRate[r] });
  const items: StoredItems = {
    lineIds: plainArrayLiteral(lines.list.map(lineIdOf)),
    lineRefs: plainArrayLiteral(lines.refs),
    itemNames: textArrayLiteral(names.list),
    nameRefs: plainArrayLiteral(names.refs),
    amounts: plainArrayLiteral(amounts),
    taxRates: plainArrayLiteral(taxRates),
    count: amounts.length,
    amount,
    rates,
  };
  const field = (text: string) => `${text.length}:${text}|`;
  const form =
    `v3|${field(head.customerNumber)}${head.billingMonth}|${field(head.carrierCode)}` +
    `${head.issueDate ?? '-'}|${head.dueDate ?? '-'}|${field(textArrayLiteral(lines.list))}` +
    `${field(items.lineRefs)}${field(items.itemNames)}${field(items.nameRefs)}${field(items.amounts)}` +
    `${field(items.taxRates)}`;
  return { items, hash: hash('sha256', form, 'buffer') };
}
