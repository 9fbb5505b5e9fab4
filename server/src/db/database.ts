import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource, type Entities } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Database {
  dataSource: DataSource;
  /** Whether the app started its own embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

/** Any number of instances may start at once; this lock makes one of them migrate at a time. */
const MIGRATION_LOCK = 727_001;

/** External PostgreSQL when DATABASE_URL is set, else the embedded one under DATA_DIR; then migrate. */
export async function openDatabase(
  config: Config,
  log: Log,
  options: { migrate?: boolean; entities?: Entities } = {},
): Promise<Database> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        database: 'webbilling',
        logger: log,
      });
  const dataSource = createDataSource(embedded?.url ?? (config.databaseUrl as string), {
    entities: options.entities,
  });
  try {
    await dataSource.initialize();
    if (options.migrate !== false) await runMigrations(dataSource, log);
  } catch (error) {
    await dataSource.destroy().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded: embedded !== null,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

export async function runMigrations(dataSource: DataSource, log: Log): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    // A data migration says what it changed (e.g. how many invoices it re-totalled).
    for (const m of applied) {
      const report = (m.instance as { report?: object } | undefined)?.report;
      if (report) log.info({ migration: m.name, ...report }, 'migration report');
    }
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await runner.release();
  }
}
