/// <reference lib="dom" />
/**
 * The two addresses confirmed by mail (the reissue address, the billing-amount notification
 * address) typed the way a Japanese keyboard often types them: full-width, with an ideographic
 * space around. The review echoes the address as the server uses it (NFKC, trimmed, domain in lower
 * case) and that is where the mail goes. The built PWA (dist/client) served by the real app, real
 * SMTP, Chromium. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import {
  byTestId,
  launchChromium,
  PHONE_VIEWPORT,
  submitLogin,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
const smtp = new SmtpSink();

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp({ SMTP_URL: smtp.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp.stop();
});

/** ASCII → its full-width form (！…～), as an IME in full-width mode types it. */
const fullWidth = (ascii: string) =>
  [...ascii].map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)).join('');

let counter = 0;
/** A new address typed full-width, domain in capitals, an ideographic space either side; and what it is. */
function typedAddress(prefix: string): { typed: string; normalized: string } {
  const local = `${prefix}${process.pid % 1000}${Date.now() % 1e7}${counter++}`;
  return { typed: `\u3000${fullWidth(`${local}@EXAMPLE.JP`)}\u3000`, normalized: `${local}@example.jp` };
}

async function signIn(page: Page): Promise<void> {
  const s = await activeSubscriber(t, 'ja');
  await page.goto(`${t.url}/login`);
  await byTestId(page, 'login-submit').waitFor();
  await submitLogin(page, s.loginId, s.password);
  await waitForPath(page, '/top');
  await byTestId(page, 'login-id').waitFor();
}

describe('full-width addresses on the register screens (360×740, ja)', () => {
  it('reissue address: the review and the mail show the normalised address', async () => {
    const { typed, normalized } = typedAddress('zenkaku');
    expect(typed).not.toContain(normalized);
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/reissue-email/register`);
      await byTestId(page, 'reissue-register-next').waitFor();
      await byTestId(page, 'email').fill(typed);
      await byTestId(page, 'emailConfirmation').fill(typed);
      const question = byTestId(page, 'secretQuestionId');
      await question.locator('option[value="2"]').waitFor({ state: 'attached' });
      await question.selectOption('2');
      await byTestId(page, 'secretAnswer').fill('ポチ');
      await byTestId(page, 'reissue-register-next').click();

      await byTestId(page, 'reissue-review').waitFor();
      expect(await textOf(byTestId(page, 'review-email'))).toBe(normalized);
      await byTestId(page, 'reissue-register-submit').click();
      const sent = byTestId(page, 'reissue-mail-sent');
      await sent.waitFor();
      expect(await textOf(sent)).toContain(`${normalized} あてに`);

      const mail = await smtp.waitFor(normalized, /再発行用メールアドレス登録のご確認/);
      expect(mail.to).toBe(normalized);

      // Stored as it was sent: the status page lists the same address awaiting its link.
      await byTestId(page, 'reissue-mail-sent-ok').click();
      await waitForPath(page, '/reissue-email');
      await byTestId(page, 'reissue-pending-email').waitFor();
      expect(await textOf(byTestId(page, 'reissue-pending-email'))).toBe(normalized);
    });
  });

  it('notification address: the review and the mail show the normalised address', async () => {
    const { typed, normalized } = typedAddress('hankaku');
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/bills/notification/register`);
      await byTestId(page, 'notification-next').waitFor();
      await page.locator('[data-testid="emailType"][value="MOBILE"]').check();
      await byTestId(page, 'email').fill(typed);
      await byTestId(page, 'notification-next').click();

      await byTestId(page, 'notification-review').waitFor();
      expect(await textOf(byTestId(page, 'review-email'))).toBe(normalized);
      expect(await textOf(byTestId(page, 'review-emailType'))).toBe('携帯電話');

      // Back to the form: what was typed is still there, as typed.
      await byTestId(page, 'notification-back').click();
      await byTestId(page, 'notification-next').waitFor();
      expect(await byTestId(page, 'email').inputValue()).toBe(typed);
      await byTestId(page, 'notification-next').click();

      await byTestId(page, 'notification-review').waitFor();
      await byTestId(page, 'notification-submit').click();
      const sent = byTestId(page, 'notification-mail-sent');
      await sent.waitFor();
      expect(await textOf(sent)).toContain(`${normalized} あてに`);

      const mail = await smtp.waitFor(normalized, /「ご請求額お知らせメール」仮登録完了のお知らせ/);
      expect(mail.to).toBe(normalized);

      await byTestId(page, 'notification-mail-sent-ok').click();
      await waitForPath(page, '/bills/notification');
      await byTestId(page, 'notification-pending-email').waitFor();
      expect(await textOf(byTestId(page, 'notification-pending-email'))).toBe(normalized);
    });
  });
});
