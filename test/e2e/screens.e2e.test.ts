/// <reference lib="dom" />
/**
 * End-to-end checks of screen details a walk-through finds and automated journeys miss (issue 15's
 * smaller defects): focus after a refused submit, the password toggle's name, the registered mail
 * addresses on the membership page, the offline page under the CSP. Built PWA, real app, Chromium.
 * Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import {
  byTestId,
  launchChromium,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  submitLogin,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { claimDemo, type DemoSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;
let household: DemoSubscriber;

beforeAll(async () => {
  t = await startTestApp();
  ({ household } = await claimDemo(t));
  // A notification address awaiting its link: the membership page must say so.
  const reg = await household.api.gql(
    `mutation($input: RegisterBillingNotificationEmailInput!) { registerBillingNotificationEmail(input: $input) { __typename } }`,
    { input: { emailType: 'INTERNET', email: 'household.pending@example.jp' } },
  );
  expect(reg.data?.registerBillingNotificationEmail.__typename).toBe('ConfirmationMailSent');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** What has the keyboard focus: its test id, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? null;
  });

describe('screen details', () => {
  it('keeps the focus on the login button after a wrong password (not on <body>)', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await page.goto(`${t.url}/login`);
      await byTestId(page, 'login-submit').waitFor();
      await submitLogin(page, household.loginId, 'Wrong#Password1');
      await byTestId(page, 'login-error').waitFor();
      expect(await focused(page)).toBe('login-submit');
      // Pressed again while a request runs, it neither submits twice nor loses the focus.
      expect(await byTestId(page, 'login-submit').getAttribute('aria-disabled')).toBeNull();
    });
  });

  it('names the password toggle by what it does next', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await page.goto(`${t.url}/login`);
      const toggle = byTestId(page, 'password-toggle');
      await toggle.waitFor();
      expect(await toggle.getAttribute('aria-label')).toBe('パスワードを表示する');
      await toggle.click();
      expect(await byTestId(page, 'password').getAttribute('type')).toBe('text');
      expect(await toggle.getAttribute('aria-label')).toBe('パスワードを隠す');
    });
  });

  it('shows the registered mail addresses on the membership page', async () => {
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await page.goto(`${t.url}/login`);
      await submitLogin(page, household.loginId, household.password);
      await waitForPath(page, '/top');
      await page.goto(`${t.url}/membership`);
      const emails = byTestId(page, 'membership-emails');
      await emails.waitFor();
      expect(await textOf(byTestId(page, 'membership-reissue-email'))).toContain('未登録');
      expect(await textOf(byTestId(page, 'membership-notification-email-pending'))).toContain(
        'household.pending@example.jp',
      );
      expect(await textOf(byTestId(page, 'membership-notification-email-pending'))).toContain('確認待ち');
    });
  });

  it('styles the offline page and its Reload button works under the CSP', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${t.url}/offline.html`);
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('header') as Element).backgroundColor,
        ),
      ).toBe('rgb(11, 79, 138)');
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: /Reload/ }).click();
      await reloaded;
      expect(violations).toEqual([]);
    });
  });
});
