import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { ReadPool } from '../../db/read-replicas';
import { type BillingMonth, isBillingMonth, monthStart, retention, tokyoToday } from './billing-month';
import { issuerTotals, sumIssuers } from './invoice-totals';
import { type LineChargesLookup, type LineChargesQuery, readLineCharges } from './line-charges';
import { normalizeLineNumber } from './line-number';
import { listOnce } from './statement-items';

export interface InvoiceRow {
  id: string;
  billing_month: string; // 'YYYY-MM'
  status: 'PROVISIONAL' | 'CONFIRMED';
  usage_amount: number;
  adjustment_amount: number;
  billing_amount: number;
  taxable_10: number;
  tax_10: number;
  taxable_8: number;
  tax_8: number;
  non_taxable: number;
  issue_date: string;
  due_date: string;
  payment_status: 'UNPAID' | 'PAID';
  details_retained: boolean;
  /**
   * Increases with every change of the invoice or its statements; kept by the database (triggers of
   * migration 1764500000000), never written by the application. A bigint, as text.
   */
  readonly version: string;
}

export interface NoticeRow {
  invoice_id: string;
  title: string;
  body: string;
}

/** A carrier as the bill names it: columns `carrier_…` of every read that shows one. */
export interface CarrierColumns {
  carrier_code: string;
  carrier_name_ja: string;
  carrier_name_en: string;
  carrier_legal_name: string;
  carrier_registration_number: string | null;
}

const CARRIER_COLUMNS = `c.code AS carrier_code, c.name_ja AS carrier_name_ja, c.name_en AS carrier_name_en,
  c.legal_name AS carrier_legal_name, c.registration_number AS carrier_registration_number`;

export interface LineRow extends CarrierColumns {
  line_number: string;
  service_name: string;
  service_name_en: string | null;
}

/**
 * One carrier's figures on an invoice (carrier_statement.taxable_10 …), for its issuer lines. Figures
 * are null only for statements of invoices purged before they were kept (migration 1765200000000).
 */
export interface IssuerRow extends CarrierColumns {
  invoice_id: string;
  taxable_10: number | null;
  tax_10: number | null;
  taxable_8: number | null;
  tax_8: number | null;
  non_taxable: number | null;
}

/**
 * One carrier's statement for the breakdown, as stored (migration 1764400000000): its items in printed
 * order as parallel arrays (`line_refs` and `name_refs` are 1-based positions in the statement's
 * `line_ids` and `item_names`), and its lines as [ref, line number, service name] by line number.
 * Arrays come as JSON (parsed natively) rather than as rows: one row per carrier instead of one per
 * item, and no per-item copies of line and carrier names.
 */
export interface StatementRow extends CarrierColumns {
  item_names: string[];
  line_refs: number[];
  name_refs: number[];
  amounts: number[];
  tax_rates: number[];
  /** Only the line asked for, with a line filter; null when the statement lists none of them. */
  lines: [ref: number, lineNumber: string, serviceName: string, serviceNameEn: string | null][] | null;
}

export type MonthLookup<T> =
  | { kind: 'found'; value: T }
  | { kind: 'out-of-range'; oldest: BillingMonth; newest: BillingMonth }
  | { kind: 'not-found' };

export type BreakdownLookup =
  | {
      kind: 'found';
      invoice: InvoiceRow;
      /** By carrier id; a carrier with no items (for the line asked for) may appear, with no lines. */
      statements: StatementRow[];
    }
  | { kind: 'out-of-range'; oldest: BillingMonth; newest: BillingMonth }
  | { kind: 'details-not-retained'; oldest: BillingMonth; newest: BillingMonth }
  | { kind: 'not-found' }
  | { kind: 'line-not-found' }
  | { kind: 'carrier-not-found' };

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** An invoice as its month's partition knows it: statements are read by both. */
export interface InvoiceKey {
  id: string;
  month: BillingMonth;
}

/** An invoice row's columns; `detailsFrom` is the parameter holding the oldest month with details. */
const invoiceColumns = (
  detailsFrom: string,
) => `i.id, to_char(i.billing_month, 'YYYY-MM') AS billing_month, i.status,
  i.usage_amount, i.adjustment_amount, i.billing_amount, i.taxable_10, i.tax_10, i.taxable_8, i.tax_8, i.non_taxable,
  to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
  i.payment_status, (i.details_purged_at IS NULL AND i.billing_month >= ${detailsFrom}::date) AS details_retained,
  i.version`;
const INVOICE_COLUMNS = invoiceColumns('$2');

/**
 * The newest bills of the account in `account` within the 15-month window; parameters from `$p`:
 * the oldest month with details, the oldest and the newest month kept (`windowValues`).
 */
const newestInvoices = (account: string, p: number, limit: string) =>
  `SELECT ${invoiceColumns(`$${p}`)} FROM invoice i
    WHERE i.billing_account_id = ${account} AND i.billing_month >= $${p + 1}::date AND i.billing_month <= $${p + 2}::date
    ORDER BY i.billing_month DESC LIMIT ${limit}`;

function windowValues(clock: Clock): string[] {
  const r = retention(clock);
  return [monthStart(r.oldestDetails), monthStart(r.oldestTotals), monthStart(r.current)];
}

/**
 * Read side of billing reference (SPEC §3, guide 2–3). Every method is scoped to one billing account
 * (the caller's, from the session) and is a fixed number of statements whatever the number of lines.
 */
const statementNames = new Map<string, string>();

export class BillingService {
  /**
   * `pool`: the subscriber's screens read through ReadReplicas (a standby when one is healthy); writers
   * that read back what they just wrote (payments, integrators) get one on the primary's pool.
   */
  constructor(
    private readonly pool: ReadPool,
    private readonly clock: Clock,
  ) {}

  /**
   * Every bill screen runs these reads, so each is a named statement on the pool: PostgreSQL parses
   * and plans it once per connection instead of on every request.
   */
  // biome-ignore lint/suspicious/noExplicitAny: rows are typed where each read is used
  private async read<T = any>(text: string, values: unknown[]): Promise<T> {
    let name = statementNames.get(text);
    if (!name) {
      name = `billing-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      statementNames.set(text, name);
    }
    return (await this.pool.query({ name, text, values })).rows as T;
  }

  /**
   * Unpaid after its due date, by the calendar in Japan: overdue from the day after the due date
   * (00:00 JST), not on the due date itself.
   */
  isOverdue(invoice: { dueDate: string; paymentStatus: string }): boolean {
    return invoice.paymentStatus === 'UNPAID' && invoice.dueDate < tokyoToday(this.clock);
  }

  /** Newest first, within the 15-month window. */
  async invoices(accountId: string, months: number): Promise<InvoiceRow[]> {
    return this.read(newestInvoices('$1', 2, '$5'), [accountId, ...windowValues(this.clock), months]);
  }

  async invoice(accountId: string, month: BillingMonth): Promise<MonthLookup<InvoiceRow>> {
    const r = retention(this.clock);
    if (!isBillingMonth(month) || month < r.oldestTotals || month > r.current) {
      return { kind: 'out-of-range', oldest: r.oldestTotals, newest: r.current };
    }
    const [row]: InvoiceRow[] = await this.read(
      `SELECT ${INVOICE_COLUMNS} FROM invoice i WHERE i.billing_account_id = $1 AND i.billing_month = $3::date`,
      [accountId, monthStart(r.oldestDetails), monthStart(month)],
    );
    return row ? { kind: 'found', value: row } : { kind: 'not-found' };
  }

  /** Notices of several invoices in one statement. */
  async notices(invoiceIds: readonly string[]): Promise<NoticeRow[]> {
    if (invoiceIds.length === 0) return [];
    return this.read(
      'SELECT invoice_id, title, body FROM invoice_notice WHERE invoice_id = ANY($1) ORDER BY invoice_id, sort_order, id',
      [invoiceIds],
    );
  }

  /**
   * The issuers (carriers' statements) of several invoices in one statement, by carrier. A statement
   * without items is left out (a carrier that sent an empty statement bills nothing).
   */
  async issuers(invoices: readonly InvoiceKey[]): Promise<IssuerRow[]> {
    if (invoices.length === 0) return [];
    const months = invoices.map((i) => i.month);
    return this.read(
      `SELECT cs.invoice_id, ${CARRIER_COLUMNS}, cs.taxable_10, cs.tax_10, cs.taxable_8, cs.tax_8, cs.non_taxable
         FROM carrier_statement cs JOIN carrier c ON c.id = cs.carrier_id
        WHERE cs.invoice_id = ANY($1) AND cs.billing_month BETWEEN $2::date AND $3::date AND cs.item_count > 0
        ORDER BY cs.invoice_id, c.id`,
      // The months pick the partitions to read (two for the top screen, not the 15 of the window). A range,
      // not `= ANY(months)`: a cached plan prunes partitions by a range of parameters, not by an array.
      [invoices.map((i) => i.id), monthStart(months.reduce(min)), monthStart(months.reduce(max))],
    );
  }

  /**
   * One month's charge items, optionally for one line or one carrier: two statements (the invoice,
   * then its carriers' statements with their lines), however many lines the account has.
   */
  async breakdown(
    accountId: string,
    month: BillingMonth,
    filter: { lineNumber?: string | null; carrierCode?: string | null } = {},
  ): Promise<BreakdownLookup> {
    const r = retention(this.clock);
    if (!isBillingMonth(month) || month < r.oldestTotals || month > r.current) {
      return { kind: 'out-of-range', oldest: r.oldestTotals, newest: r.current };
    }
    if (month < r.oldestDetails)
      return { kind: 'details-not-retained', oldest: r.oldestDetails, newest: r.current };
    const lineNumber = filter.lineNumber ? normalizeLineNumber(filter.lineNumber) : null;
    const carrierCode = filter.carrierCode ?? null;
    const [invoice]: (InvoiceRow & { line_found: boolean | null; carrier_found: boolean | null })[] =
      await this.read(
        `SELECT ${INVOICE_COLUMNS},
                CASE WHEN $4::text IS NULL THEN NULL
                     ELSE EXISTS (SELECT 1 FROM line WHERE billing_account_id = $1 AND line_number = $4) END AS line_found,
                CASE WHEN $5::text IS NULL THEN NULL
                     ELSE EXISTS (SELECT 1 FROM carrier WHERE code = $5) END AS carrier_found
           FROM invoice i WHERE i.billing_account_id = $1 AND i.billing_month = $3::date`,
        [accountId, monthStart(r.oldestDetails), monthStart(month), lineNumber, carrierCode],
      );
    if (!invoice) return { kind: 'not-found' };
    if (invoice.line_found === false) return { kind: 'line-not-found' };
    if (invoice.carrier_found === false) return { kind: 'carrier-not-found' };
    if (!invoice.details_retained)
      return { kind: 'details-not-retained', oldest: r.oldestDetails, newest: r.current };
    const statements: StatementRow[] = await this.read(
      `SELECT ${CARRIER_COLUMNS}, to_json(cs.item_names) AS item_names, to_json(cs.line_refs) AS line_refs,
              to_json(cs.name_refs) AS name_refs, to_json(cs.amounts) AS amounts, to_json(cs.tax_rates) AS tax_rates,
              (SELECT json_agg(json_build_array(u.ref, l.line_number, l.service_name, l.service_name_en) ORDER BY l.line_number)
                 FROM unnest(cs.line_ids) WITH ORDINALITY AS u (id, ref) JOIN line l ON l.id = u.id
                WHERE $2::text IS NULL OR l.line_number = $2) AS lines
         FROM carrier_statement cs JOIN carrier c ON c.id = cs.carrier_id
        WHERE cs.invoice_id = $1 AND cs.billing_month = $4::date AND ($3::text IS NULL OR c.code = $3)
        ORDER BY c.id`,
      [invoice.id, lineNumber, carrierCode, monthStart(month)],
    );
    return { kind: 'found', invoice, statements };
  }

  /** Keyset pages by line number, so the 120th line costs what the first does. */
  async lines(accountId: string, first: number, after: string | null) {
    const [rows, [{ total }]] = await Promise.all([
      this.read(
        `SELECT l.line_number, l.service_name, l.service_name_en, ${CARRIER_COLUMNS}
           FROM line l JOIN carrier c ON c.id = l.carrier_id
          WHERE l.billing_account_id = $1 AND ($2::text IS NULL OR l.line_number > $2)
          ORDER BY l.line_number LIMIT $3`,
        [accountId, after, first + 1],
      ) as Promise<LineRow[]>,
      this.read('SELECT count(*)::int AS total FROM line WHERE billing_account_id = $1', [
        accountId,
      ]) as Promise<{ total: number }[]>,
    ]);
    const page = rows.slice(0, first);
    return {
      lines: page,
      totalCount: total,
      nextCursor: rows.length > first ? page[page.length - 1].line_number : null,
    };
  }

  async line(accountId: string, lineNumber: string): Promise<LineRow | null> {
    const [row]: LineRow[] = await this.read(
      `SELECT l.line_number, l.service_name, l.service_name_en, ${CARRIER_COLUMNS}
         FROM line l JOIN carrier c ON c.id = l.carrier_id
        WHERE l.billing_account_id = $1 AND l.line_number = $2`,
      [accountId, normalizeLineNumber(lineNumber)],
    );
    return row ?? null;
  }

  /** The lines view: one page of the account's lines with their amounts over the 4 detail months. */
  async lineCharges(accountId: string, query: LineChargesQuery): Promise<LineChargesLookup> {
    return readLineCharges(
      (text, values) => this.read(text, values),
      retention(this.clock),
      accountId,
      query,
    );
  }

  /** Carriers that bill this account (the company picker). */
  async carriers(accountId: string): Promise<CarrierColumns[]> {
    return this.read(
      `SELECT ${CARRIER_COLUMNS} FROM carrier c
        WHERE EXISTS (SELECT 1 FROM line l WHERE l.billing_account_id = $1 AND l.carrier_id = c.id)
           OR EXISTS (SELECT 1 FROM charge_item ci JOIN invoice i ON i.id = ci.invoice_id
                       WHERE i.billing_account_id = $1 AND ci.carrier_id = c.id AND i.billing_month >= $2::date)
        ORDER BY c.id`,
      [accountId, monthStart(retention(this.clock).oldestDetails)],
    );
  }
}

export interface MonthItem {
  lineId: string;
  carrierId: number;
  name: string;
  amount: number;
  taxRate: 0 | 8 | 10;
}

export interface MonthStatement {
  status: 'PROVISIONAL' | 'CONFIRMED';
  issueDate: string;
  dueDate: string;
  paymentStatus: 'UNPAID' | 'PAID';
  adjustmentAmount?: number;
  items: MonthItem[];
  /** When details are past retention only the figures are kept: pass the items to total, keepItems false. */
  keepItems?: boolean;
  notices?: { title: string; body: string }[];
}

/**
 * Writes one account-month (invoice, totals, statements, notices) in the caller's transaction: one
 * statement per carrier with its issuer figures, and its items unless past retention (as the nightly
 * purge leaves a statement: figures kept, items gone).
 */
export async function writeMonth(
  tx: EntityManager,
  accountId: string,
  month: BillingMonth,
  s: MonthStatement,
) {
  // One statement per carrier, items in the order given.
  const byCarrier = new Map<number, MonthItem[]>();
  for (const item of s.items) {
    const list = byCarrier.get(item.carrierId);
    if (list) list.push(item);
    else byCarrier.set(item.carrierId, [item]);
  }
  const statements = [...byCarrier].map(([carrierId, items]) => ({
    carrierId,
    items,
    figures: issuerTotals(items),
  }));
  const t = sumIssuers(
    statements.map((st) => st.figures),
    s.adjustmentAmount ?? 0,
  );
  const keepItems = s.keepItems !== false;
  const [invoice]: { id: string }[] = await tx.query(
    `INSERT INTO invoice (billing_account_id, billing_month, status, usage_amount, adjustment_amount, billing_amount,
                          taxable_10, tax_10, taxable_8, tax_8, non_taxable, issue_date, due_date, payment_status,
                          confirmed_at, paid_at, details_purged_at)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13::date, $14,
             CASE WHEN $3 = 'CONFIRMED' THEN $12::date END, CASE WHEN $14 = 'PAID' THEN $13::date END,
             CASE WHEN $15 THEN NULL ELSE now() END)
     RETURNING id`,
    [
      accountId,
      monthStart(month),
      s.status,
      t.usageAmount,
      t.adjustmentAmount,
      t.billingAmount,
      t.taxable10,
      t.tax10,
      t.taxable8,
      t.tax8,
      t.nonTaxable,
      s.issueDate,
      s.dueDate,
      s.paymentStatus,
      keepItems,
    ],
  );
  for (const { carrierId, items, figures } of statements) {
    const kept = keepItems ? items : [];
    const lines = listOnce(kept.map((i) => i.lineId));
    const names = listOnce(kept.map((i) => i.name));
    await tx.query(
      `INSERT INTO carrier_statement (invoice_id, carrier_id, item_count, amount, line_ids, line_refs, item_names,
                                      name_refs, amounts, tax_rates, taxable_10, tax_10, taxable_8, tax_8, non_taxable,
                                      billing_month)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6::smallint[], $7::text[], $8::smallint[], $9::int[], $10::smallint[],
               $11, $12, $13, $14, $15, $16::date)`,
      [
        invoice.id,
        carrierId,
        items.length,
        items.reduce((sum, i) => sum + i.amount, 0),
        lines.list,
        lines.refs,
        names.list,
        names.refs,
        kept.map((i) => i.amount),
        kept.map((i) => i.taxRate),
        figures.taxable10,
        figures.tax10,
        figures.taxable8,
        figures.tax8,
        figures.nonTaxable,
        monthStart(month),
      ],
    );
  }
  for (const [n, notice] of (s.notices ?? []).entries()) {
    await tx.query(
      'INSERT INTO invoice_notice (invoice_id, title, body, sort_order) VALUES ($1, $2, $3, $4)',
      [invoice.id, notice.title, notice.body, n],
    );
  }
  return invoice.id;
}
