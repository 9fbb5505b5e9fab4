#!/usr/bin/env node
// Billing screens under load, as the PWA asks for them: the built server in production mode (a separate
// process, loaded by autocannon) at 16 concurrent clients, each signed in with the session cookie and
// sending the PWA's own documents by id (Apollo's persisted-query format, the manifest
// client/src/gql/persisted-documents.json): the top screen (TopBilling) and the 120-line account's
// breakdown (Breakdown), at 1,000 and then 10,000 accounts (seed-load's COPY). Every answer is computed
// afresh: there is no response cache. Targets: top screen p99 < 25 ms, breakdown p99 < 100 ms.
// Trusted documents run compiled by graphql-jit. For comparison (no target), the same documents sent as
// text with a bearer token, as a non-browser client may: parsed, validated and costed on every request
// and executed by graphql-js (what compiling earns). Lines also show the server's CPU per request.
//   npm run build && npm run bench:billing
// Options (env): BENCH_SECONDS (per measurement, default 8), BENCH_CLIENTS (16), BENCH_ACCOUNTS (10000),
//                BENCH_SMALL (1000), BENCH_SCREENS (top,breakdown: one alone, e.g. to profile the
//                server with BENCH_SERVER_ARGS=--cpu-prof), BENCH_TEXT (0: skip the text lines),
//                BENCH_ENCODING (the Accept-Encoding the cookie clients send; default Chromium's,
//                "gzip, deflate, br, zstd"; "identity" for uncompressed answers)
const { randomBytes } = require('node:crypto');
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
} = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { loadBillingData } = require(`${dist}/modules/billing/load-data.js`);
const { currentBillingMonth } = require(`${dist}/modules/billing/billing-month.js`);
const { systemClock } = require(`${dist}/clock.js`);

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const total = Number(process.env.BENCH_ACCOUNTS ?? 10000);
const small = Number(process.env.BENCH_SMALL ?? 1000);
const screens = new Set((process.env.BENCH_SCREENS ?? 'top,breakdown').split(','));
const withText = process.env.BENCH_TEXT !== '0';
// What Chromium sends: the PWA's answers travel compressed (BENCH_ENCODING=identity: uncompressed).
const encoding = { 'accept-encoding': process.env.BENCH_ENCODING ?? 'gzip, deflate, br, zstd' };
const PASSWORD = 'Load#2024pass';
const TARGET = { topP99: 25, breakdownP99: 100 };

const manifest = require(`${root}/client/src/gql/persisted-documents.json`);
const TOP = trustedDocument('TopBilling');
const BREAKDOWN = trustedDocument('Breakdown');
const LOGIN = trustedDocument('Login');
// A client's own copy of a document: not the trusted text (a comment changes its hash), so it runs on
// graphql-js, where the trusted id runs compiled (graphql-jit).
const asText = (id) => `${manifest[id]}\n# a client's own copy`;

async function main() {
  console.log(`bench:billing: the built server in production mode, ${clients} clients; ${loadLine()}`);
  const bench = await openBenchDatabase('billing');
  const { dataDir, databaseUrl } = bench;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => {}); // the cluster stopping under idle connections at the end
  const passwordHash = await hashPassword(config.argon2, PASSWORD);
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
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // As deployed: graphql-js and friends skip their development-mode checks; browsers run trusted
      // documents only.
      NODE_ENV: 'production',
      SEAL_KEY: randomBytes(32).toString('base64'),
    });
    const http = httpClient(server.url, { maxSockets: clients });
    const month = currentBillingMonth(systemClock);
    const browser = { origin: server.url }; // what a browser adds to its POSTs

    // Every client signs in as one of the loaded subscribers (the 120-line account is the first), as the
    // PWA does (its Login document by id; the session comes back as a cookie), and once more with a
    // bearer token for the text lines.
    const cookieFor = async (loginId) => {
      const res = await http.graphql(byId(LOGIN, { input: { loginId, password: PASSWORD } }), browser);
      const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('wb_session='));
      if (!cookie) throw new Error(`login without a session cookie: ${res.status} ${res.body}`);
      return cookie.split(';')[0];
    };
    const tokenFor = async (loginId) => {
      const res = await http.graphql({
        query: 'mutation($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { sessionToken } } }',
        variables: { i: { loginId, password: PASSWORD, bearer: true } },
      });
      const token = JSON.parse(String(res.body)).data?.login?.sessionToken;
      if (!token) throw new Error(`login without a token: ${res.status} ${res.body}`);
      return token;
    };
    const cookies = await Promise.all(first.loginIds.map(cookieFor));
    const tokens = withText ? await Promise.all(first.loginIds.map(tokenFor)) : [];
    const asBrowser = (list) => (i) => ({ ...browser, ...encoding, cookie: list[i % list.length] });
    const asBearer = (list) => (i) => ({ authorization: `Bearer ${list[i % list.length]}` });

    const breakdownVariables = { billingMonth: month };
    const tasks = {
      top: { id: cannon(server.url, byId(TOP), asBrowser(cookies), clients) },
      breakdown: {
        id: cannon(server.url, byId(BREAKDOWN, breakdownVariables), asBrowser([cookies[0]]), clients),
      },
    };
    if (withText) {
      tasks.top.text = cannon(server.url, { query: asText(TOP) }, asBearer(tokens), clients);
      tasks.breakdown.text = cannon(
        server.url,
        { query: asText(BREAKDOWN), variables: breakdownVariables },
        asBearer([tokens[0]]),
        clients,
      );
    }

    const report = (label, r, target) =>
      console.log(
        `  ${label.padEnd(46)} ${r.rps.toFixed(0).padStart(5)} req/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   ` +
          `p99 ${r.p99.toFixed(1).padStart(5)} ms` +
          (target ? ` (target < ${target} ms) ${r.p99 < target ? 'PASS' : 'FAIL'}` : '') +
          ` (p90 ${r.tail[0].toFixed(0)}, p95 ${r.tail[1].toFixed(0)}, max ${r.tail[2].toFixed(0)})` +
          `   server CPU ${r.cpuPerRequest.toFixed(0)} µs/req, load generator ${r.clientCpuPerRequest.toFixed(0)} µs/req; ` +
          sharesLine(r.machine),
      );
    const run = async (accounts) => {
      console.log(
        `\n${accounts} accounts, ${clients} concurrent clients, ${seconds} s each` +
          `${withText ? ' (by id and as text alternating)' : ''}; ${loadLine()}`,
      );
      const sample = await http.graphql(byId(BREAKDOWN, breakdownVariables), {
        ...browser,
        cookie: cookies[0],
      });
      const lines = new Set(
        JSON.parse(String(sample.body)).data.billing.breakdown.carriers.flatMap((c) =>
          c.lines.map((l) => l.line.lineNumber),
        ),
      ).size;
      const sent = await http.graphql(byId(BREAKDOWN, breakdownVariables), {
        ...browser,
        ...encoding,
        cookie: cookies[0],
      });
      console.log(
        `  one breakdown response: ${lines} lines, ${(sample.body.length / 1024).toFixed(0)} KiB of JSON, ` +
          `${(sent.body.length / 1024).toFixed(0)} KiB as sent (${sent.headers['content-encoding'] ?? 'identity'})`,
      );
      const results = {};
      for (const [screen, label, target] of [
        ['top', 'top screen (TopBilling)', TARGET.topP99],
        ['breakdown', `${lines}-line breakdown (Breakdown, fresh)`, TARGET.breakdownP99],
      ]) {
        if (!screens.has(screen)) continue;
        // Warm-up: the screen reaches its steady state (optimised code, parsed trusted document) first.
        await tasks[screen].id.run(3);
        // By id and as text in alternating slices (support.js measureAlternating says why).
        const [id, text] = [tasks[screen].id, tasks[screen].text];
        results[screen] = await measureAlternating(
          { id: { ...id, server: server.pid }, ...(text ? { text: { ...text, server: server.pid } } : {}) },
          { seconds },
        );
        report(`${label}, by id with the cookie`, results[screen].id, target);
        if (withText) report('  as text with a bearer token (graphql-js)', results[screen].text);
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
      const flat = (screen) =>
        atTotal[screen]
          ? `${atSmall[screen].id.p50.toFixed(1)} → ${atTotal[screen].id.p50.toFixed(1)} ms`
          : 'not measured';
      console.log(
        `\np50 at ${small} vs ${total} accounts: top ${flat('top')}, breakdown ${flat('breakdown')} (should be flat)`,
      );
    }
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
