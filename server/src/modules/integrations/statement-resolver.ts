import type { Pool } from 'pg';
import { type BillingMonth, monthStart } from '../billing/billing-month';

/** A billing account and the ids of its lines by line number. */
export interface AccountLines {
  id: string;
  lineId(lineNumber: string): string | undefined;
  /** Hex SHA-256 of the stored statement of a month (one asked for) and carrier, if any. */
  storedHash(month: BillingMonth, carrierId: number): string | undefined;
}

/**
 * Lookups shared by the API and the import: a fixed number of statements per call, whatever the size.
 *
 * The statements that take a batch's keys are not named (not prepared once per connection): a plan
 * cached while the tables were nearly empty (a fresh or truncated database) stayed in use as one import
 * filled them, and its sequential scans made each batch slower than the last (a million items: 3 s
 * became 50 s). Planned per batch, they see the tables as they are; planning costs ~1 ms a batch.
 */
export class StatementResolver {
  private carriers: Promise<Map<string, number>> | null = null;

  constructor(private readonly pool: Pool) {}

  /**
   * Carrier ids by code. A code's id never changes and carriers are never deleted, so the map is read
   * once per process, and again when a code asked for is not in it: a carrier added since (by
   * upsertCarrier, on any instance): one read of the small carrier table per call (a statement, or
   * an import batch) that names an unknown code.
   */
  async carrierIds(codes: Iterable<string>): Promise<Map<string, number>> {
    const read = this.carriers ?? this.readCarriers();
    const known = await read;
    for (const code of codes) if (!known.has(code)) return this.readCarriers();
    return known;
  }

  private readCarriers(): Promise<Map<string, number>> {
    const reading: Promise<Map<string, number>> = this.pool
      .query<{ code: string; id: number }>('SELECT code, id FROM carrier')
      .then(({ rows }) => new Map(rows.map((r) => [r.code, r.id])))
      .catch((error) => {
        if (this.carriers === reading) this.carriers = null;
        throw error;
      });
    this.carriers = reading;
    return reading;
  }

  async accountIds(customerNumbers: readonly string[]): Promise<Map<string, string>> {
    if (customerNumbers.length === 0) return new Map();
    const { rows } = await this.pool.query<{ customer_number: string; id: string }>({
      name: 'charges-account-ids',
      text: 'SELECT customer_number, id FROM billing_account WHERE customer_number = ANY($1::text[])',
      values: [[...new Set(customerNumbers)]],
    });
    return new Map(rows.map((r) => [r.customer_number, r.id]));
  }

  /**
   * Accounts by customer number, each with its lines (number to id) and, for the given months, the
   * hashes of the statements stored for them, in one round trip: a statement may bill only lines of
   * its own account (carriers bill most of an account's lines), and a statement equal to the stored
   * one is skipped without a transaction (a hint only: the write re-checks under the invoice lock).
   * Both come as one JSON object per account, parsed natively rather than as a row each.
   */
  async accounts(
    customerNumbers: readonly string[],
    months: readonly BillingMonth[] = [],
  ): Promise<Map<string, AccountLines>> {
    if (customerNumbers.length === 0) return new Map();
    const { rows } = await this.pool.query<{
      customer_number: string;
      id: string;
      lines: string;
      hashes: string;
    }>({
      text: `SELECT b.customer_number, b.id,
                      COALESCE((SELECT json_object_agg(l.line_number, l.id) FROM line l
                                 WHERE l.billing_account_id = b.id), '{}')::text AS lines,
                      COALESCE((SELECT json_object_agg(to_char(i.billing_month, 'YYYY-MM') || '|' || cs.carrier_id,
                                                       encode(cs.payload_hash, 'hex'))
                                  FROM invoice i JOIN carrier_statement cs ON cs.invoice_id = i.id
                                 WHERE i.billing_account_id = b.id AND i.billing_month = ANY($2::date[])
                                   AND cs.payload_hash IS NOT NULL), '{}')::text AS hashes
                 FROM billing_account b
                WHERE b.customer_number = ANY($1::text[])`,
      values: [[...new Set(customerNumbers)], [...new Set(months)].map(monthStart)],
    });
    const accounts = new Map<string, AccountLines>();
    for (const r of rows) {
      const lines = JSON.parse(r.lines) as Record<string, string>;
      const hashes = JSON.parse(r.hashes) as Record<string, string>;
      accounts.set(r.customer_number, {
        id: r.id,
        lineId: (lineNumber) => (Object.hasOwn(lines, lineNumber) ? lines[lineNumber] : undefined),
        storedHash: (month, carrierId) => {
          const key = `${month}|${carrierId}`;
          return Object.hasOwn(hashes, key) ? hashes[key] : undefined;
        },
      });
    }
    return accounts;
  }
}
