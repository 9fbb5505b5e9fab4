/// <reference lib="dom" />
/**
 * The idle-logout warning (WCAG 2.2.1) and forms that survive a forced re-login (WCAG 2.2.5), in
 * Chromium: the browser's clock (playwright's page.clock) and the server's test clock are moved
 * forward together. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import {
  byTestId,
  expectNoHorizontalScroll,
  launchChromium,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  submitLogin,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const INTERRUPTED_KEY = 'webBilling.interruptedForm';

/** Time passes for the server and the page alike (server first: a timer's request sees the new time). */
async function pass(page: Page, ms: number): Promise<void> {
  t.clock.advance(ms);
  await page.clock.fastForward(ms);
}

/** In-app navigation (the router follows popstate), so the page and its clock stay as they are. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await waitForPath(page, path);
}

/** Signed in, every request of the first screen answered: the page knows when the session ends. */
async function signIn(page: Page, s: { loginId: string; password: string }): Promise<void> {
  await page.goto(`${t.url}/login`);
  await submitLogin(page, s.loginId, s.password);
  await waitForPath(page, '/top');
  await byTestId(page, 'login-id').waitFor();
  await page.waitForLoadState('networkidle');
}

/** The dialog's accessible description: the texts its aria-describedby names. */
const descriptionOf = (page: Page) =>
  byTestId(page, 'idle-warning').evaluate((dialog) =>
    (dialog.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

const focusInDialog = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')));

const savedCopy = (page: Page) => page.evaluate((key) => window.sessionStorage.getItem(key), INTERRUPTED_KEY);

describe('idle warning (smartphone layout, Japanese)', () => {
  it('warns 2 minutes before the idle end, not before; "stay signed in" extends the session on the server', async () => {
    const s = await activeSubscriber(t, 'ja');
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await page.clock.install();
      await signIn(page, s);
      await byTestId(page, 'menu-bills').focus();

      // 27 min 50 s idle: 2 min 10 s left, no warning yet.
      await pass(page, 27 * MINUTE + 50 * SECOND);
      expect(await byTestId(page, 'idle-warning').count()).toBe(0);

      // 28 min 5 s: the warning, announced as an alert dialog, with the keyboard in it.
      await pass(page, 15 * SECOND);
      const dialog = page.getByRole('alertdialog', { name: 'まもなくログアウトします' });
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      const description = await descriptionOf(page);
      expect(description).toMatch(/^残り時間：1分[45]\d秒 /);
      expect(description).toContain('自動的にログアウトします');
      expect(description).toContain('「ログインを継続する」');
      expect(await focusedTestId(page)).toBe('idle-stay');
      expect(await textOf(byTestId(page, 'idle-stay'))).toBe('ログインを継続する');
      expect(await textOf(byTestId(page, 'idle-logout'))).toBe('ログアウト');
      await expectNoHorizontalScroll(page, PHONE_VIEWPORT.width);
      await page.screenshot({ path: '/tmp/idle-warning-phone.png' });

      // The time left counts down; the keyboard stays in the dialog (modal).
      await pass(page, 10 * SECOND);
      expect(await textOf(byTestId(page, 'idle-warning-time'))).toMatch(/^残り時間：1分[34]\d秒$/);
      await page.keyboard.press('Tab');
      expect(await focusInDialog(page)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await focusedTestId(page)).toBe('idle-stay');

      // Stay signed in: the server extends, the dialog goes and the keyboard is back where it was.
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedTestId(page)).toBe('menu-bills');

      // 53 min after the last request before the warning: long past the original end (30 min), not
      // yet near the new one. The next request still works.
      await pass(page, 25 * MINUTE);
      expect(await byTestId(page, 'idle-warning').count()).toBe(0);
      await go(page, '/bills/notification');
      await byTestId(page, 'notification-none').waitFor();
      expect(new URL(page.url()).pathname).toBe('/bills/notification');

      // That request moved the end again: the warning comes 28 minutes after it, and Escape keeps
      // the subscriber signed in too.
      await page.waitForLoadState('networkidle');
      await pass(page, 27 * MINUTE);
      expect(await byTestId(page, 'idle-warning').count()).toBe(0);
      await pass(page, 90 * SECOND);
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await pass(page, 25 * MINUTE);
      await go(page, '/membership');
      await page.waitForLoadState('networkidle');
      expect(new URL(page.url()).pathname).toBe('/membership');
      expect(await byTestId(page, 'login-notice').count()).toBe(0);
    });
  });

  it('ignored, it ends the session at /login with the session-expired notice', async () => {
    const s = await activeSubscriber(t, 'ja');
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await page.clock.install();
      await signIn(page, s);
      await pass(page, 28 * MINUTE + 30 * SECOND);
      await byTestId(page, 'idle-warning').waitFor();
      await pass(page, 90 * SECOND);
      await waitForPath(page, '/login');
      await byTestId(page, 'login-notice').waitFor();
      expect(await textOf(byTestId(page, 'login-notice'))).toBe(
        'ログインの有効期限が切れました。もう一度ログインしてください。',
      );
      expect(await byTestId(page, 'idle-warning').count()).toBe(0);
      // The server had ended it as well.
      await page.goto(`${t.url}/top`);
      await waitForPath(page, '/login');
    });
  });
});

describe('a form interrupted by a forced re-login', () => {
  it('PC layout, English: the idle end passes on a typed form; after signing in again it is back', async () => {
    const s = await activeSubscriber(t, 'en');
    const email = `idle${process.pid % 1000}${Date.now() % 1e7}@example.jp`;
    await withContextPage(browser, PC_VIEWPORT, async (page, context) => {
      await context.addInitScript(() => window.localStorage.setItem('webBilling.lang', 'en'));
      await page.clock.install();
      await signIn(page, s);
      expect(await page.locator('.shell--pc').count()).toBeGreaterThan(0);
      await go(page, '/bills/notification/register');
      await page.locator('[data-testid="emailType"][value="MOBILE"]').check();
      await byTestId(page, 'email').fill(email);

      await pass(page, 28 * MINUTE + 30 * SECOND);
      const dialog = page.getByRole('alertdialog', { name: 'You will be logged out soon' });
      await dialog.waitFor();
      expect(await textOf(byTestId(page, 'idle-stay'))).toBe('Stay signed in');
      expect(await descriptionOf(page)).toMatch(/^Time left: 1 min \d+ s .*Stay signed in/);
      await page.screenshot({ path: '/tmp/idle-warning-pc.png' });

      await pass(page, 90 * SECOND);
      await waitForPath(page, '/login');
      expect(await textOf(byTestId(page, 'login-notice'))).toBe(
        'Your session has expired. Please log in again.',
      );
      const kept = await savedCopy(page);
      expect(kept).toContain(email);
      expect(kept).toContain('MOBILE');

      await submitLogin(page, s.loginId, s.password);
      await waitForPath(page, '/bills/notification/register');
      await byTestId(page, 'email').waitFor();
      expect(await byTestId(page, 'email').inputValue()).toBe(email);
      expect(await page.locator('[data-testid="emailType"][value="MOBILE"]').isChecked()).toBe(true);
      expect(await savedCopy(page)).toBeNull(); // taken once, then forgotten
      for (const input of await page.locator('input[type="password"]').all()) {
        expect(await input.inputValue()).toBe('');
      }
    });
  });

  it('smartphone layout: a submit refused because the session expired comes back after re-login, without the secret answer', async () => {
    const s = await activeSubscriber(t, 'ja');
    const email = `reissue${process.pid % 1000}${Date.now() % 1e7}@example.jp`;
    const answer = 'ポチとタマ';
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signIn(page, s);
      await go(page, '/reissue-email/register');
      await byTestId(page, 'email').fill(email);
      await byTestId(page, 'emailConfirmation').fill(email);
      const question = byTestId(page, 'secretQuestionId');
      await question.locator('option[value="2"]').waitFor({ state: 'attached' });
      await question.selectOption('2');
      await byTestId(page, 'secretAnswer').fill(answer);
      await byTestId(page, 'reissue-register-next').click();
      await byTestId(page, 'reissue-review').waitFor();

      // The session ends on the server (the page's own clock is not moved: no warning came).
      t.clock.advance(31 * MINUTE);
      await byTestId(page, 'reissue-register-submit').click();
      await waitForPath(page, '/login');
      expect(await textOf(byTestId(page, 'login-notice'))).toBe(
        'ログインの有効期限が切れました。もう一度ログインしてください。',
      );
      const kept = (await savedCopy(page)) ?? '';
      expect(kept).toContain(email);
      expect(kept).not.toContain(answer); // a secret answer is never written down

      // Signing in: the password typed there is not kept either.
      await submitLogin(page, s.loginId, s.password);
      await waitForPath(page, '/reissue-email/register');
      await byTestId(page, 'email').waitFor();
      expect(await byTestId(page, 'email').inputValue()).toBe(email);
      expect(await byTestId(page, 'emailConfirmation').inputValue()).toBe(email);
      await question.locator('option[value="2"]').waitFor({ state: 'attached' });
      expect(await question.inputValue()).toBe('2');
      expect(await byTestId(page, 'secretAnswer').inputValue()).toBe('');
      for (const input of await page.locator('input[type="password"]').all()) {
        expect(await input.inputValue()).toBe('');
      }
      expect(await savedCopy(page)).toBeNull();
      expect(
        await page.evaluate(() => JSON.stringify({ ...window.sessionStorage, ...window.localStorage })),
      ).not.toContain(s.password);
    });
  });

  it('is never given to another subscriber who signs in next', async () => {
    const first = await activeSubscriber(t, 'ja');
    const second = await activeSubscriber(t, 'ja');
    const email = `other${process.pid % 1000}${Date.now() % 1e7}@example.jp`;
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signIn(page, first);
      await go(page, '/bills/notification/register');
      await page.locator('[data-testid="emailType"][value="INTERNET"]').check();
      await byTestId(page, 'email').fill(email);
      await byTestId(page, 'notification-next').click();
      await byTestId(page, 'notification-review').waitFor();
      t.clock.advance(31 * MINUTE);
      await byTestId(page, 'notification-submit').click();
      await waitForPath(page, '/login');
      expect(await savedCopy(page)).toContain(email);

      // Someone else signs in on this device: the top page, and the copy is gone.
      await submitLogin(page, second.loginId, second.password);
      await waitForPath(page, '/top');
      expect(await savedCopy(page)).toBeNull();
      await go(page, '/bills/notification/register');
      expect(await byTestId(page, 'email').inputValue()).toBe('');
    });
  });
});
