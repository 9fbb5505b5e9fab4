#!/usr/bin/env node
// Does a bill screen cost more when the base is 100 times larger? The top screen (TopBilling) and the
// fresh 120-line breakdown (Breakdown) at 1,000 and at 100,000 accounts, measured in one run: the built
// server in production mode (a separate process) at 16 concurrent clients (autocannon, keep-alive),
// sending the PWA's own documents by id with session cookies, as bench:billing does.
//
// "At 1,000 accounts" means a deployment of 1,000 accounts: two databases loaded side by side by the
// same COPY loader (seed-load's), each in its own embedded PostgreSQL (default settings, so the same
// shared_buffers) with its own server, both VACUUMed, ANALYZEd and checkpointed after the load, as a
// settled base is. Not a 1,000-account subset of the large database, whose tables and indexes would be
// the large ones. The two are measured in alternating slices (support.js measureAlternating), so the
// VM's drift from minute to minute hits both sizes alike.
//
// The same visitors at both sizes: 1,000 subscribers sign in, every account of the small base and
// every 100th account of the large one (spread over its tables, not its first pages), and the top
// screen's requests go to their sessions in turn; the breakdown is the first account's (120 lines) at
// both sizes. So the figures show what the size of the tables costs a request (index depth, pages
// read, plans), not a larger number of active sessions. Every answer is computed afresh (no response
// cache). Sign-in is not measured: the servers hash with argon2's cheapest allowed parameters so that
// 2,000 sign-ins take about a minute instead of several, which changes nothing on the screens measured.
//
// Prints the load time, each database's size and its biggest tables, p50/p99 per page and size and
// the ratios, and last `scale: top p50 100k/1k = X, breakdown p50 100k/1k = Y` (target ≤ 1.2).
//   npm run build && npm run bench:scale
// Options (env): BENCH_ACCOUNTS (the large base, 100000), BENCH_SMALL (1000), BENCH_SESSIONS (signed-in
//                subscribers per base, 1000), BENCH_SECONDS (per page and base, 24), BENCH_SLICES (8),
//                BENCH_CLIENTS (16), BENCH_REPLICA (1: also through a read replica, see startReplica),
//                DATABASE_URL (else embedded clusters; with it, two fresh databases on that server,
//                which then share one cluster's memory, and its CPU: the database CPU per request
//                then counts whatever else that server runs)
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { Pool } = require('pg');
const {
  dist,
  root,
  openBenchDatabase,
  startServer,
  httpClient,
  trustedDocument,
  byId,
  hashPassword,
  sharesLine,
  loadLine,
  cannon,
  measureAlternating,
  postmasterPid,
} = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { loadBillingData } = require(`${dist}/modules/billing/load-data.js`);
const { currentBillingMonth } = require(`${dist}/modules/billing/billing-month.js`);
const { systemClock } = require(`${dist}/clock.js`);

const large = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const small = Number(process.env.BENCH_SMALL ?? 1000);
const sessions = Number(process.env.BENCH_SESSIONS ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 24);
const slices = Number(process.env.BENCH_SLICES ?? 8);
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const withReplica = process.env.BENCH_REPLICA === '1';
const PASSWORD = 'Load#2024pass';
const TARGET_RATIO = 1.2;
// Sign-in only prepares the sessions here (bench:login measures it): the cheapest hash config allows.
const CHEAP_ARGON2 = { ARGON2_MEMORY_KIB: '7168', ARGON2_TIME_COST: '1' };

const TOP = trustedDocument('TopBilling');
const BREAKDOWN = trustedDocument('Breakdown');
const LOGIN = trustedDocument('Login');

/**
 * BENCH_REPLICA=1: a hot standby of `bench`'s cluster, streaming from it, as `{ url, pid, stop() }`
 * (`url` for DATABASE_REPLICA_URLS, `pid` its postmaster's). The standby is the test support's (test/support/standby.js, plain
 * JavaScript so that benches can require it); without it, replica runs are refused before loading.
 */
const standbySupport = path.join(root, 'test/support/standby.js');
const startReplica = existsSync(standbySupport)
  ? async (bench) => {
      const { startStandby } = require(standbySupport);
      const standby = await startStandby({
        primaryUrl: bench.databaseUrl,
        // An embedded cluster is copied from its directory; DATABASE_URL's server by pg_basebackup.
        ...(bench.embedded ? { clusterDir: path.join(bench.dataDir, 'pg') } : {}),
      });
      await standby.caughtUp();
      const url = standby.urlFor(bench.databaseUrl);
      const pool = new Pool({ connectionString: url, max: 1 });
      const pid = await postmasterPid(pool);
      await pool.end();
      return { url, pid, stop: () => standby.destroy() };
    }
  : null;

const label = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds1 = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A base of `accounts` accounts in its own database, loaded, vacuumed and analysed. */
async function openBase(accounts, passwordHash) {
  const bench = await openBenchDatabase(`scale-${label(accounts)}`, { ownDatabase: true });
  const pool = new Pool({ connectionString: bench.databaseUrl, max: 4 });
  pool.on('error', () => {}); // the cluster stopping under idle connections at the end
  let loaded;
  let vacuumMs;
  try {
    loaded = await loadBillingData(pool, systemClock, {
      accounts,
      loginAccounts: Math.min(sessions, accounts),
      loginStride: Math.max(1, Math.floor(accounts / sessions)),
      passwordHash,
      seed: 1,
    });
    const vacuumStarted = performance.now();
    await pool.query('VACUUM (ANALYZE)');
    // The load's dirty pages written now, not by the checkpointer during the measurement (whose CPU
    // would count as the large base's): both bases settled alike.
    await pool.query('CHECKPOINT').catch(() => {}); // needs a superuser or pg_checkpoint
    vacuumMs = performance.now() - vacuumStarted;
  } catch (error) {
    await pool.end();
    await bench.close();
    throw error;
  }
  console.log(
    `${label(accounts).padStart(5)}: loaded ${loaded.accounts} accounts, ${loaded.lines} lines, ` +
      `${loaded.invoices} invoices, ${loaded.chargeItems} charge items in ${loaded.seconds.toFixed(1)} s ` +
      `(COPY, one transaction); VACUUM (ANALYZE) and CHECKPOINT ${seconds1(vacuumMs)}`,
  );
  return { accounts, bench, pool, loaded, database: await postmasterPid(pool) };
}

/** The database's size and its biggest tables (partitions counted in their partitioned table). */
async function sizes(pool) {
  const [{ bytes }] = (await pool.query('SELECT pg_database_size(current_database())::bigint AS bytes')).rows;
  const { rows } = await pool.query(`
    SELECT coalesce(pg_partition_root(c.oid), c.oid)::regclass::text AS name,
           sum(pg_total_relation_size(c.oid))::bigint AS total,
           sum(pg_relation_size(c.oid))::bigint AS heap,
           sum(pg_indexes_size(c.oid))::bigint AS indexes,
           sum(c.reltuples)::bigint AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     GROUP BY 1 ORDER BY 2 DESC LIMIT 6`);
  return { bytes: Number(bytes), tables: rows };
}

async function signIn(http, browser, loginIds) {
  const cookies = [];
  for (let i = 0; i < loginIds.length; i += clients) {
    const batch = loginIds.slice(i, i + clients).map(async (loginId) => {
      const res = await http.graphql(byId(LOGIN, { input: { loginId, password: PASSWORD } }), browser);
      const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('wb_session='));
      if (!cookie) throw new Error(`login without a session cookie: ${res.status} ${res.body}`);
      return cookie.split(';')[0];
    });
    cookies.push(...(await Promise.all(batch)));
  }
  return cookies;
}

async function main() {
  if (small >= large) throw new Error('BENCH_SMALL must be below BENCH_ACCOUNTS');
  if (withReplica && !startReplica)
    throw new Error(
      `BENCH_REPLICA=1: no standby support (${path.relative(root, standbySupport)}) in this checkout`,
    );
  console.log(
    `bench:scale: ${label(small)} vs ${label(large)} accounts, the built server in production mode, ` +
      `${clients} clients; ${loadLine()}`,
  );
  const config = loadConfig({ ...process.env, ...CHEAP_ARGON2, DATABASE_URL: 'postgres://unused' });
  const passwordHash = await hashPassword(config.argon2, PASSWORD);
  const bases = [];
  const servers = [];
  const replicas = [];
  try {
    for (const accounts of [small, large]) bases.push(await openBase(accounts, passwordHash));

    console.log('\ndatabase sizes (after VACUUM):');
    const measured = [];
    for (const base of bases) {
      const s = await sizes(base.pool);
      measured.push(s);
      console.log(
        `  ${label(base.accounts).padStart(5)}: pg_database_size ${mib(s.bytes)} ` +
          `(${(s.bytes / base.accounts / 1024).toFixed(1)} KiB per account); biggest tables:`,
      );
      for (const t of s.tables)
        console.log(
          `         ${t.name.padEnd(22)} ${mib(Number(t.total)).padStart(9)} (heap ${mib(Number(t.heap))}, ` +
            `indexes ${mib(Number(t.indexes))}, ${Number(t.rows).toLocaleString('en')} rows)`,
        );
    }
    const perAccount = (measured[1].bytes - measured[0].bytes) / (large - small);
    console.log(
      `  growth: ${(perAccount / 1024).toFixed(1)} KiB per added account ` +
        `(${mib(measured[1].bytes - measured[0].bytes)} for ${large - small} accounts)`,
    );

    // One server per base, and with BENCH_REPLICA one more reading from the base's standby.
    const month = currentBillingMonth(systemClock);
    const runs = [];
    for (const base of bases) {
      const variants = [{ name: label(base.accounts), env: {}, database: [base.database] }];
      if (withReplica) {
        const replica = await startReplica(base.bench);
        replicas.push(replica);
        variants.push({
          name: `${label(base.accounts)} replica`,
          env: { DATABASE_REPLICA_URLS: replica.url },
          database: [base.database, replica.pid], // the primary still answers sessions and writes
        });
      }
      for (const variant of variants) {
        const server = await startServer({
          DATABASE_URL: base.bench.databaseUrl,
          DATA_DIR: base.bench.dataDir,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          SEAL_KEY: randomBytes(32).toString('base64'),
          ...CHEAP_ARGON2,
          ...variant.env,
        });
        servers.push(server);
        const http = httpClient(server.url, { maxSockets: clients });
        const browser = { origin: server.url };
        const signInStarted = performance.now();
        const cookies = await signIn(http, browser, base.loaded.loginIds);
        const sample = await http.graphql(byId(BREAKDOWN, { billingMonth: month }), {
          ...browser,
          cookie: cookies[0],
        });
        const lines = new Set(
          JSON.parse(String(sample.body)).data.billing.breakdown.carriers.flatMap((c) =>
            c.lines.map((l) => l.line.lineNumber),
          ),
        ).size;
        http.close();
        console.log(
          `\n${variant.name}: ${cookies.length} subscribers signed in (${seconds1(performance.now() - signInStarted)}); ` +
            `the breakdown has ${lines} lines, ${(sample.body.length / 1024).toFixed(0)} KiB of JSON`,
        );
        runs.push({ name: variant.name, base, server, cookies, browser, database: variant.database });
      }
    }

    const urlOf = (run) => run.server.url;
    const encoding = { 'accept-encoding': 'gzip, deflate, br, zstd' }; // what Chromium sends
    const pages = [
      {
        key: 'top',
        title: 'top screen (TopBilling)',
        task: (run) =>
          cannon(urlOf(run), byId(TOP), () => ({ ...run.browser, ...encoding }), clients, {
            perRequest: (n) => ({ cookie: run.cookies[n % run.cookies.length] }),
          }),
      },
      {
        key: 'breakdown',
        title: '120-line breakdown (Breakdown, fresh)',
        task: (run) =>
          cannon(
            urlOf(run),
            byId(BREAKDOWN, { billingMonth: month }),
            () => ({ ...run.browser, ...encoding, cookie: run.cookies[0] }),
            clients,
          ),
      },
    ];

    const results = {};
    for (const page of pages) {
      console.log(
        `\n${page.title}: ${clients} clients, ${seconds} s per base in ${slices} alternating slices; ${loadLine()}`,
      );
      const tasks = Object.fromEntries(
        runs.map((run) => [run.name, { ...page.task(run), server: run.server.pid, database: run.database }]),
      );
      // Warm-up: optimised code, statements planned on every pooled connection, the pages in cache.
      for (const task of Object.values(tasks)) await task.run(3);
      results[page.key] = await measureAlternating(tasks, { seconds, slices });
      for (const [name, r] of Object.entries(results[page.key]))
        console.log(
          `  ${name.padEnd(13)} ${r.rps.toFixed(0).padStart(5)} req/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   ` +
            `p99 ${r.p99.toFixed(1).padStart(5)} ms (p90 ${r.tail[0].toFixed(0)}, max ${r.tail[2].toFixed(0)})   ` +
            `CPU per request: server ${r.cpuPerRequest.toFixed(0)} µs, database ${r.databaseCpuPerRequest.toFixed(0)} µs` +
            (r.databaseCpuPerRequestEach.length > 1
              ? ` (primary ${r.databaseCpuPerRequestEach[0].toFixed(0)}, replica ${r.databaseCpuPerRequestEach[1].toFixed(0)})`
              : '') +
            ', ' +
            `load generator ${r.clientCpuPerRequest.toFixed(0)} µs; ${sharesLine(r.machine)}`,
        );
    }

    const ratio = (page, key, suffix = '') =>
      results[page][`${label(large)}${suffix}`][key] / results[page][`${label(small)}${suffix}`][key];
    const ratios = (suffix = '') =>
      pages
        .map(
          (page) =>
            `${page.key} p50 ×${ratio(page.key, 'p50', suffix).toFixed(2)}, p99 ×${ratio(page.key, 'p99', suffix).toFixed(2)}, ` +
            `server CPU ×${ratio(page.key, 'cpuPerRequest', suffix).toFixed(2)}, ` +
            `database CPU ×${ratio(page.key, 'databaseCpuPerRequest', suffix).toFixed(2)}`,
        )
        .join('; ');
    console.log(`\n${label(large)}/${label(small)}: ${ratios()}`);
    if (withReplica) console.log(`${label(large)}/${label(small)} with a replica: ${ratios(' replica')}`);
    const verdict = (x) => `${x.toFixed(2)}${x <= TARGET_RATIO ? '' : ' (over the 1.2 target)'}`;
    if (withReplica)
      console.log(
        `scale (replica): top p50 ${label(large)}/${label(small)} = ${verdict(ratio('top', 'p50', ' replica'))}, ` +
          `breakdown p50 ${label(large)}/${label(small)} = ${verdict(ratio('breakdown', 'p50', ' replica'))}`,
      );
    console.log(
      `scale: top p50 ${label(large)}/${label(small)} = ${verdict(ratio('top', 'p50'))}, ` +
        `breakdown p50 ${label(large)}/${label(small)} = ${verdict(ratio('breakdown', 'p50'))}`,
    );
  } finally {
    for (const server of servers) await server.stop();
    for (const replica of replicas) await replica.stop();
    for (const base of bases) {
      await base.pool.end();
      await base.bench.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
