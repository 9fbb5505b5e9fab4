// biome-ignore-all lint/suspicious/noExplicitAny: the tests read response trees by shape

import { purgeExpiredAttempts } from '../../server/src/security/attempt-budget';
import { PasswordHasher } from '../../server/src/security/password-hasher';
import { Browser, CHANGE_INITIAL, CHANGE_PASSWORD, LOGIN, ME } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

// Every secret check spends its attempt atomically before the argon2 work (issue 14, SPEC §2.5): the
// races below send 50–60 requests at once and count the argon2 verifications the server ran.

/** The real argon2 hasher, counting what it verifies (real secrets and the unknown-ID stand-in). */
class CountingHasher extends PasswordHasher {
  verifications = 0;
  readonly byHash = new Map<string, number>();
  override async verify(hash: string, secret: string) {
    this.verifications++;
    this.byHash.set(hash, (this.byHash.get(hash) ?? 0) + 1);
    return super.verify(hash, secret);
  }
}

const smtp = new SmtpSink();
let t: TestApp;
let hasher: CountingHasher;
const CONCURRENCY = 60;
const report = (label: string, counts: Record<string, number>) => {
  if (process.env.REPORT_RACES) console.log(`${label}: ${JSON.stringify(counts)}`);
};

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp(
    // The address budget is tested on its own below; here it must not be what stops the races.
    { SMTP_URL: smtp.url, LOGIN_FAILURES_PER_ADDRESS: '100000' },
    { hasher: (config) => (hasher = new CountingHasher(config.argon2)) },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

/** Runs all at once and tallies the outcomes by __typename or error code. */
async function race(requests: (() => Promise<any>)[], field: string) {
  const before = hasher.verifications;
  const results = await Promise.all(requests.map((send) => send()));
  const outcomes: Record<string, number> = {};
  for (const res of results) {
    const key = res.data?.[field]?.__typename ?? res.errors?.[0]?.extensions?.code ?? 'unknown';
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return { outcomes, verified: hasher.verifications - before, results };
}

describe('sign-in under a race', () => {
  it('verifies at most the login ID’s budget of 60 concurrent passwords, and the lock holds (the right one sent last)', async () => {
    const s = await activeSubscriber(t);
    const attempts = Array.from(
      { length: CONCURRENCY },
      (_, i) => () =>
        new Browser(t.url).gql(LOGIN, {
          input: { loginId: s.loginId, password: i === CONCURRENCY - 1 ? s.password : `Wrong#pass${i}` },
        }),
    );
    const { outcomes, verified } = await race(attempts, 'login');
    report('login race', { verified, ...outcomes });
    // Each check counts towards the lock before it runs, so at most 5 wrong passwords are counted; once
    // locked, a password is still checked (to tell its owner it is locked) within the login ID's budget.
    const { lockoutThreshold, throttle } = t.services.config;
    expect(verified).toBeLessThanOrEqual(throttle.failuresPerLoginId);
    const [{ wrong }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE (detail->>'locked')::boolean IS NOT TRUE)::int AS wrong FROM audit_event
        WHERE event = 'LOGIN' AND outcome = 'WRONG_PASSWORD'
          AND subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1)`,
      [s.loginId],
    );
    expect(wrong).toBeLessThanOrEqual(lockoutThreshold);
    // The right password got in only if it was checked before five wrong ones locked the account.
    if (outcomes.LoginSuccess) expect(wrong).toBeLessThan(lockoutThreshold);
    expect(
      (outcomes.InvalidCredentials ?? 0) + (outcomes.LoginSuccess ?? 0) + (outcomes.AccountLocked ?? 0),
    ).toBe(verified);
    expect(outcomes.RATE_LIMITED).toBe(CONCURRENCY - verified);
    // Five wrong passwords lock it, once, with one notice; otherwise the right one got in.
    const [row] = await t.db.query(
      'SELECT locked_at, failed_login_count FROM subscriber WHERE login_id = $1',
      [s.loginId],
    );
    if (!outcomes.LoginSuccess) expect(row.locked_at).not.toBeNull();
    const locks = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE event = 'ACCOUNT_LOCKED'
          AND subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1)`,
      [s.loginId],
    );
    expect(locks[0].n).toBe(row.locked_at ? 1 : 0);
  });

  it('verifies no more than the login ID budget for an unknown ID, whatever the concurrency', async () => {
    const attempts = Array.from(
      { length: CONCURRENCY },
      (_, i) => () =>
        new Browser(t.url).gql(LOGIN, { input: { loginId: 'nobody4711', password: `Guess#${i}` } }),
    );
    const { outcomes, verified } = await race(attempts, 'login');
    report('unknown-ID race', { verified, ...outcomes });
    expect(verified).toBe(t.services.config.throttle.failuresPerLoginId);
    expect(outcomes.InvalidCredentials).toBe(verified);
    expect(outcomes.RATE_LIMITED).toBe(CONCURRENCY - verified);
  });

  it('verifies at most the login ID’s budget of 60 concurrent operator passwords, and locks the operator', async () => {
    await t.services.operatorAuth.create({
      loginId: 'race-desk',
      displayName: 'Race desk',
      role: 'OPERATOR',
      password: 'Counter#Desk2024',
    });
    const OP_LOGIN = `mutation($input: OperatorLoginInput!) { operatorLogin(input: $input) { __typename } }`;
    const attempts = Array.from(
      { length: CONCURRENCY },
      (_, i) => () =>
        new Browser(t.url).gql(OP_LOGIN, {
          input: {
            loginId: 'race-desk',
            password: i === CONCURRENCY - 1 ? 'Counter#Desk2024' : `Wrong#pass${i}`,
          },
        }),
    );
    const { outcomes, verified } = await race(attempts, 'operatorLogin');
    report('operator login race', { verified, ...outcomes });
    expect(verified).toBeLessThanOrEqual(t.services.config.throttle.failuresPerLoginId);
    expect(outcomes.RATE_LIMITED).toBe(CONCURRENCY - verified);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event a JOIN operator o ON o.id = a.operator_id
        WHERE o.login_id = 'race-desk' AND a.event = 'OPERATOR_LOCKED'`,
    );
    if (!outcomes.OperatorLoginSuccess) expect(n).toBe(1);
  });

  it('stores attempt keys as an HMAC, never what was typed, and purges expired ones', async () => {
    const typed = 'MyPassword#1234';
    await new Browser(t.url).gql(LOGIN, { input: { loginId: typed, password: 'x' } });
    const rows: { key: string }[] = await t.db.query('SELECT key FROM rate_limit');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.key.toLowerCase().includes(typed.toLowerCase()))).toEqual([]);
    expect(rows.filter((r) => r.key.includes('127.0.0.1'))).toEqual([]);
    await t.db.query(`INSERT INTO rate_limit (key, points, expire) VALUES ('login-id:expired', 3, $1)`, [
      Date.now() - 1000,
    ]);
    expect(await purgeExpiredAttempts(t.services.pool)).toBeGreaterThanOrEqual(1);
    expect(await t.db.query(`SELECT 1 FROM rate_limit WHERE key = 'login-id:expired'`)).toEqual([]);
  });
});

describe('a stolen session guessing the current password', () => {
  it('verifies at most the threshold, locks the password, mails a notice and ends every session', async () => {
    const s = await activeSubscriber(t);
    const attempts = Array.from({ length: 50 }, (_, i) => () => {
      const thief = new Browser(t.url);
      thief.cookie = s.browser.cookie;
      return thief.gql(CHANGE_PASSWORD, {
        input: {
          currentPassword: i === 49 ? s.password : `Wrong#pass${i}`,
          newPassword: 'Stolen#2024xyz',
          newPasswordConfirmation: 'Stolen#2024xyz',
        },
      });
    });
    const { outcomes, verified, results } = await race(attempts, 'changePassword');
    report('changePassword race', { verified, ...outcomes });
    expect(verified).toBeLessThanOrEqual(t.services.config.lockoutThreshold);
    const codes = results.flatMap((r) =>
      (r.data?.changePassword?.errors ?? []).map((e: { code: string }) => e.code),
    );
    if (!outcomes.CredentialsChanged) {
      expect(codes).toContain('PASSWORD_LOCKED');
      // The session is over (the thief's and the owner's), and signing in says the password is locked.
      expect((await s.browser.gql(ME)).data?.me).toBeNull();
      const login = await new Browser(t.url).gql(LOGIN, {
        input: { loginId: s.loginId, password: s.password },
      });
      expect(login.data?.login.__typename).toBe('AccountLocked');
      const [notice] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE event = 'ACCOUNT_LOCKED'
            AND subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1)`,
        [s.loginId],
      );
      expect(notice.n).toBe(1);
    }
  });

  it('does not compare a guess with the password history unless the current password is right', async () => {
    const s = await activeSubscriber(t);
    const res = await s.browser.gql(CHANGE_PASSWORD, {
      input: { currentPassword: 'Wrong#pass1', newPassword: s.password, newPasswordConfirmation: s.password },
    });
    const codes = res.data?.changePassword.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['CURRENT_PASSWORD_WRONG']); // not PASSWORD_RECENTLY_USED: no oracle
  });
});

describe('the postcard pair under a race', () => {
  it('verifies at most the threshold of 50 concurrent initial passwords and never tells whether an ID is taken', async () => {
    const card = await t.services.provisioning.provision(
      { holderName: '佐藤 花子', registeredPhoneNumber: '09012345678' },
      { via: 'test' },
    );
    const other = await activeSubscriber(t);
    const holder = new Browser(t.url);
    await holder.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
    const attempts = Array.from({ length: 50 }, (_, i) => () => {
      const b = new Browser(t.url);
      b.cookie = holder.cookie;
      return b.gql(CHANGE_INITIAL, {
        input: {
          initialLoginId: card.initialLoginId,
          initialPassword: `Wrong#pass${i}`,
          newLoginId: other.loginId, // taken: must not be said to a caller without the pair
          newLoginIdConfirmation: other.loginId,
          newPassword: 'Sakura#2024xy',
          newPasswordConfirmation: 'Sakura#2024xy',
        },
      });
    });
    const { verified, results } = await race(attempts, 'changeInitialCredentials');
    report('changeInitialCredentials race', { verified });
    expect(verified).toBeLessThanOrEqual(t.services.config.lockoutThreshold);
    const codes = results.flatMap((r) =>
      (r.data?.changeInitialCredentials?.errors ?? []).map((e: { code: string }) => e.code),
    );
    expect(codes).not.toContain('LOGIN_ID_TAKEN');
    expect(codes).toContain('PASSWORD_LOCKED');
  });
});

const REGISTER_REISSUE = `mutation($input: RegisterReissueEmailInput!) { registerReissueEmail(input: $input) { __typename } }`;
const CONFIRM_REISSUE = `mutation($input: ConfirmReissueEmailInput!) { confirmReissueEmail(input: $input) {
  __typename ... on UserError { code } } }`;
const REISSUE = `mutation($input: RequestPasswordReissueInput!) { requestPasswordReissue(input: $input) { __typename } }`;
const REGISTER_NOTIFY = `mutation($input: RegisterBillingNotificationEmailInput!) { registerBillingNotificationEmail(input: $input) { __typename } }`;
const CONFIRM_NOTIFY = `mutation($input: ConfirmBillingNotificationEmailInput!) { confirmBillingNotificationEmail(input: $input) {
  __typename ... on UserError { code } } }`;
let mails = 0;
const address = () => `race${Date.now() % 1e7}${mails++}@example.jp`;

describe('secret answers and link checks under a race', () => {
  it('checks at most 5 of 50 concurrent answers on a reissue-address link, then the link is void', async () => {
    const s = await activeSubscriber(t);
    const email = address();
    await s.browser.gql(REGISTER_REISSUE, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const mail = await smtp.waitFor(email, /確認|confirm/i);
    const token = mail.text.match(/#token=([\w-]+)/)?.[1] as string;
    const attempts = Array.from(
      { length: 50 },
      (_, i) => () =>
        new Browser(t.url).gql(CONFIRM_REISSUE, {
          input: { token, secretQuestionId: '2', secretAnswer: i === 49 ? 'Pochi' : `Tama${i}` },
        }),
    );
    const { outcomes, verified } = await race(attempts, 'confirmReissueEmail');
    report('reissue-link race', { verified, ...outcomes });
    expect(verified).toBeLessThanOrEqual(5);
    expect(outcomes.ReissueEmailRegistered ?? 0).toBeLessThanOrEqual(1);
    // Every wrong answer on the link page is audited (the last one voids the link).
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE event = 'REISSUE_EMAIL_REGISTERED'
          AND outcome IN ('WRONG_ANSWER', 'LINK_VOIDED')
          AND subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1)`,
      [s.loginId],
    );
    expect(n).toBe(verified - (outcomes.ReissueEmailRegistered ?? 0));
  });

  it('checks at most 5 of 50 concurrent reissue requests’ answers for one login ID (right one last)', async () => {
    const s = await activeSubscriber(t);
    const email = address();
    await s.browser.gql(REGISTER_REISSUE, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const mail = await smtp.waitFor(email, /確認|confirm/i);
    const token = mail.text.match(/#token=([\w-]+)/)?.[1] as string;
    const confirmed = await new Browser(t.url).gql(CONFIRM_REISSUE, {
      input: { token, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(confirmed.data?.confirmReissueEmail.__typename).toBe('ReissueEmailRegistered');
    const attempts = Array.from(
      { length: 50 },
      (_, i) => () =>
        new Browser(t.url).gql(REISSUE, {
          input: {
            loginId: s.loginId,
            email,
            secretQuestionId: '2',
            secretAnswer: i === 49 ? 'Pochi' : `Tama${i}`,
          },
        }),
    );
    // Every request burns one verification's time (answers are alike), but only attempts within the
    // budget are checked against the registered answer; the others compare with nothing.
    const [{ hash }] = await t.db.query(
      `SELECT secret_answer_hash AS hash FROM reissue_email
        WHERE subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1) AND status = 'ACTIVE'`,
      [s.loginId],
    );
    const before = hasher.byHash.get(hash) ?? 0;
    const { outcomes, verified } = await race(attempts, 'requestPasswordReissue');
    const checked = (hasher.byHash.get(hash) ?? 0) - before;
    report('reissue race', { argon2: verified, checked, ...outcomes });
    expect(outcomes.ReissueRequested).toBe(50); // all answered alike
    expect(checked).toBeLessThanOrEqual(t.services.config.reissue.attempts);
    expect(checked).toBeGreaterThan(0);
  });

  it('compares at most 5 of 50 concurrent phone numbers on a notification link, then the link is void', async () => {
    const s = await activeSubscriber(t);
    const email = address();
    await s.browser.gql(REGISTER_NOTIFY, { input: { emailType: 'MOBILE', email } });
    const mail = await smtp.waitFor(email, /仮登録|Temporary registration/);
    const token = mail.text.match(/#token=([\w-]+)/)?.[1] as string;
    const attempts = Array.from(
      { length: 50 },
      (_, i) => () =>
        new Browser(t.url).gql(CONFIRM_NOTIFY, {
          input: {
            token,
            registeredPhoneNumber: i === 49 ? '090-1234-5678' : `090-0000-${String(i).padStart(4, '0')}`,
          },
        }),
    );
    const { outcomes } = await race(attempts, 'confirmBillingNotificationEmail');
    report('notification-link race', outcomes);
    const [row] = await t.db.query(
      'SELECT confirm_failures, status FROM billing_notification_email WHERE email = $1',
      [email],
    );
    expect(row.confirm_failures).toBeLessThanOrEqual(5);
    expect(outcomes.FieldErrors ?? 0).toBeLessThanOrEqual(5);
    expect(outcomes.BillingNotificationEmailRegistered ?? 0).toBeLessThanOrEqual(1);
    if (!outcomes.BillingNotificationEmailRegistered) expect(row.status).toBe('SUPERSEDED');
  });
});
