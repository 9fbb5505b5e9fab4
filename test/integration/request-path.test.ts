import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { TrustedDocuments } from '../../server/src/graphql/trusted-documents';
import { Browser, CHANGE_INITIAL, CHANGE_PASSWORD, LOGIN } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { idOf, manifest } from '../support/trusted-documents';

// The request path from the outside: trusted documents for our own clients, limits before any work
// for documents sent as text, and clear answers to bad input (issue 13 points 1, 2, 3 and 6).

const ROOT = path.resolve(__dirname, '../..');

interface Sent {
  query?: string;
  id?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
}
// biome-ignore lint/suspicious/noExplicitAny: tests assert on response shapes directly
type Answer = { status: number; headers: Headers; body: any };

async function send(url: string, sent: Sent): Promise<Answer> {
  const params: Record<string, unknown> = { variables: sent.variables ?? {} };
  if (sent.query !== undefined) params.query = sent.query;
  if (sent.operationName) params.operationName = sent.operationName;
  if (sent.id) params.extensions = { persistedQuery: { version: 1, sha256Hash: sent.id } };
  const headers: Record<string, string> = {
    'accept-language': 'en',
    'apollo-require-preflight': 'true',
    ...sent.headers,
  };
  let res: Response;
  if (sent.method === 'GET') {
    const qs = new URLSearchParams(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    res = await fetch(`${url}/graphql?${qs}`, { headers });
  } else {
    res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(params),
    });
  }
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const BROWSER = { origin: 'https://billing.example.jp', 'sec-fetch-site': 'same-origin' };

/** Rows that any credential check leaves behind: none may appear when a request is refused. */
async function traces(t: TestApp) {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM session)::int AS sessions,
            (SELECT count(*) FROM rate_limit)::int AS limits`,
  );
  return row;
}

let counter = 0;
/**
 * An active subscriber on the production app, made as clients there may: by bearer token (text
 * allowed), then signed in by id as the PWA does, with its cookie.
 */
async function prodSubscriber() {
  const card = await prod.services.provisioning.provision(
    { holderName: '佐藤 花子', registeredPhoneNumber: '09012345678' },
    { via: 'test' },
  );
  const loginId = `prod${process.pid % 1000}${Date.now() % 1e6}${counter++}`;
  const password = 'Momiji#2024x';
  const tool = new Browser(prod.url);
  const first = await tool.gql(LOGIN, {
    input: { loginId: card.initialLoginId, password: card.initialPassword, bearer: true },
  });
  tool.bearer = first.data?.login.sessionToken;
  const changed = await tool.gql(CHANGE_INITIAL, {
    input: {
      initialLoginId: card.initialLoginId,
      initialPassword: card.initialPassword,
      newLoginId: loginId,
      newLoginIdConfirmation: loginId,
      newPassword: password,
      newPasswordConfirmation: password,
    },
  });
  expect(changed.data?.changeInitialCredentials.__typename).toBe('CredentialsChanged');
  const login = await send(prod.url, {
    id: idOf('Login'),
    variables: { input: { loginId, password } },
    headers: BROWSER,
  });
  expect(login.body.data.login.__typename).toBe('LoginSuccess');
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('wb_session='))
    ?.split(';')[0] as string;
  expect(cookie).toBeTruthy();
  return { loginId, password, cookie };
}

let prod: TestApp;
let dev: TestApp;
beforeAll(async () => {
  [prod, dev] = await Promise.all([startTestApp({ NODE_ENV: 'production' }), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([prod?.close(), dev?.close()]);
});

describe('trusted documents (point 1)', () => {
  it('runs our clients’ operations by id in production, cookie session included', async () => {
    const s = await prodSubscriber(); // signs in by id, as the PWA does
    const cookie = s.cookie;
    const me = await send(prod.url, { id: idOf('Me'), headers: { ...BROWSER, cookie: cookie as string } });
    expect(me.body.data.me.loginId).toBe(s.loginId);
    const byGet = await send(prod.url, {
      id: idOf('TopBilling'),
      method: 'GET',
      headers: { ...BROWSER, cookie: cookie as string },
    });
    expect(byGet.status).toBe(200);
    expect(byGet.body.data.billing).toBeDefined();
  });

  it('refuses a document sent as text from a cookie-authenticated browser in production', async () => {
    const { cookie } = await prodSubscriber();
    for (const headers of [{ cookie }, { cookie, ...BROWSER }]) {
      for (const method of ['POST', 'GET'] as const) {
        const res = await send(prod.url, { query: '{ me { loginId } }', headers, method });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
        expect(res.body.errors[0].message).toMatch(/API key/);
        expect(res.body.data).toBeUndefined();
      }
    }
    // An id does not smuggle text in: text and id together is text.
    const both = await send(prod.url, { id: idOf('Me'), query: '{ me { loginId } }', headers: { cookie } });
    expect(both.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
  });

  it('refuses text from an anonymous browser in production (Origin or Sec-Fetch-Site)', async () => {
    for (const headers of [{ origin: BROWSER.origin }, { 'sec-fetch-site': 'same-origin' }] as Record<
      string,
      string
    >[]) {
      const res = await send(prod.url, { query: '{ secretQuestions { id } }', headers });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    }
    const operator = await send(prod.url, {
      query: '{ secretQuestions { id } }',
      headers: { cookie: 'wb_operator=x' },
    });
    expect(operator.body.errors?.[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
  });

  it('serves text to bearer tokens, API keys and non-browser tools in production, within the limits', async () => {
    const s = await prodSubscriber();
    const token = await new Browser(prod.url).gql(
      'mutation($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { sessionToken } } }',
      { input: { loginId: s.loginId, password: s.password, bearer: true } },
    );
    const bearer = token.data?.login.sessionToken as string;
    const me = await send(prod.url, {
      query: '{ me { loginId } }',
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(me.body.data.me.loginId).toBe(s.loginId);
    const anonymousTool = await send(prod.url, { query: '{ secretQuestions { id } }' });
    expect(anonymousTool.status).toBe(200);
    expect(anonymousTool.body.data.secretQuestions.length).toBeGreaterThan(0);
  });

  it('serves text from a cookie-authenticated browser in development', async () => {
    const s = await activeSubscriber(dev);
    const res = await send(dev.url, {
      query: '{ me { loginId } }',
      headers: { cookie: s.browser.cookie as string, ...BROWSER },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.me.loginId).toBe(s.loginId);
  });

  it('answers an unknown id with 400 PERSISTED_QUERY_NOT_FOUND, in the caller’s language', async () => {
    for (const app of [prod, dev]) {
      for (const method of ['POST', 'GET'] as const) {
        const res = await send(app.url, { id: 'f'.repeat(64), method, headers: BROWSER });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
        expect(res.body.errors[0].message).toMatch(/reload/);
      }
    }
    const ja = await send(prod.url, { id: 'nope', headers: { 'accept-language': 'ja' } });
    expect(ja.body.errors[0].message).toMatch(/再読み込み/);
  });

  it('ships no document text in the built client, only ids', () => {
    const dir = path.join(ROOT, 'dist/client');
    const js = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, text] of Object.entries(manifest)) {
      const header = /(query|mutation) \w+/.exec(text)?.[0] as string;
      expect(js).not.toContain(`${header}(`);
      expect(js).not.toContain(`${header} {`);
      expect(js).toContain(id);
    }
  });
});

describe('limits before any work (point 2)', () => {
  const aliasedLogins = (n: number) =>
    `mutation { ${Array.from({ length: n }, (_, i) => `l${i}: login(input: { loginId: "victim${i}", password: "Guess#${i}aa" }) { __typename }`).join(' ')} }`;

  it('refuses 100 aliased logins before any password is hashed', async () => {
    for (const app of [prod, dev]) {
      const before = await traces(app);
      const res = await send(app.url, { query: aliasedLogins(100) });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.data).toBeUndefined();
      expect(await traces(app)).toEqual(before);
    }
  });

  it('allows one credential check per request: two (unaliased, different fields) are refused', async () => {
    const s = await activeSubscriber(dev);
    const before = await traces(dev);
    const res = await send(dev.url, {
      query: `mutation { login(input: { loginId: "${s.loginId}", password: "Wrong#pass1" }) { __typename }
        changePassword(input: { currentPassword: "x", newPassword: "y", newPasswordConfirmation: "y" }) { __typename } }`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/At most one credential check/);
    expect(await traces(dev)).toEqual(before);
    expect((await send(dev.url, { query: aliasedLogins(1) })).body.data.l0.__typename).toBe(
      'InvalidCredentials',
    );
  });

  it('refuses too many aliases, too deep, too many directives and too many tokens, with a reason', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const deep =
      '{ __type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    const directives = `{ __typename ${'@include(if: true) '.repeat(11)}}`;
    const tokens = `{ ${'__typename '.repeat(2_100)}}`;
    for (const [query, reason] of [
      [aliases, /aliases/i],
      [deep, /depth/i],
      [directives, /directives/i],
      [tokens, /tokens/i],
    ] as const) {
      const res = await send(dev.url, { query });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(reason);
    }
    const fifteen = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await send(dev.url, { query: fifteen })).status).toBe(200);
  });

  it('refuses a request over the cost budget and shows integrators their cost', async () => {
    const key = await prod.services.apiKeys.create('cost', ['billing:read']);
    const auth = { authorization: `Bearer ${key.key}` };
    const small = await send(prod.url, {
      query: '{ __typename secretQuestions { id text } }',
      headers: auth,
    });
    expect(small.status).toBe(200);
    expect(small.body.extensions.cost).toEqual({ requested: 22, limit: 10_000 }); // 1 + (1 + 10 × 2)
    // Lists count ten times their element: four breakdowns of carriers × lines × items are over it.
    const breakdown =
      'breakdown(billingMonth: "2026-11") { ... on Breakdown { carriers { lines { items { name amount taxRate } line { lineNumber } } } } }';
    const wide = `{ billing { a: ${breakdown} b: ${breakdown} c: ${breakdown} d: ${breakdown} } }`;
    const big = await send(prod.url, { query: wide, headers: auth });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10_000 });
    expect(big.body.errors[0].extensions.cost).toBeGreaterThan(10_000);
    // Subscribers see no cost.
    const anonymous = await send(prod.url, { query: '{ secretQuestions { id } }' });
    expect(anonymous.body.extensions?.cost).toBeUndefined();
    const anonymousWide = await send(prod.url, { query: wide });
    expect(anonymousWide.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('keeps introspection and suggestions for API keys in production, for everyone in development', async () => {
    const key = await prod.services.apiKeys.create('schema', ['billing:read']);
    const introspect = '{ __schema { queryType { name } } }';
    const refused = await send(prod.url, { query: introspect });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/integrators/);
    const keyed = await send(prod.url, {
      query: introspect,
      headers: { authorization: `Bearer ${key.key}` },
    });
    expect(keyed.body.data.__schema.queryType.name).toBe('Query');
    expect((await send(dev.url, { query: introspect })).body.data.__schema.queryType.name).toBe('Query');

    const typo = '{ secretQuestion { id } }';
    expect((await send(prod.url, { query: typo })).body.errors[0].message).not.toMatch(/Did you mean/);
    const keyedTypo = await send(prod.url, { query: typo, headers: { authorization: `Bearer ${key.key}` } });
    expect(keyedTypo.body.errors[0].message).toMatch(/Did you mean/);
    expect((await send(dev.url, { query: typo })).body.errors[0].message).toMatch(/Did you mean/);
  });
});

describe('bounded memory (point 3)', () => {
  it('keeps parsed documents for trusted ids only', async () => {
    const store = TrustedDocuments.load().documentStore();
    const [trustedId] = Object.keys(manifest);
    const parsed = { kind: 'Document', definitions: [] } as never;
    await store.set(`apq:${trustedId}`, parsed);
    await store.set(`apq:${'a'.repeat(64)}`, parsed);
    expect(await store.get(`apq:${trustedId}`)).toBe(parsed);
    expect(await store.get(`apq:${'a'.repeat(64)}`)).toBeUndefined();
  });

  it('looks up a made-up session cookie with one statement and reads no body for it', async () => {
    dev.statements.length = 0;
    const res = await send(dev.url, { id: idOf('TopBilling'), headers: { cookie: 'wb_session=wbs_x' } });
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(dev.statements.filter((s) => /invoice|carrier_statement/i.test(s))).toEqual([]);
    expect(dev.statements.length).toBeLessThanOrEqual(1);
  });
});

describe('clear answers to bad input (point 6)', () => {
  it('answers a control character in any input with BAD_USER_INPUT naming the field', async () => {
    for (const bad of ['a\u0000b', 'x\u0007', '\u001b[31m', 'del\u007f']) {
      const viaVariables = await new Browser(dev.url).gql(LOGIN, {
        input: { loginId: bad, password: 'Secret#123' },
      });
      expect(viaVariables.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.loginId',
      });
      expect(viaVariables.errors?.[0].message).toMatch(/^input\.loginId: contains a control character/);
    }
    const literal = await send(dev.url, {
      query: 'mutation { login(input: { loginId: "abc", password: "pa\\u0000ss" }) { __typename } }',
      headers: { 'accept-language': 'ja' },
    });
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
    });
    expect(literal.body.errors[0].message).toMatch(/制御文字/);
    // Tabs and line breaks are text, not control characters.
    const s = await activeSubscriber(dev);
    const ok = await s.browser.gql(CHANGE_PASSWORD, {
      input: {
        currentPassword: 'not\tit',
        newPassword: 'New#pass123',
        newPasswordConfirmation: 'New#pass123',
      },
    });
    expect(ok.errors).toBeUndefined();
  });

  it('words API key refusals for integrators: missing, unknown or revoked, wrong scope, over budget', async () => {
    const invoices = '{ invoicesByCustomerNumber(customerNumber: "0010000001") { __typename } }';
    const missing = await send(dev.url, { query: invoices });
    expect(missing.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'API_KEY_REQUIRED',
      requiredScopes: ['billing:read'],
    });
    expect(missing.body.errors[0].message).toMatch(/needs an API key.*Authorization: Bearer/);
    expect(missing.body.errors[0].message).not.toMatch(/log in/);

    const revoked = await dev.services.apiKeys.create('soon revoked', ['billing:read']);
    await dev.services.apiKeys.revoke(revoked.prefix);
    for (const token of [revoked.key, 'wbk_made_up']) {
      const res = await send(dev.url, { query: invoices, headers: { authorization: `Bearer ${token}` } });
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'API_KEY_INVALID',
      });
      expect(res.body.errors[0].message).toMatch(/unknown or has been revoked/);
    }

    const writer = await dev.services.apiKeys.create('writer', ['billing:write']);
    const scope = await send(dev.url, {
      query: invoices,
      headers: { authorization: `Bearer ${writer.key}` },
    });
    expect(scope.body.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'API_KEY_SCOPE_MISSING',
      requiredScopes: ['billing:read'],
    });
  });

  it('refuses an idempotency key sent again with other details, and answers a true retry', async () => {
    const key = await dev.services.apiKeys.create('provisioner', ['accounts:write']);
    const provision = (holderName: string) =>
      send(dev.url, {
        query: `mutation($input: ProvisionAccountInput!) { provisionAccount(input: $input) { __typename
          ... on AccountProvisioned { account { customerNumber } }
          ... on FieldErrors { errors { field code message } } } }`,
        variables: {
          input: { holderName, registeredPhoneNumber: '0312345678', idempotencyKey: 'order-4711-x' },
        },
        headers: { authorization: `Bearer ${key.key}` },
      });
    const first = await provision('山田 太郎');
    expect(first.body.data.provisionAccount.__typename).toBe('AccountProvisioned');
    const retry = await provision('山田 太郎');
    expect(retry.body.data.provisionAccount.account).toEqual(first.body.data.provisionAccount.account);
    const other = await provision('山田 次郎');
    expect(other.body.data.provisionAccount.errors).toEqual([
      expect.objectContaining({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED_OTHER_ACCOUNT' }),
    ]);
    expect(other.body.data.provisionAccount.errors[0].message).toMatch(/already used to provision/);
  });

  it('answers an unknown operationName with 400', async () => {
    const res = await send(dev.url, { query: 'query A { __typename }', operationName: 'B' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Unknown operation named "B"/);
  });
});

describe('database unreachable (point 6)', () => {
  let t: TestApp;
  let proxy: net.Server;
  let port = 0;
  const sockets = new Set<net.Socket>();
  const listen = (target: URL) =>
    new Promise<void>((resolve) => {
      proxy = net.createServer((client) => {
        const socketDir = target.searchParams.get('host');
        const upstream = socketDir
          ? net.connect(path.join(socketDir, `.s.PGSQL.${target.port}`))
          : net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      proxy.listen(port, '127.0.0.1', () => {
        port = (proxy.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      proxy.close(() => resolve());
    });

  let target: URL;
  beforeAll(async () => {
    const database = await createTestDatabase();
    target = new URL(database.url);
    await listen(target);
    const through = new URL(database.url);
    through.hostname = '127.0.0.1';
    through.port = String(port);
    through.searchParams.delete('host');
    t = await startTestApp({}, { databaseUrl: through.toString(), workers: false });
    const close = t.close;
    t.close = async () => {
      await close();
      await database.drop();
    };
  });
  afterAll(async () => {
    if (!proxy.listening) await listen(target);
    await t?.close();
    await down();
  });

  it('answers 503 with Retry-After on /graphql and /readyz, and recovers when it is back', async () => {
    const s = await activeSubscriber(t);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    await down();

    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);

    const anonymous = await send(t.url, {
      query: LOGIN,
      variables: { input: { loginId: 'abc12', password: 'Secret#123' } },
    });
    expect(anonymous.status).toBe(503);
    expect(anonymous.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(anonymous.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(anonymous.body.errors[0].message).toMatch(/try again/);

    const signedIn = await send(t.url, {
      query: '{ me { loginId } }',
      headers: { cookie: s.browser.cookie as string, 'accept-language': 'ja' },
    });
    expect(signedIn.status).toBe(503);
    expect(signedIn.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(signedIn.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(signedIn.body.errors[0].message).toMatch(/しばらく/);

    await listen(target);
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const again = await send(t.url, {
      query: '{ me { loginId } }',
      headers: { cookie: s.browser.cookie as string },
    });
    expect(again.body.data.me.loginId).toBe(s.loginId);
  }, 60_000);

  it('words unexpected errors in the caller’s language, from the context and from resolvers', async () => {
    const s = await activeSubscriber(t);
    // A fault in the database (not an outage): the tables are gone.
    await t.db.query('ALTER TABLE session RENAME TO session_gone');
    await t.db.query('ALTER TABLE subscriber RENAME TO subscriber_gone');
    try {
      for (const [lang, pattern] of [
        ['en', /Something went wrong/],
        ['ja', /システムエラー/],
      ] as const) {
        const viaCookie = await send(t.url, {
          query: '{ me { loginId } }',
          headers: { cookie: s.browser.cookie as string, 'accept-language': lang },
        });
        expect(viaCookie.status).toBe(500);
        expect(viaCookie.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(viaCookie.body.errors[0].message).toMatch(pattern);
        const viaResolver = await send(t.url, {
          query: LOGIN,
          variables: { input: { loginId: 'abc12', password: 'Secret#123' } },
          headers: { 'accept-language': lang },
        });
        expect(viaResolver.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(viaResolver.body.errors[0].message).toMatch(pattern);
        expect(JSON.stringify(viaResolver.body)).not.toMatch(/subscriber|relation/);
      }
    } finally {
      await t.db.query('ALTER TABLE session_gone RENAME TO session');
      await t.db.query('ALTER TABLE subscriber_gone RENAME TO subscriber');
    }
  });
});
