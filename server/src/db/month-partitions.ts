import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock';

/** The tables partitioned by month (migration 1765300000000), each named `<table>_YYYY_MM`. */
export const PARTITIONED_TABLES = ['invoice', 'carrier_statement', 'audit_event'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** Months ahead that always have their partitions: a missed night or three never refuses a write. */
export const MONTHS_AHEAD = 3;
export const PARTITIONS_QUEUE = 'month-partitions';
/** Nightly, well before the day's statements arrive (server time; the job is idempotent). */
export const PARTITIONS_CRON = '0 2 * * *';

const tokyoMonth = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
});

/** The first day of the Japan-time month `delta` months from `now`, as `YYYY-MM-01`. */
export function monthStartFrom(now: Date, delta = 0): string {
  const [y, m] = tokyoMonth.format(now).slice(0, 7).split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Creates the missing monthly partitions of every partitioned table from `from` to `to` (first days of
 * months), through the migration's `ensure_month_partitions`: idempotent, and one instance at a time
 * per table (advisory lock), so instances starting together or two runs of the job are safe. Adding a
 * partition locks its table briefly; lock_timeout keeps a long reader from queueing every request
 * behind that lock (the job runs again, and months ahead leave room).
 */
export function ensureMonthPartitions(
  db: DataSource,
  from: string,
  to: string,
  tables: readonly PartitionedTable[] = PARTITIONED_TABLES,
): Promise<number> {
  return db.transaction(async (tx: EntityManager) => {
    await tx.query(`SET LOCAL lock_timeout = '5s'`);
    let made = 0;
    for (const table of tables) {
      const [row]: { made: number }[] = await tx.query(
        'SELECT ensure_month_partitions($1::regclass, $2::date, $3::date) AS made',
        [table, from, to],
      );
      made += row.made;
    }
    return made;
  });
}

/** Partitions for this month and MONTHS_AHEAD more, at start-up and nightly (job queue). */
export class MonthPartitions {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  ensureAhead(): Promise<number> {
    const now = this.clock.now();
    return ensureMonthPartitions(this.db, monthStartFrom(now), monthStartFrom(now, MONTHS_AHEAD));
  }
}
