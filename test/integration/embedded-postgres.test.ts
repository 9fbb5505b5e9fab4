import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';

// The app's own PostgreSQL (no DATABASE_URL): reached through a Unix socket in the cluster's directory
// when that path fits, else over loopback TCP; a second process (the CLI beside the server) shares it.
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(extra = ''): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wb-embedded-'));
  chmodSync(dir, 0o755); // the cluster runs as the postgres user when tests run as root
  dirs.push(dir);
  if (!extra) return dir;
  const nested = path.join(dir, extra);
  mkdirSync(nested, { recursive: true });
  for (let d = nested; d !== dir; d = path.dirname(d)) chmodSync(d, 0o755);
  return nested;
}

const root = path.resolve(__dirname, '../..');

/**
 * Runs `body` in a plain Node process against the built module (the binaries' package is an ES module,
 * which Jest's module runtime cannot load), with `start(dir, port)` and `address(url)` (where the
 * server says the connection came in: null over a Unix socket, the address over TCP); prints JSON.
 */
function inNode(body: string, env: Record<string, string>): unknown {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(`${root}/dist/server/src/db/embedded-postgres.js`)});
    const { Client } = require('pg');
    const start = (dir, port) => startEmbeddedPostgres({ dataDir: dir, port, database: 'app' });
    const address = async (url) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try { return (await client.query('SELECT inet_server_addr()::text AS addr')).rows[0].addr; }
      finally { await client.end(); }
    };
    (async () => { ${body} })().then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, ...env } }).toString(),
  );
}

it('connects through the Unix socket, and a second process shares the running cluster', async () => {
  const result = inNode(
    `const server = await start(process.env.DIR, Number(process.env.PORT));
     try {
       const seen = { url: await address(server.url), admin: await address(server.adminUrl),
                      port: await address(server.url.replace(/\\?.*$/, '')) };
       const cli = await start(process.env.DIR, Number(process.env.PORT));
       seen.cli = await address(cli.url);
       await cli.stop(); // not the owner: the cluster keeps running
       seen.afterCli = await address(server.url);
       return seen;
     } finally { await server.stop(); }`,
    { DIR: dataDir(), PORT: String(await freePort()) },
  );
  // Tools can still use the port.
  expect(result).toEqual({ url: null, admin: null, port: '127.0.0.1/32', cli: null, afterCli: null });
}, 120_000);

it('falls back to loopback TCP when the socket path would be too long', async () => {
  const dir = dataDir(
    'a-rather-long-directory-name/that-keeps-going/and-going-until-the-socket-path-cannot-fit',
  );
  const result = inNode(
    `const server = await start(process.env.DIR, Number(process.env.PORT));
     try { return { url: server.url, address: await address(server.url) }; } finally { await server.stop(); }`,
    { DIR: dir, PORT: String(await freePort()) },
  ) as { url: string; address: string };
  expect(result.url).not.toContain('host=');
  expect(result.address).toBe('127.0.0.1/32');
}, 120_000);

// Root in a private folder (a clone under /root): the postgres user cannot enter DATA_DIR, so the
// cluster lives where it can and DATA_DIR/pg links to it. Only root can run a cluster as another user.
const asRoot = process.getuid?.() === 0 ? it : it.skip;
asRoot(
  'as root, keeps the cluster where the postgres user may go when DATA_DIR is private',
  async () => {
    const parent = dataDir();
    chmodSync(parent, 0o700);
    const dir = path.join(parent, 'var');
    const result = inNode(
      `const fs = require('node:fs');
     const server = await start(process.env.DIR, Number(process.env.PORT));
     try {
       const link = require('node:path').join(process.env.DIR, 'pg');
       return { isLink: fs.lstatSync(link).isSymbolicLink(), cluster: fs.realpathSync(link),
                owner: fs.statSync(fs.realpathSync(link)).uid, viaSocket: (await address(server.url)) === null };
     } finally { await server.stop(); }`,
      { DIR: dir, PORT: String(await freePort()) },
    ) as { isLink: boolean; cluster: string; owner: number; viaSocket: boolean };
    try {
      expect(result.isLink).toBe(true);
      expect(result.cluster).toMatch(/^\/var\/lib\/web-billing\/clusters\/[0-9a-f]{16}$/);
      expect(result.owner).not.toBe(0);
      expect(result.viaSocket).toBe(true);
    } finally {
      rmSync(result.cluster, { recursive: true, force: true });
    }
  },
  120_000,
);
