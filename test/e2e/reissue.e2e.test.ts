/// <reference lib="dom" />
/**
 * End-to-end browser test of the password-reissue story: register a reissue address (with the
 * mailed confirmation link), forget the password, receive a new one by mail, and replace it.
 * The built PWA (dist/client) served by the real app, real SMTP, Chromium at a phone-sized
 * viewport. Run `npm run build` first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  byTestId,
  expectNoHorizontalScroll as expectNoWiderThan,
  launchChromium,
  submitLogin as login,
  onOrigin,
  PHONE_VIEWPORT,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { idOf } from '../support/trusted-documents';

jest.setTimeout(180_000);

const VIEWPORT = PHONE_VIEWPORT;
const NEW_PASSWORD = 'Kaede#2025q';
const SECRET_QUESTION_ID = '2'; // 初めて飼ったペットの名前は？
const SECRET_ANSWER = 'ポチ';

let t: TestApp;
let browser: Browser;
const smtp = new SmtpSink();

beforeAll(async () => {
  await smtp.start();
  // PUBLIC_URL stays the default: mailed links are rewritten onto t.url (see `onThisApp`).
  t = await startTestApp({ SMTP_URL: smtp.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp.stop();
});

const withPage = (fn: (page: Page, context: BrowserContext) => Promise<void>) =>
  withContextPage(browser, VIEWPORT, fn);
const expectNoHorizontalScroll = (page: Page) => expectNoWiderThan(page, VIEWPORT.width);
const onThisApp = (link: string) => onOrigin(link, t.url);

function confirmationLinkOf(text: string): string {
  const link = text.match(/https?:\/\/\S+\/reissue-email\/confirm#token=[\w-]+/)?.[0];
  if (!link) throw new Error(`no confirmation link in:\n${text}`);
  return link;
}

function reissuedPasswordOf(text: string): string {
  const password = text.match(/新規ログインパスワード：(\S+)/)?.[1];
  if (!password) throw new Error(`no reissued password in:\n${text}`);
  return password;
}

let mailCounter = 0;
const newAddress = () => `e2e${process.pid % 1000}${Date.now() % 1e7}${mailCounter++}@example.jp`;

/**
 * A login that must fail: waits for this attempt's answer (so an alert left by an earlier attempt
 * cannot pass for it), then for the "wrong ID or password" alert, still on /login.
 */
async function expectLoginRefused(page: Page, loginId: string, password: string): Promise<void> {
  // The PWA sends the Login document by its id alone (no text, no operation name).
  const loginDocument = idOf('Login');
  const answer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/graphql' && (r.request().postData() ?? '').includes(loginDocument),
  );
  await login(page, loginId, password);
  const body = await (await answer).json();
  expect(body.data?.login?.__typename).toBe('InvalidCredentials');
  await page
    .getByRole('alert')
    .filter({ hasText: 'ログインIDまたはログインパスワードが正しくありません' })
    .waitFor();
  expect(await byTestId(page, 'login-error').isVisible()).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/login');
}

describe('password reissue in the browser (360×740, ja)', () => {
  it('registers a reissue address through the mailed link, reissues a forgotten password by mail and replaces it', async () => {
    const s = await activeSubscriber(t, 'ja');
    const email = newAddress();

    await withPage(async (page) => {
      // Sign in with the subscriber's own pair: straight to the top page.
      await page.goto(`${t.url}/login`);
      await byTestId(page, 'login-submit').waitFor();
      await login(page, s.loginId, s.password);
      await waitForPath(page, '/top');
      await byTestId(page, 'login-id').waitFor();
      expect(await textOf(byTestId(page, 'login-id'))).toBe(s.loginId);

      // Top → menu → the reissue address page: nothing registered yet.
      await byTestId(page, 'menu-reissue-email').click();
      await waitForPath(page, '/reissue-email');
      await byTestId(page, 'reissue-none').waitFor();
      await expectNoHorizontalScroll(page);
      await byTestId(page, 'reissue-register').click();
      await waitForPath(page, '/reissue-email/register');

      // The form: the address twice, a question from the list, the answer.
      await byTestId(page, 'reissue-register-next').waitFor();
      await byTestId(page, 'email').fill(email);
      await byTestId(page, 'emailConfirmation').fill(email);
      const question = byTestId(page, 'secretQuestionId');
      // The questions come from the server: wait for the option before choosing it.
      await question.locator(`option[value="${SECRET_QUESTION_ID}"]`).waitFor({ state: 'attached' });
      await question.selectOption(SECRET_QUESTION_ID);
      await byTestId(page, 'secretAnswer').fill(SECRET_ANSWER);
      await expectNoHorizontalScroll(page);
      await byTestId(page, 'reissue-register-next').click();

      // Review, then update.
      await byTestId(page, 'reissue-review').waitFor();
      expect(await textOf(byTestId(page, 'review-email'))).toBe(email);
      expect(await textOf(byTestId(page, 'review-secretQuestion'))).toBe('初めて飼ったペットの名前は？');
      expect(await textOf(byTestId(page, 'review-secretAnswer'))).toBe(SECRET_ANSWER);
      await byTestId(page, 'reissue-register-submit').click();
      const sent = byTestId(page, 'reissue-mail-sent');
      await sent.waitFor();
      expect(await textOf(sent)).toContain(email);
      await expectNoHorizontalScroll(page);

      // Not active yet: the address is pending.
      await byTestId(page, 'reissue-mail-sent-ok').click();
      await waitForPath(page, '/reissue-email');
      await byTestId(page, 'reissue-pending-email').waitFor();
      expect(await textOf(byTestId(page, 'reissue-pending-email'))).toBe(email);
      expect(await page.locator('[data-testid="reissue-email-address"]').count()).toBe(0);

      // The confirmation mail carries the link.
      const confirmation = await smtp.waitFor(email, /【Webビリング】再発行用メールアドレス登録のご確認/);
      const link = onThisApp(confirmationLinkOf(confirmation.text));
      expect(new URL(link).hash).toMatch(/^#token=[\w-]{43,}$/);

      // Opening it: the token leaves the address bar at once; the question and answer again.
      await page.goto(link);
      await byTestId(page, 'reissue-confirm-submit').waitFor();
      expect(page.url()).not.toContain('#token=');
      expect(new URL(page.url()).hash).toBe('');
      expect(new URL(page.url()).pathname).toBe('/reissue-email/confirm');
      expect(await page.evaluate(() => window.location.href)).not.toContain('token');
      await expectNoHorizontalScroll(page);
      const confirmQuestion = byTestId(page, 'secretQuestionId');
      await confirmQuestion.locator(`option[value="${SECRET_QUESTION_ID}"]`).waitFor({ state: 'attached' });
      await confirmQuestion.selectOption(SECRET_QUESTION_ID);
      await byTestId(page, 'secretAnswer').fill(SECRET_ANSWER);
      await byTestId(page, 'reissue-confirm-submit').click();
      const registered = byTestId(page, 'reissue-email-registered');
      await registered.waitFor();
      expect(await textOf(registered)).toContain('登録が完了しました');
      expect(await textOf(byTestId(page, 'registered-email'))).toBe(email);

      // Signed in, so back to the top page, and from there the address is shown as active.
      await byTestId(page, 'reissue-registered-ok').click();
      await waitForPath(page, '/top');
      await byTestId(page, 'menu-reissue-email').click();
      await waitForPath(page, '/reissue-email');
      await byTestId(page, 'reissue-email-address').waitFor();
      expect(await textOf(byTestId(page, 'reissue-email-address'))).toBe(email);
      expect(await textOf(byTestId(page, 'reissue-secret-question'))).toBe('初めて飼ったペットの名前は？');
      expect(await page.locator('[data-testid="reissue-pending"]').count()).toBe(0);

      // The same link a second time: used up.
      await page.goto(link);
      await byTestId(page, 'reissue-confirm-submit').waitFor();
      expect(page.url()).not.toContain('#token=');
      const againQuestion = byTestId(page, 'secretQuestionId');
      await againQuestion.locator(`option[value="${SECRET_QUESTION_ID}"]`).waitFor({ state: 'attached' });
      await againQuestion.selectOption(SECRET_QUESTION_ID);
      await byTestId(page, 'secretAnswer').fill(SECRET_ANSWER);
      await byTestId(page, 'reissue-confirm-submit').click();
      const invalid = byTestId(page, 'reissue-invalid-token');
      await invalid.waitFor();
      expect(await textOf(invalid)).toContain('このURLは無効です');
      expect(await page.locator('[data-testid="reissue-email-registered"]').count()).toBe(0);

      // Log out (from the top page).
      await page.goto(`${t.url}/top`);
      await byTestId(page, 'logout').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();

      // Forgot the password: login ID, registered address, question and answer.
      await byTestId(page, 'forgot-link').click();
      await waitForPath(page, '/forgot');
      await byTestId(page, 'forgot-submit').waitFor();
      await expectNoHorizontalScroll(page);
      await byTestId(page, 'loginId').fill(s.loginId);
      await byTestId(page, 'email').fill(email);
      const forgotQuestion = byTestId(page, 'secretQuestionId');
      await forgotQuestion.locator(`option[value="${SECRET_QUESTION_ID}"]`).waitFor({ state: 'attached' });
      await forgotQuestion.selectOption(SECRET_QUESTION_ID);
      await byTestId(page, 'secretAnswer').fill(SECRET_ANSWER);
      await byTestId(page, 'forgot-submit').click();
      await byTestId(page, 'reissue-requested').waitFor();
      expect(new URL(page.url()).pathname).toBe('/forgot');

      const reissued = await smtp.waitFor(email, /【Webビリング】ログインパスワード再発行のお知らせ/);
      const mailedPassword = reissuedPasswordOf(reissued.text);
      expect(mailedPassword).toMatch(/^[A-Za-z2-9]{8}$/);

      // Back to the login screen: the old password works until the mailed one is used (nothing is
      // locked by a request); the mailed one opens the notice, then the forced change.
      await byTestId(page, 'back-to-login').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();
      await login(page, s.loginId, mailedPassword);
      await byTestId(page, 'reissued-login-notice').waitFor();
      await expectNoHorizontalScroll(page);
      await byTestId(page, 'reissued-notice-ok').click();
      await waitForPath(page, '/change-password');
      await byTestId(page, 'change-password-submit').waitFor();
      await byTestId(page, 'currentPassword').fill(mailedPassword);
      await byTestId(page, 'newPassword').fill(NEW_PASSWORD);
      await byTestId(page, 'newPasswordConfirmation').fill(NEW_PASSWORD);
      await byTestId(page, 'change-password-submit').click();
      await byTestId(page, 'change-password-done').waitFor();
      expect(new URL(page.url()).pathname).toBe('/change-password/done');
      await byTestId(page, 'password-done-ok').click();
      await waitForPath(page, '/top');
      await byTestId(page, 'login-id').waitFor();
      expect(await textOf(byTestId(page, 'login-id'))).toBe(s.loginId);

      // Log out; neither the old nor the mailed password works any more, the new one does.
      await byTestId(page, 'logout').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();
      await expectLoginRefused(page, s.loginId, s.password);
      await expectLoginRefused(page, s.loginId, mailedPassword);
      await login(page, s.loginId, NEW_PASSWORD);
      await waitForPath(page, '/top');
      await byTestId(page, 'login-id').waitFor();
      expect(await textOf(byTestId(page, 'login-id'))).toBe(s.loginId);
      await expectNoHorizontalScroll(page);
    });
  });
});
