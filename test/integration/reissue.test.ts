import { Browser, CHANGE_PASSWORD, LOGIN, ME } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber as makeActiveSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'http://bill.example.test';
let t: TestApp;
const smtp = new SmtpSink();

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

const activeSubscriber = (lang: 'ja' | 'en' = 'en') => makeActiveSubscriber(t, lang);
let mailCounter = 0;
const newAddress = () => `user${Date.now() % 1e7}${mailCounter++}@example.jp`;

const REGISTER = `mutation($input: RegisterReissueEmailInput!) { registerReissueEmail(input: $input) {
  __typename ... on ConfirmationMailSent { email expiresAt } ... on FieldErrors { errors { field code message } } } }`;
const CONFIRM = `mutation($input: ConfirmReissueEmailInput!) { confirmReissueEmail(input: $input) {
  __typename ... on ReissueEmailRegistered { email } ... on UserError { code message }
  ... on FieldErrors { errors { field code } } } }`;
const STATUS = '{ me { reissueEmail { email pendingEmail pendingExpiresAt secretQuestion { id text } } } }';
const DELETE = 'mutation { deleteReissueEmail }';
const REISSUE = `mutation($input: RequestPasswordReissueInput!) { requestPasswordReissue(input: $input) {
  __typename ... on ReissueRequested { message } ... on FieldErrors { errors { field code } } } }`;

const tokenOf = (text: string) => {
  const match = text.match(/\/reissue-email\/confirm#token=([\w-]+)/);
  if (!match) throw new Error(`no confirmation link in:\n${text}`);
  return match[1];
};

/** Registers `email` with question 2 / answer "Pochi" and confirms it through the mailed link. */
async function registerAndConfirm(browser: Browser, email: string) {
  const res = await browser.gql(REGISTER, {
    input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
  });
  expect(res.data?.registerReissueEmail.__typename).toBe('ConfirmationMailSent');
  const mail = await smtp.waitFor(email, /確認|confirm/i);
  const confirmed = await new Browser(t.url).gql(CONFIRM, {
    input: { token: tokenOf(mail.text), secretQuestionId: '2', secretAnswer: ' ｐｏｃｈｉ ' },
  });
  expect(confirmed.data?.confirmReissueEmail).toEqual({ __typename: 'ReissueEmailRegistered', email });
  await smtp.waitFor(email, /登録完了|is registered/);
}

describe('reissue address registration (SPEC 2.2 step 5, guide 1-7…1-11, 5)', () => {
  it('mails a 24-hour link to PUBLIC_URL with the token in the fragment; the question and answer confirm it once', async () => {
    const s = await activeSubscriber('ja');
    const email = newAddress();
    const sent = await s.browser.gql(REGISTER, {
      input: {
        email: email.toUpperCase().replace('@EXAMPLE.JP', '@example.jp'),
        emailConfirmation: email.toUpperCase().replace('@EXAMPLE.JP', '@example.jp'),
        secretQuestionId: '1',
        secretAnswer: 'Yamada  Hanako',
      },
    });
    expect(sent.data?.registerReissueEmail.__typename).toBe('ConfirmationMailSent');
    const expiresAt = new Date(sent.data?.registerReissueEmail.expiresAt).getTime();
    expect(Math.abs(expiresAt - (t.clock.now().getTime() + 24 * 3_600_000))).toBeLessThan(60_000);

    const mail = await smtp.waitFor(
      email.toUpperCase().replace('@EXAMPLE.JP', '@example.jp'),
      /再発行用メールアドレス登録のご確認/,
    );
    expect(mail.from).toContain('webbilling_info');
    expect(mail.text).toContain(`${PUBLIC_URL}/reissue-email/confirm#token=`);
    expect(mail.text).toMatch(/まで有効/);
    const token = tokenOf(mail.text);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url

    const pending = (await s.browser.gql(STATUS)).data?.me.reissueEmail;
    expect(pending.email).toBeNull();
    expect(pending.pendingEmail).toBeTruthy();

    // The token is stored only as a hash.
    const stored: unknown[] = await t.db.query('SELECT 1 FROM reissue_email WHERE token_hash::text LIKE $1', [
      `%${token}%`,
    ]);
    expect(stored).toHaveLength(0);

    const anonymous = new Browser(t.url, 'ja');
    const wrong = await anonymous.gql(CONFIRM, {
      input: { token, secretQuestionId: '1', secretAnswer: 'Suzuki' },
    });
    expect(wrong.data?.confirmReissueEmail.errors.map((e: { code: string }) => e.code)).toContain(
      'SECRET_ANSWER_MISMATCH',
    );
    const wrongQuestion = await anonymous.gql(CONFIRM, {
      input: { token, secretQuestionId: '3', secretAnswer: 'Yamada Hanako' },
    });
    expect(wrongQuestion.data?.confirmReissueEmail.__typename).toBe('FieldErrors');

    // Full-width, other case and extra spaces are the same answer.
    const ok = await anonymous.gql(CONFIRM, {
      input: { token, secretQuestionId: '1', secretAnswer: ' ＹＡＭＡＤＡ　hanako ' },
    });
    expect(ok.data?.confirmReissueEmail.__typename).toBe('ReissueEmailRegistered');
    const done = await smtp.waitFor(ok.data?.confirmReissueEmail.email, /登録完了/);
    expect(done.text).toContain('登録が完了しました');

    const replay = await anonymous.gql(CONFIRM, {
      input: { token, secretQuestionId: '1', secretAnswer: 'Yamada Hanako' },
    });
    expect(replay.data?.confirmReissueEmail).toMatchObject({
      __typename: 'InvalidOrExpiredToken',
      code: 'INVALID_OR_EXPIRED_TOKEN',
    });
    expect(replay.data?.confirmReissueEmail.message).toMatch(/24時間/);

    const active = (await s.browser.gql(STATUS)).data?.me.reissueEmail;
    expect(active).toMatchObject({ pendingEmail: null, secretQuestion: { id: '1', text: '母親の旧姓は？' } });
  });

  it('writes English mails for an English request and refuses an expired link', async () => {
    const s = await activeSubscriber('en');
    const email = newAddress();
    await s.browser.gql(REGISTER, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const mail = await smtp.waitFor(email, /Please confirm/);
    expect(mail.text).toContain('valid until');
    t.clock.advance(24 * 3_600_000 + 60_000);
    const late = await new Browser(t.url).gql(CONFIRM, {
      input: { token: tokenOf(mail.text), secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(late.data?.confirmReissueEmail.__typename).toBe('InvalidOrExpiredToken');
  });

  it("refuses another account's token, which stays usable by its owner", async () => {
    const alice = await activeSubscriber();
    const bob = await activeSubscriber();
    const email = newAddress();
    await alice.browser.gql(REGISTER, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const token = tokenOf((await smtp.waitFor(email, /confirm/i)).text);
    const stolen = await bob.browser.gql(CONFIRM, {
      input: { token, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(stolen.data?.confirmReissueEmail.__typename).toBe('InvalidOrExpiredToken');
    const own = await alice.browser.gql(CONFIRM, {
      input: { token, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(own.data?.confirmReissueEmail.__typename).toBe('ReissueEmailRegistered');
  });

  it('reports every form error at once and sends nothing', async () => {
    const s = await activeSubscriber();
    const before: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM mail_outbox');
    const res = await s.browser.gql(REGISTER, {
      input: {
        email: 'not-an-address',
        emailConfirmation: 'other@example.jp',
        secretQuestionId: '99',
        secretAnswer: '   ',
      },
    });
    expect(
      res.data?.registerReissueEmail.errors
        .map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual(
      [
        'email:EMAIL_INVALID',
        'emailConfirmation:EMAIL_CONFIRMATION_MISMATCH',
        'secretAnswer:REQUIRED',
        'secretQuestionId:SECRET_QUESTION_UNKNOWN',
      ].sort(),
    );
    const after: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM mail_outbox');
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps the old address active until the new one is confirmed, then tells the old one; delete tells the deleted one', async () => {
    const s = await activeSubscriber();
    const oldEmail = newAddress();
    const newEmail = newAddress();
    await registerAndConfirm(s.browser, oldEmail);

    await s.browser.gql(REGISTER, {
      input: { email: newEmail, emailConfirmation: newEmail, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect((await s.browser.gql(STATUS)).data?.me.reissueEmail).toMatchObject({
      email: oldEmail,
      pendingEmail: newEmail,
    });
    const token = tokenOf((await smtp.waitFor(newEmail, /confirm/i)).text);
    await new Browser(t.url).gql(CONFIRM, { input: { token, secretQuestionId: '2', secretAnswer: 'pochi' } });
    expect((await s.browser.gql(STATUS)).data?.me.reissueEmail).toMatchObject({
      email: newEmail,
      pendingEmail: null,
    });
    await smtp.waitFor(oldEmail, /address was changed/);

    expect((await s.browser.gql(DELETE)).data?.deleteReissueEmail).toBe(true);
    expect((await s.browser.gql(STATUS)).data?.me.reissueEmail).toBeNull();
    await smtp.waitFor(newEmail, /was removed/);
  });
});

describe('password reissue (SPEC 2.2 step 6, 2.3, guide 6)', () => {
  it('mails a one-time password that, once used, ends the old password and every session, opens only the forced change and can never be kept', async () => {
    const s = await activeSubscriber('ja');
    const email = newAddress();
    await registerAndConfirm(s.browser, email);

    const res = await new Browser(t.url, 'ja').gql(REISSUE, {
      input: { loginId: s.loginId.toUpperCase(), email, secretQuestionId: '2', secretAnswer: 'POCHI' },
    });
    expect(res.data?.requestPasswordReissue.__typename).toBe('ReissueRequested');
    const mail = await smtp.waitFor(email, /ログインパスワード再発行のお知らせ/);
    const password = mail.text.match(/新規ログインパスワード：(\S+)/)?.[1] as string;
    expect(password).toMatch(/^[A-Za-z2-9]{8}$/);
    expect(mail.text).toContain(`${PUBLIC_URL}/login`);

    // Until the mailed password is used, nothing else changes (a request by someone who knows the
    // answers but not the mailbox locks nobody out): the session and the password still work.
    expect((await s.browser.gql(ME)).data?.me.loginId).toBe(s.loginId);
    const stillWorks = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: s.loginId, password: s.password },
    });
    expect(stillWorks.data?.login).toMatchObject({ __typename: 'LoginSuccess', requiredAction: 'NONE' });

    const b = new Browser(t.url);
    const login = await b.gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(login.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_PASSWORD',
    });
    // Using it ends every other session and the old password.
    expect((await s.browser.gql(ME)).data?.me).toBeNull();
    const old = await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password: s.password } });
    expect(old.data?.login.__typename).toBe('InvalidCredentials');
    const blocked = await b.gql(REGISTER, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(blocked.errors?.[0].extensions?.code).toBe('CREDENTIAL_CHANGE_REQUIRED');

    // The mailed password is the "current" one and can never be kept; the old one is in the history.
    for (const reuse of [s.password, password]) {
      const reused = await b.gql(CHANGE_PASSWORD, {
        input: { currentPassword: password, newPassword: reuse, newPasswordConfirmation: reuse },
      });
      expect(reused.data?.changePassword.errors.map((e: { code: string }) => e.code)).toContain(
        'PASSWORD_RECENTLY_USED',
      );
    }
    const changed = await b.gql(CHANGE_PASSWORD, {
      input: {
        currentPassword: password,
        newPassword: 'Kaede#2025q',
        newPasswordConfirmation: 'Kaede#2025q',
      },
    });
    expect(changed.data?.changePassword).toMatchObject({
      __typename: 'CredentialsChanged',
      viewer: { requiredAction: 'NONE' },
    });
    await smtp.waitFor(email, /ログインパスワード変更のお知らせ/);

    const again = await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(again.data?.login.__typename).toBe('InvalidCredentials');
    const fresh = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: s.loginId, password: 'Kaede#2025q' },
    });
    expect(fresh.data?.login.requiredAction).toBe('NONE');

    const secrets: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM mail_outbox WHERE status = 'SENT' AND secret_sealed IS NOT NULL`,
    );
    expect(secrets[0].n).toBe('0'); // sealed secrets are wiped once sent
  });

  it('is the way out of a lock: the current password stays locked, the mailed one clears the lock', async () => {
    const s = await activeSubscriber();
    const email = newAddress();
    await registerAndConfirm(s.browser, email);
    for (let i = 0; i < 5; i++)
      await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password: `Wrong#pass${i}` } });
    const locked = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: s.loginId, password: s.password },
    });
    expect(locked.data?.login.__typename).toBe('AccountLocked');
    await new Browser(t.url).gql(REISSUE, {
      input: { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const mail = await smtp.waitFor(email, /reissued|再発行のお知らせ/i);
    const password = mail.text.match(/(?:新規ログインパスワード：|New password: )(\S+)/)?.[1] as string;
    expect(password).toBeTruthy();
    const stillLocked = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: s.loginId, password: s.password },
    });
    expect(stillLocked.data?.login.__typename).toBe('AccountLocked');
    const b = new Browser(t.url);
    const opened = await b.gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(opened.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_PASSWORD',
    });
    // Until a new password is chosen, the mailed one only ever opens the forced change.
    const kept = await b.gql(CHANGE_PASSWORD, {
      input: { currentPassword: password, newPassword: password, newPasswordConfirmation: password },
    });
    expect(kept.data?.changePassword.errors.map((e: { code: string }) => e.code)).toContain(
      'PASSWORD_RECENTLY_USED',
    );
    const again = await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(again.data?.login.requiredAction).toBe('CHANGE_PASSWORD');
    const [row] = await t.db.query('SELECT locked_at, password_hash FROM subscriber WHERE login_id = $1', [
      s.loginId,
    ]);
    expect(row).toEqual({ locked_at: null, password_hash: null });
  });

  it('answers alike whether or not anything matched, and mails nothing on a miss', async () => {
    const s = await activeSubscriber();
    const email = newAddress();
    await registerAndConfirm(s.browser, email);
    const attempts = [
      { loginId: 'nobody99999', email, secretQuestionId: '2', secretAnswer: 'Pochi' },
      { loginId: s.loginId, email: 'other@example.jp', secretQuestionId: '2', secretAnswer: 'Pochi' },
      { loginId: s.loginId, email, secretQuestionId: '3', secretAnswer: 'Pochi' },
      { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: 'Tama' },
    ];
    const answers = [];
    for (const input of attempts)
      answers.push((await new Browser(t.url).gql(REISSUE, { input })).data?.requestPasswordReissue);
    for (const a of answers) expect(a).toEqual(answers[0]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.count(email, /reissued/)).toBe(0);
    expect(
      (await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password: s.password } })).data
        ?.login.__typename,
    ).toBe('LoginSuccess');
  });

  it('clears a lock (and mails the lock notice when it happens)', async () => {
    const s = await activeSubscriber();
    const email = newAddress();
    await registerAndConfirm(s.browser, email);
    for (let i = 0; i < 5; i++)
      await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password: `Wrong#pw${i}x` } });
    expect(
      (await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password: s.password } })).data
        ?.login.__typename,
    ).toBe('AccountLocked');
    await smtp.waitFor(email, /password was locked/);

    await new Browser(t.url).gql(REISSUE, {
      input: { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const mail = await smtp.waitFor(email, /was reissued/);
    const password = mail.text.match(/New password: (\S+)/)?.[1];
    const login = await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(login.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_PASSWORD',
    });
  });

  it('blocks reissue for a login ID after 5 wrong tries, still answering alike, and says so by mail', async () => {
    const s = await activeSubscriber();
    const email = newAddress();
    await registerAndConfirm(s.browser, email);
    for (let i = 0; i < 5; i++) {
      const wrong = await new Browser(t.url).gql(REISSUE, {
        input: { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: `guess${i}` },
      });
      expect(wrong.data?.requestPasswordReissue.__typename).toBe('ReissueRequested');
    }
    await smtp.waitFor(email, /suspended/);
    const right = await new Browser(t.url).gql(REISSUE, {
      input: { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(right.data?.requestPasswordReissue.__typename).toBe('ReissueRequested');
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.count(email, /was reissued/)).toBe(0);
    const audit: { event: string }[] = await t.db.query(
      `SELECT event FROM audit_event WHERE event = 'REISSUE_BLOCKED' AND subscriber_id = (SELECT id FROM subscriber WHERE login_id = $1)`,
      [s.loginId],
    );
    expect(audit).toHaveLength(1);
  });

  it('lets a mailed password expire after 24 hours with a clear message', async () => {
    const s = await activeSubscriber();
    const email = newAddress();
    await registerAndConfirm(s.browser, email);
    await new Browser(t.url).gql(REISSUE, {
      input: { loginId: s.loginId, email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    const password = (await smtp.waitFor(email, /was reissued/)).text.match(/New password: (\S+)/)?.[1];
    t.clock.advance(24 * 3_600_000 + 60_000);
    const late = await new Browser(t.url).gql(LOGIN, { input: { loginId: s.loginId, password } });
    expect(late.data?.login).toMatchObject({
      __typename: 'CredentialsExpired',
      code: 'REISSUED_PASSWORD_EXPIRED',
    });
    expect(late.data?.login.message).toMatch(/24 hours/);
  });
});
