/// <reference lib="dom" />
/**
 * Charges by line (issue 16) in the browser: the business demo account's 120 lines on a phone —
 * the entry on /bills, the 4-month table sorted by this month's amount, "more", the sort control,
 * search by number (dashes, full width), a search with no match, and a line's link to its breakdown;
 * the household's 3 lines without search or sort, in English. The built PWA (dist/client) over the
 * demo seed, real app, Chromium. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import {
  byTestId,
  expectNoHorizontalScroll,
  launchChromium,
  PHONE_VIEWPORT,
  signIn,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { claimDemo, type DemoSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
let household: DemoSubscriber;
let business: DemoSubscriber;

beforeAll(async () => {
  t = await startTestApp();
  ({ household, business } = await claimDemo(t));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Signs in with the UI language chosen beforehand. */
async function signInAs(page: Page, who: { loginId: string; password: string }, lang: 'ja' | 'en' = 'ja') {
  await page.addInitScript((l) => localStorage.setItem('webBilling.lang', l), lang);
  await signIn(page, t.url, who);
}

/** The rows on screen: line number and the amounts as shown (the newest month last). */
const rowsOf = (page: Page) =>
  page.locator('[data-testid="line-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      line: row.getAttribute('data-line') as string,
      amounts: Array.from(row.querySelectorAll('td'))
        .slice(0, 4)
        .map((td) => Number((td.textContent ?? '').replace(/[^\d-]/g, ''))),
    })),
  );

/** Waits for the status line to say `text` (the table below it is then the answer's). */
async function statusSays(page: Page, text: string | RegExp) {
  const status = byTestId(page, 'lines-status');
  try {
    await page.waitForFunction(
      ([t, isRegExp]) => {
        const said = document.querySelector('[data-testid="lines-status"]')?.textContent ?? '';
        return isRegExp ? new RegExp(t).test(said) : said === t;
      },
      [typeof text === 'string' ? text : text.source, typeof text !== 'string'] as const,
    );
  } catch (error) {
    const said = (await status.count()) ? await textOf(status) : '(no status)';
    throw new Error(`status "${said}", not ${String(text)}: ${error}`);
  }
}

describe('charges by line', () => {
  it('lists, sorts, pages and finds the 120 lines of a business on a phone, and opens a line’s breakdown', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signInAs(page, business);
      await byTestId(page, 'to-bills').click();
      await waitForPath(page, '/bills');
      await byTestId(page, 'lines-button').click();
      await waitForPath(page, '/bills/lines');
      await byTestId(page, 'line-row').first().waitFor();
      expect(await textOf(page.locator('main h1'))).toBe('回線別のご請求額');
      await statusSays(page, '120回線中 50回線を表示しています。');
      await expectNoHorizontalScroll(page, PHONE_VIEWPORT.width);

      // By this month's amount, highest first (ties by line number).
      let rows = await rowsOf(page);
      expect(rows).toHaveLength(50);
      const newest = rows.map((r) => r.amounts[3]);
      expect(newest).toEqual([...newest].sort((a, b) => b - a));

      // More, until the last page.
      await byTestId(page, 'lines-more').click();
      await statusSays(page, '120回線中 100回線を表示しています。');
      // The focus moves to the first line added.
      await page.waitForFunction(() => {
        const rows = Array.from(document.querySelectorAll('[data-testid="line-row"]'));
        return document.activeElement?.closest('[data-testid="line-row"]') === rows[50];
      });
      expect(await textOf(byTestId(page, 'lines-more'))).toBe('さらに表示（残り20回線）');
      await byTestId(page, 'lines-more').click();
      await statusSays(page, '120回線中 120回線を表示しています。');
      expect(await byTestId(page, 'lines-more').count()).toBe(0);
      rows = await rowsOf(page);
      expect(new Set(rows.map((r) => r.line)).size).toBe(120);
      const all = rows.map((r) => r.amounts[3]);
      expect(all).toEqual([...all].sort((a, b) => b - a));

      // By line number: a new first page.
      await byTestId(page, 'line-sort').selectOption('LINE_NUMBER');
      await statusSays(page, '120回線中 50回線を表示しています。');
      await page.locator('[data-testid="line-row"][data-line="0661000001"]').waitFor();
      rows = await rowsOf(page);
      expect(rows.map((r) => r.line)).toEqual(
        Array.from({ length: 50 }, (_, i) => `06${String(61000001 + i).padStart(8, '0')}`),
      );
      await byTestId(page, 'line-sort').selectOption('AMOUNT_ASC');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="line-row"]')?.getAttribute('data-line') !== '0661000001',
      );
      const ascending = (await rowsOf(page)).map((r) => r.amounts[3]);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

      // Search by number as typed: with dashes, then in full width and part of a number.
      await byTestId(page, 'line-sort').selectOption('LINE_NUMBER');
      await byTestId(page, 'line-search').fill('06-6100-0012');
      await byTestId(page, 'line-search-submit').click();
      await statusSays(page, '「06-6100-0012」に一致する1回線中 1回線を表示しています。');
      expect((await rowsOf(page)).map((r) => r.line)).toEqual(['0661000012']);
      await byTestId(page, 'line-search').fill('０６６１０００１１');
      await byTestId(page, 'line-search').press('Enter');
      await statusSays(page, '「０６６１０００１１」に一致する10回線中 10回線を表示しています。');
      expect((await rowsOf(page)).map((r) => r.line)).toEqual(
        Array.from({ length: 10 }, (_, i) => `066100011${i}`),
      );
      await byTestId(page, 'line-search').fill('光');
      await byTestId(page, 'line-search-submit').click();
      await statusSays(page, '「光」に一致する回線はありません。');
      expect(await byTestId(page, 'line-row').count()).toBe(0);
      await byTestId(page, 'line-clear').click();
      await statusSays(page, '120回線中 50回線を表示しています。');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'line-search',
      );

      // A line's number opens its breakdown of the newest month, that line only.
      await byTestId(page, 'line-search').fill('0661000012');
      await byTestId(page, 'line-search-submit').click();
      await statusSays(page, /1回線中 1回線/);
      const link = byTestId(page, 'line-link');
      expect(await textOf(link)).toBe('06-6100-0012');
      await link.click();
      await waitForPath(page, /^\/bills\/\d{4}-\d{2}\/breakdown$/);
      expect(new URL(page.url()).searchParams.get('line')).toBe('0661000012');
      await byTestId(page, 'breakdown-billing').waitFor();
      await page.locator('[data-testid="line-section"][data-line="0661000012"]').waitFor();
      expect(await byTestId(page, 'line-section').count()).toBe(1);
      expect(await textOf(page.locator('.picker__current'))).toContain('06-6100-0012');
    });
  });

  it('shows a household’s 3 lines without search or sort, in English', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signInAs(page, household, 'en');
      await page.goto(`${t.url}/bills/lines`);
      await byTestId(page, 'line-row').first().waitFor();
      expect(await textOf(page.locator('main h1'))).toBe('Charges by line');
      await statusSays(page, 'Showing 3 of 3 lines.');
      expect(await byTestId(page, 'line-search').count()).toBe(0);
      expect(await byTestId(page, 'line-sort').count()).toBe(0);
      expect(await byTestId(page, 'lines-more').count()).toBe(0);
      const mobile = page.locator('[data-testid="line-row"][data-line="09012345678"]');
      expect(await textOf(mobile.locator('th'))).toContain('Mobile phone (ahamo)');
      expect(await textOf(mobile.locator('[data-testid="line-change"]'))).toMatch(/^[+±-]?-?¥[\d,]+$/);
      await expectNoHorizontalScroll(page, PHONE_VIEWPORT.width);
    });
  });
});
