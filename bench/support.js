// Shared set-up for the benchmarks: they run the built app (dist/, from `npm run build`), either its
// modules in this process or its server as a child process, against a fresh database.
require('reflect-metadata');
const { spawn } = require('node:child_process');
const {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist/server/src');

// The benches build nothing themselves: without dist/ there is nothing to measure.
if (!existsSync(path.join(dist, 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` first (the benchmarks run the built server).');
  process.exit(1);
}
warnIfStale();

const { createDataSource } = require(`${dist}/db/data-source.js`);
const { runMigrations } = require(`${dist}/db/database.js`);
const { startEmbeddedPostgres } = require(`${dist}/db/embedded-postgres.js`);

const quiet = { info() {}, warn() {}, error() {} };

/** Says so when a server source file is newer than every built file: the figures would be of old code. */
function warnIfStale() {
  const newest = (dir, ext) => {
    let t = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) t = Math.max(t, newest(full, ext));
      else if (entry.name.endsWith(ext)) t = Math.max(t, statSync(full).mtimeMs);
    }
    return t;
  };
  const source = newest(path.join(root, 'server/src'), '.ts');
  if (source > newest(dist, '.js'))
    console.error('note: server/src has changes newer than dist/ (run `npm run build` to measure them)');
}

/**
 * A migrated database for one benchmark run: a fresh embedded PostgreSQL in a temp dir, or the
 * server DATABASE_URL names. `close()` removes what was created. With `ownDatabase` (a bench that
 * needs two databases side by side), DATABASE_URL's server gets a fresh database of its own, dropped
 * at the end, instead of the one it names.
 */
async function openBenchDatabase(name, { ownDatabase = false } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `wb-bench-${name}-`));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres user when we are root
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir,
        port: 50000 + Math.floor(Math.random() * 5000),
        database: 'bench',
      });
  let databaseUrl = embedded?.url ?? process.env.DATABASE_URL;
  let dropDatabase = async () => {};
  if (!embedded && ownDatabase) {
    const { Client } = require('pg');
    const database = `wb_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
    const admin = async (sql) => {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`DROP DATABASE IF EXISTS ${database}`);
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.href;
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
  const db = createDataSource(databaseUrl);
  await db.initialize();
  await runMigrations(db, quiet);
  return {
    dataDir,
    databaseUrl,
    embedded: Boolean(embedded),
    db,
    async close() {
      await db.destroy();
      await dropDatabase();
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free-looking port for a server child (random in 40000–49999, as the benches have always done). */
const randomPort = () => String(40000 + Math.floor(Math.random() * 10000));

/**
 * The built server (dist/server/src/main.js) as a child process with `env` added to this one's, ready
 * when /readyz answers. `nodeArgs` go before the script (e.g. --max-old-space-size), and so do the
 * words of BENCH_SERVER_ARGS (e.g. --cpu-prof). `stop()` ends it (SIGTERM) and waits for it.
 */
async function startServer(env, { nodeArgs = [] } = {}) {
  const port = env.PORT ?? randomPort();
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...serverArgs, path.join(dist, 'main.js')], {
    env: { ...process.env, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-20_000); // the tail, for a failure's message
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const server = {
    child,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (server.alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => server.alive() && child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
  for (let i = 0; i < 600; i++) {
    if (!server.alive()) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${server.url}/readyz`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`server did not become ready:\n${output}`);
}

/**
 * A plain HTTP client over node:http with keep-alive (a load generator sharing the machine's cores
 * with the server should spend as little CPU per request as it can). `request()` resolves with the
 * status, headers, body (a Buffer) and the time to the last byte in ms; it rejects on connection
 * errors and after `timeoutMs`.
 */
function httpClient(baseUrl, { maxSockets = 16, timeoutMs = 60_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = ({ method = 'GET', path: target = '/', headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(body);
      const all = { ...headers };
      if (payload) all['content-length'] = payload.length;
      const started = performance.now();
      const req = http.request(new URL(target, baseUrl), { method, agent, headers: all }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  /** POST /graphql with a JSON body (an object, or bytes already made); `headers` add to content-type. */
  const graphql = (body, headers = {}) =>
    request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      body: Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
  return { request, graphql, close: () => agent.destroy() };
}

/** The first-party clients' documents (the PWA's manifest, hash → text), for sending by id. */
function trustedDocument(name) {
  const manifest = require(path.join(root, 'client/src/gql/persisted-documents.json'));
  const found = Object.entries(manifest).filter(([, text]) =>
    new RegExp(`\\b(query|mutation) ${name}\\b`).test(text),
  );
  if (found.length !== 1) throw new Error(`no single document named ${name} in the PWA's manifest`);
  return found[0][0];
}

/** Apollo's persisted-query wire format: the document's id, no `query`. */
const byId = (hash, variables) => ({
  ...(variables ? { variables } : {}),
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

/** An argon2id hash of `password` with the app's parameters (config.argon2), for accounts a bench loads. */
function hashPassword(params, password) {
  const argon2 = require('argon2');
  return argon2.hash(password, { type: argon2.argon2id, ...params });
}

/** The fields of a /proc/…/stat file after the command name (which may hold spaces and parentheses). */
function statFields(file) {
  const stat = readFileSync(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU seconds in stat fields (clock ticks; USER_HZ = 100 on Linux). */
const cpuSecondsOf = (fields) => (Number(fields[11]) + Number(fields[12])) / 100;

/** A process's CPU seconds so far (user + system, from /proc/<pid>/stat; 0 where there is none). */
function processCpuSeconds(pid) {
  try {
    return cpuSecondsOf(statFields(`/proc/${pid}/stat`));
  } catch {
    return 0;
  }
}

/**
 * A process's CPU seconds split by thread: its main thread (JavaScript, the event loop) and the rest
 * (libuv's pool, where argon2 hashes; V8's helpers).
 */
function threadCpuSeconds(pid) {
  let main = 0;
  let others = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const seconds = cpuSecondsOf(statFields(`/proc/${pid}/task/${tid}/stat`));
        if (Number(tid) === pid) main += seconds;
        else others += seconds;
      } catch {} // ended meanwhile
    }
  } catch {}
  return { main, others };
}

/**
 * CPU seconds of a process and its live descendants (e.g. the server and the PostgreSQL it started),
 * each with the children it has reaped (a postmaster's finished backends).
 */
function processTreeCpuSeconds(rootPid) {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = statFields(`/proc/${name}/stat`);
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(name), { ppid: Number(fields[1]), ticks });
    } catch {} // gone meanwhile
  }
  let ticks = 0;
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.ppid ?? 0, hops++)
      if (p === rootPid) return true;
    return false;
  };
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return ticks / 100;
}

/** This machine's busy and total CPU seconds so far, all cores (from /proc/stat). */
function machineCpuSeconds() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number); // user nice system idle iowait irq softirq steal …
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - n[3] - n[4]) / 100, total: total / 100 };
}

/**
 * What the machine did between two `cpuSnapshot()`s: the share of all cores busy, and the share busy
 * with other processes than this bench's tree (this process, the database and server it started) —
 * others' tests on a shared machine take cores the figures assume.
 */
const cpuSnapshot = () => ({ machine: machineCpuSeconds(), ours: processTreeCpuSeconds(process.pid) });
function cpuShares(from, to) {
  const total = to.machine.total - from.machine.total;
  const busy = to.machine.busy - from.machine.busy;
  return { busy: busy / total, others: Math.max(0, busy - (to.ours - from.ours)) / total };
}
const sharesLine = ({ busy, others }) =>
  `machine busy ${(busy * 100).toFixed(0)} %, other processes ${(others * 100).toFixed(0)} %`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** This machine's load, printed beside the figures (others may share its cores). */
const loadLine = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${os.availableParallelism()} cores`;

/**
 * A GraphQL request sent from `clients` keep-alive connections (the benches use 16) by autocannon, connection i with the
 * headers `headersFor(i)` (its own session): the request's bytes are built once, so the load generator
 * costs the cores it shares with the server a fraction of what a Node http.request loop does. With
 * `perRequest`, the n-th request also gets the headers `perRequest(n)` (e.g. sessions of many
 * accounts in turn); its bytes are then built for every request.
 */
function cannon(url, body, headersFor, clients, { perRequest } = {}) {
  const autocannon = require('autocannon');
  let sent = 0;
  const requests = perRequest && [
    { setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...perRequest(sent++) } }) },
  ];
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
            body: JSON.stringify(body),
            ...(requests ? { requests } : {}),
            setupClient: (client) =>
              client.setHeaders({ 'content-type': 'application/json', ...headersFor(next++) }),
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

/**
 * Measures tasks that are compared with one another in alternating slices, `seconds` each in all:
 * this VM's speed drifts by tens of per cent from minute to minute, and measuring one after the other
 * would compare the drift as much as the tasks. A task is `{ run(seconds), server, database? }`: its
 * load (a `cannon`), the pid of the server it loads and the pids of the PostgreSQL postmasters behind
 * it (a list: a primary and its standbys).
 * Returns per task requests/s, latency percentiles, the server's CPU time per request (user + system:
 * steadier than requests/s on a VM whose speed drifts, and what the server's code changes move), the
 * database's (all its processes; in all and per postmaster) when given, and how busy the machine was and with what (other
 * processes' share: cores this bench's figures did not get).
 */
async function measureAlternating(tasks, { seconds, slices = 4 }) {
  const all = Object.fromEntries(
    Object.keys(tasks).map((name) => [
      name,
      {
        latencies: [],
        elapsed: 0,
        serverCpu: 0,
        databaseCpu: (tasks[name].database ?? []).map(() => 0), // per postmaster
        clientCpu: 0,
        busy: 0,
        others: 0,
        slices: 0,
      },
    ]),
  );
  for (let slice = 0; slice < slices; slice++) {
    for (const [name, task] of Object.entries(tasks)) {
      const cpuBefore = processCpuSeconds(task.server);
      const databaseCpu = () => (task.database ?? []).map((pid) => processTreeCpuSeconds(pid));
      const databaseBefore = databaseCpu();
      const clientBefore = process.cpuUsage();
      const machineBefore = cpuSnapshot();
      const { latencies, elapsed } = await task.run(seconds / slices);
      all[name].serverCpu += processCpuSeconds(task.server) - cpuBefore;
      for (const [i, spent] of databaseCpu().entries()) all[name].databaseCpu[i] += spent - databaseBefore[i];
      const client = process.cpuUsage(clientBefore);
      all[name].clientCpu += (client.user + client.system) / 1e6;
      const shares = cpuShares(machineBefore, cpuSnapshot());
      all[name].busy += shares.busy;
      all[name].others += shares.others;
      all[name].slices += 1;
      for (const latency of latencies) all[name].latencies.push(latency);
      all[name].elapsed += elapsed;
    }
  }
  return Object.fromEntries(
    Object.entries(all).map(([name, r]) => {
      const { latencies, elapsed, slices: n } = r;
      latencies.sort((a, b) => a - b);
      return [
        name,
        {
          requests: latencies.length,
          rps: latencies.length / elapsed,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          tail: [90, 95, 100].map((p) => percentile(latencies, p)),
          cpuPerRequest: (r.serverCpu / latencies.length) * 1e6,
          databaseCpuPerRequest: tasks[name].database
            ? (r.databaseCpu.reduce((a, b) => a + b, 0) / latencies.length) * 1e6
            : null,
          // Each postmaster's share, in the order given (a primary, then its standbys).
          databaseCpuPerRequestEach: r.databaseCpu.map((spent) => (spent / latencies.length) * 1e6),
          clientCpuPerRequest: (r.clientCpu / latencies.length) * 1e6,
          machine: { busy: r.busy / n, others: r.others / n },
        },
      ];
    }),
  );
}

/** The pid of the PostgreSQL postmaster serving `pool` (the parent of its backends), on this machine. */
async function postmasterPid(pool) {
  const { rows } = await pool.query('SELECT pg_backend_pid() AS pid');
  return Number(statFields(`/proc/${rows[0].pid}/stat`)[1]);
}

module.exports = {
  cannon,
  measureAlternating,
  postmasterPid,
  root,
  dist,
  quiet,
  openBenchDatabase,
  startServer,
  httpClient,
  trustedDocument,
  byId,
  hashPassword,
  processCpuSeconds,
  threadCpuSeconds,
  processTreeCpuSeconds,
  machineCpuSeconds,
  cpuSnapshot,
  cpuShares,
  sharesLine,
  percentile,
  loadLine,
};
