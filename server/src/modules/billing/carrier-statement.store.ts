import type { Pool, PoolClient } from 'pg';
import { literalArray } from '../../db/array-literal';
import { AUDIT_COLUMNS, type AuditEntry, auditPlaceholders, auditValues } from '../audit/audit.service';
import { type BillingMonth, lastDayOfMonth, monthStart } from './billing-month';
import { type InvoiceTotals, type IssuerTotals, issuerTotals, sumIssuers } from './invoice-totals';
import type { StoredItems } from './statement-items';

/** A validated statement with its names resolved to ids, encoded for storage. */
export interface ResolvedStatement {
  accountId: string;
  billingMonth: BillingMonth;
  carrierId: number;
  items: StoredItems;
  hash: Buffer;
  issueDate: string | null;
  dueDate: string | null;
}

export type WriteOutcome =
  | { kind: 'changed'; invoiceId: string; created: boolean }
  | { kind: 'unchanged'; invoiceId: string }
  | { kind: 'confirmed'; invoiceId: string };

/** Who sent a statement, for its audit line (the account and the statement's figures are added). */
export type StatementAudit = Omit<AuditEntry, 'billingAccountId' | 'detail'> & {
  detail?: Record<string, unknown>;
};

/** Dates a new provisional invoice gets when the carrier sends none (as the bills print them). */
export function defaultInvoiceDates(month: BillingMonth): { issueDate: string; dueDate: string } {
  return { issueDate: `${month}-10`, dueDate: lastDayOfMonth(month) };
}

/**
 * The one writer of carriers' statements and of the provisional invoices they create and total
 * (integrations send and import them through here).
 */
export class CarrierStatementStore {
  constructor(private readonly pool: Pool) {}

  /** One statement in its own transaction, with its audit line: the API's path. */
  async upsert(s: ResolvedStatement, audit: StatementAudit, now: Date): Promise<WriteOutcome> {
    const client = await this.pool.connect();
    try {
      return await writeStatement(client, s, audit, now);
    } finally {
      client.release();
    }
  }

  /** Many statements set-based in one transaction: the bulk import's path (see writeStatements). */
  async upsertMany(
    statements: readonly ResolvedStatement[],
    apiKeyId: string | null,
    now: Date,
  ): Promise<WriteOutcome[]> {
    if (statements.length === 0) return [];
    const client = await this.pool.connect();
    try {
      return await writeStatements(client, statements, apiKeyId, now);
    } finally {
      client.release();
    }
  }
}

/**
 * A stored statement's issuer figures, as JSON: [taxable10, tax10, taxable8, tax8, nonTaxable]; or, for a
 * statement whose figures were never kept (its invoice's details purged before migration
 * 1765200000000), `{ rates: [[rate, amount], …] }` of the items it still has, taxed as items are.
 */
const storedFigures = (cs: string) => `
  CASE WHEN ${cs}.taxable_10 IS NOT NULL
       THEN json_build_array(${cs}.taxable_10, ${cs}.tax_10, ${cs}.taxable_8, ${cs}.tax_8, ${cs}.non_taxable)
       ELSE json_build_object('rates', COALESCE(
              (SELECT json_agg(json_build_array(r.tax_rate, r.amount))
                 FROM (SELECT u.tax_rate, sum(u.amount)::bigint AS amount
                         FROM unnest(${cs}.tax_rates, ${cs}.amounts) AS u (tax_rate, amount) GROUP BY u.tax_rate) r),
              '[]')) END`;

type StoredFigures = [number, number, number, number, number] | { rates: [number, number | string][] };

function figuresOf(stored: StoredFigures): IssuerTotals {
  if (Array.isArray(stored)) {
    const [taxable10, tax10, taxable8, tax8, nonTaxable] = stored;
    return { taxable10, tax10, taxable8, tax8, nonTaxable };
  }
  return issuerTotals(
    stored.rates.map(([rate, amount]) => ({ taxRate: rate as 0 | 8 | 10, amount: Number(amount) })),
  );
}

// Two statements, not one upsert returning `xmax = 0`: a partitioned table's RETURNING cannot read
// system columns. The insert waits for a concurrent one of the same invoice to end; the lock's
// statement then sees whichever row won (a new snapshot under READ COMMITTED).
const CREATE_INVOICE = `
  INSERT INTO invoice (billing_account_id, billing_month, status, usage_amount, billing_amount, issue_date, due_date)
  VALUES ($1, $2::date, 'PROVISIONAL', 0, 0, $3::date, $4::date)
  ON CONFLICT (billing_account_id, billing_month) DO NOTHING
  RETURNING id`;
const LOCK_INVOICE = `
  SELECT id, status FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date FOR UPDATE`;

// Read after the lock is held (a new snapshot under READ COMMITTED), so another carrier's statement
// committed while we waited is counted in the totals. Other carriers enter by their stored figures
// (STORED_FIGURES).
const READ_UNDER_LOCK = `
  SELECT (SELECT payload_hash FROM carrier_statement
           WHERE invoice_id = $1 AND carrier_id = $2 AND billing_month = $3::date) AS payload_hash,
         i.adjustment_amount,
         COALESCE((SELECT json_agg(${storedFigures('cs')}) FROM carrier_statement cs
                    WHERE cs.invoice_id = $1 AND cs.carrier_id <> $2 AND cs.billing_month = $3::date), '[]') AS others
    FROM invoice i WHERE i.id = $1 AND i.billing_month = $3::date`;

// One statement replaces the carrier's items (the statement row holds them), stores the totals, the
// statement hash and the audit line. The database bumps invoice.version (migration 1764500000000).
const REPLACE_ITEMS = `
  WITH totals AS (
    UPDATE invoice SET usage_amount = $7, billing_amount = $8, taxable_10 = $9, tax_10 = $10, taxable_8 = $11,
                       tax_8 = $12, non_taxable = $13,
                       issue_date = COALESCE($14::date, issue_date), due_date = COALESCE($15::date, due_date),
                       updated_at = greatest($16::timestamptz, updated_at + interval '1 millisecond')
     WHERE id = $1 AND billing_month = $37::date
  ),
  statement AS (
    INSERT INTO carrier_statement (invoice_id, carrier_id, payload_hash, item_count, amount, received_at, api_key_id,
                                   line_ids, line_refs, item_names, name_refs, amounts, tax_rates,
                                   taxable_10, tax_10, taxable_8, tax_8, non_taxable, billing_month)
    VALUES ($1, $2, $17, $18, $19, $16, $20, $3::uuid[], $30::smallint[], $4::text[], $31::smallint[], $5::int[],
            $6::smallint[], $32, $33, $34, $35, $36, $37::date)
    ON CONFLICT (invoice_id, carrier_id, billing_month) DO UPDATE
      SET payload_hash = EXCLUDED.payload_hash, item_count = EXCLUDED.item_count, amount = EXCLUDED.amount,
          received_at = EXCLUDED.received_at, api_key_id = EXCLUDED.api_key_id, line_ids = EXCLUDED.line_ids,
          line_refs = EXCLUDED.line_refs, item_names = EXCLUDED.item_names, name_refs = EXCLUDED.name_refs,
          amounts = EXCLUDED.amounts, tax_rates = EXCLUDED.tax_rates, taxable_10 = EXCLUDED.taxable_10,
          tax_10 = EXCLUDED.tax_10, taxable_8 = EXCLUDED.taxable_8, tax_8 = EXCLUDED.tax_8,
          non_taxable = EXCLUDED.non_taxable
  )
  INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(21)})`;

/**
 * Writes one carrier's statement in its own transaction, with the invoice row locked throughout: the
 * provisional invoice is created if missing, the carrier's items and figures replaced, the invoice's
 * totals recomputed as the sum of every carrier's figures (sumIssuers) and updated_at bumped. A stored hash equal to the statement's
 * changes nothing (checked before "confirmed", so replaying a statement after confirmation is still a
 * harmless no-op).
 */
async function writeStatement(
  client: PoolClient,
  s: ResolvedStatement,
  audit: StatementAudit,
  now: Date,
): Promise<WriteOutcome> {
  const defaults = defaultInvoiceDates(s.billingMonth);
  await client.query('BEGIN');
  try {
    const { rowCount: made } = await client.query({
      name: 'charges-create-invoice',
      text: CREATE_INVOICE,
      values: [
        s.accountId,
        monthStart(s.billingMonth),
        s.issueDate ?? defaults.issueDate,
        s.dueDate ?? defaults.dueDate,
      ],
    });
    const {
      rows: [locked],
    } = await client.query<{ id: string; status: string }>({
      name: 'charges-lock-invoice',
      text: LOCK_INVOICE,
      values: [s.accountId, monthStart(s.billingMonth)],
    });
    const invoice = { ...locked, created: made === 1 };
    const {
      rows: [current],
    } = await client.query<{
      payload_hash: Buffer | null;
      adjustment_amount: number;
      others: StoredFigures[];
    }>({
      name: 'charges-read-under-lock',
      text: READ_UNDER_LOCK,
      values: [invoice.id, s.carrierId, monthStart(s.billingMonth)],
    });
    if (current.payload_hash?.equals(s.hash)) {
      await client.query('ROLLBACK');
      return { kind: 'unchanged', invoiceId: invoice.id };
    }
    if (invoice.status !== 'PROVISIONAL') {
      await client.query('ROLLBACK');
      return { kind: 'confirmed', invoiceId: invoice.id };
    }
    const figures = issuerTotals(s.items.rates);
    const t = sumIssuers([...current.others.map(figuresOf), figures], current.adjustment_amount);
    const amount = s.items.amount;
    await client.query({
      name: 'charges-replace-items',
      text: REPLACE_ITEMS,
      values: [
        invoice.id,
        s.carrierId,
        s.items.lineIds,
        s.items.itemNames,
        s.items.amounts,
        s.items.taxRates,
        t.usageAmount,
        t.billingAmount,
        t.taxable10,
        t.tax10,
        t.taxable8,
        t.tax8,
        t.nonTaxable,
        s.issueDate,
        s.dueDate,
        now,
        s.hash,
        s.items.count,
        amount,
        audit.apiKeyId ?? null,
        ...auditValues(
          {
            ...audit,
            billingAccountId: s.accountId,
            detail: {
              invoiceId: invoice.id,
              billingMonth: s.billingMonth,
              carrierId: s.carrierId,
              itemCount: s.items.count,
              amount,
              ...audit.detail,
            },
          },
          now,
        ),
        s.items.lineRefs,
        s.items.nameRefs,
        figures.taxable10,
        figures.tax10,
        figures.taxable8,
        figures.tax8,
        figures.nonTaxable,
        monthStart(s.billingMonth),
      ],
    });
    await client.query('COMMIT');
    return { kind: 'changed', invoiceId: invoice.id, created: invoice.created };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

// A new invoice is inserted with the totals of the batch's statements for it (it has no others, so
// they are its totals); an existing one is only locked here and gets its totals recomputed below.
const LOCK_INVOICES = `
  INSERT INTO invoice (billing_account_id, billing_month, status, issue_date, due_date, usage_amount, billing_amount,
                       taxable_10, tax_10, taxable_8, tax_8, non_taxable, updated_at)
  SELECT k.account_id, k.month, 'PROVISIONAL', k.issue_date, k.due_date, k.usage_amount, k.billing_amount,
         k.taxable_10, k.tax_10, k.taxable_8, k.tax_8, k.non_taxable, $12::timestamptz
    FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[],
                $10::int[], $11::int[])
         AS k (account_id, month, issue_date, due_date, usage_amount, billing_amount, taxable_10, tax_10, taxable_8,
               tax_8, non_taxable)
   ORDER BY k.account_id, k.month
  ON CONFLICT (billing_account_id, billing_month) DO NOTHING
  RETURNING id`;
// Then every invoice of the batch, locked in key order (as CREATE_INVOICE and LOCK_INVOICE, for the same reason).
const LOCK_BATCH_INVOICES = `
  SELECT id, billing_account_id, to_char(billing_month, 'YYYY-MM') AS billing_month, status, adjustment_amount
    FROM invoice
   WHERE (billing_account_id, billing_month) IN (SELECT * FROM unnest($1::uuid[], $2::date[]))
   ORDER BY billing_account_id, billing_month
     FOR UPDATE`;

// Each stored statement of the locked invoices with its figures: the invoice's totals are the sum of the
// statements' (those not being replaced), plus the new ones'.
const STORED_UNDER_LOCK = `
  SELECT cs.invoice_id, cs.carrier_id, cs.payload_hash, ${storedFigures('cs')} AS figures
    FROM carrier_statement cs
   WHERE cs.invoice_id = ANY($1::uuid[])`;

// Each statement's items travel as array literals (one per statement, cast in SQL): rows of different
// lengths cannot share one multi-dimensional array parameter. The invoices' new totals go with them.
const REPLACE_MANY = `
  WITH statements AS (
    INSERT INTO carrier_statement (invoice_id, carrier_id, payload_hash, item_count, amount, received_at, api_key_id,
                                   line_ids, line_refs, item_names, name_refs, amounts, tax_rates,
                                   taxable_10, tax_10, taxable_8, tax_8, non_taxable, billing_month)
    SELECT k.invoice_id, k.carrier_id, k.payload_hash, k.item_count, k.amount, $10::timestamptz, $11::uuid,
           k.line_ids::uuid[], k.line_refs::smallint[], k.item_names::text[], k.name_refs::smallint[], k.amounts::int[],
           k.tax_rates::smallint[], k.taxable_10, k.tax_10, k.taxable_8, k.tax_8, k.non_taxable, k.billing_month
      FROM unnest($1::uuid[], $2::smallint[], $3::bytea[], $4::int[], $5::int[], $6::text[], $20::text[], $7::text[],
                  $21::text[], $8::text[], $9::text[], $22::int[], $23::int[], $24::int[], $25::int[], $26::int[],
                  $27::date[])
           AS k (invoice_id, carrier_id, payload_hash, item_count, amount, line_ids, line_refs, item_names, name_refs,
                 amounts, tax_rates, taxable_10, tax_10, taxable_8, tax_8, non_taxable, billing_month)
    ON CONFLICT (invoice_id, carrier_id, billing_month) DO UPDATE
      SET payload_hash = EXCLUDED.payload_hash, item_count = EXCLUDED.item_count, amount = EXCLUDED.amount,
          received_at = EXCLUDED.received_at, api_key_id = EXCLUDED.api_key_id, line_ids = EXCLUDED.line_ids,
          line_refs = EXCLUDED.line_refs, item_names = EXCLUDED.item_names, name_refs = EXCLUDED.name_refs,
          amounts = EXCLUDED.amounts, tax_rates = EXCLUDED.tax_rates, taxable_10 = EXCLUDED.taxable_10,
          tax_10 = EXCLUDED.tax_10, taxable_8 = EXCLUDED.taxable_8, tax_8 = EXCLUDED.tax_8,
          non_taxable = EXCLUDED.non_taxable
  )
  UPDATE invoice i SET usage_amount = k.usage_amount, billing_amount = k.billing_amount, taxable_10 = k.taxable_10,
                       tax_10 = k.tax_10, taxable_8 = k.taxable_8, tax_8 = k.tax_8, non_taxable = k.non_taxable,
                       updated_at = greatest($10::timestamptz, i.updated_at + interval '1 millisecond')
    FROM unnest($12::uuid[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[], $19::int[])
         AS k (id, usage_amount, billing_amount, taxable_10, tax_10, taxable_8, tax_8, non_taxable)
   WHERE i.id = k.id`;

/** Issuer figures as parameter columns, in the order taxable_10, tax_10, taxable_8, tax_8, non_taxable. */
function figuresColumns(figures: readonly IssuerTotals[]): number[][] {
  return [
    figures.map((f) => f.taxable10),
    figures.map((f) => f.tax10),
    figures.map((f) => f.taxable8),
    figures.map((f) => f.tax8),
    figures.map((f) => f.nonTaxable),
  ];
}

/** Invoice totals as the parameter columns both set-based statements take, in their column order. */
function totalsColumns(totals: readonly InvoiceTotals[]): number[][] {
  return [
    totals.map((t) => t.usageAmount),
    totals.map((t) => t.billingAmount),
    totals.map((t) => t.taxable10),
    totals.map((t) => t.tax10),
    totals.map((t) => t.taxable8),
    totals.map((t) => t.tax8),
    totals.map((t) => t.nonTaxable),
  ];
}

/**
 * Many statements, set-based, in one transaction: the bulk import's path, where a transaction per
 * statement would cost more round trips and commits than the rows themselves. Each statement is still
 * all-or-nothing (so is the whole batch), every invoice touched is locked (in key order, so batches
 * cannot deadlock one another) before its statements are read or written, and the outcome per
 * statement is the same as writeStatement's. Dates: a new invoice gets the month's defaults (imports
 * carry none). Who and what wrote them is the caller's to audit (the import audits once per file).
 *
 * The commit does not wait for its WAL flush: the caller makes one durable commit after its last batch
 * (which flushes every earlier one too, the WAL being sequential) before it reports anything written.
 * A crash in between loses only batches that a re-run of the same file writes again.
 */
async function writeStatements(
  client: PoolClient,
  statements: readonly ResolvedStatement[],
  apiKeyId: string | null,
  now: Date,
): Promise<WriteOutcome[]> {
  if (statements.length === 0) return [];
  // Each statement's issuer figures, and per invoice: its key and the figures of the batch's statements.
  const figures = new Map(statements.map((s) => [s, issuerTotals(s.items.rates)]));
  const invoiceKeys = new Map<string, { accountId: string; month: BillingMonth; figures: IssuerTotals[] }>();
  for (const s of statements) {
    const key = `${s.accountId}|${s.billingMonth}`;
    const f = figures.get(s) as IssuerTotals;
    const entry = invoiceKeys.get(key);
    if (entry) entry.figures.push(f);
    else invoiceKeys.set(key, { accountId: s.accountId, month: s.billingMonth, figures: [f] });
  }
  const keys = [...invoiceKeys.values()];
  const proposed = keys.map((k) => sumIssuers(k.figures));
  await client.query('BEGIN; SET LOCAL synchronous_commit = off');
  try {
    const { rows: made } = await client.query<{ id: string }>({
      text: LOCK_INVOICES,
      values: [
        keys.map((k) => k.accountId),
        keys.map((k) => monthStart(k.month)),
        keys.map((k) => defaultInvoiceDates(k.month).issueDate),
        keys.map((k) => defaultInvoiceDates(k.month).dueDate),
        ...totalsColumns(proposed),
        now,
      ],
    });
    const created = new Set(made.map((r) => r.id));
    const { rows: rowsLocked } = await client.query<{
      id: string;
      billing_account_id: string;
      billing_month: string;
      status: string;
      adjustment_amount: number;
    }>({
      text: LOCK_BATCH_INVOICES,
      values: [keys.map((k) => k.accountId), keys.map((k) => monthStart(k.month))],
    });
    const locked = rowsLocked.map((r) => ({ ...r, created: created.has(r.id) }));
    const invoices = new Map(locked.map((r) => [`${r.billing_account_id}|${r.billing_month}`, r]));
    const existing = locked.filter((r) => !r.created).map((r) => r.id);
    const { rows: stored } =
      existing.length === 0
        ? { rows: [] }
        : await client.query<{
            invoice_id: string;
            carrier_id: number;
            payload_hash: Buffer | null;
            figures: StoredFigures;
          }>({ text: STORED_UNDER_LOCK, values: [existing] });
    const hashes = new Map(stored.map((r) => [`${r.invoice_id}|${r.carrier_id}`, r.payload_hash]));

    const outcomes: WriteOutcome[] = [];
    const changed: { s: ResolvedStatement; invoiceId: string }[] = [];
    for (const s of statements) {
      const invoice = invoices.get(`${s.accountId}|${s.billingMonth}`);
      if (!invoice) throw new Error(`invoice ${s.accountId} ${s.billingMonth} was not locked`);
      if (hashes.get(`${invoice.id}|${s.carrierId}`)?.equals(s.hash)) {
        outcomes.push({ kind: 'unchanged', invoiceId: invoice.id });
      } else if (invoice.status !== 'PROVISIONAL') {
        outcomes.push({ kind: 'confirmed', invoiceId: invoice.id });
      } else {
        outcomes.push({ kind: 'changed', invoiceId: invoice.id, created: invoice.created });
        changed.push({ s, invoiceId: invoice.id });
      }
    }
    if (changed.length === 0) {
      await client.query('ROLLBACK');
      return outcomes;
    }

    // Existing invoices: the sum over every carrier, the new statements' figures and those of stored
    // statements that stay.
    const replaced = new Set(changed.map((c) => `${c.invoiceId}|${c.s.carrierId}`));
    const issuers = new Map<string, IssuerTotals[]>(existing.map((id) => [id, []]));
    for (const r of stored) {
      if (replaced.has(`${r.invoice_id}|${r.carrier_id}`)) continue;
      issuers.get(r.invoice_id)?.push(figuresOf(r.figures));
    }
    for (const { s, invoiceId } of changed) issuers.get(invoiceId)?.push(figures.get(s) as IssuerTotals);
    const adjustment = new Map(locked.map((r) => [r.id, r.adjustment_amount]));
    const touched = [...new Set(changed.map((c) => c.invoiceId))].filter((id) => issuers.has(id));
    const totals = touched.map((id) => sumIssuers(issuers.get(id) ?? [], adjustment.get(id) ?? 0));

    // One item column of every changed statement, as a text[] of literals (only names can need escaping).
    const items = (column: (i: StoredItems) => string, plain = true) =>
      literalArray(
        changed.map((c) => column(c.s.items)),
        plain,
      );
    await client.query({
      text: REPLACE_MANY,
      values: [
        changed.map((c) => c.invoiceId),
        changed.map((c) => c.s.carrierId),
        changed.map((c) => c.s.hash),
        changed.map((c) => c.s.items.count),
        changed.map((c) => c.s.items.amount),
        items((i) => i.lineIds),
        items((i) => i.itemNames, false),
        items((i) => i.amounts),
        items((i) => i.taxRates),
        now,
        apiKeyId,
        touched,
        ...totalsColumns(totals),
        items((i) => i.lineRefs),
        items((i) => i.nameRefs),
        ...figuresColumns(changed.map((c) => figures.get(c.s) as IssuerTotals)),
        changed.map((c) => monthStart(c.s.billingMonth)),
      ],
    });
    await client.query('COMMIT');
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
