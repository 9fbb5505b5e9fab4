import type { Pool } from 'pg';
import PgBoss from 'pg-boss';

/**
 * The PostgreSQL-backed job queue (pg-boss), on the app's own connection pool. Its schema is created
 * by our migrations, so it never migrates itself. Safe with any number of server instances: jobs are
 * claimed with SELECT … FOR UPDATE SKIP LOCKED.
 */
export function createJobQueue(
  pool: Pool,
  options: { supervise: boolean; superviseIntervalSeconds?: number },
): PgBoss {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    migrate: false,
    supervise: options.supervise,
    // How often an instance looks for jobs whose worker died (expired), so they run again. pg-boss does
    // that in its "monitor" step, throttled per queue by monitorIntervalSeconds (60 s by default, stored
    // in the database, so a restarted instance waits too): both on the same clock, or a mail whose
    // sender died waited up to a minute more than its send timeout before it was tried again.
    superviseIntervalSeconds: options.superviseIntervalSeconds,
    monitorIntervalSeconds: options.superviseIntervalSeconds,
    // Cron schedules (the retention job) are kept by the instances that run workers.
    schedule: options.supervise,
  });
  return boss;
}

/**
 * A housekeeping job run on a cron schedule by whichever instance holds the schedule (pg-boss), for
 * the processes that run workers.
 */
export async function runEvery(boss: PgBoss, queue: string, cron: string, run: () => Promise<unknown>) {
  await boss.createQueue(queue, { retryLimit: 1 });
  await boss.schedule(queue, cron, {});
  await boss.work(queue, async () => {
    await run();
  });
}
