// A hot standby of a PostgreSQL cluster for the read-replica tests and benches (plain JavaScript, so
// bench scripts can require it too; types in standby.d.ts). Run directly, it starts one and keeps it
// running until Ctrl-C:
//   node test/support/standby.js <primary URL> [embedded cluster directory]
// prints DATABASE_REPLICA_URLS=<the same database on the standby>.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} = require('node:fs');
const { createServer } = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client, Pool } = require('pg');

/** A loopback port nobody is listening on, chosen by the OS (as test/support/free-port.ts). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const SLOT_PREFIX = 'wb_test_standby_';

function serverUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest (test/support/global-setup.js)');
  return url;
}

function adminUrl(primaryUrl) {
  const url = new URL(primaryUrl);
  url.pathname = '/postgres';
  return url.toString();
}

async function onPrimary(primaryUrl, fn) {
  const client = new Client({ connectionString: adminUrl(primaryUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL refuses to run as root: as root, the standby runs as `postgres`, like the embedded cluster. */
function runAs() {
  if (os.userInfo().uid !== 0) return null;
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { stdio: 'pipe' }).toString());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(dir, user) {
  execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, dir]);
}

/**
 * The data directory copied for a base backup, as PostgreSQL's docs list it: without the WAL (streamed
 * from the slot), the pid and options files, and the directories rebuilt at start. Files that vanish
 * during the copy (a parallel suite dropping its database) are skipped: WAL replay redoes the drop.
 */
const SKIP_CONTENTS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'standby.signal']);

function copyCluster(from, to, top = true) {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = readdirSync(from);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const name of entries) {
    if (top && SKIP_FILES.has(name)) continue;
    if (name.startsWith('pgsql_tmp')) continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    try {
      const stat = lstatSync(source);
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
      else if (stat.isDirectory()) {
        if (top && SKIP_CONTENTS.has(name)) mkdirSync(target, { mode: 0o700 });
        else copyCluster(source, target, false);
      } else if (stat.isFile()) copyFileSync(source, target); // not the cluster's Unix socket
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  if (top) mkdirSync(path.join(to, 'pg_wal', 'archive_status'), { recursive: true });
}

/** Slots of standbys whose test process is gone (killed before it could drop them). */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/**
 * Standbys left by a test process that was killed (no exit handler ran): stopped and deleted. Their
 * folders carry the creating process's id.
 */
function removeOrphans() {
  for (const name of readdirSync(os.tmpdir())) {
    const match = /^wb-test-standby-(\d+)-/.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      const pid = Number(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // Only that folder's own postmaster (a recycled pid is someone else's process).
      if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(pid, 'SIGQUIT');
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dropStaleSlots(client) {
  const { rows } = await client.query(
    `SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE '${SLOT_PREFIX}%' AND NOT active`,
  );
  for (const { slot_name } of rows) {
    const pid = Number(slot_name.slice(SLOT_PREFIX.length).split('_')[0]);
    if (!alive(pid)) await client.query('SELECT pg_drop_replication_slot($1)', [slot_name]).catch(() => {});
  }
}

/** Debian's binaries of the system PostgreSQL's major version (pg_basebackup, postgres, psql). */
function systemBinaries(url) {
  const clients = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const psql = clients
    .map((v) => `/usr/lib/postgresql/${v}/bin/psql`)
    .filter((p) => existsSync(p))
    .pop();
  if (!psql) return 'no PostgreSQL client binaries under /usr/lib/postgresql';
  const version = spawnSync(psql, [conninfo(url, 'postgres'), '-Atc', 'SHOW server_version_num'], {
    stdio: 'pipe',
  });
  const major = Math.floor(Number(String(version.stdout).trim()) / 10000);
  if (!major) return `cannot ask ${url.host} its version: ${String(version.stderr).trim()}`;
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(path.join(bin, 'pg_basebackup')) || !existsSync(path.join(bin, 'postgres')))
    return `no ${bin}/pg_basebackup and postgres for the PostgreSQL ${major} at ${url.host}`;
  return { bin, major };
}

function conninfo(url, database, extra = '') {
  const parts = [
    `host=${url.hostname}`,
    `port=${url.port || 5432}`,
    `user=${decodeURIComponent(url.username || 'postgres')}`,
    url.password ? `password=${decodeURIComponent(url.password)}` : '',
    `dbname=${database}`,
    extra,
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Why no standby can be made of the test cluster on this machine, or null when one can. Only the
 * system PostgreSQL can refuse: its pg_hba.conf must allow replication connections from 127.0.0.1,
 * and Debian's binaries of its version must be installed.
 */
function standbyUnavailable() {
  if (!process.env.DATABASE_URL) return null;
  const url = new URL(serverUrl());
  const found = systemBinaries(url);
  if (typeof found === 'string') return found;
  const probe = spawnSync(
    path.join(found.bin, 'psql'),
    [conninfo(url, 'postgres', 'replication=true'), '-c', 'IDENTIFY_SYSTEM'],
    { stdio: 'pipe' },
  );
  if (probe.status !== 0)
    return `${url.host} refuses replication connections (${String(probe.stderr).trim()}); allow them in its pg_hba.conf: "host replication all 127.0.0.1/32 trust" (.ci/run does)`;
  return null;
}

/**
 * Starts a standby of the cluster of `primaryUrl` (default: the test cluster). With `clusterDir` (the
 * embedded cluster's data directory, on this machine) it copies the files; without, it runs
 * pg_basebackup (Debian's binaries of the server's version).
 */
async function startStandby(options = {}) {
  const primaryUrl = options.primaryUrl ?? serverUrl();
  const clusterDir =
    options.clusterDir ??
    (options.primaryUrl || process.env.DATABASE_URL
      ? undefined
      : path.join(process.env.TEST_PG_DATA_DIR, 'pg'));
  const onPrimaryCluster = (fn) => onPrimary(primaryUrl, fn);
  const primary = new URL(primaryUrl);
  const user = runAs();
  const slot = `${SLOT_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  removeOrphans();
  const dir = mkdtempSync(path.join(os.tmpdir(), `wb-test-standby-${process.pid}-`));
  if (user) chownTree(dir, user);
  const dataDir = path.join(dir, 'data');
  const system = !clusterDir;

  // Hot standby needs these at least as high as on the primary.
  const settings = await onPrimaryCluster(async (c) => {
    await dropStaleSlots(c);
    await c.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    const { rows } = await c.query(
      `SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'max_worker_processes',
         'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction', 'server_version_num')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });

  const dropSlot = () =>
    onPrimaryCluster((c) => c.query('SELECT pg_drop_replication_slot($1)', [slot])).catch(() => {});
  let postgres;
  try {
    if (system) {
      const found = systemBinaries(primary);
      if (typeof found === 'string') throw new Error(found);
      const { bin } = found;
      postgres = path.join(bin, 'postgres');
      const result = spawnSync(
        path.join(bin, 'pg_basebackup'),
        ['-D', dataDir, '-X', 'stream', '-S', slot, '-c', 'fast', '-d', conninfo(primary, 'postgres')],
        { ...user, stdio: 'pipe' },
      );
      if (result.status !== 0) throw new Error(`pg_basebackup failed: ${String(result.stderr).trim()}`);
      // Debian keeps the configuration in /etc: the copy has none of its own.
      writeFileSync(path.join(dataDir, 'postgresql.conf'), '');
      writeFileSync(
        path.join(dataDir, 'pg_hba.conf'),
        'local all all trust\nhost all all 127.0.0.1/32 trust\n',
      );
    } else {
      // The embedded cluster records how it was started; its binary is one the postgres user can run.
      const cluster = realpathSync(clusterDir);
      postgres = readFileSync(path.join(cluster, 'postmaster.opts'), 'utf8').split(' ')[0].trim();
      await onPrimaryCluster(async (c) => {
        await c.query("SELECT pg_backup_start('web-billing test standby', true)");
        try {
          copyCluster(cluster, dataDir);
        } finally {
          const { rows } = await c.query('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)');
          writeFileSync(path.join(dataDir, 'backup_label'), rows[0].labelfile);
          if (rows[0].spcmapfile) writeFileSync(path.join(dataDir, 'tablespace_map'), rows[0].spcmapfile);
        }
      });
    }
    const primaryConninfo = conninfo(primary, 'postgres', 'application_name=wb_test_standby');
    writeFileSync(path.join(dataDir, 'standby.signal'), '');
    writeFileSync(
      path.join(dataDir, 'postgresql.auto.conf'),
      `primary_conninfo = '${primaryConninfo.replace(/'/g, "''")}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
    );
    if (user) chownTree(dir, user);
  } catch (error) {
    await dropSlot();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'logging_collector=off',
    ...[
      'max_connections',
      'max_worker_processes',
      'max_wal_senders',
      'max_prepared_transactions',
      'max_locks_per_transaction',
    ]
      .filter((name) => settings[name])
      .flatMap((name) => ['-c', `${name}=${settings[name]}`]),
  ];
  const standbyUrl = (database) => {
    const url = new URL(primary);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    url.pathname = `/${database}`;
    url.search = '';
    return url.toString();
  };

  let server = null;
  let log = '';
  const start = async () => {
    log = '';
    const child = spawn(postgres, args, {
      ...user,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    child.stdout?.on('data', (chunk) => {
      log = (log + chunk).slice(-4000);
    });
    child.stderr?.on('data', (chunk) => {
      log = (log + chunk).slice(-4000);
    });
    server = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the standby exited at start: ${log}`);
      const client = new Client({ connectionString: standbyUrl('postgres'), connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        const { rows } = await client.query('SELECT pg_is_in_recovery() AS standby');
        if (!rows[0].standby) throw new Error('the copy is not in recovery');
        return;
      } catch (error) {
        if (error.message === 'the copy is not in recovery') throw error;
        if (Date.now() > deadline) throw new Error(`the standby did not accept connections in 60 s: ${log}`);
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.end().catch(() => {});
      }
    }
  };
  const stop = () =>
    new Promise((resolve) => {
      const child = server;
      server = null;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown
    });
  const onExit = () => server?.kill('SIGINT');
  process.once('exit', onExit);

  // Kept open: caughtUp() may run before every request (the jest project "reads on a standby").
  const primaryPool = new Pool({ connectionString: adminUrl(primaryUrl), max: 2 });
  primaryPool.on('error', () => {});
  const standbyPools = new Map();
  const query = async (database, text, values = []) => {
    let pool = standbyPools.get(database);
    if (!pool) {
      pool = new Pool({ connectionString: standbyUrl(database), max: 2 });
      pool.on('error', () => {});
      standbyPools.set(database, pool);
    }
    return (await pool.query(text, values)).rows;
  };
  const endStandbyPools = async () => {
    const pools = [...standbyPools.values()];
    standbyPools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => {})));
  };

  try {
    await start();
  } catch (error) {
    await stop();
    await dropSlot();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    urlFor(primaryUrl) {
      return standbyUrl(new URL(primaryUrl).pathname.slice(1));
    },
    async stop() {
      await endStandbyPools();
      await stop();
    },
    start,
    async caughtUp() {
      const [{ lsn }] = (await primaryPool.query('SELECT pg_current_wal_flush_lsn()::text AS lsn')).rows;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [row] = await query('postgres', 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]);
        if (row.done) return;
        if (Date.now() > deadline) throw new Error('the standby did not catch up in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    query,
    async destroy() {
      process.off('exit', onExit);
      await endStandbyPools();
      await primaryPool.end().catch(() => {});
      await stop();
      await dropSlot();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startStandby, standbyUnavailable };

if (require.main === module) {
  const [primaryUrl, clusterDir] = process.argv.slice(2);
  if (!primaryUrl) {
    console.error('usage: node test/support/standby.js <primary URL> [embedded cluster directory]');
    process.exit(2);
  }
  startStandby({ primaryUrl, clusterDir: clusterDir && path.resolve(clusterDir) }).then(
    (standby) => {
      console.log(`DATABASE_REPLICA_URLS=${standby.urlFor(primaryUrl)}`);
      const end = () => standby.destroy().then(() => process.exit(0));
      process.once('SIGINT', end);
      process.once('SIGTERM', end);
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
