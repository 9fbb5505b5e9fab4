import { Browser, CHANGE_INITIAL, CHANGE_PASSWORD, LOGIN, ME } from '../support/graphql-client';
import { activeSubscriber as makeActiveSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  // Generous throttles here: the lockout rule must be what stops these attempts.
  t = await startTestApp({ LOGIN_FAILURES_PER_ADDRESS: '1000', LOGIN_FAILURES_PER_LOGIN_ID: '1000' });
});
afterAll(async () => {
  await t?.close();
});

const activeSubscriber = () => makeActiveSubscriber(t);

const login = (loginId: string, password: string, lang: 'ja' | 'en' = 'en') =>
  new Browser(t.url, lang).gql(LOGIN, { input: { loginId, password } });

describe('lockout (SPEC 2.2 step 4, 2.3)', () => {
  it('locks after 5 wrong passwords; only the right password learns it is locked', async () => {
    const s = await activeSubscriber();
    for (let i = 1; i <= 5; i++) {
      const res = await login(s.loginId, `Wrong#pass${i}`);
      expect(res.data?.login.__typename).toBe('InvalidCredentials');
      expect(res.data?.login.message).toMatch(/lock/i); // says repeated failures lock, and how to reissue
    }
    const right = await login(s.loginId, s.password, 'ja');
    expect(right.data?.login).toMatchObject({ __typename: 'AccountLocked', code: 'ACCOUNT_LOCKED' });
    expect(right.data?.login.message).toMatch(/再発行/);
    expect(right.data?.login.message).toMatch(/0800-333-0030/);

    const wrong = await login(s.loginId, 'Wrong#pass6');
    expect(wrong.data?.login.__typename).toBe('InvalidCredentials');

    const events: { event: string; outcome: string }[] = await t.db.query(
      `SELECT event, outcome FROM audit_event WHERE subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1) ORDER BY id`,
      [s.loginId],
    );
    expect(events.filter((e) => e.outcome === 'WRONG_PASSWORD')).toHaveLength(6);
    expect(events.filter((e) => e.event === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect(events.at(-2)).toEqual({ event: 'LOGIN', outcome: 'LOCKED' });
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    const s = await activeSubscriber();
    for (let i = 0; i < 4; i++) await login(s.loginId, 'Wrong#pass1');
    expect((await login(s.loginId, s.password)).data?.login.__typename).toBe('LoginSuccess');
    for (let i = 0; i < 4; i++) await login(s.loginId, 'Wrong#pass1');
    expect((await login(s.loginId, s.password)).data?.login.__typename).toBe('LoginSuccess');
  });

  it('locks the postcard pair the same way', async () => {
    const card = await t.services.provisioning.provision(
      { holderName: '鈴木 一郎', registeredPhoneNumber: '0312345678' },
      { via: 'test' },
    );
    for (let i = 0; i < 5; i++) await login(card.initialLoginId, 'Abcdefg1');
    expect((await login(card.initialLoginId, card.initialPassword)).data?.login.__typename).toBe(
      'AccountLocked',
    );
  });
});

describe('audit log', () => {
  it('records each successful login with the session it opened and the client address', async () => {
    const s = await activeSubscriber();
    expect((await login(s.loginId, s.password)).data?.login.__typename).toBe('LoginSuccess');
    const rows: { outcome: string; client_address: string; sessions: string }[] = await t.db.query(
      `SELECT e.outcome, e.client_address,
              (SELECT count(*) FROM session WHERE subscriber_id = e.subscriber_id AND revoked_at IS NULL) AS sessions
         FROM audit_event e JOIN subscriber sub ON sub.id = e.subscriber_id
        WHERE sub.login_id = $1 AND e.event = 'LOGIN' ORDER BY e.id`,
      [s.loginId],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['SUCCESS', 'SUCCESS']); // postcard login, then this one
    expect(rows[1].client_address).toBe('127.0.0.1');
    expect(Number(rows[1].sessions)).toBe(2); // the change's rotated session and this login's
  });
});

describe('unknown login IDs (no account enumeration)', () => {
  it('get the same answer as a wrong password, in comparable time', async () => {
    const s = await activeSubscriber();
    const unknown = await login('nobody12345', 'Wrong#pass1');
    const known = await login(s.loginId, 'Wrong#pass1');
    expect(unknown.data?.login).toEqual(known.data?.login);

    // The unknown ID must still pay for one argon2 verification: without it, it answers ~10x faster.
    const time = async (id: string) => {
      const started = performance.now();
      await login(id, 'Wrong#pass2');
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const unknownTimes: number[] = [];
    const knownTimes: number[] = [];
    const other = await activeSubscriber();
    for (let i = 0; i < 4; i++) {
      unknownTimes.push(await time(`ghost${i}abc`));
      knownTimes.push(await time(other.loginId));
    }
    expect(median(unknownTimes)).toBeGreaterThan(median(knownTimes) * 0.5);
  });

  it('are not written to the audit log (people type passwords into the ID field)', async () => {
    await login('MySecretPassw0rd#', 'x');
    const rows: unknown[] = await t.db.query(
      `SELECT 1 FROM audit_event WHERE detail::text LIKE '%MySecretPassw0rd%'`,
    );
    expect(rows).toHaveLength(0);
  });
});

describe('sessions (SPEC 2.4)', () => {
  it('ends after 30 idle minutes', async () => {
    const s = await activeSubscriber();
    const b = new Browser(t.url);
    await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    t.clock.advance(29 * 60_000);
    expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId); // activity refreshes the idle timer
    t.clock.advance(29 * 60_000);
    expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId);
    t.clock.advance(31 * 60_000);
    expect((await b.gql(ME)).data?.me).toBeNull();
    const op = await b.gql(CHANGE_PASSWORD, {
      input: {
        currentPassword: s.password,
        newPassword: 'Kaede#2024z',
        newPasswordConfirmation: 'Kaede#2024z',
      },
    });
    expect(op.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends 12 hours after login even when active', async () => {
    const s = await activeSubscriber();
    const b = new Browser(t.url);
    await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId);
    }
    t.clock.advance(29 * 60_000); // 12 h 29 min after login
    expect((await b.gql(ME)).data?.me).toBeNull();
  });

  it('rotates on login: a cookie held before login is revoked', async () => {
    const s = await activeSubscriber();
    const b = new Browser(t.url);
    await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    const before = b.cookie;
    await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    expect(b.cookie).not.toEqual(before);
    const old = new Browser(t.url);
    old.cookie = before;
    expect((await old.gql(ME)).data?.me).toBeNull();
  });

  it('refuses forged and tampered tokens', async () => {
    const s = await activeSubscriber();
    const forged = new Browser(t.url);
    forged.cookie = `wb_session=${s.browser.cookie?.split('=')[1].slice(0, -2)}xx`;
    expect((await forged.gql(ME)).data?.me).toBeNull();
    forged.cookie = null;
    forged.bearer = 'wbs_not-a-real-token';
    expect((await forged.gql(ME)).data?.me).toBeNull();
  });

  it("lets one account's session act only on that account", async () => {
    const alice = await activeSubscriber();
    const bob = await activeSubscriber();
    // Alice's session, Bob's password: the change is checked against Alice's credentials and fails.
    const res = await alice.browser.gql(CHANGE_PASSWORD, {
      input: {
        currentPassword: bob.password.replace('x', 'X'),
        newPassword: 'Kaede#2024z',
        newPasswordConfirmation: 'Kaede#2024z',
      },
    });
    expect(res.data?.changePassword.errors.map((e: { code: string }) => e.code)).toEqual([
      'CURRENT_PASSWORD_WRONG',
    ]);
    expect((await alice.browser.gql(ME)).data?.me.loginId).toBe(alice.loginId);
    // Bob is untouched.
    expect((await login(bob.loginId, bob.password)).data?.login.__typename).toBe('LoginSuccess');
    // Alice cannot run the initial change for anyone: she has none pending.
    const initial = await alice.browser.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: 'x',
        initialPassword: 'y',
        newLoginId: 'abc12',
        newLoginIdConfirmation: 'abc12',
        newPassword: 'Kaede#2024z',
        newPasswordConfirmation: 'Kaede#2024z',
      },
    });
    expect(initial.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('postcard credentials expire', () => {
  it('says so only to a caller who gave the right initial password', async () => {
    const card = await t.services.provisioning.provision(
      { holderName: '高橋 次郎', registeredPhoneNumber: '0612345678' },
      { via: 'test' },
    );
    t.clock.advance(61 * 86_400_000);
    expect((await login(card.initialLoginId, card.initialPassword)).data?.login.__typename).toBe(
      'CredentialsExpired',
    );
    expect((await login(card.initialLoginId, 'Abcdefg1')).data?.login.__typename).toBe('InvalidCredentials');
  });
});

describe('throttling per address and per login ID (kept in PostgreSQL)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({
      LOGIN_FAILURES_PER_ADDRESS: '8',
      LOGIN_FAILURES_PER_LOGIN_ID: '3',
      LOCKOUT_THRESHOLD: '50',
    });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('slows a guesser on one login ID down, with a retry time', async () => {
    const b = () => new Browser(strict.url);
    for (let i = 0; i < 3; i++) {
      expect(
        (await b().gql(LOGIN, { input: { loginId: 'target123', password: `guess${i}` } })).data?.login
          .__typename,
      ).toBe('InvalidCredentials');
    }
    const limited = await b().gql(LOGIN, { input: { loginId: 'TARGET123', password: 'guess9' } });
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The budget lives in the database, so another server instance sees it too; its key is an HMAC of
    // the login ID, never the typed text.
    const rows: { key: string; points: number }[] = await strict.db.query(
      `SELECT key, points FROM rate_limit WHERE key LIKE 'login-id:%'`,
    );
    expect(rows.some((row) => row.points >= 3)).toBe(true);
    expect(rows.filter((row) => /target123/i.test(row.key))).toEqual([]);
  });

  it('slows one address spraying many login IDs down', async () => {
    for (let i = 0; i < 5; i++) {
      await new Browser(strict.url).gql(LOGIN, { input: { loginId: `spray${i}x`, password: 'guess' } });
    }
    const limited = await new Browser(strict.url).gql(LOGIN, {
      input: { loginId: 'fresh1234', password: 'guess' },
    });
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
