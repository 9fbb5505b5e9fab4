import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { printedSchema } from '../../server/src/emit-schema';
import { Browser, LOGIN } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('HTTP server', () => {
  it('answers liveness and readiness probes', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('sends security headers and compresses responses', async () => {
    const res = await fetch(`${t.url}/login`, {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('<html');
  });

  it('sends GraphQL answers with API headers: never stored by a cache, inert if opened as a page', async () => {
    const s = await activeSubscriber(t, 'ja');
    const res = await s.browser.gql('{ me { loginId } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.data?.me.loginId).toBe(s.loginId);
    // An error answer (here: not signed in) carries them too.
    const refused = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { loginId } }' }),
    });
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the PWA shell for client routes and 404 JSON for unknown non-page requests', async () => {
    const page = await fetch(`${t.url}/change-initial`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${t.url}/nope.json`, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
  });

  it('serves content-hashed assets as immutable, precompressed when the browser accepts it', async () => {
    const html = await (await fetch(`${t.url}/`, { headers: { accept: 'text/html' } })).text();
    const script = html.match(/src="?\/?([^"\s>]+\.js)/)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(`${t.url}/${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it('blocks cross-site form posts to /graphql (CSRF)', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { loginId } }' }),
    });
    expect(res.status).toBe(400);
  });

  it('rejects malformed input with BAD_USER_INPUT, not a crash', async () => {
    const res = await new Browser(t.url).gql(LOGIN, { input: { loginId: 'x'.repeat(500), password: 'y' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await new Browser(t.url).gql(LOGIN, { input: { loginId: 'abc' } });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('development mailbox (no SMTP_URL)', () => {
  it('writes mails as .eml files that /dev/mailbox lists and opens, links intact', async () => {
    const s = await activeSubscriber(t, 'ja');
    const email = `mailbox${Date.now()}@example.jp`;
    await s.browser.gql(
      `mutation($input: RegisterReissueEmailInput!) { registerReissueEmail(input: $input) { __typename } }`,
      { input: { email, emailConfirmation: email, secretQuestionId: '1', secretAnswer: 'Yamada' } },
    );
    let listed: { id: string; to: string; subject: string }[] = [];
    for (let i = 0; i < 100 && !listed.some((m) => m.to.includes(email)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      listed = await (await fetch(`${t.url}/dev/mailbox/messages`)).json();
    }
    const entry = listed.find((m) => m.to.includes(email));
    expect(entry?.subject).toBe('【Webビリング】再発行用メールアドレス登録のご確認');
    const opened = await (await fetch(`${t.url}/dev/mailbox/messages/${entry?.id}`)).json();
    expect(opened.text).toMatch(/http:\/\/localhost:0\/reissue-email\/confirm#token=[\w-]{43}/);
    expect((await fetch(`${t.url}/dev/mailbox/messages/..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
  });

  it('does not exist in production', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production' });
    try {
      const res = await fetch(`${prod.url}/dev/mailbox/messages`, {
        headers: { accept: 'application/json' },
      });
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('schema.graphql', () => {
  it('is what TypeGraphQL emits (commit it after changing the schema: npm run schema)', async () => {
    expect(readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(await printedSchema());
  });
});

describe('command line', () => {
  const cli = (args: string[]) =>
    run('node', [path.join(root, 'dist/server/src/cli.js'), ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        SEAL_KEY: Buffer.alloc(32, 7).toString('base64'),
      },
    });

  it('account create --json prints exactly one JSON object whose credentials log in', async () => {
    const { stdout } = await cli([
      'account',
      'create',
      '--phone',
      '090-1111-2222',
      '--name',
      '田中 三郎',
      '--json',
    ]);
    const created = JSON.parse(stdout);
    expect(Object.keys(created)).toEqual(
      expect.arrayContaining(['accountId', 'customerNumber', 'initialLoginId', 'initialPassword']),
    );
    expect(created.customerNumber).toMatch(/^\d{10}$/);
    const res = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: created.initialLoginId, password: created.initialPassword },
    });
    expect(res.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_INITIAL_CREDENTIALS',
      viewer: { registeredPhoneNumber: '09011112222', holderName: '田中 三郎' },
    });
    // The postcard is queued with the password sealed, and the audit trail holds no credentials.
    const [card]: { status: string; initial_password_sealed: string }[] = await t.db.query(
      'SELECT status, initial_password_sealed FROM postcard WHERE billing_account_id = $1',
      [created.accountId],
    );
    expect(card.status).toBe('PENDING');
    expect(card.initial_password_sealed).not.toContain(created.initialPassword);
    const leaks: unknown[] = await t.db.query('SELECT 1 FROM audit_event WHERE detail::text LIKE $1', [
      `%${created.initialPassword}%`,
    ]);
    expect(leaks).toHaveLength(0);
  });

  it('refuses a bad phone number with a message naming the option', async () => {
    await expect(cli(['account', 'create', '--phone', '12-34', '--name', 'x'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--phone'),
    });
  });

  it('migrate is idempotent', async () => {
    const { stdout } = await cli(['migrate']);
    expect(stdout).toContain('up to date');
  });

  it('stops with a message naming a bad variable', async () => {
    await expect(
      run('node', [path.join(root, 'dist/server/src/cli.js'), 'migrate'], {
        env: { ...process.env, LOCKOUT_THRESHOLD: 'lots' },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('LOCKOUT_THRESHOLD') });
  });
});
