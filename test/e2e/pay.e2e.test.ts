/// <reference lib="dom" />
/**
 * End-to-end browser tests of paying a bill (SPEC §3): a subscriber of the demo seed pays a
 * confirmed unpaid bill by card from the top screen (a declined test card first, nothing charged;
 * then a good one: the receipt, and the bill paid everywhere), and shows the Pay-easy numbers of
 * another bill from its billing summary (the same numbers when reopened). The built PWA
 * (dist/client) served by the real app with the sandbox card provider, Chromium at a phone and a
 * PC viewport. Run `npm run build` first.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectNoHorizontalScroll,
  launchChromium,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  signIn,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { claimDemo } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PHONE = PHONE_VIEWPORT;
const PC = PC_VIEWPORT;
/** Where the screenshots of the card form and the receipt are left for a human eye. */
const SHOTS = path.join(__dirname, '../../var/e2e-screenshots');

const CARD_OK = '4242 4242 4242 4242';
const CARD_DECLINED = '4000 0000 0000 0002';
const CARD_FAILS = '4000 0000 0000 0119';
const DECLINE_MESSAGE = 'カード会社によりお支払いが承認されませんでした';
const FAILURE_MESSAGE = 'お支払いは完了していません';

interface Subscriber {
  accountId: string;
  loginId: string;
  password: string;
}

let t: TestApp;
let browser: Browser;
let household: Subscriber;
let business: Subscriber;

/** The month closes: the current (provisional) bill is confirmed, as an integrator would. */
async function confirmCurrentBill(who: Subscriber): Promise<string> {
  const [row]: { id: string; month: string }[] = await t.db.query(
    `SELECT id, to_char(billing_month, 'YYYY-MM') AS month FROM invoice
      WHERE billing_account_id = $1 AND status = 'PROVISIONAL'`,
    [who.accountId],
  );
  expect(await t.services.invoices.confirm(row.id)).toBe('confirmed');
  return row.month;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ household, business } = await claimDemo(t));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const withPage = (
  viewport: { width: number; height: number },
  fn: (page: Page, context: BrowserContext) => Promise<void>,
) => withContextPage(browser, viewport, fn);

async function usePcLayout(page: Page): Promise<void> {
  const toggle = page.getByTestId('layout-switch');
  if ((await toggle.getAttribute('data-layout')) !== 'pc') await toggle.click();
  expect(await toggle.getAttribute('data-layout')).toBe('pc');
  await page.locator('.shell--pc').waitFor();
}

/** "2025-06" → "2025年6月", as the screens write a month. */
const jaMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** Today in Japan as the receipt writes the date ("2025/06/12"). */
const todayInTokyo = () =>
  new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date());

/** Fills the card form through its labels (as a screen reader user would find the fields). */
async function fillCard(page: Page, number: string): Promise<void> {
  const form = page.getByTestId('card-form');
  await form.getByLabel('カード番号').fill(number);
  await form.getByLabel('有効期限（月）').fill('12');
  await form.getByLabel('有効期限（年）').fill(String(new Date().getFullYear() + 3));
  await form.getByLabel('セキュリティコード').fill('123');
  await form.getByLabel('カード名義（任意）').fill('TARO YAMADA');
}

/** The pay button names the amount: "12,345円を支払う". */
const payButton = (page: Page, amount: string) => page.getByRole('button', { name: `${amount}を支払う` });

/** On the pay screen of `month`: the card form, a declined card, then a good card and the receipt. */
async function payByCard(page: Page, month: string, viewport: { width: number }, shots: boolean) {
  await waitForPath(page, `/bills/${month}/pay`);
  await page.getByRole('heading', { level: 1, name: `${jaMonth(month)}ご請求分のお支払い` }).waitFor();
  const amount = await textOf(page.getByTestId('pay-amount'));
  expect(amount).toMatch(/^[\d,]+円$/);
  const amountCard = page.locator('section', { has: page.getByTestId('pay-amount') });
  expect(await textOf(amountCard.locator('[data-payment]'))).toBe('未払い');

  // Card is the default method; the form says the card number is not stored.
  expect(await page.getByRole('radio', { name: 'クレジットカード' }).isChecked()).toBe(true);
  await page.getByRole('heading', { name: 'クレジットカードでのお支払い' }).waitFor();
  await expectNoHorizontalScroll(page, viewport.width);

  // Nothing entered: the required fields say so, nothing is sent.
  await payButton(page, amount).click();
  await page.getByTestId('cardNumber-error').waitFor();
  expect(await page.getByTestId('cvc-error').count()).toBe(1);
  expect(await page.getByTestId('holderName-error').count()).toBe(0);

  // A declined test card: a clear message in Japanese, the bill still unpaid, no receipt.
  await fillCard(page, CARD_DECLINED);
  await payButton(page, amount).click();
  const declined = page.getByRole('alert').filter({ hasText: DECLINE_MESSAGE });
  await declined.waitFor();
  expect(await textOf(declined)).toContain('別のカード');
  if (shots) await page.screenshot({ path: path.join(SHOTS, 'pay-card-form-360.png'), fullPage: true });
  // The gateway failing: not charged, try again later.
  await fillCard(page, CARD_FAILS);
  await payButton(page, amount).click();
  const failed = page.getByRole('alert').filter({ hasText: FAILURE_MESSAGE });
  await failed.waitFor();
  expect(await declined.count()).toBe(0);
  expect(await textOf(failed)).toContain('時間をおいて');
  expect(await page.getByTestId('receipt').count()).toBe(0);
  expect(await textOf(amountCard.locator('[data-payment]'))).toBe('未払い');
  await expectNoHorizontalScroll(page, viewport.width);

  // The good card: paid, and the receipt shows brand and last four, the amount and today's date.
  await fillCard(page, CARD_OK);
  await payButton(page, amount).click();
  await page.getByRole('status').filter({ hasText: 'お支払いが完了しました' }).waitFor();
  expect(await failed.count()).toBe(0); // the error message is gone
  const receipt = page.getByRole('region', { name: '領収情報' });
  await receipt.waitFor();
  expect(await textOf(receipt.getByTestId('receipt-method'))).toBe('クレジットカード');
  expect(await textOf(receipt.getByTestId('receipt-card'))).toBe('Visa •••• 4242');
  expect(await textOf(receipt.getByTestId('receipt-amount'))).toBe(amount);
  expect(await textOf(receipt.getByTestId('receipt-paid-at'))).toContain(todayInTokyo());
  expect(await textOf(receipt)).not.toContain('4242 4242');
  expect(await textOf(amountCard.locator('[data-payment]'))).toBe('支払済');
  // No way to pay again: the method choice and the card form are gone.
  expect(await page.getByTestId('card-form').count()).toBe(0);
  expect(await page.getByRole('radio').count()).toBe(0);
  await expectNoHorizontalScroll(page, viewport.width);
  if (shots) await page.screenshot({ path: path.join(SHOTS, 'pay-receipt-360.png'), fullPage: true });
  return amount;
}

/** The billing summary of a paid month: 支払済, no pay action, the receipt. */
async function expectSummaryPaid(page: Page, month: string, amount: string): Promise<void> {
  await waitForPath(page, `/bills/${month}/summary`);
  await page.getByTestId('summary-billing').waitFor();
  expect(await textOf(page.getByTestId('summary-billing'))).toBe(amount);
  await page.getByRole('region', { name: '領収情報' }).waitFor();
  const dates = page.getByRole('region', { name: '発行日・お支払期限' });
  expect(await textOf(dates.locator('[data-payment]'))).toBe('支払済');
  expect(await page.getByRole('link', { name: 'お支払い手続きへ' }).count()).toBe(0);
  expect(await textOf(page.getByTestId('receipt-card'))).toBe('Visa •••• 4242');
}

describe('paying a bill in the browser (demo seed, sandbox card provider, ja)', () => {
  it('phone: the confirmed bill on the top screen → declined card → 4242 pays → receipt; paid on top and in the summary, after a reload too', async () => {
    const month = await confirmCurrentBill(household);
    await withPage(PHONE, async (page) => {
      await signIn(page, t.url, household);
      const latest = page.getByRole('region', { name: 'ご請求額' });
      await latest.getByTestId('latest-billing-amount').waitFor();
      expect(await textOf(latest.getByTestId('latest-month'))).toBe(`${jaMonth(month)}分`);
      expect(await textOf(latest.getByTestId('latest-payment-status'))).toBe('未払い');
      await latest.getByRole('link', { name: 'お支払い手続きへ' }).click();

      const amount = await payByCard(page, month, PHONE, true);

      // Back to the top screen (in the app, no reload): paid, no pay action for this month.
      await page.goBack();
      await waitForPath(page, '/top');
      await latest.getByTestId('latest-billing-amount').waitFor();
      expect(await textOf(latest.getByTestId('latest-payment-status'))).toBe('支払済');
      expect(await latest.getByRole('link', { name: 'お支払い手続きへ' }).count()).toBe(0);

      // A reload asks the server again: still paid.
      await page.reload();
      await latest.getByTestId('latest-billing-amount').waitFor();
      expect(await textOf(latest.getByTestId('latest-payment-status'))).toBe('支払済');
      expect(await latest.getByRole('link', { name: 'お支払い手続きへ' }).count()).toBe(0);
      await page.goto(`${t.url}/bills/${month}/pay`);
      await page.getByRole('status').filter({ hasText: 'お支払いが完了しました' }).waitFor();
      expect(await page.getByTestId('card-form').count()).toBe(0);
      expect(await textOf(page.getByTestId('receipt-card'))).toBe('Visa •••• 4242');
      // The summary of the month, from the pay screen's own link: paid, with the receipt.
      await page.getByRole('link', { name: 'ご請求概要へ戻る' }).click();
      await expectSummaryPaid(page, month, amount);
      await expectNoHorizontalScroll(page, PHONE.width);
    });
  });

  it('PC: an earlier confirmed bill still unpaid is offered on the top screen, and paid from there', async () => {
    await withPage(PC, async (page) => {
      await signIn(page, t.url, business);
      await usePcLayout(page);
      const latest = page.getByRole('region', { name: 'ご請求額' });
      await latest.getByTestId('latest-billing-amount').waitFor();
      // The newest bill is still provisional: not payable yet.
      expect(await latest.getByRole('link', { name: 'お支払い手続きへ' }).count()).toBe(0);
      // Last month's confirmed bill is unpaid: offered with its own pay action.
      const outstanding = latest.getByTestId('outstanding-invoice');
      expect(await outstanding.count()).toBe(1);
      expect(await textOf(outstanding)).toContain('未払い');
      const link = outstanding.getByRole('link', { name: /分のお支払いへ$/ });
      const month = ((await link.getAttribute('href')) ?? '').split('/')[2];
      expect(month).toMatch(/^\d{4}-\d{2}$/);
      expect(await textOf(link)).toBe(`${jaMonth(month)}分のお支払いへ`);
      await link.click();

      const amount = await payByCard(page, month, PC, false);
      await page.getByRole('link', { name: 'ご請求概要へ戻る' }).click();
      await expectSummaryPaid(page, month, amount);

      await page.goto(`${t.url}/top`);
      await latest.getByTestId('latest-billing-amount').waitFor();
      expect(await latest.getByTestId('outstanding').count()).toBe(0);
      expect(await latest.getByRole('link', { name: /お支払い/ }).count()).toBe(0);
      await expectNoHorizontalScroll(page, PC.width);
    });
  });

  it('phone: Pay-easy numbers for a bill, from its summary; the same numbers when reopened', async () => {
    await withPage(PHONE, async (page) => {
      await signIn(page, t.url, household);
      // The household's previous month: confirmed and unpaid (the demo seed), offered on the top screen.
      await page.getByTestId('outstanding-invoice').waitFor();
      await expectNoHorizontalScroll(page, PHONE.width);
      await page.screenshot({ path: path.join(SHOTS, 'pay-top-outstanding-360.png'), fullPage: true });
      await page.getByTestId('to-bills').click();
      await waitForPath(page, '/bills');
      const unpaid = page
        .getByTestId('recent-invoice')
        .filter({ has: page.locator('[data-payment="UNPAID"]') });
      const confirmedUnpaid = unpaid.filter({ has: page.locator('[data-status="CONFIRMED"]') });
      await confirmedUnpaid.first().waitFor();
      const month = (await confirmedUnpaid.first().getAttribute('data-month')) as string;
      await confirmedUnpaid
        .first()
        .getByRole('link', { name: `${jaMonth(month)} ご請求サマリー` })
        .click();
      await waitForPath(page, `/bills/${month}/summary`);
      await page.getByTestId('summary-billing').waitFor();
      const amount = await textOf(page.getByTestId('summary-billing'));
      await page.getByRole('link', { name: 'お支払い手続きへ' }).click();
      await waitForPath(page, `/bills/${month}/pay`);

      await page.getByRole('radio', { name: 'Pay-easy（ペイジー）' }).check();
      await page.getByRole('button', { name: 'お支払番号を表示する' }).click();
      const slip = page.getByRole('region', { name: 'Pay-easy（ペイジー）でのお支払い' });
      await slip.getByTestId('payeasy-agency').waitFor();
      const numbers = {
        agency: await textOf(slip.getByTestId('payeasy-agency')),
        customer: await textOf(slip.getByTestId('payeasy-customer')),
        confirmation: await textOf(slip.getByTestId('payeasy-confirmation')),
      };
      expect(numbers.agency).toMatch(/^\d{5}$/);
      expect(numbers.customer.replace(/ /g, '')).toMatch(/^\d{16}$/);
      expect(numbers.confirmation).toMatch(/^\d{6}$/);
      const text = await textOf(slip);
      for (const label of ['収納機関番号', 'お客様番号', '確認番号', 'お支払期限'])
        expect(text).toContain(label);
      expect(text).toContain(amount);
      const steps = slip.getByRole('listitem');
      expect(await steps.count()).toBeGreaterThanOrEqual(3);
      expect(await textOf(slip)).toContain('ATM');
      await expectNoHorizontalScroll(page, PHONE.width);

      // Not paid yet (an integrator records it): still unpaid, still payable.
      expect(
        await textOf(
          page.locator('section', { has: page.getByTestId('pay-amount') }).locator('[data-payment]'),
        ),
      ).toBe('未払い');

      // Reopened (a new load of the screen): the same three numbers, without issuing again.
      await page.goto(`${t.url}/top`);
      await page.goto(`${t.url}/bills/${month}/pay`);
      await page.getByRole('radio', { name: 'Pay-easy（ペイジー）' }).check();
      await slip.getByTestId('payeasy-agency').waitFor();
      expect(await page.getByRole('button', { name: 'お支払番号を表示する' }).count()).toBe(0);
      expect({
        agency: await textOf(slip.getByTestId('payeasy-agency')),
        customer: await textOf(slip.getByTestId('payeasy-customer')),
        confirmation: await textOf(slip.getByTestId('payeasy-confirmation')),
      }).toEqual(numbers);
    });
  });
});
