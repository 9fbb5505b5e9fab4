/**
 * The idle warning's server side (WCAG 2.2.1): every authenticated answer says when the session ends
 * (`Session-Expires-In`), and `extendSession` starts the idle period again — for a live session only.
 */
import { Browser, LOGIN, LOGOUT, ME } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MIN = 60_000;
const EXTEND = `mutation { extendSession {
  __typename
  ... on SessionExtended { idleExpiresAt expiresIn expiresAt }
  ... on SessionLimitReached { code message expiresIn expiresAt }
} }`;

/** Real milliseconds pass between the clock's steps: a whole second may be gone. */
const expectNear = (value: number | null, seconds: number) => {
  expect(value).toBeGreaterThanOrEqual(seconds - 1);
  expect(value).toBeLessThanOrEqual(seconds);
};

const expiresIn = (res: { headers: Headers }) => {
  const value = res.headers.get('session-expires-in');
  return value === null ? null : Number(value);
};

async function signedIn(lang: 'ja' | 'en' = 'en') {
  const s = await activeSubscriber(t, lang);
  const b = new Browser(t.url, lang);
  const res = await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
  expect(res.data?.login.__typename).toBe('LoginSuccess');
  return { s, b, login: res };
}

const lastSeen = async (cookie: string | null) => {
  const rows: { last_seen_at: Date }[] = await t.db.query(
    `SELECT last_seen_at FROM session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
    [cookie?.split('=')[1]],
  );
  return rows[0]?.last_seen_at.getTime();
};

describe('Session-Expires-In', () => {
  it('tells, on every authenticated answer, the second the server will end the session', async () => {
    // Two sessions with the same history: one shows it lives until the end told, the other that it
    // ends there.
    const { s, b, login } = await signedIn();
    const twin = new Browser(t.url);
    await twin.gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    expectNear(expiresIn(login), 30 * 60); // a new session: one whole idle period

    t.clock.advance(10 * MIN);
    expectNear(expiresIn(await b.gql(ME)), 30 * 60); // activity slides the idle end
    await twin.gql(ME);

    // Within the minute's slack the session row is not written: the end stays where it was, and the
    // header says so instead of promising 30 minutes the server would not give.
    t.clock.advance(30_000);
    const told = expiresIn(await b.gql(ME)) ?? 0;
    expectNear(told, 30 * 60 - 30);
    await twin.gql(ME);

    t.clock.advance((told - 2) * 1000);
    expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId);
    t.clock.advance(3000);
    expect((await twin.gql(ME)).data?.me).toBeNull();
  });

  it('is absent without a live session, and logout drops it', async () => {
    const anonymous = await new Browser(t.url).gql(ME);
    expect(anonymous.data?.me).toBeNull();
    expect(expiresIn(anonymous)).toBeNull();

    const { b } = await signedIn();
    const out = await b.gql(LOGOUT);
    expect(out.data?.logout).toBe(true);
    expect(expiresIn(out)).toBeNull();
  });

  it('is sent to bearer-token clients too', async () => {
    const { s } = await signedIn();
    const b = new Browser(t.url);
    const login = await b.gql(LOGIN, { input: { loginId: s.loginId, password: s.password, bearer: true } });
    b.bearer = login.data?.login.sessionToken;
    expectNear(expiresIn(login), 30 * 60);
    t.clock.advance(5 * MIN);
    expectNear(expiresIn(await b.gql(ME)), 30 * 60);
  });
});

describe('extendSession', () => {
  it('starts the idle period again: the session outlives its original end', async () => {
    const { s, b } = await signedIn();
    t.clock.advance(29 * MIN + 30_000); // 30 s before the idle end, no request in between
    const res = await b.gql(EXTEND);
    const extended = res.data?.extendSession;
    expect(extended?.__typename).toBe('SessionExtended');
    expectNear(extended.expiresIn, 30 * 60);
    expectNear(expiresIn(res), 30 * 60);
    expect(new Date(extended.idleExpiresAt).getTime() - t.clock.now().getTime()).toBeGreaterThan(
      30 * MIN - 2000,
    );
    expect(new Date(extended.expiresAt).getTime()).toBeGreaterThan(
      new Date(extended.idleExpiresAt).getTime(),
    );

    t.clock.advance(29 * MIN); // 58.5 min after login: long past the end it had
    expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId);
  });

  it('slides exactly, even within the minute in which ordinary requests leave the row alone', async () => {
    const { b } = await signedIn();
    t.clock.advance(40_000);
    expectNear(expiresIn(await b.gql(ME)), 30 * 60 - 40);
    expectNear((await b.gql(EXTEND)).data?.extendSession.expiresIn, 30 * 60);
    expectNear(expiresIn(await b.gql(ME)), 30 * 60);
  });

  it('works on the forced change screens too (a postcard holder filling the long form)', async () => {
    const card = await t.services.provisioning.provision(
      { holderName: '佐藤 花子', registeredPhoneNumber: '09012345678' },
      { via: 'test' },
    );
    const b = new Browser(t.url);
    const login = await b.gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword },
    });
    expect(login.data?.login.requiredAction).toBe('CHANGE_INITIAL_CREDENTIALS');
    t.clock.advance(20 * MIN);
    expect((await b.gql(EXTEND)).data?.extendSession.__typename).toBe('SessionExtended');
  });

  it('is UNAUTHENTICATED without a session', async () => {
    const res = await new Browser(t.url).gql(EXTEND);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(expiresIn(res)).toBeNull();
  });

  it('never revives a session that ended idle', async () => {
    const { b } = await signedIn();
    const before = await lastSeen(b.cookie);
    t.clock.advance(30 * MIN + 1000);
    const res = await b.gql(EXTEND);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(expiresIn(res)).toBeNull();
    expect(await lastSeen(b.cookie)).toBe(before);
    expect((await b.gql(ME)).data?.me).toBeNull();
  });

  it('never revives a session after logout (the old cookie replayed)', async () => {
    const { b } = await signedIn();
    const stolen = b.cookie;
    await b.gql(LOGOUT);
    const replay = new Browser(t.url);
    replay.cookie = stolen;
    const before = await lastSeen(stolen);
    t.clock.advance(2 * MIN);
    const res = await replay.gql(EXTEND);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await lastSeen(stolen)).toBe(before);
    expect((await replay.gql(ME)).data?.me).toBeNull();
  });

  it('does not move a session revoked after the request was authenticated (logout racing it)', async () => {
    const { b } = await signedIn();
    const [row]: { id: string }[] = await t.db.query(
      `SELECT id FROM session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [b.cookie?.split('=')[1]],
    );
    await t.services.sessions.revoke(row.id);
    expect(await t.services.sessions.extend(row.id)).toBeNull();
    t.clock.advance(31 * MIN);
    expect(await t.services.sessions.extend(row.id)).toBeNull();
  });

  it('50 concurrent extends: all answered alike, no session made or lost', async () => {
    const { s, b } = await signedIn();
    const sessionsOf = async () =>
      (
        await t.db.query(
          `SELECT id, revoked_at FROM session
            WHERE subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1) ORDER BY id`,
          [s.loginId],
        )
      ).map((r: { id: string; revoked_at: Date | null }) => `${r.id}:${r.revoked_at !== null}`);
    const before = await sessionsOf();
    t.clock.advance(10 * MIN);
    const results = await Promise.all(Array.from({ length: 50 }, () => b.gql(EXTEND)));
    for (const res of results) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.extendSession.__typename).toBe('SessionExtended');
      expectNear(res.data?.extendSession.expiresIn, 30 * 60);
    }
    // Each slid the row to its own instant: the ends differ by the milliseconds between them.
    const ends = results.map((r) => new Date(r.data?.extendSession.idleExpiresAt).getTime());
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(5000);
    expect(await sessionsOf()).toEqual(before);
    t.clock.advance(29 * MIN);
    expect((await b.gql(ME)).data?.me?.loginId).toBe(s.loginId);
  });

  it('never goes past the absolute end: within one idle period of it, says so (ja)', async () => {
    const { b } = await signedIn('ja');
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * MIN);
      expect((await b.gql(ME)).data?.me).not.toBeNull();
    }
    // 11 h 36 min after login: 24 minutes are left of the 12 hours, whatever is done.
    const res = await b.gql(EXTEND);
    const limited = res.data?.extendSession;
    expect(limited).toMatchObject({ __typename: 'SessionLimitReached', code: 'SESSION_LIMIT_REACHED' });
    expect(limited.message).toMatch(/もう一度ログイン/);
    expect(limited.expiresIn).toBeGreaterThan(24 * 60 - 5);
    expect(limited.expiresIn).toBeLessThanOrEqual(24 * 60);
    expectNear(expiresIn(res), limited.expiresIn);

    t.clock.advance(23 * MIN);
    expect((await b.gql(ME)).data?.me).not.toBeNull();
    t.clock.advance(2 * MIN);
    expect((await b.gql(ME)).data?.me).toBeNull();
  });
});
