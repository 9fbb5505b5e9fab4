import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { Browser, LOGIN, ME } from '../support/graphql-client';

// The product as `npm start` runs it: its own embedded PostgreSQL under DATA_DIR, the demo seed,
// JSON logs, and a clean stop on SIGTERM. Slow-ish (initdb), so one start-stop-start cycle.
const root = path.resolve(__dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wb-process-'));
chmodSync(dataDir, 0o755); // the cluster runs as the postgres user when tests run as root
let port = 0;
let pgPort = 0;
let url = '';
beforeAll(async () => {
  port = await freePort();
  pgPort = await freePort();
  url = `http://127.0.0.1:${port}`;
});

interface Running {
  child: ChildProcess;
  output: () => string;
}

async function start(): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [path.join(root, 'dist/server/src/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, output: () => output };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready:\n${output}`);
}

/** The command line as an operator runs it beside the server: only DATA_DIR in common. */
function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  delete env.EMBEDDED_PG_PORT;
  const run = spawnSync(process.execPath, [path.join(root, 'dist/server/src/cli.js'), ...args], { env });
  return { status: run.status, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGTERM');
  return exited;
}

const portOpen = (p: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: p });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('starts with its own PostgreSQL, seeds a demo, logs JSON without secrets, stops cleanly and keeps its data', async () => {
  const first = await start();
  const card = first.output().match(/Initial login ID\s+(\S+)[\s\S]*?Initial password\s+(\S+)/);
  expect(card).not.toBeNull();
  const [, initialLoginId, initialPassword] = card as RegExpMatchArray;
  expect(await portOpen(pgPort)).toBe(true);

  const client = new Browser(url);
  const login = await client.gql(LOGIN, {
    input: { loginId: initialLoginId, password: initialPassword, bearer: true },
  });
  const token = login.data?.login.sessionToken as string;
  expect(token).toMatch(/^wbs_/);
  client.bearer = token;
  expect((await client.gql(ME)).data?.me.loginId).toBe(initialLoginId);

  // The first start also makes a console admin, its password printed once beside the console's address.
  const operator = first.output().match(/\/ops\s+login ID (\S+)\s+password (\S+)/);
  expect(operator).not.toBeNull();
  const [, operatorLoginId, operatorPassword] = operator as RegExpMatchArray;
  const console = new Browser(url);
  const signedIn = await console.gql(
    'mutation($input: OperatorLoginInput!) { operatorLogin(input: $input) { __typename ... on OperatorLoginSuccess { operator { role } } } }',
    { input: { loginId: operatorLoginId, password: operatorPassword } },
  );
  expect(signedIn.data?.operatorLogin).toEqual({
    __typename: 'OperatorLoginSuccess',
    operator: { role: 'ADMIN' },
  });

  expect(await stop(first)).toBe(0);
  expect(await portOpen(pgPort)).toBe(false); // the embedded cluster stopped with the app

  // Request logs are JSON lines, and never carry the session token.
  const logLines = first
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  expect(logLines.some((l) => JSON.parse(l).req?.url === '/graphql')).toBe(true);
  expect(first.output()).not.toContain(token.slice(4));

  const second = await start();
  try {
    expect(second.output()).not.toContain('Demo accounts created'); // data survived: no second seed
    expect(second.output()).not.toContain('Demo operator console');
    const again = await new Browser(url).gql(LOGIN, {
      input: { loginId: initialLoginId, password: initialPassword },
    });
    expect(again.data?.login.__typename).toBe('LoginSuccess');

    // The CLI beside the running server, with no port given (EMBEDDED_PG_PORT is the server's own,
    // not the default): it finds the running cluster through DATA_DIR and leaves it running.
    const list = cli(['api-key', 'list']);
    expect(list).toMatchObject({ status: 0, stdout: 'no API keys\n' });
    expect(list.stderr).not.toMatch(/postmaster\.pid|undefined/);
    expect((await fetch(`${url}/readyz`)).ok).toBe(true);
    // Bad usage exits 2, a failure 1; each says what in a sentence.
    expect(cli(['api-key', 'create'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^error: required option '--name/),
    });
    expect(cli(['api-key', 'revoke', 'nope'])).toMatchObject({
      status: 1,
      stderr: 'error: No API key nope.\n',
    });
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 180_000);
