#!/usr/bin/env node
// The lines view (charges by line, issue 16) under load: the built server in production mode (a
// separate process) at 16 concurrent clients (autocannon, keep-alive), each request the PWA's own
// LineCharges document by id with the session cookie of an account with 1,000 lines (4 months of ~10
// items per line: 40,000 items), among BENCH_ACCOUNTS accounts loaded by COPY (seed-load's loader).
// Every answer is computed afresh (no response cache). Four requests the screen makes, measured one
// after the other: the first page by amount, a page deep into the list by line number (a cursor), a
// search by line number as typed (with dashes), a search by service name (matching every line).
// Target: p99 < 100 ms for each.
//   npm run build && npm run bench:lines
// Options (env): BENCH_SECONDS (per request kind, default 8), BENCH_CLIENTS (16), BENCH_ACCOUNTS
//                (10000), BENCH_LINES (1000, at most 1,000), BENCH_FIRST (the page size, 50 as the PWA's),
//                DATABASE_URL (else an embedded cluster)
const { randomBytes } = require('node:crypto');
const { Pool } = require('pg');
const {
  dist,
  openBenchDatabase,
  startServer,
  httpClient,
  trustedDocument,
  byId,
  hashPassword,
  processCpuSeconds,
  cpuSnapshot,
  cpuShares,
  sharesLine,
  percentile,
  loadLine,
  cannon,
} = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { loadBillingData } = require(`${dist}/modules/billing/load-data.js`);
const { encodeLineCursor } = require(`${dist}/modules/billing/line-charges.js`);
const { systemClock } = require(`${dist}/clock.js`);

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 10000);
const lines = Number(process.env.BENCH_LINES ?? 1000);
const first = Number(process.env.BENCH_FIRST ?? 50); // the PWA's page
const PASSWORD = 'Load#2024pass';
const TARGET_P99 = 100;

const LINE_CHARGES = trustedDocument('LineCharges');
const LOGIN = trustedDocument('Login');

async function main() {
  console.log(`bench:lines: the built server in production mode, ${clients} clients; ${loadLine()}`);
  const bench = await openBenchDatabase('lines');
  const { dataDir, databaseUrl } = bench;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => {}); // the cluster stopping under idle connections at the end
  let server = null;
  try {
    const loaded = await loadBillingData(pool, systemClock, {
      accounts,
      loginAccounts: 1,
      passwordHash: await hashPassword(config.argon2, PASSWORD),
      firstAccountLines: lines,
      seed: 1,
    });
    console.log(
      `loaded ${loaded.accounts} accounts, ${loaded.lines} lines, ${loaded.chargeItems} charge items ` +
        `in ${loaded.seconds.toFixed(1)} s; the first account has ${lines} lines`,
    );
    server = await startServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SEAL_KEY: randomBytes(32).toString('base64'),
    });
    const http = httpClient(server.url, { maxSockets: clients });
    const browser = { origin: server.url };
    const res = await http.graphql(
      byId(LOGIN, { input: { loginId: loaded.loginIds[0], password: PASSWORD } }),
      browser,
    );
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('wb_session='));
    if (!cookie) throw new Error(`login without a session cookie: ${res.status} ${res.body}`);
    const headers = {
      ...browser,
      cookie: cookie.split(';')[0],
      'accept-encoding': 'gzip, deflate, br, zstd',
    };

    // The numbers are 06 000000 nnn (the loader's): line 900 on, lines 500–599.
    const numberOf = (n) => `06000000${String(n).padStart(3, '0')}`;
    const page = (input) => byId(LINE_CHARGES, { search: null, after: null, first, ...input });
    // [label, request, lines it matches]
    const kinds = [
      ['first page by amount', page({ sort: 'AMOUNT_DESC' }), lines],
      [
        'page after line 900, by number',
        page({
          sort: 'LINE_NUMBER',
          after: encodeLineCursor('LINE_NUMBER', { amount: null, lineNumber: numberOf(899) }),
        }),
        lines,
      ],
      [
        'search "0600-0000-5" (lines 500–599)',
        page({ sort: 'AMOUNT_DESC', search: '0600-0000-5' }),
        Math.min(100, Math.max(0, lines - 500)),
      ],
      [`search "加入" (all ${lines})`, page({ sort: 'AMOUNT_ASC', search: '加入' }), lines],
    ];
    // Each request once, uncompressed: a page of the lines expected (the answers under load travel
    // compressed, as the PWA's do, and are not parsed).
    for (const [label, body, expected] of kinds) {
      const sample = await http.graphql(body, { ...browser, cookie: headers.cookie });
      const answer = JSON.parse(String(sample.body)).data?.billing.lineCharges;
      if (answer?.__typename !== 'LineChargePage' || answer.totalCount !== expected)
        throw new Error(`${label}: not a page of ${expected} lines: ${String(sample.body).slice(0, 300)}`);
      console.log(
        `  ${label}: ${answer.lines.length} of ${answer.totalCount} lines, ${(sample.body.length / 1024).toFixed(0)} KiB of JSON`,
      );
    }

    console.log(`\n${clients} concurrent clients, ${seconds} s each, target p99 < ${TARGET_P99} ms`);
    // Warm-up: optimised code, every statement planned on the pool's connections.
    for (const [, body] of kinds) await cannon(server.url, body, () => headers, clients).run(2);
    let all = [];
    for (const [label, body] of kinds) {
      const cpuBefore = processCpuSeconds(server.pid);
      const machineBefore = cpuSnapshot();
      const { latencies, elapsed } = await cannon(server.url, body, () => headers, clients).run(seconds);
      const serverCpu = processCpuSeconds(server.pid) - cpuBefore;
      const shares = cpuShares(machineBefore, cpuSnapshot());
      all = all.concat(latencies);
      latencies.sort((a, b) => a - b);
      const p99 = percentile(latencies, 99);
      console.log(
        `  ${label.padEnd(34)} ${(latencies.length / elapsed).toFixed(0).padStart(5)} req/s   ` +
          `p50 ${percentile(latencies, 50).toFixed(1).padStart(5)} ms   p99 ${p99.toFixed(1).padStart(5)} ms ` +
          `${p99 < TARGET_P99 ? 'PASS' : 'FAIL'} (max ${latencies[latencies.length - 1].toFixed(0)})   ` +
          `server CPU ${((serverCpu / latencies.length) * 1e6).toFixed(0)} µs/req; ${sharesLine(shares)}`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(
      `  ${'all of them'.padEnd(34)}             p50 ${percentile(all, 50).toFixed(1).padStart(5)} ms   ` +
        `p99 ${percentile(all, 99).toFixed(1).padStart(5)} ms ${percentile(all, 99) < TARGET_P99 ? 'PASS' : 'FAIL'}`,
    );
    http.close();
  } finally {
    await server?.stop();
    await pool.end();
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
