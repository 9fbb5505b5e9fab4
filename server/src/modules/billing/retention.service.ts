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
 * the schedule. Invoices and their carrier statements are partitioned by month (migration
 * 1765300000000), so a month past 15 goes whole: its partitions are detached and dropped, no row is
 * deleted one by one (the rows of the small tables that point at its invoices excepted). Items live in
 * the statement rows, whose figures are kept the 15 months, so the 4-month purge empties them in
 * batches that keep each transaction short.
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
           SELECT id, billing_month FROM invoice
            WHERE billing_month < $1::date AND details_purged_at IS NULL LIMIT ${BATCH}
         ), gone AS (
           -- The statement row stays (what was received: hash, item count, amount); its items go.
           UPDATE carrier_statement SET line_ids = '{}', line_refs = '{}', item_names = '{}', name_refs = '{}', amounts = '{}',
                                        tax_rates = '{}'
            WHERE (invoice_id, billing_month) IN (SELECT id, billing_month FROM batch)
         )
         UPDATE invoice SET details_purged_at = $2
          WHERE (id, billing_month) IN (SELECT id, billing_month FROM batch) RETURNING id`,
        [monthStart(r.oldestDetails), this.clock.now()],
      )) as [unknown[], number];
      detailInvoices += rows.length;
      if (rows.length < BATCH) break;
    }
    let invoices = 0;
    for (const month of await this.monthsPast(monthStart(r.oldestTotals)))
      invoices += await this.dropMonth(month);
    return { detailInvoices, invoices };
  }

  /** Months (first days) of the invoice partitions wholly before `oldest`, oldest first. */
  private async monthsPast(oldest: string): Promise<string[]> {
    const rows: { month: string }[] = await this.db.query(
      `SELECT to_char(to_date(substring(c.relname FROM '_(\\d{4}_\\d{2})$'), 'YYYY_MM'), 'YYYY-MM-DD') AS month
         FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
        WHERE h.inhparent = 'invoice'::regclass AND c.relname ~ '^invoice_\\d{4}_\\d{2}$'
        ORDER BY 1`,
    );
    return rows.map((r) => r.month).filter((m) => m < oldest);
  }

  /**
   * One month, all or nothing: the rows that point at its invoices, then its statements' partition,
   * then its invoices' (DETACH checks that nothing points at them any more). Plain DETACH, not
   * CONCURRENTLY: it is only a catalog change, it can run in this transaction (CONCURRENTLY cannot, and
   * leaves a half-detached partition behind if interrupted), and lock_timeout keeps its brief exclusive
   * lock from queueing readers behind a long query (the job is retried).
   */
  private async dropMonth(month: string): Promise<number> {
    const suffix = month.slice(0, 7).replace('-', '_');
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '5s'`);
      const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM invoice_${suffix}`);
      for (const table of ['payment', 'payeasy_slip', 'billing_notification_sent', 'invoice_notice']) {
        await tx.query(`DELETE FROM ${table} WHERE billing_month = $1::date`, [month]);
      }
      if ((await tx.query(`SELECT to_regclass('carrier_statement_${suffix}') AS t`))[0].t) {
        await tx.query(`ALTER TABLE carrier_statement DETACH PARTITION carrier_statement_${suffix}`);
        await tx.query(`DROP TABLE carrier_statement_${suffix}`);
      }
      await tx.query(`ALTER TABLE invoice DETACH PARTITION invoice_${suffix}`);
      await tx.query(`DROP TABLE invoice_${suffix}`);
      return n;
    });
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
