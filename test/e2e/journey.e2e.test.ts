/// <reference lib="dom" />
/**
 * End-to-end browser tests: the built PWA (dist/client) served by the real app, driven by Chromium
 * at a phone-sized viewport. Run `npm run build` first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  byTestId,
  expectNoHorizontalScroll as expectNoWiderThan,
  launchChromium,
  submitLogin as login,
  PHONE_VIEWPORT,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const VIEWPORT = PHONE_VIEWPORT;
const NEW_PASSWORD = 'Sakura#2024x';

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

const withPage = (fn: (page: Page, context: BrowserContext) => Promise<void>) =>
  withContextPage(browser, VIEWPORT, fn);
const expectNoHorizontalScroll = (page: Page) => expectNoWiderThan(page, VIEWPORT.width);

function provision() {
  return t.services.provisioning.provision(
    { holderName: '山田 太郎', registeredPhoneNumber: '03-1234-5678', postalAddress: '東京都港区' },
    { via: 'test' },
  );
}

describe('Web Billing in the browser (360×740)', () => {
  it('takes a subscriber from the postcard credentials to their own and back in', async () => {
    const card = await provision();
    const newLoginId = `taro${Math.floor(Math.random() * 1e8)}`;

    await withPage(async (page) => {
      await page.goto(`${t.url}/login`);

      // The password field is a real password input that a password manager recognises …
      const password = byTestId(page, 'password');
      await password.waitFor();
      await expectNoHorizontalScroll(page);
      expect(await password.getAttribute('type')).toBe('password');
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      expect(await page.getByLabel('ログインパスワード', { exact: true }).getAttribute('id')).toBe(
        await password.getAttribute('id'),
      );
      // … with a show/hide toggle.
      const toggle = byTestId(page, 'password-toggle');
      expect(await toggle.getAttribute('aria-label')).toBe('パスワードを表示する');
      await toggle.click();
      expect(await password.getAttribute('type')).toBe('text');
      expect(await toggle.getAttribute('aria-label')).toBe('パスワードを隠す');
      await toggle.click();
      expect(await password.getAttribute('type')).toBe('password');
      expect(await toggle.getAttribute('aria-label')).toBe('パスワードを表示する');

      // The postcard pair: first the notice, then the forced change screen.
      await login(page, card.initialLoginId, card.initialPassword);
      await byTestId(page, 'initial-login-notice').waitFor();
      await byTestId(page, 'initial-notice-ok').click();
      await waitForPath(page, '/change-initial');
      await byTestId(page, 'change-initial-submit').waitFor();

      // A bad form: the server's messages appear at the fields they concern.
      await byTestId(page, 'initialLoginId').fill(card.initialLoginId);
      await byTestId(page, 'initialPassword').fill(card.initialPassword);
      await byTestId(page, 'newLoginId').fill('abc');
      await byTestId(page, 'newLoginIdConfirmation').fill('abd');
      await byTestId(page, 'newPassword').fill(NEW_PASSWORD);
      await byTestId(page, 'newPasswordConfirmation').fill('Sakura#2024y');
      await byTestId(page, 'change-initial-submit').click();
      const idError = byTestId(page, 'newLoginId-error');
      const confirmationError = byTestId(page, 'newPasswordConfirmation-error');
      await idError.waitFor();
      await confirmationError.waitFor();
      expect(await textOf(idError)).toContain('5文字以上');
      expect(await textOf(confirmationError)).toContain('確認用のログインパスワードが一致しません');
      expect(await byTestId(page, 'newLoginId').getAttribute('aria-invalid')).toBe('true');
      expect(await byTestId(page, 'newLoginId').getAttribute('aria-describedby')).toContain(
        await idError.getAttribute('id'),
      );
      expect(await page.locator('[data-testid="initialLoginId-error"]').count()).toBe(0);
      await expectNoHorizontalScroll(page);
      expect(new URL(page.url()).pathname).toBe('/change-initial');

      // A valid change.
      await byTestId(page, 'newLoginId').fill(newLoginId);
      await byTestId(page, 'newLoginIdConfirmation').fill(newLoginId);
      await byTestId(page, 'newPassword').fill(NEW_PASSWORD);
      await byTestId(page, 'newPasswordConfirmation').fill(NEW_PASSWORD);
      await byTestId(page, 'change-initial-submit').click();
      await byTestId(page, 'change-initial-done').waitFor();
      expect(new URL(page.url()).pathname).toBe('/change-initial/done');

      // Guide 1-6: "register the reissue address later" goes to the top page (the "now" path is
      // covered by reissue.e2e.test.ts).
      await byTestId(page, 'register-later').click();
      await waitForPath(page, '/top');
      const phone = byTestId(page, 'registered-phone-number');
      await phone.waitFor();
      expect((await textOf(phone)).replace(/\D/g, '')).toBe('0312345678');
      expect(await textOf(byTestId(page, 'holder-name'))).toContain('山田 太郎');
      expect(await textOf(byTestId(page, 'customer-number'))).toBe(card.customerNumber);
      expect(await textOf(byTestId(page, 'login-id'))).toBe(newLoginId);
      await expectNoHorizontalScroll(page);

      // Logout returns to the login screen.
      await byTestId(page, 'logout').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();
      await byTestId(page, 'login-notice').waitFor();

      // The postcard pair no longer works …
      await login(page, card.initialLoginId, card.initialPassword);
      const loginError = byTestId(page, 'login-error');
      await page
        .getByRole('alert')
        .filter({ hasText: 'ログインIDまたはログインパスワードが正しくありません' })
        .waitFor();
      expect(await loginError.isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe('/login');

      // … the chosen pair does.
      await login(page, newLoginId, NEW_PASSWORD);
      await waitForPath(page, '/top');
      await byTestId(page, 'registered-phone-number').waitFor();
      expect(await textOf(byTestId(page, 'login-id'))).toBe(newLoginId);
    });
  });

  it('shows a wrong password as a localised alert and switches the screen to English', async () => {
    const card = await provision();

    await withPage(async (page) => {
      await page.goto(`${t.url}/login`);
      await byTestId(page, 'login-submit').waitFor();
      expect(await byTestId(page, 'login-error').isVisible()).toBe(false);

      await login(page, card.initialLoginId, 'not-the-password1');
      const alert = byTestId(page, 'login-error');
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="login-error"]')?.textContent ?? '').trim() !== '',
      );
      expect(await alert.isVisible()).toBe(true);
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await textOf(alert)).toContain('ログインIDまたはログインパスワードが正しくありません');
      expect(new URL(page.url()).pathname).toBe('/login');

      expect(await textOf(byTestId(page, 'login-submit'))).toBe('ログイン');
      await byTestId(page, 'lang-en').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="login-submit"]')?.textContent?.trim() === 'Login',
      );
      expect(await textOf(page.locator('label[for="f-loginId"]'))).toBe('Login ID');
      expect(await textOf(page.locator('label[for="f-password"]'))).toBe('Password');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await byTestId(page, 'lang-en').getAttribute('aria-pressed')).toBe('true');
      expect(await byTestId(page, 'lang-ja').getAttribute('aria-pressed')).toBe('false');

      // Messages from the server follow the language too.
      await login(page, card.initialLoginId, 'still-not-it1');
      await page.waitForFunction(() =>
        (document.querySelector('[data-testid="login-error"]')?.textContent ?? '').includes(
          'The login ID or password is wrong',
        ),
      );
    });
  });

  it('installs as a PWA and shows the offline experience without a network', async () => {
    await withPage(async (page, context) => {
      await page.goto(`${t.url}/login`);
      await byTestId(page, 'login-submit').waitFor();

      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
      const manifest = await page.request.get(`${t.url}/manifest.webmanifest`);
      expect(manifest.ok()).toBe(true);

      const registration = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        // `ready` resolves as soon as there is an active worker, possibly still "activating".
        const worker = reg.active;
        if (worker && worker.state !== 'activated') {
          await new Promise<void>((resolve) => {
            const onChange = () => {
              if (worker.state === 'activated') resolve();
            };
            worker.addEventListener('statechange', onChange);
            onChange();
          });
        }
        return { scope: reg.scope, active: reg.active?.state ?? null, script: reg.active?.scriptURL ?? null };
      });
      expect(registration.scope).toBe(`${t.url}/`);
      expect(registration.active).toBe('activated');
      expect(registration.script).toBe(`${t.url}/sw.js`);

      // The worker does not claim open pages: it controls the page from the next load.
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        await page.reload();
        await byTestId(page, 'login-submit').waitFor();
      }
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      // Offline, a never-visited URL: the worker answers the navigation with the precached app
      // shell (index.html), not offline.html; the app then shows the offline banner and cannot
      // load the session.
      await context.setOffline(true);
      try {
        const response = await page.goto(`${t.url}/some-offline-check`);
        expect(response?.fromServiceWorker()).toBe(true);
        const banner = byTestId(page, 'offline-banner');
        await banner.waitFor();
        expect(await textOf(banner)).toContain('オフラインです');
        expect(await page.locator('#app').count()).toBe(1);
        await page
          .getByRole('alert')
          .filter({ hasText: 'オフラインのため、サーバーと通信できません' })
          .waitFor();
        expect(await page.title()).not.toContain('Offline');
      } finally {
        await context.setOffline(false);
      }

      // Back online, the banner goes away.
      await byTestId(page, 'offline-banner').waitFor({ state: 'detached' });
    });
  });
});
