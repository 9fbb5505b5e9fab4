import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { buildApp } from '../../server/src/app';
import type { Clock } from '../../server/src/clock';
import { type Config, loadConfig } from '../../server/src/config';
import { createDataSource } from '../../server/src/db/data-source';
import { runMigrations } from '../../server/src/db/database';
import { ensureDatabase } from '../../server/src/db/embedded-postgres';
import { entities } from '../../server/src/entities';
import type { PasswordHasher } from '../../server/src/security/password-hasher';
import { createServices, type Services } from '../../server/src/services';
import { type Standby, standbyUnavailable, startStandby } from './standby';

/** A clock tests move by hand, so expiry is tested without sleeping. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestApp {
  url: string;
  databaseUrl: string;
  app: FastifyInstance;
  services: Services;
  db: DataSource;
  clock: TestClock;
  /** Every SQL statement the app ran through its data source, in order (reset it freely). */
  statements: string[];
  /** The standby the bill reads go to, when the app has one (see startTestApp). */
  standby: Standby | null;
  close(): Promise<void>;
}

const quietLog = { info() {}, warn() {}, error() {} };

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest (test/support/global-setup.js)');
  return url;
}

/** A fresh, migrated database on the test server, dropped again by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(serverUrl());
  const name = `wbt_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  await ensureDatabase(admin.toString(), name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

let noStandby: string | null | undefined;

/** A standby for an app of the "reads on a standby" project; none (said once) where none can be made. */
async function standbyFor(): Promise<Standby | null> {
  if (noStandby === undefined) noStandby = standbyUnavailable();
  if (noStandby) {
    console.warn(`reads on a standby: no standby (${noStandby}); reads stay on the primary`);
    return null;
  }
  return startStandby();
}

/** The real app (same buildApp as production) on a random loopback port over its own database. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    workers?: boolean /** Share another app's database (a second server instance). */;
    databaseUrl?: string;
    /** Replaces the app's hasher (e.g. one that counts verifications). */
    hasher?: (config: Config) => PasswordHasher;
    /**
     * Bill reads on this hot standby of the test cluster (DATABASE_REPLICA_URLS). With
     * TEST_READS_ON_STANDBY=1 (the jest project "reads on a standby") every app gets its own.
     */
    standby?: Standby;
  } = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const ownStandby =
    !options.standby && process.env.TEST_READS_ON_STANDBY === '1' && !env.DATABASE_REPLICA_URLS
      ? await standbyFor()
      : null;
  const standby = options.standby ?? ownStandby;
  if (standby) {
    // The new database (and its migrations, below) reach the standby before the app reads from it.
    env = { DATABASE_REPLICA_URLS: standby.urlFor(database.url), ...env };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'wb-test-data-')),
    SEAL_KEY: randomBytes(32).toString('base64'),
    MAIL_POLL_SECONDS: '0.5',
    MAIL_RETRY_DELAY_SECONDS: '1',
    ...env,
  });
  const statements: string[] = [];
  const db = createDataSource(database.url, {
    entities,
    poolSize: 10,
    onQuery: (sql) => statements.push(sql),
  });
  await db.initialize();
  // Statements that bypass TypeORM (named statements on the pool) are counted too; the job queue's
  // polling, the throttle's reads and the read replicas' health check are left out, so counts are
  // those of the request being tested.
  const pool = (db.driver as unknown as { master: { query: (...args: unknown[]) => unknown } }).master;
  const poolQuery = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    const config = args[0] as string | { text: string };
    const text = typeof config === 'string' ? config : config.text;
    if (!/pgboss\.|rate_limit|pg_current_wal_flush_lsn/.test(text)) statements.push(text);
    return poolQuery(...args);
  };
  await runMigrations(db, quietLog);
  await standby?.caughtUp();
  const clock = new TestClock();
  const services = await createServices(config, db, {
    clock,
    workers: options.workers ?? true,
    hasher: options.hasher?.(config),
    log: {
      info() {},
      warn: (o, m) => console.warn(m, JSON.stringify(o)),
      error: (o, m) => console.error(m, o),
    },
  });
  const app = await buildApp(services, { logger: false });
  // Suites run as the "reads on a standby" project write their fixtures straight into the primary and
  // then read them through the app: each request waits until the standby has them, as it would for
  // the app's own writes (those wait in the app itself: read-replicas.test.ts tests that).
  if (ownStandby) {
    app.addHook('onRequest', () => ownStandby.caughtUp());
    // …and the statements their reads ran on the standby count as the primary's would.
    const replicas = services.replicas;
    const query = replicas.query.bind(replicas);
    replicas.query = (config) => {
      statements.push(config.text);
      return query(config);
    };
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    app,
    services,
    db,
    clock,
    statements,
    standby,
    async close() {
      await app.close();
      await services.stop();
      await db.destroy();
      await ownStandby?.destroy();
      await database.drop();
    },
  };
}
