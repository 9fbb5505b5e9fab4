import { Browser, CHANGE_INITIAL, LOGIN, ME } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'http://bill.example.test';
let t: TestApp;

/** The operator console as one browser: keeps the `wb_operator` cookie (and a subscriber's, if any). */
class Console {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return headers;
  }

  private keep(res: Response) {
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = pair.split('=');
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response shapes directly
  async gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    this.keep(res);
    return res.json();
  }

  async get(path: string) {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: this.headers() });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
}

const OP_LOGIN = `mutation($input: OperatorLoginInput!) { operatorLogin(input: $input) {
  __typename ... on OperatorLoginSuccess { sessionToken operator { id loginId displayName role } }
  ... on UserError { code message } } }`;
const CURRENT = '{ currentOperator { id loginId displayName role } }';
const SUMMARY =
  'id customerNumber holderName registeredPhoneNumber loginId status { postcardPending activated locked reissueBlocked }';
const SEARCH = `query($q: String!) { searchAccounts(query: $q) { ${SUMMARY} } }`;
const ACCOUNT = `query($id: ID!) { operatorAccount(id: $id) { ${SUMMARY} postalAddress lineTotalCount
  lines { lineNumber carrierCode carrierName serviceName } reissueEmail billingNotificationEmails { email emailType status }
  postcards { id kind status createdAt mailedAt } recentEvents { event outcome operatorLoginId detail } } }`;
const PROVISION = `mutation($input: ProvisionAccountInput!) { provisionAccount(input: $input) { __typename
  ... on AccountProvisioned { account { ${SUMMARY} } postcard { id kind status customerNumber holderName } }
  ... on FieldErrors { errors { field code message } } } }`;
const REISSUE = `mutation($input: ReissueCredentialsByPostcardInput!) { reissueCredentialsByPostcard(input: $input) {
  __typename ... on PostcardQueued { sessionsRevoked postcardsCancelled postcard { id kind status } account { ${SUMMARY} } }
  ... on UserError { code message } ... on FieldErrors { errors { field code } } } }`;
const UNLOCK = `mutation($input: UnlockAccountInput!) { unlockAccount(input: $input) { __typename
  ... on AccountUnlocked { account { ${SUMMARY} } } ... on UserError { code message } ... on FieldErrors { errors { field code } } } }`;
const LIFT = `mutation($input: LiftReissueBlockInput!) { liftReissueBlock(input: $input) { __typename
  ... on ReissueBlockLifted { account { ${SUMMARY} } } ... on UserError { code message } } }`;
const MAILED = `mutation($input: MarkPostcardsMailedInput!) { markPostcardsMailed(input: $input) { __typename
  ... on PostcardsMarkedMailed { count } ... on FieldErrors { errors { field code } } } }`;
const QUEUE = `query($status: PostcardStatus, $first: Int, $after: String) { postcards(status: $status, first: $first, after: $after) {
  totalCount nextCursor postcards { id kind status holderName postalAddress customerNumber createdAt } } }`;
const AUDIT = `query($filter: AuditFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  nextCursor events { id occurredAt event outcome customerNumber operatorLoginId clientAddress detail } } }`;

let seq = 0;
const OPERATOR_PASSWORD = 'Counter#Desk2024';

async function signedInOperator(role: 'OPERATOR' | 'ADMIN' = 'OPERATOR') {
  const loginId = `op${process.pid % 1000}-${seq++}`;
  const created = await t.services.operatorAuth.create({
    loginId,
    displayName: `Operator ${seq}`,
    role,
    password: OPERATOR_PASSWORD,
  });
  const ops = new Console(t.url);
  const res = await ops.gql(OP_LOGIN, { input: { loginId, password: OPERATOR_PASSWORD } });
  expect(res.data.operatorLogin.__typename).toBe('OperatorLoginSuccess');
  return { ops, loginId, operatorId: created.id };
}

/** The postcard's initial login ID, read where only the sheet and the database have it. */
async function initialLoginIdOf(accountId: string): Promise<string> {
  const [row] = await t.db.query('SELECT initial_login_id FROM subscriber WHERE billing_account_id = $1', [
    accountId,
  ]);
  return row.initial_login_id;
}

async function provisioned(ops: Console, overrides: Record<string, unknown> = {}) {
  const res = await ops.gql(PROVISION, {
    input: {
      holderName: '鈴木 一郎',
      postalAddress: '東京都千代田区大手町1-1-1',
      registeredPhoneNumber: `03-${String(1000 + seq).slice(-4)}-${String(1000 + (seq++ % 9000)).padStart(4, '0')}`,
      lines: [],
      reason: 'new contract, ticket 42',
      ...overrides,
    },
  });
  expect(res.data.provisionAccount.__typename).toBe('AccountProvisioned');
  return res.data.provisionAccount as {
    account: { id: string; customerNumber: string; loginId: string; registeredPhoneNumber: string };
    postcard: { id: string };
  };
}

/** The postcard's credentials, as the printable sheet shows them (the only place they appear). */
function credentialsOnSheet(html: string, postcardId: string) {
  const start = html.indexOf(`data-postcard-id="${postcardId}"`);
  if (start < 0) return null;
  const section = html.slice(start, html.indexOf('</section>', start));
  const [loginId, password] = [...section.matchAll(/<dd class="secret">([^<]+)<\/dd>/g)].map((m) => m[1]);
  return { loginId, password };
}

async function auditOf(event: string, accountId: string | null) {
  const rows: { operator_id: string | null; api_key_id: string | null; detail: Record<string, unknown> }[] =
    await t.db.query(
      'SELECT operator_id, api_key_id, detail FROM audit_event WHERE event = $1 AND billing_account_id IS NOT DISTINCT FROM $2 ORDER BY id',
      [event, accountId],
    );
  return rows;
}

beforeAll(async () => {
  // Every test here signs in from one address: its failure budget (with its step-up) is tested on its own.
  t = await startTestApp({ PUBLIC_URL, LOGIN_FAILURES_PER_ADDRESS: '1000' });
});
afterAll(async () => {
  await t?.close();
});

describe('operator sign-in', () => {
  test('login sets the operator cookie; currentOperator; logout ends the session', async () => {
    const { ops, loginId } = await signedInOperator();
    expect(ops.cookies.get('wb_operator')).toMatch(/^wbo_/);
    expect(ops.cookies.has('wb_session')).toBe(false);
    const me = await ops.gql(CURRENT);
    expect(me.data.currentOperator).toMatchObject({ loginId, role: 'OPERATOR' });
    const out = await ops.gql('mutation { operatorLogout }');
    expect(out.data.operatorLogout).toBe(true);
    expect((await ops.gql(CURRENT)).data.currentOperator).toBeNull();
  });

  test('bearer login returns a token usable as Authorization: Bearer', async () => {
    const loginId = `bearer${seq++}`;
    await t.services.operatorAuth.create({
      loginId,
      displayName: 'B',
      role: 'OPERATOR',
      password: OPERATOR_PASSWORD,
    });
    const anon = new Console(t.url);
    const res = await anon.gql(OP_LOGIN, { input: { loginId, password: OPERATOR_PASSWORD, bearer: true } });
    const token = res.data.operatorLogin.sessionToken;
    expect(token).toMatch(/^wbo_/);
    expect(anon.cookies.has('wb_operator')).toBe(false);
    const me = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CURRENT }),
    }).then((r) => r.json());
    expect(me.data.currentOperator.loginId).toBe(loginId);
  });

  test('wrong passwords answer InvalidCredentials, then the account locks', async () => {
    const loginId = `locky${seq++}`;
    await t.services.operatorAuth.create({
      loginId,
      displayName: 'L',
      role: 'OPERATOR',
      password: OPERATOR_PASSWORD,
    });
    const ops = new Console(t.url);
    for (let i = 0; i < 5; i++) {
      const res = await ops.gql(OP_LOGIN, { input: { loginId, password: 'Wrong#Pass123' } });
      expect(res.data.operatorLogin).toMatchObject({
        __typename: 'InvalidCredentials',
        code: 'OPERATOR_INVALID_CREDENTIALS',
      });
    }
    const right = await ops.gql(OP_LOGIN, { input: { loginId, password: OPERATOR_PASSWORD } });
    expect(right.data.operatorLogin).toMatchObject({ __typename: 'AccountLocked', code: 'OPERATOR_LOCKED' });
    expect(ops.cookies.has('wb_operator')).toBe(false);
    const unknown = await ops.gql(OP_LOGIN, {
      input: { loginId: 'nobody-here', password: OPERATOR_PASSWORD },
    });
    expect(unknown.data.operatorLogin.__typename).toBe('InvalidCredentials');
  });

  test('the lock lifts by itself, and each lock since the last sign-in waits twice as long (1 min, 2 min …)', async () => {
    const loginId = `waity${seq++}`;
    await t.services.operatorAuth.create({
      loginId,
      displayName: 'W',
      role: 'OPERATOR',
      password: OPERATOR_PASSWORD,
    });
    const ops = new Console(t.url);
    const attempt = async (password: string) =>
      ((r) => r.data?.operatorLogin?.__typename ?? JSON.stringify(r.errors))(
        await ops.gql(OP_LOGIN, { input: { loginId, password } }),
      );
    const advance = (seconds: number) => t.clock.advance(seconds * 1000);
    let moved = 0;
    try {
      for (let i = 0; i < 5; i++) expect(await attempt('Wrong#Pass123')).toBe('InvalidCredentials');
      expect(await attempt(OPERATOR_PASSWORD)).toBe('AccountLocked');
      advance(61);
      moved += 61;
      // (The login ID's own attempt budget, 10 per 15 wall-clock minutes, is another limit: started afresh.)
      await t.services.throttle.clear(`operator:${loginId}`);
      // The first lock was for a minute; the next one (no sign-in between) is for two.
      for (let i = 0; i < 5; i++) expect(await attempt('Wrong#Pass123')).toBe('InvalidCredentials');
      advance(61);
      moved += 61;
      expect(await attempt(OPERATOR_PASSWORD)).toBe('AccountLocked');
      advance(60);
      moved += 60;
      expect(await attempt(OPERATOR_PASSWORD)).toBe('OperatorLoginSuccess');
      const locks: { detail: { until: string; lockouts: number } }[] = await t.db.query(
        `SELECT a.detail FROM audit_event a JOIN operator o ON o.id = a.operator_id
          WHERE o.login_id = $1 AND a.event = 'OPERATOR_LOCKED' ORDER BY a.id`,
        [loginId],
      );
      expect(locks.map((l) => l.detail.lockouts)).toEqual([1, 2]);
    } finally {
      advance(-moved);
    }
  });

  test('a sign-in with an unknown operator ID is audited as a failure (without the ID)', async () => {
    const before: { count: number }[] = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE event = 'OPERATOR_LOGIN' AND outcome = 'UNKNOWN_ID'`,
    );
    const ops = new Console(t.url);
    const res = await ops.gql(OP_LOGIN, { input: { loginId: 'no-such-op-77', password: 'Some#Pass123' } });
    expect(res.data.operatorLogin.__typename).toBe('InvalidCredentials');
    const rows: { detail: Record<string, unknown>; client_address: string | null }[] = await t.db.query(
      `SELECT detail, client_address FROM audit_event WHERE event = 'OPERATOR_LOGIN' AND outcome = 'UNKNOWN_ID'
        ORDER BY id`,
    );
    expect(rows).toHaveLength(before[0].count + 1);
    expect(rows.at(-1)?.client_address).toBeTruthy();
    expect(JSON.stringify(rows.at(-1)?.detail)).not.toContain('no-such-op-77');
  });
});

describe('role checks', () => {
  test('no credentials: UNAUTHENTICATED; a subscriber on operator operations: FORBIDDEN', async () => {
    const anon = new Console(t.url);
    const res = await anon.gql(SEARCH, { q: '0312345678' });
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await anon.gql(CURRENT)).data.currentOperator).toBeNull();

    const { browser } = await activeSubscriber(t);
    for (const query of [SEARCH, QUEUE, AUDIT]) {
      const denied = await browser.gql(query, { q: '0312345678' });
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const provision = await browser.gql(PROVISION, {
      input: { holderName: 'x', registeredPhoneNumber: '0312345678', lines: [], reason: 'r' },
    });
    expect(provision.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await browser.gql(CURRENT)).data?.currentOperator).toBeNull();
  });

  test('an operator on subscriber operations: FORBIDDEN', async () => {
    const { ops } = await signedInOperator();
    const billing = await ops.gql('{ billing { carriers { code } } }');
    expect(billing.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const me = await ops.gql(ME);
    expect(me.data.me).toBeNull();
    const reissue = await ops.gql('mutation { deleteReissueEmail }');
    expect(reissue.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('provisioning and the postcard queue', () => {
  test('provision with lines: FieldErrors for every bad field, then the account and its postcard', async () => {
    const { ops, operatorId } = await signedInOperator();
    const bad = await ops.gql(PROVISION, {
      input: {
        holderName: ' ',
        registeredPhoneNumber: '123',
        lines: [{ lineNumber: '0-1', carrierCode: 'NOPE', serviceName: '' }],
        reason: '',
      },
    });
    const codes = bad.data.provisionAccount.errors.map(
      (e: { field: string; code: string }) => `${e.field}:${e.code}`,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'holderName:REQUIRED',
        'registeredPhoneNumber:PHONE_NUMBER_INVALID',
        'lines.0.lineNumber:LINE_NUMBER_INVALID',
        'lines.0.carrierCode:CARRIER_NOT_FOUND',
        'lines.0.serviceName:REQUIRED',
        'reason:REASON_REQUIRED',
      ]),
    );
    const tooLong = await ops.gql(PROVISION, {
      input: { holderName: 'A', registeredPhoneNumber: '0311112222', lines: [], reason: 'x'.repeat(501) },
    });
    expect(tooLong.data.provisionAccount.errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'REASON_TOO_LONG' }),
    ]);

    const created = await provisioned(ops, {
      registeredPhoneNumber: '０３－５５５５－０００１',
      lines: [
        { lineNumber: '090-1111-2222', carrierCode: 'NTT_DOCOMO', serviceName: 'ahamo' },
        { lineNumber: 'caf1234567', carrierCode: 'ntt_east', serviceName: 'フレッツ光クロス' },
      ],
    });
    expect(created.account).toMatchObject({
      registeredPhoneNumber: '0355550001',
      status: { postcardPending: true, activated: false, locked: false, reissueBlocked: false },
    });
    expect(JSON.stringify(created)).not.toMatch(/password/i);

    const view = await ops.gql(ACCOUNT, { id: created.account.id });
    expect(view.data.operatorAccount.lineTotalCount).toBe(2);
    expect(view.data.operatorAccount.lines.map((l: { lineNumber: string }) => l.lineNumber)).toEqual([
      '09011112222',
      'CAF1234567',
    ]);
    expect(view.data.operatorAccount.postcards).toEqual([
      expect.objectContaining({
        id: created.postcard.id,
        kind: 'PROVISION',
        status: 'PENDING',
        mailedAt: null,
      }),
    ]);

    const [audit] = await auditOf('ACCOUNT_PROVISIONED', created.account.id);
    expect(audit.operator_id).toBe(operatorId);
    expect(audit.detail).toMatchObject({
      reason: 'new contract, ticket 42',
      postcardId: created.postcard.id,
    });
    // Not activated yet: the console shows no login ID (the initial one is only on the postcard).
    expect(created.account.loginId).toBeNull();
    expect(JSON.stringify(audit.detail)).not.toContain(await initialLoginIdOf(created.account.id));
  });

  test('an integrator with accounts:write provisions (reason optional, audited with the key)', async () => {
    const integrator = await t.services.apiKeys.create('carrier-x', ['accounts:write']);
    const reader = await t.services.apiKeys.create('reader', ['billing:read']);
    const call = (key: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: PROVISION,
          variables: {
            input: { holderName: '株式会社テスト', registeredPhoneNumber: '0612345678', lines: [] },
          },
        }),
      }).then((r) => r.json());
    const denied = await call(reader.key);
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const res = await call(integrator.key);
    expect(res.data.provisionAccount.__typename).toBe('AccountProvisioned');
    const [audit] = await auditOf('ACCOUNT_PROVISIONED', res.data.provisionAccount.account.id);
    expect(audit).toMatchObject({
      operator_id: null,
      api_key_id: integrator.id,
      detail: { reason: 'integration', via: 'api' },
    });
    // Operator-only operations stay closed to keys.
    const search = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${integrator.key}` },
      body: JSON.stringify({ query: SEARCH, variables: { q: '0612345678' } }),
    }).then((r) => r.json());
    expect(search.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  test('an oversized nested line is refused as bad input before any work, without echoing it', async () => {
    const { ops } = await signedInOperator();
    const huge = '0'.repeat(5000);
    const res = await ops.gql(PROVISION, {
      input: {
        holderName: '長い 行',
        registeredPhoneNumber: '0312340000',
        lines: [{ lineNumber: huge, carrierCode: 'NTT_EAST', serviceName: 'x' }],
        reason: 'test',
      },
    });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toContain(huge);
  });

  test('a retried provisioning with the same idempotency key makes one account and one postcard', async () => {
    const integrator = await t.services.apiKeys.create('crm', ['accounts:write']);
    const other = await t.services.apiKeys.create('crm-2', ['accounts:write']);
    const call = (key: string, idempotencyKey: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: PROVISION,
          variables: {
            input: {
              holderName: '再送 太郎',
              registeredPhoneNumber: '0311112222',
              lines: [],
              idempotencyKey,
            },
          },
        }),
      }).then((r) => r.json());
    const first = (await call(integrator.key, 'order-123')).data.provisionAccount;
    expect(first.__typename).toBe('AccountProvisioned');
    const again = (await call(integrator.key, 'order-123')).data.provisionAccount;
    expect(again).toEqual(first);
    // Sent twice at once: still one account.
    const [a, b] = await Promise.all([call(integrator.key, 'order-124'), call(integrator.key, 'order-124')]);
    expect(a.data.provisionAccount.account.id).toBe(b.data.provisionAccount.account.id);
    // Keys are per sender: another integrator's "order-123" is its own request.
    const theirs = (await call(other.key, 'order-123')).data.provisionAccount;
    expect(theirs.account.id).not.toBe(first.account.id);
    const [{ accounts, postcards }] = await t.db.query(
      `SELECT count(DISTINCT a.id)::int AS accounts, count(p.id)::int AS postcards
         FROM billing_account a JOIN postcard p ON p.billing_account_id = a.id WHERE a.holder_name = '再送 太郎'`,
    );
    expect({ accounts, postcards }).toEqual({ accounts: 3, postcards: 3 });
  });

  test('search by customer number, phone, line number and login ID (any case, dashes, full-width)', async () => {
    const { ops } = await signedInOperator();
    const created = await provisioned(ops, {
      registeredPhoneNumber: '045-222-3333',
      lines: [{ lineNumber: '080-7777-6666', carrierCode: 'NTT_DOCOMO', serviceName: 'eximo' }],
    });
    const id = created.account.id;
    const ids = async (q: string) =>
      ((await ops.gql(SEARCH, { q })).data.searchAccounts as { id: string }[]).map((a) => a.id);
    expect(await ids(created.account.customerNumber)).toEqual([id]);
    expect(await ids(String(Number(created.account.customerNumber)))).toEqual([id]);
    expect(await ids('０４５－２２２－３３３３')).toContain(id);
    expect(await ids('080-7777-6666')).toEqual([id]);
    expect(await ids((await initialLoginIdOf(id)).toUpperCase())).toEqual([id]);
    expect(await ids('no-such-thing')).toEqual([]);
  });

  test('sheet and CSV carry the credentials and a QR code; mark mailed wipes the password', async () => {
    const { ops, operatorId } = await signedInOperator();
    const created = await provisioned(ops, { holderName: '<b>高橋</b> 次郎' });
    const postcardId = created.postcard.id;

    const anon = new Console(t.url);
    expect((await anon.get(`/ops/postcards/sheet?ids=${postcardId}`)).status).toBe(401);
    expect((await anon.get('/ops/postcards/export.csv')).status).toBe(401);
    const { browser: subscriber } = await activeSubscriber(t);
    const asSubscriber = await fetch(`${t.url}/ops/postcards/sheet`, {
      headers: { cookie: subscriber.cookie ?? '' },
    });
    expect(asSubscriber.status).toBe(401);

    const sheet = await ops.get(`/ops/postcards/sheet?ids=${postcardId}`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('text/html');
    expect(sheet.headers.get('cache-control')).toBe('no-store');
    const csp = sheet.headers.get('content-security-policy') ?? '';
    const nonce = csp.match(/style-src 'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(sheet.text).toContain(`<style nonce="${nonce}">`);
    expect(sheet.text).toContain('@page { size: 100mm 148mm; margin: 0; }');
    expect(sheet.text).toContain('&lt;b&gt;高橋&lt;/b&gt; 次郎');
    expect(sheet.text).toMatch(/<svg[^>]*viewBox/);
    expect(sheet.text).toContain(`${PUBLIC_URL}/login`);
    const creds = credentialsOnSheet(sheet.text, postcardId);
    expect(creds?.loginId).toBe(await initialLoginIdOf(created.account.id));
    expect(creds?.password).toMatch(/^[A-Za-z0-9]{8}$/);

    // The postcard pair signs in, with the initial change required.
    const subscriberBrowser = new Browser(t.url);
    const login = await subscriberBrowser.gql(LOGIN, {
      input: { loginId: creds?.loginId, password: creds?.password },
    });
    expect(login.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_INITIAL_CREDENTIALS',
    });

    const csv = await ops.get(`/ops/postcards/export.csv?ids=${postcardId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="postcards-.*\.csv"$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'postcard_id,kind,customer_number,holder_name,postal_address,initial_login_id,initial_password,login_url',
    );
    expect(lines[1]).toContain(`"${creds?.password}"`);
    expect(lines[1]).toContain(`"${PUBLIC_URL}/login"`);

    const queue = await ops.gql(QUEUE, { first: 200 });
    expect(queue.data.postcards.postcards.map((p: { id: string }) => p.id)).toContain(postcardId);
    expect(JSON.stringify(queue.data)).not.toContain(creds?.password);

    const printed = await auditOf('POSTCARD_PRINTED', created.account.id);
    const exported = await auditOf('POSTCARD_EXPORTED', created.account.id);
    expect(printed[0]).toMatchObject({ operator_id: operatorId, detail: { postcardId } });
    expect(exported[0]).toMatchObject({ operator_id: operatorId, detail: { postcardId } });
    const allDetail = JSON.stringify(await t.db.query('SELECT detail FROM audit_event'));
    expect(allDetail).not.toContain(creds?.password);
    expect(allDetail).not.toContain(creds?.loginId);

    const noReason = await ops.gql(MAILED, { input: { postcardIds: [postcardId], reason: '  ' } });
    expect(noReason.data.markPostcardsMailed.errors).toEqual([{ field: 'reason', code: 'REASON_REQUIRED' }]);
    const mailed = await ops.gql(MAILED, {
      input: { postcardIds: [postcardId, 'not-a-uuid'], reason: 'batch 7 posted' },
    });
    expect(mailed.data.markPostcardsMailed).toEqual({ __typename: 'PostcardsMarkedMailed', count: 1 });
    const [sealed] = await t.db.query(
      'SELECT status, initial_password_sealed, mailed_at FROM postcard WHERE id = $1',
      [postcardId],
    );
    expect(sealed).toMatchObject({ status: 'MAILED', initial_password_sealed: null });
    expect(sealed.mailed_at).toBeTruthy();
    const after = await ops.get(`/ops/postcards/sheet?ids=${postcardId}`);
    expect(after.text).not.toContain(creds?.password);
    expect(credentialsOnSheet(after.text, postcardId)).toBeNull();
    const [mailedAudit] = await auditOf('POSTCARD_MAILED', created.account.id);
    expect(mailedAudit).toMatchObject({
      operator_id: operatorId,
      detail: { reason: 'batch 7 posted', postcardId },
    });

    const again = await ops.gql(MAILED, { input: { postcardIds: [postcardId], reason: 'twice' } });
    expect(again.data.markPostcardsMailed.count).toBe(0);
    const history = await ops.gql(QUEUE, { status: 'MAILED', first: 200 });
    expect(history.data.postcards.postcards.map((p: { id: string }) => p.id)).toContain(postcardId);
  });

  test('the queue pages by cursor', async () => {
    const { ops } = await signedInOperator();
    for (let i = 0; i < 3; i++) await provisioned(ops);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page++) {
      const res = await ops.gql(QUEUE, { first: 2, after });
      total = res.data.postcards.totalCount;
      seen.push(...res.data.postcards.postcards.map((p: { id: string }) => p.id));
      after = res.data.postcards.nextCursor;
      if (!after) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    const bad = await ops.gql(QUEUE, { after: 'garbage' });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('a well-formed cursor with a bad sort key is BAD_USER_INPUT, not an internal error', async () => {
    const { ops } = await signedInOperator();
    const forged = (sortKey: string, id: string) =>
      Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
    for (const sortKey of ['garbage', '2026-13-45T99:00:00.000000Z', "2026-01-01'; --"]) {
      const queue = await ops.gql(QUEUE, { after: forged(sortKey, '00000000-0000-4000-8000-000000000000') });
      expect(queue.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const audit = await ops.gql(AUDIT, { after: forged(sortKey, '1') });
      expect(audit.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  test('the sheet and the CSV take repeated ids (?ids=a&ids=b) as a list', async () => {
    const { ops } = await signedInOperator();
    const [a, b] = [await provisioned(ops), await provisioned(ops)];
    const query = `ids=${a.postcard.id}&ids=${b.postcard.id}`;
    const sheet = await ops.get(`/ops/postcards/sheet?${query}`);
    expect(sheet.status).toBe(200);
    expect(credentialsOnSheet(sheet.text, a.postcard.id)).not.toBeNull();
    expect(credentialsOnSheet(sheet.text, b.postcard.id)).not.toBeNull();
    const csv = await ops.get(`/ops/postcards/export.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(a.postcard.id);
    expect(csv.text).toContain(b.postcard.id);
  });
});

describe('reissue by postcard (SPEC 2.2 step 7)', () => {
  test('the old login ID and password stop working, sessions end, the new pair must be changed', async () => {
    const { ops, operatorId } = await signedInOperator();
    const { card, loginId, password, browser } = await activeSubscriber(t);
    const accountId = card.accountId;
    expect((await browser.gql(ME)).data?.me.loginId).toBe(loginId);
    // A registered reissue address gets the "if this was not you" notice.
    await t.db.query(
      `INSERT INTO reissue_email (subscriber_id, email, lang, secret_question_id, secret_answer_hash, status)
       VALUES ($1, 'owner@example.jp', 'en', '1', 'x', 'ACTIVE')`,
      [card.subscriberId],
    );

    const missing = await ops.gql(REISSUE, { input: { accountId, reason: '' } });
    expect(missing.data.reissueCredentialsByPostcard.__typename).toBe('FieldErrors');
    const unknown = await ops.gql(REISSUE, {
      input: { accountId: '00000000-0000-4000-8000-000000000000', reason: 'caller lost card' },
    });
    expect(unknown.data.reissueCredentialsByPostcard).toMatchObject({
      __typename: 'AccountNotFound',
      code: 'NO_SUCH_ACCOUNT',
    });

    const res = await ops.gql(REISSUE, {
      input: { accountId, reason: 'caller forgot login ID; verified by phone' },
    });
    const queued = res.data.reissueCredentialsByPostcard;
    expect(queued).toMatchObject({
      __typename: 'PostcardQueued',
      sessionsRevoked: 1,
      postcardsCancelled: 1,
      postcard: { kind: 'REISSUE', status: 'PENDING' },
      account: { status: { activated: false, postcardPending: true } },
    });
    const [oldCard] = await t.db.query('SELECT status, initial_password_sealed FROM postcard WHERE id = $1', [
      card.postcardId,
    ]);
    expect(oldCard).toEqual({ status: 'CANCELLED', initial_password_sealed: null });

    expect((await browser.gql(ME)).data?.me).toBeNull();
    const old = await new Browser(t.url).gql(LOGIN, { input: { loginId, password } });
    expect(old.data?.login.__typename).toBe('InvalidCredentials');
    const oldInitial = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword },
    });
    expect(oldInitial.data?.login.__typename).toBe('InvalidCredentials');

    const sheet = await ops.get(`/ops/postcards/sheet?ids=${queued.postcard.id}`);
    const creds = credentialsOnSheet(sheet.text, queued.postcard.id);
    expect(sheet.text).toContain('（再発行）');
    expect(queued.account.loginId).toBeNull();
    expect(creds?.loginId).toBe(await initialLoginIdOf(queued.account.id));
    const fresh = new Browser(t.url);
    const login = await fresh.gql(LOGIN, { input: { loginId: creds?.loginId, password: creds?.password } });
    expect(login.data?.login).toMatchObject({ requiredAction: 'CHANGE_INITIAL_CREDENTIALS' });
    // The password in force before the reissue is among the last three: it cannot come back.
    const back = await fresh.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: creds?.loginId,
        initialPassword: creds?.password,
        newLoginId: loginId,
        newLoginIdConfirmation: loginId,
        newPassword: password,
        newPasswordConfirmation: password,
      },
    });
    expect(
      back.data?.changeInitialCredentials.errors.map(
        (e: { field: string; code: string }) => `${e.field}:${e.code}`,
      ),
    ).toEqual(['newPassword:PASSWORD_RECENTLY_USED']);
    const changed = await fresh.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: creds?.loginId,
        initialPassword: creds?.password,
        newLoginId: loginId,
        newLoginIdConfirmation: loginId,
        newPassword: 'Sakura#2025yz',
        newPasswordConfirmation: 'Sakura#2025yz',
      },
    });
    expect(changed.data?.changeInitialCredentials.__typename).toBe('CredentialsChanged');
    // Its own login ID came back to it; the retired initial IDs stay its own: nobody else may choose one.
    const other = await t.services.provisioning.provision(
      { holderName: '田中 次郎', registeredPhoneNumber: '0312345679' },
      { via: 'test' },
    );
    const taker = new Browser(t.url);
    await taker.gql(LOGIN, { input: { loginId: other.initialLoginId, password: other.initialPassword } });
    for (const retired of [card.initialLoginId, creds?.loginId as string]) {
      const taken = await taker.gql(CHANGE_INITIAL, {
        input: {
          initialLoginId: other.initialLoginId,
          initialPassword: other.initialPassword,
          newLoginId: retired,
          newLoginIdConfirmation: retired,
          newPassword: 'Hinoki#2025ab',
          newPasswordConfirmation: 'Hinoki#2025ab',
        },
      });
      expect(taken.data?.changeInitialCredentials.errors.map((e: { code: string }) => e.code)).toEqual([
        'LOGIN_ID_TAKEN',
      ]);
    }

    const notices: { params: { kind: string } }[] = await t.db.query(
      `SELECT params FROM mail_outbox WHERE recipient = 'owner@example.jp' AND template = 'security-notice'`,
    );
    expect(notices.map((n) => n.params.kind)).toContain('CREDENTIALS_REISSUED_BY_POSTCARD');

    const [audit] = await auditOf('POSTCARD_REISSUED', accountId);
    expect(audit.operator_id).toBe(operatorId);
    expect(audit.detail).toMatchObject({
      reason: 'caller forgot login ID; verified by phone',
      postcardId: queued.postcard.id,
      sessionsRevoked: 1,
      postcardsCancelled: 1,
    });
    expect(JSON.stringify(audit.detail)).not.toContain(creds?.password);
    expect(JSON.stringify(audit.detail)).not.toContain(creds?.loginId);
  });
});

describe('unlock and reissue block', () => {
  /** An active reissue address for the subscriber, and the security notices queued to it so far. */
  async function noticesTo(subscriberId: string) {
    const email = `owner-${subscriberId.slice(0, 8)}@example.jp`;
    await t.db.query(
      `INSERT INTO reissue_email (subscriber_id, email, lang, secret_question_id, secret_answer_hash, status)
       VALUES ($1, $2, 'en', '1', 'x', 'ACTIVE')`,
      [subscriberId, email],
    );
    return async () =>
      (
        (await t.db.query(
          `SELECT params FROM mail_outbox WHERE recipient = $1 AND template = 'security-notice' ORDER BY created_at`,
          [email],
        )) as { params: { kind: string } }[]
      ).map((n) => n.params.kind);
  }

  test('unlock clears the lock and the failure counts', async () => {
    const { ops, operatorId } = await signedInOperator();
    const { card, loginId, password } = await activeSubscriber(t);
    const notices = await noticesTo(card.subscriberId);
    const notLocked = await ops.gql(UNLOCK, { input: { accountId: card.accountId, reason: 'caller asked' } });
    expect(notLocked.data.unlockAccount).toMatchObject({
      __typename: 'NotLocked',
      code: 'ACCOUNT_NOT_LOCKED',
    });

    const attacker = new Browser(t.url);
    for (let i = 0; i < 5; i++) await attacker.gql(LOGIN, { input: { loginId, password: 'Wrong#pass99' } });
    const [summary] = (await ops.gql(SEARCH, { q: loginId })).data.searchAccounts;
    expect(summary.status.locked).toBe(true);

    const noReason = await ops.gql(UNLOCK, { input: { accountId: card.accountId, reason: '' } });
    expect(noReason.data.unlockAccount.errors).toEqual([{ field: 'reason', code: 'REASON_REQUIRED' }]);
    const res = await ops.gql(UNLOCK, {
      input: { accountId: card.accountId, reason: 'verified caller, ticket 9' },
    });
    expect(res.data.unlockAccount).toMatchObject({
      __typename: 'AccountUnlocked',
      account: { status: { locked: false } },
    });
    const login = await new Browser(t.url).gql(LOGIN, { input: { loginId, password } });
    expect(login.data?.login.__typename).toBe('LoginSuccess');

    const [audit] = await auditOf('ACCOUNT_UNLOCKED', card.accountId);
    expect(audit).toMatchObject({ operator_id: operatorId, detail: { reason: 'verified caller, ticket 9' } });
    expect(await notices()).toEqual(['ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED']);
  });

  test('lift a reissue block', async () => {
    const { ops, operatorId } = await signedInOperator();
    const { card, loginId } = await activeSubscriber(t);
    const notices = await noticesTo(card.subscriberId);
    const notBlocked = await ops.gql(LIFT, { input: { accountId: card.accountId, reason: 'x' } });
    expect(notBlocked.data.liftReissueBlock).toMatchObject({
      __typename: 'NotBlocked',
      code: 'REISSUE_NOT_BLOCKED',
    });

    for (let i = 0; i < t.services.config.reissue.attempts; i++) {
      await t.services.passwordReissue.request(
        { loginId, email: 'wrong@example.jp', secretQuestionId: '1', secretAnswer: 'nope' },
        '203.0.113.9',
      );
    }
    const view = await ops.gql(ACCOUNT, { id: card.accountId });
    expect(view.data.operatorAccount.status.reissueBlocked).toBe(true);

    const res = await ops.gql(LIFT, {
      input: { accountId: card.accountId, reason: 'caller verified; typo in email' },
    });
    expect(res.data.liftReissueBlock).toMatchObject({
      __typename: 'ReissueBlockLifted',
      account: { status: { reissueBlocked: false } },
    });
    const [audit] = await auditOf('REISSUE_BLOCK_LIFTED', card.accountId);
    expect(audit).toMatchObject({
      operator_id: operatorId,
      detail: { reason: 'caller verified; typo in email' },
    });
    expect(await notices()).toEqual(['REISSUE_BLOCKED', 'REISSUE_BLOCK_LIFTED']);
  });
});

describe('account view and audit log', () => {
  test('addresses are masked; recent events and the audit filter show who did what', async () => {
    const { ops, loginId: operatorLoginId } = await signedInOperator();
    const created = await provisioned(ops);
    const accountId = created.account.id;
    await t.db.query(
      `INSERT INTO billing_notification_email (billing_account_id, email_type, email, lang, status)
       VALUES ($1, 'INTERNET', 'taro.yamada@example.jp', 'ja', 'ACTIVE')`,
      [accountId],
    );
    const view = (await ops.gql(ACCOUNT, { id: accountId })).data.operatorAccount;
    expect(view.billingNotificationEmails).toEqual([
      { email: 't***@example.jp', emailType: 'INTERNET', status: 'ACTIVE' },
    ]);
    expect(view.reissueEmail).toBeNull();
    expect(view.recentEvents[0]).toMatchObject({ event: 'ACCOUNT_PROVISIONED', operatorLoginId });
    expect((await ops.gql(ACCOUNT, { id: 'nope' })).data.operatorAccount).toBeNull();

    const byAccount = await ops.gql(AUDIT, { filter: { customerNumber: created.account.customerNumber } });
    expect(byAccount.data.auditEvents.events.map((e: { event: string }) => e.event)).toEqual([
      'ACCOUNT_PROVISIONED',
    ]);
    expect(JSON.parse(byAccount.data.auditEvents.events[0].detail)).toMatchObject({
      reason: 'new contract, ticket 42',
    });

    const byOperator = await ops.gql(AUDIT, { filter: { operatorLoginId: operatorLoginId.toUpperCase() } });
    const events = byOperator.data.auditEvents.events.map((e: { event: string }) => e.event);
    expect(events).toEqual(['ACCOUNT_PROVISIONED', 'OPERATOR_LOGIN']);

    const byEvent = await ops.gql(AUDIT, { filter: { event: 'operator_login', operatorLoginId }, first: 1 });
    expect(byEvent.data.auditEvents.events).toHaveLength(1);
    expect(byEvent.data.auditEvents.nextCursor).toBeNull();

    const future = await ops.gql(AUDIT, { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(future.data.auditEvents.events).toEqual([]);

    // Keyset paging walks the whole log without repeats.
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 500; page++) {
      const res = await ops.gql(AUDIT, { first: 7, after });
      for (const e of res.data.auditEvents.events) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      after = res.data.auditEvents.nextCursor;
      if (!after) break;
    }
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM audit_event');
    expect(seen.size).toBe(count);
  });
});

describe('admin-only operations', () => {
  const OPERATORS = '{ operators { id loginId role lockedAt } }';
  const KEYS = '{ apiKeys { id name prefix scopes revokedAt } }';
  const UNLOCK_OPERATOR = `mutation($input: UnlockOperatorInput!) { unlockOperator(input: $input) { __typename
    ... on OperatorUnlocked { operator { id lockedAt } } ... on UserError { code } ... on FieldErrors { errors { field code } } } }`;
  const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename
    ... on ApiKeyRevoked { apiKey { id revokedAt } } ... on UserError { code } ... on FieldErrors { errors { field code } } } }`;

  it('refuses an operator without the admin role, and a subscriber, with FORBIDDEN', async () => {
    const { ops } = await signedInOperator('OPERATOR');
    for (const query of [OPERATORS, KEYS]) {
      const res = await ops.gql(query);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const subscriber = await activeSubscriber(t);
    const res = await subscriber.browser.gql(OPERATORS);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an admin unlock a locked operator (audited with the reason) and the operator sign in again', async () => {
    const { ops: admin, operatorId: adminId } = await signedInOperator('ADMIN');
    const { loginId, operatorId } = await signedInOperator('OPERATOR');
    const locker = new Console(t.url);
    for (let i = 0; i < 5; i++) await locker.gql(OP_LOGIN, { input: { loginId, password: 'Wrong#Pass123' } });
    const locked = await locker.gql(OP_LOGIN, { input: { loginId, password: OPERATOR_PASSWORD } });
    expect(locked.data.operatorLogin.__typename).toBe('AccountLocked');

    const listed = (await admin.gql(OPERATORS)).data.operators.find(
      (o: { id: string }) => o.id === operatorId,
    );
    expect(listed.lockedAt).not.toBeNull();
    expect(
      (await admin.gql(UNLOCK_OPERATOR, { input: { operatorId, reason: '' } })).data.unlockOperator,
    ).toMatchObject({
      __typename: 'FieldErrors',
      errors: [{ field: 'reason', code: 'REASON_REQUIRED' }],
    });
    const done = await admin.gql(UNLOCK_OPERATOR, { input: { operatorId, reason: 'verified by phone' } });
    expect(done.data.unlockOperator).toEqual({
      __typename: 'OperatorUnlocked',
      operator: { id: operatorId, lockedAt: null },
    });
    const again = await admin.gql(UNLOCK_OPERATOR, { input: { operatorId, reason: 'twice' } });
    expect(again.data.unlockOperator).toEqual({
      __typename: 'OperatorNotLocked',
      code: 'OPERATOR_NOT_LOCKED',
    });

    const relogin = await locker.gql(OP_LOGIN, { input: { loginId, password: OPERATOR_PASSWORD } });
    expect(relogin.data.operatorLogin.__typename).toBe('OperatorLoginSuccess');
    const [row] = await t.db.query(
      `SELECT detail FROM audit_event WHERE event = 'OPERATOR_UNLOCKED' AND operator_id = $1`,
      [adminId],
    );
    expect(row.detail).toEqual({ reason: 'verified by phone', unlockedOperatorId: operatorId });
  });

  it('lists API keys without the keys themselves and revokes one at once', async () => {
    const { ops: admin, operatorId: adminId } = await signedInOperator('ADMIN');
    const created = await t.services.apiKeys.create('carrier feed', ['billing:read']);
    const listed = (await admin.gql(KEYS)).data.apiKeys.find((k: { id: string }) => k.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'carrier feed',
      prefix: created.prefix,
      scopes: ['billing:read'],
      revokedAt: null,
    });
    expect(JSON.stringify(await admin.gql(KEYS))).not.toContain(created.key);

    const readWithKey = () =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.key}` },
        body: JSON.stringify({ query: '{ currentOperator { id } }' }),
      });
    expect((await readWithKey()).status).toBe(200);
    const revoked = await admin.gql(REVOKE_KEY, {
      input: { apiKeyId: created.id, reason: 'leaked in a ticket' },
    });
    expect(revoked.data.revokeApiKey.__typename).toBe('ApiKeyRevoked');
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(await t.services.apiKeys.resolve(created.key)).toBeNull();
    const unknown = await admin.gql(REVOKE_KEY, {
      input: { apiKeyId: '00000000-0000-4000-8000-000000000000', reason: 'x' },
    });
    expect(unknown.data.revokeApiKey).toEqual({ __typename: 'ApiKeyNotFound', code: 'API_KEY_NOT_FOUND' });
    const [row] = await t.db.query(
      `SELECT detail FROM audit_event WHERE event = 'API_KEY_REVOKED' AND operator_id = $1 AND api_key_id = $2`,
      [adminId, created.id],
    );
    expect(row.detail).toEqual({ reason: 'leaked in a ticket' });
  });
});
