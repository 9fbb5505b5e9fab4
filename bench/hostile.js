#!/usr/bin/env node
// What an attacker without an account can make the server do (issue 13): the built server in production
// mode with a 1 GiB heap (`node --max-old-space-size=1024`), and from this one process
//   (a) distinct documents of 10,000 aliases (`{ a1: __typename a2: __typename … }`), of 5,000 aliases
//       of `secretQuestions`, and of 300 (under the token limit, so the alias rule sees them),
//   (b) distinct ~200 KB documents: without credentials, with a made-up session cookie
//       (`wb_session=wbs_x`), with a made-up bearer token, with a browser's Origin header; and a few
//       over the body limit (~300 KB),
//   (c) 100 aliased `login` mutations (valid credentials) in one request, and the same 100 as a batch,
// while /healthz is fetched in a loop (its latency) and the server's RSS is read from /proc.
// Targets: every hostile request refused (a 4xx: a 5xx is a failure, not a refusal) in < 100 ms,
// /healthz p99 < 50 ms during the attack, RSS growth (peak − start) < 100 MB, the process alive at the
// end. Exits 1 if a target is missed. Each attack also shows the server's CPU time per request.
//   npm run build && npm run bench:hostile     (embedded PostgreSQL in a temp dir; DATABASE_URL to use another)
// Options (env): BENCH_DOCUMENTS (per (b) pass, default 500), BENCH_ALIAS_DOCUMENTS (per (a) kind,
//                default 200), BENCH_LOGIN_REQUESTS (per (c) kind, default 20), BENCH_CONCURRENCY
//                (hostile requests in flight, default 1: a stream, one after another)
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { Pool } = require('pg');
const {
  dist,
  openBenchDatabase,
  startServer,
  httpClient,
  hashPassword,
  processCpuSeconds,
  cpuSnapshot,
  cpuShares,
  sharesLine,
  percentile,
  loadLine,
} = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { loadBillingData } = require(`${dist}/modules/billing/load-data.js`);
const { systemClock } = require(`${dist}/clock.js`);

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 500);
const ALIAS_DOCUMENTS = Number(process.env.BENCH_ALIAS_DOCUMENTS ?? 200);
const LOGIN_REQUESTS = Number(process.env.BENCH_LOGIN_REQUESTS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const HEAP_MB = 1024;
const PASSWORD = 'Load#2024pass';
const TARGET = { refusalMs: 100, healthzP99Ms: 50, rssGrowthMB: 100 };

const mb = (kib) => kib / 1024;
const pass = (ok) => (ok ? 'PASS' : 'FAIL');
const ms = (x) => `${x.toFixed(1)} ms`;

/** The server's resident set (VmRSS, KiB) from /proc; null once it is gone. */
function rssKiB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Request bodies that are all different but cheap to make here (this process shares the cores with the
 * server): a distinct head and one shared tail. The texts contain no quote or backslash, so they go
 * into the JSON as they are.
 */
function distinctBodies(head, tail) {
  const close = Buffer.from('"}');
  const shared = Buffer.from(tail);
  return (n) => Buffer.concat([Buffer.from(`{"query":"${head(n)}`), shared, close]);
}

const aliases = (count, from, field) => {
  const parts = [];
  for (let i = from; i <= count; i++) parts.push(`a${i}: ${field}`);
  return `${parts.join(' ')} }`;
};

/** `{ <distinct alias>: __typename a1: __typename … }` padded with aliases to about `bytes`. */
function filledDocument(bytes) {
  const unit = 'a00000: __typename '.length;
  return distinctBodies(
    (n) => `{ r${n}_${randomBytes(4).toString('hex')}: __typename `,
    aliases(Math.floor(bytes / unit), 1, '__typename'),
  );
}

/** What came back, in a few words: status, GraphQL code, and which limit the message names. */
function describe(res) {
  let code = '';
  let message = '';
  let data = false;
  try {
    const json = JSON.parse(String(res.body));
    const first = Array.isArray(json) ? json[0] : json;
    code = first?.errors?.[0]?.extensions?.code ?? first?.code ?? '';
    message = first?.errors?.[0]?.message ?? first?.message ?? '';
    data = Boolean(first?.data && Object.values(first.data).some((v) => v !== null));
  } catch {
    message = String(res.body).slice(0, 60);
  }
  const limit = /tokens/.test(message)
    ? 'token limit'
    : res.status === 413 || /body is too large/i.test(message)
      ? 'body limit'
      : /alias/i.test(message)
        ? 'alias limit'
        : /credential check/.test(message)
          ? 'one credential check'
          : /depth/i.test(message)
            ? 'depth limit'
            : /costs \d+/.test(message)
              ? 'cost limit'
              : code === 'TRUSTED_DOCUMENTS_ONLY'
                ? 'trusted documents only'
                : /batch/i.test(message)
                  ? 'no batching'
                  : message.slice(0, 50);
  // A refusal is a 4xx (or errors without data): a 5xx is the server failing, not refusing.
  const refused = (res.status >= 400 && res.status < 500) || (res.status === 200 && !data);
  return { refused, label: `${res.status} ${code || '-'} (${limit})` };
}

async function main() {
  console.log(
    `bench:hostile: the built server in production mode, node --max-old-space-size=${HEAP_MB}, ` +
      `${CONCURRENCY} hostile requests in flight; ${loadLine()}`,
  );
  const bench = await openBenchDatabase('hostile');
  const { dataDir, databaseUrl } = bench;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {}); // the cluster stopping under idle connections at the end
  let server = null;
  let failed = false;
  try {
    // One subscriber with a known password: the aliased logins would succeed if they ran.
    const passwordHash = await hashPassword(config.argon2, PASSWORD);
    const { loginIds } = await loadBillingData(pool, systemClock, {
      accounts: 1,
      loginAccounts: 1,
      passwordHash,
      seed: 1,
    });
    server = await startServer(
      {
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        SEAL_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
      },
      { nodeArgs: [`--max-old-space-size=${HEAP_MB}`] },
    );
    console.log(
      `server pid ${server.pid} at ${server.url}, PostgreSQL ${bench.embedded ? 'embedded (temp dir)' : 'from DATABASE_URL'}`,
    );
    const attacker = httpClient(server.url, { maxSockets: CONCURRENCY, timeoutMs: 30_000 });
    const prober = httpClient(server.url, { maxSockets: 1, timeoutMs: 30_000 });

    // The account works: one ordinary login (a non-browser client's text, allowed in production).
    const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { __typename } }';
    const one = await attacker.graphql({
      query: LOGIN,
      variables: { i: { loginId: loginIds[0], password: PASSWORD, bearer: true } },
    });
    if (!String(one.body).includes('LoginSuccess')) throw new Error(`the bench login failed: ${one.body}`);
    const sessions = async () => (await pool.query('SELECT count(*)::int AS n FROM session')).rows[0].n;
    const sessionsBefore = await sessions();

    // /healthz in a loop (a GET every ~5 ms) for the whole run; each attack takes the samples of its time.
    const healthz = [];
    let probing = true;
    const probeLoop = (async () => {
      while (probing) {
        const at = performance.now();
        try {
          const res = await prober.request({ path: '/healthz' });
          healthz.push({ at, ms: res.ms, ok: res.status === 200 });
        } catch {
          healthz.push({ at, ms: performance.now() - at, ok: false });
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 2000));
    const idle = healthz.map((h) => h.ms).sort((a, b) => a - b);

    // RSS every 20 ms from here on.
    const rssStart = rssKiB(server.pid);
    const machineBefore = cpuSnapshot();
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      const now = rssKiB(server.pid);
      if (now !== null && now > rssPeak) rssPeak = now;
    }, 20);
    console.log(
      `/healthz idle: p50 ${ms(percentile(idle, 50))}, p99 ${ms(percentile(idle, 99))} (${idle.length} GETs); ` +
        `RSS at start ${mb(rssStart).toFixed(0)} MB\n`,
    );

    const results = [];
    /** Sends `count` requests made by `body(n)` with `headers`, CONCURRENCY at a time; prints one block. */
    const attack = async (name, count, body, headers = {}) => {
      const started = performance.now();
      const cpuBefore = processCpuSeconds(server.pid);
      const times = [];
      const outcomes = new Map();
      let notRefused = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < count) {
            const payload = body(next++);
            const t0 = performance.now();
            let label;
            try {
              const res = await attacker.graphql(payload, headers);
              const d = describe(res);
              label = d.label;
              if (!d.refused) notRefused++;
              times.push(res.ms);
            } catch (error) {
              label = `no answer: ${error.code ?? error.message}`;
              notRefused++;
              times.push(performance.now() - t0);
            }
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
          }
        }),
      );
      const ended = performance.now();
      const cpuMs = ((processCpuSeconds(server.pid) - cpuBefore) * 1000) / count;
      times.sort((a, b) => a - b);
      const during = healthz
        .filter((h) => h.at >= started && h.at <= ended)
        .map((h) => h.ms)
        .sort((a, b) => a - b);
      const result = {
        name,
        count,
        max: times[times.length - 1],
        p99: percentile(times, 99),
        notRefused,
        healthz: during,
        seconds: (ended - started) / 1000,
      };
      results.push(result);
      const size = body(0).length;
      console.log(
        `${name}: ${count} requests of ${(size / 1024).toFixed(0)} KB in ${result.seconds.toFixed(1)} s, ` +
          `server CPU ${cpuMs.toFixed(1)} ms/request`,
      );
      for (const [label, n] of outcomes) console.log(`    ${n} × ${label}`);
      console.log(
        `    time to refusal: max ${ms(result.max)}, p99 ${ms(result.p99)}, p50 ${ms(percentile(times, 50))}` +
          `   ${pass(notRefused === 0 && result.max < TARGET.refusalMs)}` +
          (notRefused ? `  (${notRefused} not refused with a 4xx)` : ''),
      );
      console.log(
        during.length
          ? `    /healthz meanwhile: p50 ${ms(percentile(during, 50))}, p99 ${ms(percentile(during, 99))} (${during.length} GETs)`
          : '    /healthz meanwhile: no sample finished in this time',
      );
      console.log(
        `    RSS now ${mb(rssKiB(server.pid) ?? 0).toFixed(0)} MB, peak so far ${mb(rssPeak).toFixed(0)} MB`,
      );
    };

    // (a) Many aliases: far more tokens than the parser's limit.
    await attack(
      '(a) 10,000 aliases of __typename, each document distinct',
      ALIAS_DOCUMENTS,
      distinctBodies((n) => `{ r${n}: __typename `, aliases(10_000, 2, '__typename')),
    );
    await attack(
      '(a) 5,000 aliases of secretQuestions { id text }, each document distinct',
      ALIAS_DOCUMENTS,
      distinctBodies(
        (n) => `{ r${n}: secretQuestions { id text } `,
        aliases(5_000, 2, 'secretQuestions { id text }'),
      ),
    );
    // Under the token limit, so the validation rules see it: the alias limit.
    await attack(
      '(a) 300 aliases of secretQuestions { id } (under the token limit: reaches the alias rule)',
      ALIAS_DOCUMENTS,
      distinctBodies((n) => `{ r${n}: secretQuestions { id } `, aliases(300, 2, 'secretQuestions { id }')),
    );
    // (b) ~200 KB documents, all distinct: what used to fill per-document caches.
    const big = filledDocument(200 * 1024);
    await attack('(b) ~200 KB documents, no credentials, no Origin', DOCUMENTS, big);
    await attack('(b) ~200 KB documents, made-up cookie wb_session=wbs_x, no Origin', DOCUMENTS, big, {
      cookie: 'wb_session=wbs_x',
    });
    await attack(
      '(b) ~200 KB documents, made-up bearer token wbs_x (text allowed: reaches parsing)',
      DOCUMENTS,
      big,
      {
        authorization: 'Bearer wbs_x',
      },
    );
    await attack(
      '(b) ~300 KB documents (over the body limit), no credentials',
      Math.ceil(DOCUMENTS / 10),
      filledDocument(300 * 1024),
    );
    await attack(
      '(b) ~200 KB documents with a browser Origin (production: trusted documents only)',
      Math.ceil(DOCUMENTS / 10),
      big,
      { origin: 'https://attacker.example' },
    );
    // (c) 100 password checks in one request, as aliases and as a batch; the credentials are valid.
    const input = { loginId: loginIds[0], password: PASSWORD, bearer: true };
    const aliasedLogins = JSON.stringify({
      query: `mutation($i: LoginInput!) { ${Array.from({ length: 100 }, (_, k) => `l${k}: login(input: $i) { __typename }`).join(' ')} }`,
      variables: { i: input },
    });
    await attack('(c) 100 aliased login mutations in one request', LOGIN_REQUESTS, () =>
      Buffer.from(aliasedLogins),
    );
    const batchedLogins = JSON.stringify(
      Array.from({ length: 100 }, () => ({ query: LOGIN, variables: { i: input } })),
    );
    await attack('(c) 100 login operations as one batch (JSON array)', LOGIN_REQUESTS, () =>
      Buffer.from(batchedLogins),
    );
    const sessionsAfter = await sessions();
    const machine = cpuShares(machineBefore, cpuSnapshot());

    // After: the probe stops, the heap may settle for 2 s, then the last figures.
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(sampler);
    probing = false;
    await probeLoop;
    const rssEnd = rssKiB(server.pid);
    let alive = server.alive();
    if (alive) {
      try {
        alive = (await prober.request({ path: '/healthz' })).status === 200;
      } catch {
        alive = false;
      }
    }
    attacker.close();
    prober.close();

    const all = results.flatMap((r) => r.healthz).sort((a, b) => a - b);
    const slowest = results.reduce((a, b) => (b.max > a.max ? b : a));
    const notRefused = results.reduce((sum, r) => sum + r.notRefused, 0);
    const total = results.reduce((sum, r) => sum + r.count, 0);
    const growth = mb((rssPeak ?? 0) - rssStart);
    const p99 = percentile(all, 99);
    const checks = [
      [
        `every hostile request refused (4xx) in < ${TARGET.refusalMs} ms: ${total - notRefused}/${total} refused, ` +
          `slowest ${ms(slowest.max)} ${slowest.name.slice(0, 3)}, p99 per attack ≤ ${ms(Math.max(...results.map((r) => r.p99)))}`,
        notRefused === 0 && slowest.max < TARGET.refusalMs,
      ],
      [
        `/healthz p99 < ${TARGET.healthzP99Ms} ms during the attack: p50 ${ms(percentile(all, 50))}, p99 ${ms(p99)} ` +
          `(${all.length} GETs, ${healthz.filter((h) => !h.ok).length} failed)`,
        p99 < TARGET.healthzP99Ms && healthz.every((h) => h.ok),
      ],
      [
        `RSS growth < ${TARGET.rssGrowthMB} MB: start ${mb(rssStart).toFixed(0)} MB, peak ${mb(rssPeak).toFixed(0)} MB, ` +
          `end ${rssEnd === null ? 'gone' : `${mb(rssEnd).toFixed(0)} MB`}; growth peak − start ${growth.toFixed(0)} MB` +
          (rssEnd === null ? '' : `, end − start ${mb(rssEnd - rssStart).toFixed(0)} MB`),
        growth < TARGET.rssGrowthMB,
      ],
      [`process alive at the end: ${alive ? 'yes, /healthz answers 200' : 'NO'}`, alive],
    ];
    console.log(
      `\nsessions opened by the hostile logins: ${sessionsAfter - sessionsBefore} (the bench's own login opened 1 before)`,
    );
    console.log(`targets (${loadLine()}; during the attacks ${sharesLine(machine)}):`);
    for (const [text, ok] of checks) {
      console.log(`  ${pass(ok)}  ${text}`);
      if (!ok) failed = true;
    }
    if (!alive) console.log(`server output (tail):\n${server.output().slice(-3000)}`);
  } finally {
    await server?.stop();
    await pool.end();
    await bench.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
