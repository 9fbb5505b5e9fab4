import type { ReadPool } from '../../db/read-replicas';
import { type BillingMonth, monthStart } from './billing-month';

export interface PaidInvoiceRow {
  id: string;
  billing_month: string;
  billing_amount: number;
  payment_status: 'UNPAID' | 'PAID';
  paid_at: Date | null;
}

/** One charge item with its carrier and line, in breakdown order (carrier, line number, printed order). */
export type ItemRow = [
  carrierCode: string,
  carrierName: string,
  registrationNumber: string | null,
  lineNumber: string,
  serviceName: string,
  itemName: string,
  amount: number,
  taxRate: number,
];

const ITEMS_CURSOR = 'billing_export_items';

/**
 * Reads for documents (PDF, CSV): an account's bills of a period with when they were paid, and every
 * item of one invoice as rows streamed from a cursor. The caller has found the invoice through
 * BillingService, scoped to the signed-in account.
 */
export class BillingExport {
  constructor(private readonly pool: ReadPool) {}

  /**
   * The account's bills from `from` to `to` (YYYY-MM, both included, already checked to lie in the
   * 15-month window), oldest first, with when each was paid.
   */
  async invoicesBetween(accountId: string, from: BillingMonth, to: BillingMonth): Promise<PaidInvoiceRow[]> {
    const { rows } = await this.pool.query<PaidInvoiceRow>({
      name: 'billing-export-invoices-between',
      text: `SELECT id, to_char(billing_month, 'YYYY-MM') AS billing_month, billing_amount, payment_status, paid_at
               FROM invoice
              WHERE billing_account_id = $1 AND billing_month >= $2::date AND billing_month <= $3::date
              ORDER BY billing_month`,
      values: [accountId, monthStart(from), monthStart(to)],
    });
    return rows;
  }

  /**
   * Every item of the invoice, `batch` rows at a time, from a cursor in a read-only transaction: one
   * sort in PostgreSQL, and memory bounded by the batch whatever the number of lines. Stopping early
   * (the consumer returns or throws) closes the cursor and gives the connection back.
   */
  async *items(invoiceId: string, batch = 2_000): AsyncGenerator<ItemRow[]> {
    const client = await this.pool.connect();
    let open = false;
    let broken = false;
    try {
      await client.query('BEGIN READ ONLY');
      open = true;
      await client.query(
        `DECLARE ${ITEMS_CURSOR} NO SCROLL CURSOR FOR
         SELECT c.code, c.name_ja, c.registration_number, l.line_number, l.service_name, cs.item_names[u.name_ref],
                u.amount, u.tax_rate
           FROM carrier_statement cs
           JOIN carrier c ON c.id = cs.carrier_id
           CROSS JOIN LATERAL unnest(cs.line_refs, cs.name_refs, cs.amounts, cs.tax_rates) WITH ORDINALITY
                AS u (line_ref, name_ref, amount, tax_rate, n)
           JOIN line l ON l.id = cs.line_ids[u.line_ref]
          WHERE cs.invoice_id = $1
          ORDER BY c.id, l.line_number, u.n`,
        [invoiceId],
      );
      for (;;) {
        const { rows } = await client.query<ItemRow>({
          text: `FETCH ${batch} FROM ${ITEMS_CURSOR}`,
          rowMode: 'array',
        });
        if (rows.length > 0) yield rows;
        if (rows.length < batch) break;
      }
      open = false;
      await client.query('COMMIT');
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // Stopped early (the download was cancelled): the transaction is still open; end it here.
      if (open && !broken) await client.query('ROLLBACK').catch(() => {});
      client.release(broken);
    }
  }
}
