#!/usr/bin/env node
// Billing reference under load: the top-screen query and a 120-line breakdown at 16 concurrent
// clients over GraphQL (a separate server process, loaded by autocannon), next to the same data fetched
// by hand-written SQL through pg in this process (the ceiling), at 1,000 and then 10,000 accounts
// (seed-load's COPY). GraphQL lines also show the server process's CPU time per request.
//   npm run bench:billing    Options (env): BENCH_SECONDS (per measurement, default 8),
//                            BENCH_CLIENTS (16), BENCH_ACCOUNTS (10000), BENCH_SMALL (1000),
//                            BENCH_SCREENS (top,breakdown: one alone, e.g. to profile the server
//                            with BENCH_SERVER_ARGS=--cpu-prof)
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Pool } = require('pg');
const { dist, openBenchDatabase } = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { loadBillingData } = require(`${dist}/modules/billing/load-data.js`);
const { currentBillingMonth } = require(`${dist}/modules/billing/billing-month.js`);
const { PasswordHasher } = require(`${dist}/security/password-hasher.js`);
const { systemClock } = require(`${dist}/clock.js`);
const { hashToken } = require(`${dist}/security/token-hash.js`);

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const total = Number(process.env.BENCH_ACCOUNTS ?? 10000);
const small = Number(process.env.BENCH_SMALL ?? 1000);
const screens = new Set((process.env.BENCH_SCREENS ?? 'top,breakdown').split(','));
const PASSWORD = 'Load#2024pass';

const TOP = `{ me { loginId registeredPhoneNumber } billing { latestInvoice { billingMonth billingAmount dueDate status paymentStatus } } }`;
const BREAKDOWN = `query($m: String!) { billing { breakdown(billingMonth: $m) { __typename ... on Breakdown { itemsTotal
  invoice { billingAmount usageAmount } carriers { carrier { code name } subtotal lines { line { lineNumber serviceName }
  subtotal items { name amount taxRate } } } } } } }`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `task` from `clients` loops for `forSeconds`; returns its latencies and the time it took. */
async function load(task, forSeconds) {
  const latencies = [];
  const deadline = Date.now() + forSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsed: (performance.now() - started) / 1000 };
}

/**
 * Measures tasks that are compared with one another (GraphQL and its raw-SQL ceiling) in alternating
 * slices, `seconds` each in all: this VM's speed drifts by tens of per cent from minute to minute, and
 * measuring one after the other would compare the drift as much as the tasks. Returns requests/s and
 * latency percentiles per task.
 */
async function measure(tasks, slices = 4) {
  const all = Object.fromEntries(
    Object.keys(tasks).map((name) => [name, { latencies: [], elapsed: 0, serverCpu: 0 }]),
  );
  for (let slice = 0; slice < slices; slice++) {
    for (const [name, task] of Object.entries(tasks)) {
      // Server CPU is counted for the tasks the server answers (GraphQL), not the raw-SQL ones.
      const cpuBefore = task.run ? serverCpuSeconds() : 0;
      const { latencies, elapsed } = task.run
        ? await task.run(seconds / slices)
        : await load(task, seconds / slices);
      if (task.run) all[name].serverCpu += serverCpuSeconds() - cpuBefore;
      for (const latency of latencies) all[name].latencies.push(latency);
      all[name].elapsed += elapsed;
    }
  }
  return Object.fromEntries(
    Object.entries(all).map(([name, { latencies, elapsed, serverCpu }]) => {
      latencies.sort((a, b) => a - b);
      const stats = {
        rps: latencies.length / elapsed,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        // The server process's own CPU time per request (user + system): steadier than requests/s on a
        // VM whose speed drifts, and what the server's code changes move.
        cpuPerRequest: (serverCpu / latencies.length) * 1e6,
      };
      return [name, stats];
    }),
  );
}

/** The server process's CPU seconds so far (user + system, from /proc; 0 where there is none). */
let serverPid = null;
function serverCpuSeconds() {
  if (!serverPid) return 0;
  try {
    const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return 0;
  }
}

/** A plain client for the set-up (logins, one sample answer); the load itself comes from `cannon`. */
function graphqlClient(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients * 2 });
  const target = new URL('/graphql', url);
  return (body, token) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const headers = { 'content-type': 'application/json', 'content-length': payload.length };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(target, { method: 'POST', agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200 || body.includes('"errors"'))
            reject(new Error(String(body).slice(0, 300)));
          else resolve(body);
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
}

/**
 * A GraphQL request sent from `clients` keep-alive connections by autocannon, each connection with its
 * own session: the request's bytes are built once, so the load generator costs the cores it shares
 * with the server a fraction of what a Node http.request loop does.
 */
function cannon(url, body, tokens) {
  const autocannon = require('autocannon');
  // A body made per request (a function) is sent through setupRequest; a fixed one is built once.
  const payload = typeof body === 'function' ? undefined : JSON.stringify(body);
  const requests =
    typeof body === 'function'
      ? [{ method: 'POST', setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) }]
      : undefined;
  return {
    run: (forSeconds) =>
      new Promise((resolve, reject) => {
        let next = 0;
        const latencies = [];
        const started = performance.now();
        const instance = autocannon(
          {
            url: new URL('/graphql', url).href,
            connections: clients,
            duration: forSeconds,
            method: 'POST',
            body: payload,
            requests,
            setupClient: (client) =>
              client.setHeaders({
                'content-type': 'application/json',
                authorization: `Bearer ${tokens[next++ % tokens.length]}`,
              }),
            verifyBody: (text) => !text.includes('"errors"'),
          },
          (error, result) => {
            if (error) return reject(error);
            if (result.non2xx || result.mismatches || result.errors)
              return reject(
                new Error(
                  `GraphQL answers failed: ${result.non2xx} not 2xx, ${result.mismatches} with errors, ` +
                    `${result.errors} connection errors (${result.timeouts} timeouts)`,
                ),
              );
            resolve({ latencies, elapsed: (performance.now() - started) / 1000 });
          },
        );
        instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
      }),
  };
}

async function startServer(env) {
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...serverArgs, path.join(dist, 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${err}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function main() {
  const bench = await openBenchDatabase('billing');
  const { dataDir, databaseUrl } = bench;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const pool = new Pool({ connectionString: databaseUrl, max: clients });
  pool.on('error', () => {}); // the cluster stopping under idle connections at the end
  const passwordHash = await new PasswordHasher(config.argon2).hash(PASSWORD);
  let server = null;
  try {
    const first = await loadBillingData(pool, systemClock, {
      accounts: small,
      loginAccounts: clients,
      passwordHash,
      seed: 1,
    });
    console.log(
      `loaded ${first.accounts} accounts (${first.chargeItems} charge items) in ${first.seconds.toFixed(1)} s`,
    );
    server = await startServer({
      DATABASE_URL: databaseUrl,
      PORT: String(40000 + Math.floor(Math.random() * 10000)),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // As deployed: graphql-js and friends skip their development-mode checks.
      NODE_ENV: 'production',
      SEAL_KEY: require('node:crypto').randomBytes(32).toString('base64'),
    });
    serverPid = server.child.pid;
    const gql = graphqlClient(server.url);
    const month = currentBillingMonth(systemClock);

    // Sessions: every client signs in as one of the loaded subscribers; the 120-line account is the first.
    const sessionFor = async (loginId) => {
      const text = await gql({
        query: 'mutation($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { sessionToken } } }',
        variables: { i: { loginId, password: PASSWORD, bearer: true } },
      });
      return JSON.parse(String(text)).data.login.sessionToken;
    };
    const topTokens = await Promise.all(first.loginIds.map(sessionFor));
    const bigToken = topTokens[0];

    // The same data by hand: what one round trip per screen can do.
    const [{ account_id: bigAccount }] = (
      await pool.query('SELECT billing_account_id AS account_id FROM subscriber WHERE login_id = $1', [
        first.loginIds[0],
      ])
    ).rows;
    // Two ceilings for the top screen. The one this benchmark has always used: one unprepared statement
    // by login ID (parsed and planned on every request, as a first hand-written version would be).
    const topSql = (i) =>
      pool.query(
        `SELECT s.login_id, a.registered_phone_number, i.billing_month, i.billing_amount, i.due_date, i.status, i.payment_status
           FROM subscriber s JOIN billing_account a ON a.id = s.billing_account_id
           LEFT JOIN LATERAL (SELECT * FROM invoice WHERE billing_account_id = a.id ORDER BY billing_month DESC LIMIT 1) i ON true
          WHERE s.login_id = $1`,
        [first.loginIds[i % first.loginIds.length]],
      );
    // And the server's own work done by hand, as well as it can be: a prepared statement that checks the
    // session (its token's hash; not revoked, not expired) and reads the subscriber and the newest bill.
    const topSqlPrepared = (i) =>
      pool.query({
        name: 'top-raw',
        text: `SELECT s.login_id, a.registered_phone_number, i.billing_month, i.billing_amount, i.due_date, i.status, i.payment_status
           FROM session ses JOIN subscriber s ON s.id = ses.subscriber_id JOIN billing_account a ON a.id = s.billing_account_id
           LEFT JOIN LATERAL (SELECT * FROM invoice WHERE billing_account_id = a.id ORDER BY billing_month DESC LIMIT 1) i ON true
          WHERE ses.token_hash = $1 AND ses.revoked_at IS NULL AND ses.expires_at > now()`,
        values: [hashToken(topTokens[i % topTokens.length])],
      });
    const breakdownSql = () =>
      pool.query(
        `SELECT i.billing_amount, i.usage_amount, c.code, c.name_ja, l.line_number, l.service_name, ci.item_name, ci.amount, ci.tax_rate
           FROM invoice i JOIN charge_item ci ON ci.invoice_id = i.id JOIN line l ON l.id = ci.line_id JOIN carrier c ON c.id = ci.carrier_id
          WHERE i.billing_account_id = $1 AND i.billing_month = $2::date ORDER BY c.id, l.line_number, ci.sort_order`,
        [bigAccount, `${month}-01`],
      );
    const topGql = cannon(server.url, { query: TOP }, topTokens);
    const breakdownGql = cannon(server.url, { query: BREAKDOWN, variables: { m: month } }, [bigToken]);
    // The same breakdown made afresh every time (an unused variable makes each request a different
    // response key): what a first read of a month costs, for comparison.
    let fresh = 0;
    const breakdownFreshGql = cannon(
      server.url,
      () => ({ query: BREAKDOWN, variables: { m: month, fresh: fresh++ } }),
      [bigToken],
    );

    const report = (label, r) =>
      console.log(
        `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms` +
          (r.cpuPerRequest >= 1 ? `   server CPU ${r.cpuPerRequest.toFixed(0)} µs/req` : ''),
      );
    const run = async (accounts) => {
      console.log(
        `\n${accounts} accounts, ${clients} concurrent clients, ${seconds} s each (GraphQL and raw SQL alternating)`,
      );
      const sample = await gql({ query: BREAKDOWN, variables: { m: month } }, bigToken);
      console.log(`  one breakdown response: ${(sample.length / 1024).toFixed(0)} KiB of JSON`);
      // Warm-up: each screen reaches its steady state (compiled documents, optimised code) first.
      const results = {};
      if (screens.has('top')) {
        await topGql.run(3);
        Object.assign(results, await measure({ topGql, topSql, topSqlPrepared }));
        report('top screen (GraphQL)', results.topGql);
        report('top screen (raw SQL, the ceiling)', results.topSql);
        report('  raw SQL prepared, session checked', results.topSqlPrepared);
        console.log(
          `  GraphQL/raw SQL: top ${((results.topGql.rps / results.topSql.rps) * 100).toFixed(0)} % (target ≥ 50 %); ` +
            `against the prepared ceiling ${((results.topGql.rps / results.topSqlPrepared.rps) * 100).toFixed(0)} %`,
        );
      }
      if (screens.has('breakdown')) {
        await breakdownGql.run(3);
        Object.assign(results, await measure({ breakdownGql, breakdownSql }));
        Object.assign(results, await measure({ breakdownFreshGql }, 1));
        report('120-line breakdown (GraphQL)', results.breakdownGql);
        report('120-line breakdown (raw SQL)', results.breakdownSql);
        report('  GraphQL, rendered afresh each time', results.breakdownFreshGql);
        console.log(
          `  GraphQL/raw SQL: breakdown ${((results.breakdownGql.rps / results.breakdownSql.rps) * 100).toFixed(0)} % (target ≥ 50 %); ` +
            `breakdown p99 ${results.breakdownGql.p99.toFixed(1)} ms (target < 50 ms)`,
        );
      }
      return results;
    };

    const atSmall = await run(small);
    if (total > small) {
      const more = await loadBillingData(pool, systemClock, { accounts: total - small, seed: 2 });
      console.log(
        `\nloaded ${more.accounts} more accounts (${more.chargeItems} charge items) in ${more.seconds.toFixed(1)} s`,
      );
      const atTotal = await run(total);
      const flat = (name) =>
        atTotal[name]
          ? `${atSmall[name].p50.toFixed(1)} → ${atTotal[name].p50.toFixed(1)} ms`
          : 'not measured';
      console.log(
        `\np50 at ${small} vs ${total} accounts: top ${flat('topGql')}, breakdown ${flat('breakdownGql')} (should be flat)`,
      );
    }
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    await pool.end();
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
