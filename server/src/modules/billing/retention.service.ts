import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import { monthStart, retention } from './billing-month';

export const RETENTION_QUEUE = 'billing-retention';
/** Nightly, after the day's statements are in: 03:30 Japan time. */
export const RETENTION_CRON = '30 3 * * *';
const BATCH = 5_000;

/**
 * SPEC §3 retention: charge items older than 4 months and invoices older than 15 months (the current
 * month included) are purged by a scheduled job on the queue — one instance runs it, whichever holds
 * the schedule. Batches keep each transaction short on large data sets.
 */
export class RetentionService {
  constructor(
    private readonly db: DataSource,
    private readonly boss: PgBoss,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<{ detailInvoices: number; invoices: number }> {
    const r = retention(this.clock);
    let detailInvoices = 0;
    for (;;) {
      const [rows] = (await this.db.query(
        `WITH batch AS (
           SELECT id FROM invoice WHERE billing_month < $1::date AND details_purged_at IS NULL LIMIT ${BATCH}
         ), gone AS (
           -- The statement row stays (what was received: hash, item count, amount); its items go.
           UPDATE carrier_statement SET line_ids = '{}', line_refs = '{}', item_names = '{}', name_refs = '{}', amounts = '{}',
                                        tax_rates = '{}'
            WHERE invoice_id IN (SELECT id FROM batch)
         )
         UPDATE invoice SET details_purged_at = $2 WHERE id IN (SELECT id FROM batch) RETURNING id`,
        [monthStart(r.oldestDetails), this.clock.now()],
      )) as [unknown[], number];
      detailInvoices += rows.length;
      if (rows.length < BATCH) break;
    }
    let invoices = 0;
    for (;;) {
      const [, count] = (await this.db.query(
        `DELETE FROM invoice WHERE id IN (SELECT id FROM invoice WHERE billing_month < $1::date LIMIT ${BATCH})`,
        [monthStart(r.oldestTotals)],
      )) as [unknown, number];
      invoices += count;
      if (count < BATCH) break;
    }
    return { detailInvoices, invoices };
  }

  async ensureQueue(): Promise<void> {
    await this.boss.createQueue(RETENTION_QUEUE, { retryLimit: 3, retryDelay: 300 });
  }

  async startWorker(): Promise<void> {
    await this.boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Asia/Tokyo' });
    await this.boss.work(RETENTION_QUEUE, async () => {
      await this.purge();
    });
  }
}
