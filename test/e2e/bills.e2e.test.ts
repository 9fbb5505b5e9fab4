/// <reference lib="dom" />
/**
 * End-to-end browser tests of the bill screens (guide 3), the billing-amount notification mail
 * (guide 4), membership information and offline reading of seen bills (SPEC 7): the built PWA
 * (dist/client) served by the real app over the demo seed (a household with 3 lines, a business
 * with 120), real SMTP, Chromium. Run `npm run build` first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  byTestId,
  expectNoHorizontalScroll,
  launchChromium,
  onOrigin,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  signIn,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';
import { claimDemo } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PHONE = PHONE_VIEWPORT;
const PC = PC_VIEWPORT;

let t: TestApp;
let browser: Browser;
const smtp = new SmtpSink();
let household: { loginId: string; password: string };
let business: { loginId: string; password: string };

beforeAll(async () => {
  await smtp.start();
  // PUBLIC_URL stays the default: mailed links are rewritten onto t.url (see `onThisApp`).
  t = await startTestApp({ SMTP_URL: smtp.url });
  ({ household, business } = await claimDemo(t));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp.stop();
});

const withPage = (
  viewport: { width: number; height: number },
  fn: (page: Page, context: BrowserContext) => Promise<void>,
) => withContextPage(browser, viewport, fn);

const onThisApp = (link: string) => onOrigin(link, t.url);

function notificationLinkOf(text: string): string {
  const link = text.match(/https?:\/\/\S+\/billing-notification\/confirm#token=[\w-]+/)?.[0];
  if (!link) throw new Error(`no confirmation link in:\n${text}`);
  return link;
}

/** Top → charges → the newest month's breakdown. */
async function openCurrentBreakdown(page: Page): Promise<string> {
  await byTestId(page, 'latest-billing-amount').waitFor();
  expect(await textOf(byTestId(page, 'latest-billing-amount'))).toMatch(/^[\d,]+円$/);
  await byTestId(page, 'to-bills').click();
  await waitForPath(page, '/bills');
  const newest = byTestId(page, 'recent-invoice').first();
  await newest.waitFor();
  expect(await byTestId(page, 'recent-invoice').count()).toBe(4);
  const month = (await newest.getAttribute('data-month')) as string;
  await newest.getByTestId('breakdown-button').click();
  await waitForPath(page, `/bills/${month}/breakdown`);
  await byTestId(page, 'breakdown-billing').waitFor();
  return month;
}

describe('the layouts (guide 2: switch button for screen of computer / smart phone)', () => {
  it('a PC-wide window starts in the PC layout, whose menu signs out', async () => {
    await withPage(PC, async (page) => {
      await signIn(page, t.url, household);
      await page.locator('.shell--pc .side-menu').waitFor({ state: 'visible' });
      const toggle = byTestId(page, 'layout-switch');
      expect(await textOf(toggle)).toBe('スマートフォン版表示');
      await byTestId(page, 'side-logout').click();
      await waitForPath(page, '/login');
      await page.goto(`${t.url}/top`);
      await waitForPath(page, '/login'); // the session is gone, not just the page
    });
  });

  it('the PC layout chosen on a phone stacks its menu above the page and names the way back', async () => {
    await withPage(PHONE, async (page) => {
      await signIn(page, t.url, household);
      const toggle = byTestId(page, 'layout-switch');
      expect(await toggle.getAttribute('data-layout')).toBe('phone');
      expect(await textOf(toggle)).toBe('PC版表示');
      await toggle.click();
      await page.locator('.shell--pc .side-menu').waitFor({ state: 'visible' });
      expect(await textOf(toggle)).toBe('スマートフォン版表示');
      await expectNoHorizontalScroll(page, PHONE.width);
      const menu = await page.locator('.side-menu').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(menu && main && menu.y + menu.height <= main.y).toBe(true);
      expect(main?.width).toBeGreaterThan(300);
      // Remembered on the device, and switched back with the same button.
      await page.reload();
      await page.locator('.shell--pc').waitFor();
      await byTestId(page, 'layout-switch').click();
      await page.locator('.shell--phone').waitFor();
    });
  });
});

describe('bills in the browser (demo seed, ja)', () => {
  it.each([
    ['phone', PHONE],
    ['PC', PC],
  ])(
    'business account (%s layout): top → charges → breakdown → direct line entry → open all → summary',
    async (layout, viewport) => {
      await withPage(viewport, async (page) => {
        await signIn(page, t.url, business);
        if (layout === 'PC') {
          // The PC layout (guide 2's switch), remembered on the device: the side menu appears.
          const toggle = byTestId(page, 'layout-switch');
          if ((await toggle.getAttribute('data-layout')) !== 'pc') await toggle.click();
          expect(await toggle.getAttribute('data-layout')).toBe('pc');
          await page.locator('.shell--pc').waitFor();
          await page.locator('.side-menu').waitFor({ state: 'visible' });
        }
        expect(await textOf(byTestId(page, 'registered-phone-number'))).toMatch(/^06-?6100-?0001$/);
        const month = await openCurrentBreakdown(page);
        await expectNoHorizontalScroll(page, viewport.width);

        // 120 lines: beyond the pull-down's 50, the line number is entered directly (dashes allowed).
        await byTestId(page, 'direct-line-input').fill('06-6100-0120');
        await byTestId(page, 'direct-line-submit').click();
        // Only the chosen line once its breakdown has arrived (the items total shows a filtered view).
        await byTestId(page, 'items-total').waitFor();
        const section = page.locator('[data-testid="line-section"][data-line="0661000120"]');
        await section.waitFor();
        expect(await byTestId(page, 'line-section').count()).toBe(1);
        expect(await textOf(page.locator('.picker__current'))).toContain('06-6100-0120');
        expect(await byTestId(page, 'charge-item').count()).toBe(0);

        // Open all: the line's items are shown.
        await byTestId(page, 'open-all').click();
        await section.getByTestId('charge-item').first().waitFor();
        expect(await section.getByTestId('charge-item').count()).toBeGreaterThan(0);
        expect(await textOf(section.getByTestId('charge-item').first())).toMatch(/円/);
        await expectNoHorizontalScroll(page, viewport.width);

        // The way to the notification settings is on the breakdown (guide 3 (7)).
        expect(await byTestId(page, 'notification-link').first().isVisible()).toBe(true);

        // Billing summary: usage and billing amounts, and the notices.
        await byTestId(page, 'summary-link').first().click();
        await waitForPath(page, `/bills/${month}/summary`);
        await byTestId(page, 'summary-billing').waitFor();
        expect(await textOf(byTestId(page, 'summary-usage'))).toMatch(/^[\d,]+円$/);
        expect(await textOf(byTestId(page, 'summary-billing'))).toMatch(/^[\d,]+円$/);
        expect(await byTestId(page, 'notice').count()).toBeGreaterThan(0);
        expect(await textOf(byTestId(page, 'notice').first())).not.toBe('');
        expect(await byTestId(page, 'notification-link').isVisible()).toBe(true);
        // Each carrier as a qualified-invoice issuer: its registration number, its tax per rate, and
        // its total; the carriers' totals add up to the usage amount shown above (issue 16).
        const yen = (text: string) => Number(text.replace(/[^\d-]/g, ''));
        expect(
          await byTestId(page, 'issuer').evaluateAll((els) => els.map((e) => e.getAttribute('data-carrier'))),
        ).toEqual(['NTT_WEST', 'NTT_COM']);
        const west = page.locator('[data-testid="issuer"][data-carrier="NTT_WEST"]');
        expect(await textOf(west.getByTestId('issuer-registration'))).toBe('登録番号 T7120001077523');
        expect(await west.getByTestId('issuer-tax').count()).toBe(1);
        const totals = await byTestId(page, 'issuer-total').allTextContents();
        expect(totals.reduce((sum, text) => sum + yen(text), 0)).toBe(
          yen(await textOf(byTestId(page, 'summary-usage'))),
        );
        await expectNoHorizontalScroll(page, viewport.width);
      });
    },
  );

  it('household: registers the billing-amount notification mail through the mailed link, and changes the contact details', async () => {
    const email = `notify${process.pid % 1000}${Date.now() % 1e7}@example.jp`;
    await withPage(PHONE, async (page) => {
      await signIn(page, t.url, household);

      // Top menu → settings: nothing registered yet.
      await byTestId(page, 'notification-link').click();
      await waitForPath(page, '/bills/notification');
      await byTestId(page, 'notification-none').waitFor();
      await byTestId(page, 'notification-register').click();
      await waitForPath(page, '/bills/notification/register');

      // Nothing chosen: "please choose" at the type, "required" at the address.
      await byTestId(page, 'notification-next').click();
      await byTestId(page, 'emailType-error').waitFor();
      await byTestId(page, 'email-error').waitFor();

      // Type and address → Next → the entered values → Next.
      await page.locator('[data-testid="emailType"][value="INTERNET"]').check();
      await byTestId(page, 'email').fill(email);
      await expectNoHorizontalScroll(page, PHONE.width);
      await byTestId(page, 'notification-next').click();
      await byTestId(page, 'notification-review').waitFor();
      expect(await textOf(byTestId(page, 'review-email'))).toBe(email);
      expect(await textOf(byTestId(page, 'review-emailType'))).toContain('インターネット');
      await byTestId(page, 'notification-submit').click();
      const sent = byTestId(page, 'notification-mail-sent');
      await sent.waitFor();
      expect(await textOf(sent)).toContain(email);
      expect(await textOf(sent)).toContain('24時間以内');

      // Pending until the link is opened.
      await byTestId(page, 'notification-mail-sent-ok').click();
      await waitForPath(page, '/bills/notification');
      await byTestId(page, 'notification-pending-email').waitFor();
      expect(await textOf(byTestId(page, 'notification-pending-email'))).toBe(email);
      expect(await byTestId(page, 'notification-email').count()).toBe(0);

      const mail = await smtp.waitFor(email, /【Webビリング】「ご請求額お知らせメール」仮登録完了のお知らせ/);
      const link = onThisApp(notificationLinkOf(mail.text));

      // The link page: the token leaves the address bar at once.
      await page.goto(link);
      await byTestId(page, 'notification-confirm-submit').waitFor();
      expect(page.url()).not.toContain('token');
      expect(new URL(page.url()).pathname).toBe('/billing-notification/confirm');
      await expectNoHorizontalScroll(page, PHONE.width);

      // Another number than the household's registered one (03-1234-5678): refused at the field.
      await byTestId(page, 'registeredPhoneNumber').fill('090-1234-5678');
      await byTestId(page, 'notification-confirm-submit').click();
      const mismatch = byTestId(page, 'registeredPhoneNumber-error');
      await mismatch.waitFor();
      expect(await textOf(mismatch)).toContain('登録電話番号が一致しません');

      // The registered number, dashes included: formal registration.
      await byTestId(page, 'registeredPhoneNumber').fill('03-1234-5678');
      await byTestId(page, 'notification-confirm-submit').click();
      const done = byTestId(page, 'notification-registered');
      await done.waitFor();
      expect(await textOf(byTestId(page, 'registered-email'))).toBe(email);
      await smtp.waitFor(email, /本登録完了/);

      // The settings show the active address.
      await byTestId(page, 'notification-registered-ok').click();
      await waitForPath(page, '/bills/notification');
      await byTestId(page, 'notification-email').waitFor();
      expect(await textOf(byTestId(page, 'notification-email'))).toBe(email);
      expect(await byTestId(page, 'notification-pending').count()).toBe(0);

      // The link a second time: used up.
      await page.goto(link);
      await byTestId(page, 'registeredPhoneNumber').fill('0312345678');
      await byTestId(page, 'notification-confirm-submit').click();
      await byTestId(page, 'notification-invalid-token').waitFor();

      // Delete, with the confirmation.
      await page.goto(`${t.url}/bills/notification`);
      await byTestId(page, 'notification-email').waitFor();
      await byTestId(page, 'notification-delete').click();
      await byTestId(page, 'notification-delete-confirm').click();
      await byTestId(page, 'notification-none').waitFor();

      // Membership information from the top menu: the contract, and the contact details changed.
      await page.goto(`${t.url}/top`);
      await byTestId(page, 'menu-membership').click();
      await waitForPath(page, '/membership');
      await byTestId(page, 'membership-save').waitFor();
      expect(await textOf(byTestId(page, 'membership-holder-name'))).toBe('山田 太郎');
      expect(await textOf(byTestId(page, 'membership-postal-address'))).toContain('東京都港区');
      await byTestId(page, 'contactEmail').fill('not-an-address');
      await byTestId(page, 'membership-save').click();
      await byTestId(page, 'contactEmail-error').waitFor();
      await byTestId(page, 'contactPhoneNumber').fill('090-1111-2222');
      await byTestId(page, 'contactEmail').fill(`contact.${email}`);
      await byTestId(page, 'membership-save').click();
      await byTestId(page, 'membership-saved').waitFor();
      expect(await textOf(byTestId(page, 'membership-contact-email'))).toBe(`contact.${email}`);
      expect(await byTestId(page, 'contactEmail-error').count()).toBe(0);
      await expectNoHorizontalScroll(page, PHONE.width);
    });
  });

  it('keeps a seen bill readable offline until logout', async () => {
    await withPage(PHONE, async (page, context) => {
      await signIn(page, t.url, household);
      // The service worker controls the page from its next load.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      const month = await openCurrentBreakdown(page);
      const amount = await textOf(byTestId(page, 'breakdown-billing'));
      await byTestId(page, 'summary-link').first().click();
      await byTestId(page, 'summary-billing').waitFor();
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        await page.reload();
        await byTestId(page, 'summary-billing').waitFor();
      }
      expect(await page.evaluate(() => localStorage.getItem('webBilling.saved'))).toContain(month);

      await context.setOffline(true);
      try {
        // Reload offline: the shell from the worker, the bill from the device.
        await page.reload();
        await byTestId(page, 'offline-data-notice').waitFor();
        expect(await textOf(byTestId(page, 'summary-billing'))).toBe(amount);
        // And the breakdown of the same month.
        await page.goto(`${t.url}/bills/${month}/breakdown`);
        await byTestId(page, 'offline-data-notice').waitFor();
        expect(await textOf(byTestId(page, 'breakdown-billing'))).toBe(amount);
      } finally {
        await context.setOffline(false);
      }

      // Back online: the notice goes once the bill is refreshed; logout wipes the saved bills.
      await page.goto(`${t.url}/top`);
      await byTestId(page, 'logout').click();
      await waitForPath(page, '/login');
      expect(await page.evaluate(() => localStorage.getItem('webBilling.saved'))).toBeNull();

      // Offline after logout: no bill is shown.
      await context.setOffline(true);
      try {
        await page.goto(`${t.url}/bills/${month}/summary`);
        await page.getByRole('alert').filter({ hasText: 'オフラインのため' }).waitFor();
        expect(await byTestId(page, 'summary-billing').count()).toBe(0);
      } finally {
        await context.setOffline(false);
      }
    });
  });
});
