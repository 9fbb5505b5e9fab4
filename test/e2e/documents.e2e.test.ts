/// <reference lib="dom" />
/**
 * End-to-end tests of the documents (issue 16) as a subscriber gets them: the download links of the
 * billing summary (the bill's PDF, the CSV while details are kept), of the receipt and of the
 * membership page (the payment certificate for a chosen period), clicked in Chromium, the files read
 * back (pdftotext). The built PWA (dist/client) over the demo seed. Run `npm run build` first.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import {
  byTestId,
  expectNoHorizontalScroll,
  launchChromium,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  signIn,
  textOf,
  withContextPage,
} from '../support/browser';
import { claimDemo, type DemoSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const { pdfText } = require('../support/poppler.js') as { pdfText(pdf: Buffer): string };

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
let household: DemoSubscriber;
let current: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ household } = await claimDemo(t));
  current = currentBillingMonth(t.clock);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Clicks a download link and returns the file it gave, with the name the server suggested. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, testId).click()]);
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${await download.failure()}`);
  return { name: download.suggestedFilename(), body: readFileSync(file) };
}

const ISSUERS = `query($m: String!) { billing { invoice(billingMonth: $m) { __typename
  ... on Invoice { billingAmount issuers { carrier { code registrationNumber } } } } } }`;

describe.each([
  ['phone', PHONE_VIEWPORT],
  ['PC', PC_VIEWPORT],
] as const)('documents (%s)', (_name, viewport) => {
  it('downloads the bill’s PDF from the summary: every carrier’s registration number, the screen’s total', async () => {
    await withContextPage(browser, viewport, async (page) => {
      await signIn(page, t.url, household);
      await page.goto(`${t.url}/bills/${current}/summary`);
      await byTestId(page, 'summary-billing').waitFor();
      const total = await textOf(byTestId(page, 'summary-billing'));
      expect(total).toMatch(/^[\d,]+円$/);
      await expectNoHorizontalScroll(page, viewport.width);

      const link = byTestId(page, 'bill-pdf');
      expect(await link.getAttribute('href')).toBe(`/documents/bills/${current}.pdf`);
      expect(await link.textContent()).toBe('請求書（PDF）をダウンロード');
      const pdf = await downloadOf(page, 'bill-pdf');
      expect(pdf.name).toBe(`請求書_${current.slice(0, 4)}年${current.slice(5)}月.pdf`);
      const text = pdfText(pdf.body);
      expect(text).toMatch(new RegExp(`ご請求額（税込）\\s+${total}`));
      const screen = (await household.api.gql(ISSUERS, { m: current })).data?.billing.invoice;
      expect(screen.issuers.length).toBeGreaterThanOrEqual(3);
      for (const issuer of screen.issuers) {
        expect(issuer.carrier.registrationNumber).toMatch(/^T\d{13}$/);
        expect(text).toContain(`登録番号 ${issuer.carrier.registrationNumber}`);
      }

      // The current month's details are kept: its CSV too.
      const csv = await downloadOf(page, 'breakdown-csv');
      expect(csv.name).toMatch(/\.csv$/);
      expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.body.toString('utf8')).toContain('"0312345678"');

      // Beyond the 4-month details window: the PDF, no CSV.
      await page.goto(`${t.url}/bills/${addMonths(current, -6)}/summary`);
      await byTestId(page, 'bill-pdf').waitFor();
      expect(await byTestId(page, 'breakdown-csv').count()).toBe(0);
    });
  });
});

it('downloads the receipt of a paid bill, and the payment certificate for a period chosen on the membership page', async () => {
  const month = addMonths(current, -1);
  const paid = await household.api.gql(
    `mutation Pay($input: PayInvoiceByCardInput!) { payInvoiceByCard(input: $input) { __typename } }`,
    {
      input: {
        billingMonth: month,
        cardNumber: '4242 4242 4242 4242',
        expiryMonth: 12,
        expiryYear: t.clock.now().getFullYear() + 1,
        cvc: '123',
        holderName: 'TARO YAMADA',
        idempotencyKey: randomUUID(),
      },
    },
  );
  expect(paid.data?.payInvoiceByCard.__typename).toBe('PaymentSucceeded');
  await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
    await signIn(page, t.url, household);
    await page.goto(`${t.url}/bills/${month}/summary`);
    await byTestId(page, 'receipt').waitFor();
    const amount = await textOf(byTestId(page, 'receipt-amount'));
    const receipt = await downloadOf(page, 'receipt-pdf');
    const text = pdfText(receipt.body);
    expect(text).toMatch(/領収書番号 R\d{6}-[0-9A-F]{10}/);
    expect(text).toMatch(new RegExp(`領収金額（税込）\\s+${amount}`));

    await page.goto(`${t.url}/membership`);
    await byTestId(page, 'payment-certificate').waitFor();
    await expectNoHorizontalScroll(page, PHONE_VIEWPORT.width);
    // A period the wrong way round is said at once, with no link to a refusal.
    await page.getByLabel('開始月').selectOption(current);
    await page.getByLabel('終了月').selectOption(month);
    await byTestId(page, 'certificate-period-invalid').waitFor();
    expect(await byTestId(page, 'certificate-pdf').count()).toBe(0);
    await page.getByLabel('開始月').selectOption(addMonths(current, -3));
    await page.getByLabel('終了月').selectOption(current);
    expect(await byTestId(page, 'certificate-pdf').getAttribute('href')).toBe(
      `/documents/certificates/payments.pdf?from=${addMonths(current, -3)}&to=${current}`,
    );
    const certificate = pdfText((await downloadOf(page, 'certificate-pdf')).body);
    expect(certificate).toContain('料金支払証明書');
    expect(certificate).toContain('クレジットカード（Visa 下4桁 4242）');
  });
});
