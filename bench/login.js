#!/usr/bin/env node
// Login throughput and latency at 8 concurrent clients against a running server, next to the argon2
// ceiling measured in the same run: a login verifies one argon2id hash, so logins/s cannot beat
// cores × single-core hash rate. Target: ≥ 80 % of that ceiling.
//
//   npm run bench:login                       starts its own server (embedded PostgreSQL in a temp dir)
//   BENCH_URL=http://host:4000 npm run bench:login   uses a running server (accounts via the CLI,
//                                             which must reach the same database: set DATABASE_URL)
// Options (env): BENCH_SECONDS (default 15), BENCH_ROUNDS (default 5), BENCH_CLIENTS (default 8),
//                BENCH_LOGIN=text (sign in as a non-browser client does: the document as text, a bearer
//                token back; default: as the PWA does, its Login document by id, the session as a cookie).
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const argon2 = require('argon2');
const {
  dist,
  startServer,
  httpClient,
  processCpuSeconds,
  threadCpuSeconds,
  processTreeCpuSeconds,
  machineCpuSeconds,
  percentile,
  loadLine,
  trustedDocument,
  byId,
} = require('./support');

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const asText = process.env.BENCH_LOGIN === 'text';
const LOGIN_TEXT = 'mutation($input: LoginInput!) { login(input: $input) { __typename } }';
const LOGIN_ID = trustedDocument('Login');

function loadArgonParams() {
  const { loadConfig } = require(`${dist}/config.js`);
  return loadConfig().argon2;
}

async function argonRate(params) {
  // One verification at a time in one thread: the single-core rate.
  const hash = await argon2.hash('Sakura#2024x', { type: argon2.argon2id, ...params });
  const until = Date.now() + 1500;
  let n = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  while (Date.now() < until) {
    await argon2.verify(hash, 'Sakura#2024x');
    n++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    perSecond: n / ((performance.now() - started) / 1000),
    msPerHash: (performance.now() - started) / n,
    cpuMsPerHash: (cpu.user + cpu.system) / 1000 / n, // its CPU time, whatever else shares the core
  };
}

async function main() {
  const params = loadArgonParams();
  let url = process.env.BENCH_URL;
  let server = null;
  let dataDir = null;
  const env = { ...process.env };
  if (!url) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'wb-bench-'));
    chmodSync(dataDir, 0o755);
    Object.assign(env, {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(50000 + Math.floor(Math.random() * 5000)),
      LOG_LEVEL: 'warn',
      // Throughput, not lockout or throttling, is under test; every login here succeeds anyway.
      LOGIN_FAILURES_PER_ADDRESS: '100000',
      // As deployed: graphql-js skips its development-mode checks; browsers run trusted documents only.
      NODE_ENV: 'production',
      SEAL_KEY: randomBytes(32).toString('base64'),
    });
    server = await startServer(env);
    url = server.url;
  }
  try {
    console.log(
      asText
        ? 'sign-in as a non-browser client: the document as text, a bearer token'
        : 'sign-in as the PWA: its Login document by id, the session cookie',
    );
    console.log(`argon2id m=${params.memoryCost} KiB t=${params.timeCost} p=${params.parallelism}`);
    const accounts = [];
    for (let i = 0; i < clients; i++) {
      const out = execFileSync(
        process.execPath,
        [
          path.join(dist, 'cli.js'),
          'account',
          'create',
          '--phone',
          '0312345678',
          '--name',
          `bench ${i}`,
          '--json',
        ],
        { env, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      accounts.push(JSON.parse(out.toString()));
    }

    // node:http with keep-alive rather than fetch: the load generator shares the machine's two cores
    // with the server, so it should spend as little CPU per request as it can (like wrk would).
    const http = httpClient(url, { maxSockets: clients });
    const login = async (account) => {
      const credentials = { loginId: account.initialLoginId, password: account.initialPassword };
      const payload = Buffer.from(
        JSON.stringify(
          asText
            ? { query: LOGIN_TEXT, variables: { input: { ...credentials, bearer: true } } }
            : byId(LOGIN_ID, { input: credentials }),
        ),
      );
      // A browser adds its origin to every POST (and the PWA may send only trusted ids).
      const res = await http.graphql(payload, asText ? {} : { origin: url });
      if (!res.body.includes('"LoginSuccess"')) throw new Error(`login failed: ${res.body}`);
      return res.ms;
    };
    // Warm-up: JIT, connection pools, argon2 threads.
    await Promise.all(accounts.map((a) => login(a)));

    // A shared virtual machine's speed drifts by ±15 % within a minute, so the load runs in rounds with
    // the single-core argon2 rate measured between them (never during a round: they would compete for
    // the same cores), and both are averaged over the whole run.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const argonSamples = [await argonRate(params)];
    const latencies = [];
    let completed = 0;
    let elapsed = 0;
    // Where the cores went during the rounds: the server (argon2 runs in its thread pool), the PostgreSQL
    // it started, this client, and whatever else runs on the machine.
    const cpu = { server: 0, serverMain: 0, tree: 0, client: 0, machineBusy: 0, machineTotal: 0 };
    const cpuNow = () => ({
      server: server ? processCpuSeconds(server.pid) : 0,
      serverMain: server ? threadCpuSeconds(server.pid).main : 0,
      tree: server ? processTreeCpuSeconds(server.pid) : 0,
      client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      machine: machineCpuSeconds(),
    });
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const deadline = started + (seconds * 1000) / rounds;
      const before = cpuNow();
      // Throughput is what completes within the window, as wrk counts it: the round's last logins, still
      // running at the deadline with fewer clients left, are timed but not counted.
      await Promise.all(
        accounts.map(async (account) => {
          while (performance.now() < deadline) {
            latencies.push(await login(account));
            if (performance.now() <= deadline) completed++;
          }
        }),
      );
      elapsed += (deadline - started) / 1000;
      const after = cpuNow();
      cpu.server += after.server - before.server;
      cpu.serverMain += after.serverMain - before.serverMain;
      cpu.tree += after.tree - before.tree;
      cpu.client += after.client - before.client;
      cpu.machineBusy += after.machine.busy - before.machine.busy;
      cpu.machineTotal += after.machine.total - before.machine.total;
      argonSamples.push(await argonRate(params));
    }
    latencies.sort((a, b) => a - b);
    const rate = completed / elapsed;
    const argon = {
      perSecond: argonSamples.reduce((sum, a) => sum + a.perSecond, 0) / argonSamples.length,
      msPerHash: argonSamples.reduce((sum, a) => sum + a.msPerHash, 0) / argonSamples.length,
      cpuMsPerHash: argonSamples.reduce((sum, a) => sum + a.cpuMsPerHash, 0) / argonSamples.length,
    };
    console.log(
      `argon2 single-core samples: ${argonSamples.map((a) => a.perSecond.toFixed(1)).join(', ')} hashes/s`,
    );
    const cores = os.availableParallelism();
    const ceiling = argon.perSecond * cores;
    console.log(
      `argon2 single-core: ${argon.perSecond.toFixed(1)} hashes/s (${argon.msPerHash.toFixed(1)} ms per hash)`,
    );
    console.log(`argon2 ceiling: ${ceiling.toFixed(1)} logins/s (${cores} cores)`);
    console.log(
      `login: ${rate.toFixed(1)} logins/s over ${elapsed.toFixed(1)} s at ${clients} clients, ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    console.log(
      `login throughput = ${((rate / ceiling) * 100).toFixed(0)} % of the argon2 ceiling (target ≥ 80 %) ` +
        `${rate >= 0.8 * ceiling ? 'PASS' : 'FAIL'}; ${loadLine()}`,
    );
    const perLogin = (s) => `${((s * 1000) / latencies.length).toFixed(1)} ms`;
    const share = (s) => `${((s / cpu.machineTotal) * 100).toFixed(0)} %`;
    const others = cpu.machineBusy - cpu.tree - cpu.client;
    console.log(
      `CPU during the rounds, per login: ${
        server
          ? `server ${perLogin(cpu.server)} (main thread ${perLogin(cpu.serverMain)}, other threads ` +
            `${perLogin(cpu.server - cpu.serverMain)}; a hash's own CPU ${argon.cpuMsPerHash.toFixed(1)} ms), ` +
            `its PostgreSQL ${perLogin(cpu.tree - cpu.server)}, `
          : ''
      }this client ${perLogin(cpu.client)}; machine busy ${share(cpu.machineBusy)} of ${cores} cores` +
        (server ? ` (server ${share(cpu.server)}, PostgreSQL ${share(cpu.tree - cpu.server)}, ` : ' (') +
        `this client ${share(cpu.client)}, other processes ${share(Math.max(0, server ? others : cpu.machineBusy - cpu.client))})`,
    );
    http.close();
  } finally {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
