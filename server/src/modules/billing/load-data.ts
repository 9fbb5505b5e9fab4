import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Clock } from '../../clock';
import { plainArrayLiteral, textArrayLiteral } from '../../db/array-literal';
import {
  addMonths,
  currentBillingMonth,
  DETAIL_MONTHS,
  lastDayOfMonth,
  TOTALS_MONTHS,
} from './billing-month';
import { issuerTotals, sumIssuers } from './invoice-totals';
import { listOnce } from './statement-items';

/** Deterministic pseudo-random numbers (mulberry32), so a load is reproducible with the same seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEM_NAMES = [
  '基本料',
  '通話料（市内）',
  '通話料（県外）',
  'ユニバーサルサービス料',
  '電話リレーサービス料',
  '付加機能使用料',
  'ナンバー・ディスプレイ',
  'キャッチホン',
  '機器利用料',
  '割引額',
];

async function copy(
  client: PoolClient,
  table: string,
  columns: string,
  rows: Iterable<string>,
): Promise<void> {
  async function* chunks() {
    let buffer = '';
    for (const row of rows) {
      buffer += row;
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
}

export interface LoadResult {
  /** Login IDs of the subscribers created (see `loginAccounts`). */
  loginIds: string[];
  /** The big account (120 lines unless `firstAccountLines` says otherwise), first of the load. */
  bigAccountId: string;
  accounts: number;
  lines: number;
  invoices: number;
  chargeItems: number;
  subscribers: number;
  seconds: number;
}

/**
 * A large, realistic data set by COPY (SPEC §3 scale): N accounts with 1–120 lines (most have a few,
 * the first has 120, or `firstAccountLines`), 15 months of totals each and ~10 charge items per
 * line-month for the last 4 months. `loginAccounts` accounts get subscribers `load000001`… with one
 * shared password hash, so benchmarks can sign in: the first ones, or with `loginStride` every
 * `loginStride`-th from the first (spread over the tables as visitors of a large base are).
 */
export async function loadBillingData(
  pool: Pool,
  clock: Clock,
  options: {
    accounts: number;
    seed?: number;
    loginAccounts?: number;
    loginStride?: number;
    passwordHash?: string;
    /** Lines of the first account (120 by default; the lines view's bench loads 1,000). */
    firstAccountLines?: number;
  },
): Promise<LoadResult> {
  // Line numbers carry the line's index in three digits.
  if ((options.firstAccountLines ?? 0) > 1000) throw new Error('firstAccountLines: at most 1,000');
  const started = performance.now();
  const random = rng(options.seed ?? 42);
  const current = currentBillingMonth(clock);
  const months = Array.from({ length: TOTALS_MONTHS }, (_, i) => addMonths(current, -i));
  const runId = Date.now().toString(36).slice(-5);

  const accounts: { id: string; lines: { id: string; number: string; carrier: number }[] }[] = [];
  for (let a = 0; a < options.accounts; a++) {
    const r = random();
    const lineCount =
      a === 0
        ? (options.firstAccountLines ?? 120)
        : r < 0.7
          ? 1 + Math.floor(random() * 3)
          : r < 0.95
            ? 4 + Math.floor(random() * 17)
            : 21 + Math.floor(random() * 100);
    const carrier = 1 + (a % 2); // NTT East or West
    accounts.push({
      id: randomUUID(),
      lines: Array.from({ length: lineCount }, (_, l) => ({
        id: randomUUID(),
        number: `0${5 + carrier}${String(a).padStart(6, '0')}${String(l).padStart(3, '0')}`.slice(0, 11),
        carrier,
      })),
    });
  }

  const client = await pool.connect();
  const counts = { accounts: 0, lines: 0, invoices: 0, chargeItems: 0, subscribers: 0 };
  try {
    await client.query('BEGIN');
    await copy(
      client,
      'billing_account',
      'id, customer_number, holder_name, postal_address, registered_phone_number',
      (function* () {
        for (const [a, account] of accounts.entries()) {
          counts.accounts++;
          yield `${account.id}\tL${runId}${String(a).padStart(7, '0')}\t負荷試験 ${a}\t東京都千代田区\t${account.lines[0].number}\n`;
        }
      })(),
    );
    await copy(
      client,
      'line',
      'id, billing_account_id, line_number, carrier_id, service_name',
      (function* () {
        for (const account of accounts) {
          for (const line of account.lines) {
            counts.lines++;
            yield `${line.id}\t${account.id}\t${line.number}\t${line.carrier}\t加入電話\n`;
          }
        }
      })(),
    );

    // Items are generated per invoice; invoice totals need them, so both are built in one pass and
    // the items copied after their invoices.
    const statementRows: string[] = [];
    let itemCount = 0;
    const invoiceRows: string[] = [];
    for (const account of accounts) {
      for (const [back, month] of months.entries()) {
        const invoiceId = randomUUID();
        const items: { amount: number; taxRate: 10 }[] = [];
        const withDetails = back < DETAIL_MONTHS;
        const lineIds: string[] = [];
        const names: string[] = [];
        for (const line of account.lines) {
          for (const [n, name] of ITEM_NAMES.entries()) {
            const amount = n === 9 ? -Math.floor(random() * 300) : Math.floor(random() * 2000);
            items.push({ amount, taxRate: 10 });
            lineIds.push(line.id);
            names.push(name);
          }
        }
        // An account's lines share one carrier: one statement per invoice, its items only within the
        // details window (as the nightly purge leaves it). Item names hold no backslash, so the array
        // literals need no further escaping for COPY's text format.
        const figures = issuerTotals(items);
        const t = sumIssuers([figures]);
        const kept = withDetails ? items : [];
        const statementLines = listOnce(withDetails ? lineIds : []);
        const statementNames = listOnce(withDetails ? names : []);
        statementRows.push(
          `${[
            invoiceId,
            account.lines[0].carrier,
            items.length,
            items.reduce((sum, i) => sum + i.amount, 0),
            plainArrayLiteral(statementLines.list),
            plainArrayLiteral(statementLines.refs),
            textArrayLiteral(statementNames.list),
            plainArrayLiteral(statementNames.refs),
            plainArrayLiteral(kept.map((i) => i.amount)),
            plainArrayLiteral(kept.map((i) => i.taxRate)),
            figures.taxable10,
            figures.tax10,
            figures.taxable8,
            figures.tax8,
            figures.nonTaxable,
            `${month}-01`,
          ].join('\t')}\n`,
        );
        if (withDetails) itemCount += items.length;
        invoiceRows.push(
          `${[
            invoiceId,
            account.id,
            `${month}-01`,
            back === 0 ? 'PROVISIONAL' : 'CONFIRMED',
            t.usageAmount,
            0,
            t.billingAmount,
            t.taxable10,
            t.tax10,
            0,
            0,
            0,
            `${month}-10`,
            lastDayOfMonth(month),
            back >= 2 ? 'PAID' : 'UNPAID',
            withDetails ? '\\N' : new Date().toISOString(),
          ].join('\t')}\n`,
        );
      }
      if (itemCount > 200_000) {
        await copy(client, 'invoice', INVOICE_COLUMNS, invoiceRows);
        await copy(client, 'carrier_statement', STATEMENT_COLUMNS, statementRows);
        counts.invoices += invoiceRows.length;
        counts.chargeItems += itemCount;
        invoiceRows.length = 0;
        statementRows.length = 0;
        itemCount = 0;
      }
    }
    await copy(client, 'invoice', INVOICE_COLUMNS, invoiceRows);
    await copy(client, 'carrier_statement', STATEMENT_COLUMNS, statementRows);
    counts.invoices += invoiceRows.length;
    counts.chargeItems += itemCount;

    const stride = Math.max(1, Math.floor(options.loginStride ?? 1));
    const logins = Math.min(options.loginAccounts ?? 0, Math.ceil(accounts.length / stride));
    if (logins > 0 && options.passwordHash) {
      await copy(
        client,
        'subscriber',
        'billing_account_id, login_id, password_hash, required_action',
        (function* () {
          for (let a = 0; a < logins; a++) {
            counts.subscribers++;
            yield `${accounts[a * stride].id}\tload${runId}${String(a).padStart(6, '0')}\t${options.passwordHash}\tNONE\n`;
          }
        })(),
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE billing_account, line, invoice, carrier_statement, subscriber');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const loginIds = Array.from(
    { length: counts.subscribers },
    (_, a) => `load${runId}${String(a).padStart(6, '0')}`,
  );
  return { ...counts, loginIds, bigAccountId: accounts[0].id, seconds: (performance.now() - started) / 1000 };
}

const INVOICE_COLUMNS =
  'id, billing_account_id, billing_month, status, usage_amount, adjustment_amount, billing_amount, taxable_10, tax_10, ' +
  'taxable_8, tax_8, non_taxable, issue_date, due_date, payment_status, details_purged_at';
const STATEMENT_COLUMNS =
  'invoice_id, carrier_id, item_count, amount, line_ids, line_refs, item_names, name_refs, amounts, tax_rates, ' +
  'taxable_10, tax_10, taxable_8, tax_8, non_taxable, billing_month';
