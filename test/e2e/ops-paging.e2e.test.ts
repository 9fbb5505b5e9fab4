/// <reference lib="dom" />
/**
 * End-to-end browser test of the operator console's paged lists (useNextPages, client/src/routes/ops/
 * next-page.ts): the audit log (/ops/audit) and the postcard queue (/ops/postcards) show a first page
 * of 50 and append the next keyset page on "more". Appended pages follow the rows on screen in order
 * without duplicates, a new filter or a refetch of the first page drops them, and a failed "more"
 * keeps what is shown and can be pressed again.
 * Fixtures: accounts provisioned by the app's ProvisioningService (each writes its postcard and its
 * ACCOUNT_PROVISIONED audit line), further audit lines written by the app's own AuditService over a
 * fixed clock (several share one instant, so page boundaries fall inside a tie of occurred_at).
 * The built PWA (dist/client) served by the real app, Chromium at a PC-sized viewport.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { AuditEventType, AuditService } from '../../server/src/modules/audit/audit.service';
import type { ProvisionedAccount } from '../../server/src/modules/operators/provisioning.service';
import {
  byTestId,
  launchChromium,
  PC_VIEWPORT,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const OPERATOR = { loginId: 'op-paging-e2e', displayName: '受付 三郎', password: 'Op#Paging2026' };
const PAGE = 50;
/** Audit lines of account A (120 with its ACCOUNT_PROVISIONED line) and of account B (70). */
const A_EXTRA = 119;
const B_EXTRA = 69;
/** Pending postcards in all (A, B and the others). */
const POSTCARDS = 60;
/** The events written for the accounts, in turn. */
const KINDS = [AuditEventType.LOGIN, AuditEventType.PASSWORD_CHANGED, AuditEventType.LOGOUT] as const;
const NETWORK_ERROR = 'サーバーに接続できませんでした';

let t: TestApp;
let browser: Browser;
/** In print-queue order (oldest first): A, B, then the others. */
const accounts: ProvisionedAccount[] = [];
let A: ProvisionedAccount;
let B: ProvisionedAccount;

/** Audit lines of an account, `n` of them after its ACCOUNT_PROVISIONED line; three share each instant. */
async function writeAuditLines(account: ProvisionedAccount, n: number, from: number): Promise<number> {
  for (let seq = 1; seq <= n; seq++) {
    // seq 69/70/71 share an instant, as do 18/19/20: the boundaries after row 50 and row 100 are ties.
    const at = new Date(from + Math.floor(seq / 3) * 1000);
    await new AuditService(t.db, { now: () => at }).record({
      event: KINDS[seq % KINDS.length],
      outcome: 'SUCCESS',
      subscriberId: account.subscriberId,
      billingAccountId: account.accountId,
      clientAddress: '192.0.2.10',
      detail: { seq },
    });
  }
  return from + Math.floor(n / 3) * 1000;
}

beforeAll(async () => {
  t = await startTestApp();
  browser = await launchChromium();
  await t.services.operatorAuth.create({ ...OPERATOR, role: 'OPERATOR' });
  for (let i = 1; i <= POSTCARDS; i++) {
    accounts.push(
      await t.services.provisioning.provision(
        {
          holderName: `ページ 太郎${i}`,
          registeredPhoneNumber: `0312${String(i).padStart(6, '0')}`,
          postalAddress: `〒100-0001 東京都千代田区千代田1-${i}`,
        },
        { via: 'e2e', clientAddress: '192.0.2.1' },
      ),
    );
  }
  [A, B] = accounts;
  // After the accounts' ACCOUNT_PROVISIONED lines (the clock's now), newest last; then the clock moves
  // past them all, so none of them is in the future.
  const start = t.clock.now().getTime() + 1000;
  const next = await writeAuditLines(A, A_EXTRA, start);
  const end = await writeAuditLines(B, B_EXTRA, next + 1000);
  t.clock.advance(end - t.clock.now().getTime() + 60_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The rows an account's audit log shows, newest first: `customer|EVENT|seq` (its provisioning last). */
function expectedAuditRows(account: ProvisionedAccount, extra: number): string[] {
  const rows: string[] = [];
  for (let seq = extra; seq >= 1; seq--) {
    rows.push(`${account.customerNumber}|${KINDS[seq % KINDS.length]}|${seq}`);
  }
  rows.push(`${account.customerNumber}|ACCOUNT_PROVISIONED|-`);
  return rows;
}

/**
 * The audit table's rows as `customer|EVENT|seq` (seq from the detail cell), or, given the expected
 * rows as JSON, whether the table shows exactly those. Runs in the page (self-contained).
 */
function auditRowsInPage(expected: string | null): string[] | boolean {
  const keys = Array.from(document.querySelectorAll('[data-testid="ops-audit-table"] tbody tr'), (tr) => {
    const cells = tr.querySelectorAll('td');
    const event = (cells[1]?.querySelector('.ops-code') ?? cells[1])?.textContent?.trim() ?? '';
    const seq = /"seq":\s*(\d+)/.exec(cells[6]?.textContent ?? '')?.[1] ?? '-';
    return `${cells[3]?.textContent?.trim()}|${event}|${seq}`;
  });
  return expected === null ? keys : JSON.stringify(keys) === expected;
}

/** Waits until the audit table shows exactly `expected` (in order), then checks it (a readable diff). */
async function expectAuditRows(page: Page, expected: readonly string[]): Promise<void> {
  await page
    .waitForFunction(auditRowsInPage, JSON.stringify(expected), { timeout: 15_000 })
    .catch(() => undefined);
  const rows = (await page.evaluate(auditRowsInPage, null)) as string[];
  expect(rows).toEqual(expected);
  expect(new Set(rows).size).toBe(rows.length);
  // The time column runs newest first (yyyy/mm/dd hh:mm:ss sorts as text).
  const stamps = await page
    .locator('[data-testid="ops-audit-table"] tbody tr td:first-child')
    .allTextContents();
  expect(stamps).toHaveLength(expected.length);
  expect([...stamps].sort().reverse()).toEqual(stamps);
}

/** Presses "more" once it takes presses (not busy with a request). */
async function pressMore(page: Page, more = page.locator('[data-testid="ops-audit-more"]')): Promise<void> {
  const ready = more.and(page.locator(':not([aria-disabled="true"])'));
  await ready.waitFor();
  await ready.click();
}

/** The GraphQL request of a next page (its variables carry the cursor `after`). */
function isNextPage(route: Route): boolean {
  const body = route.request().postDataJSON() as { variables?: { after?: unknown } } | null;
  return typeof body?.variables?.after === 'string' && body.variables.after !== '';
}

/** Signs the operator in at /ops (lands on the search page). */
async function operatorSignIn(page: Page): Promise<void> {
  await page.goto(`${t.url}/ops`);
  await byTestId(page, 'ops-login-submit').waitFor();
  await byTestId(page, 'loginId').fill(OPERATOR.loginId);
  await byTestId(page, 'password').fill(OPERATOR.password);
  await byTestId(page, 'ops-login-submit').click();
  await waitForPath(page, '/ops/search');
}

/** The audit log of one account, as its account page links to it. */
async function openAuditOf(page: Page, account: ProvisionedAccount): Promise<void> {
  await page.goto(`${t.url}/ops/audit?customer=${account.customerNumber}`);
  await waitForPath(page, '/ops/audit');
}

describe('operator console paged lists', () => {
  it('appends the audit log page by page, in order, until the last page', async () => {
    const all = expectedAuditRows(A, A_EXTRA);
    expect(all).toHaveLength(120);
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page);
      // Each next-page request is held until released, to see the list while it loads.
      let nextPageRequests = 0;
      let release: () => void = () => {};
      let held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/graphql', async (route) => {
        if (isNextPage(route)) {
          nextPageRequests++;
          await held;
        }
        await route.fallback();
      });

      await openAuditOf(page, A);
      await expectAuditRows(page, all.slice(0, PAGE));
      expect(await byTestId(page, 'customerNumber').inputValue()).toBe(A.customerNumber);

      // While the next page loads the rows stay, and "more" takes no second press.
      await pressMore(page);
      await page.locator('[data-testid="ops-audit-more"][aria-disabled="true"]').waitFor();
      await page.locator('.ops-status-line').filter({ hasText: '読み込み中' }).waitFor();
      // (forced: Playwright itself would wait for an aria-disabled button to become enabled)
      await byTestId(page, 'ops-audit-more').click({ force: true });
      expect(await page.evaluate(auditRowsInPage, null)).toEqual(all.slice(0, PAGE));
      release();

      // The second page follows the first: 100 rows, in order, none twice.
      await expectAuditRows(page, all.slice(0, 2 * PAGE));
      await page.locator('[data-testid="ops-audit-more"]:not([aria-disabled="true"])').waitFor();
      expect(nextPageRequests).toBe(1);

      // The last page: all 120 lines of the account, and no "more" any longer.
      held = Promise.resolve();
      await pressMore(page);
      await expectAuditRows(page, all);
      expect(await byTestId(page, 'ops-audit-more').count()).toBe(0);
      expect(nextPageRequests).toBe(2);
    });
  });

  it('drops the appended pages when another filter is applied', async () => {
    const ofA = expectedAuditRows(A, A_EXTRA);
    const ofB = expectedAuditRows(B, B_EXTRA);
    expect(ofB).toHaveLength(70);
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page);
      await openAuditOf(page, A);
      await expectAuditRows(page, ofA.slice(0, PAGE));
      await pressMore(page);
      await expectAuditRows(page, ofA.slice(0, 2 * PAGE));

      // Another account: only its own first page shows (none of A's pages stays appended).
      await byTestId(page, 'customerNumber').fill(B.customerNumber);
      await byTestId(page, 'ops-audit-apply').click();
      await expectAuditRows(page, ofB.slice(0, PAGE));
      await pressMore(page);
      await expectAuditRows(page, ofB);
      expect(await byTestId(page, 'ops-audit-more').count()).toBe(0);

      // Another event within A: again only the new first page, then its own next pages.
      const logins = ofA.filter((row) => row.includes('|LOGIN|'));
      expect(logins).toHaveLength(39);
      await byTestId(page, 'customerNumber').fill(A.customerNumber);
      await byTestId(page, 'event').selectOption('LOGIN');
      await byTestId(page, 'ops-audit-apply').click();
      await expectAuditRows(page, logins);
      expect(await byTestId(page, 'ops-audit-more').count()).toBe(0);
      await byTestId(page, 'event').selectOption('');
      await byTestId(page, 'ops-audit-apply').click();
      await expectAuditRows(page, ofA.slice(0, PAGE));
      await pressMore(page);
      await expectAuditRows(page, ofA.slice(0, 2 * PAGE));

      // A's next page answered only after B's first page is on screen: it is not appended to B's list.
      let arrived: () => void = () => {};
      const requested = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/graphql', async (route) => {
        if (isNextPage(route)) {
          arrived();
          await held;
        }
        await route.fallback();
      });
      await pressMore(page);
      await requested;
      await byTestId(page, 'customerNumber').fill(B.customerNumber);
      await byTestId(page, 'ops-audit-apply').click();
      await expectAuditRows(page, ofB.slice(0, PAGE));
      // A's request still under way does not make B's list busy.
      await page.locator('[data-testid="ops-audit-more"]:not([aria-disabled="true"])').waitFor();
      expect(await page.locator('.ops-status-line').filter({ hasText: '読み込み中' }).count()).toBe(0);
      release();
      // Once the late answer is in, B's first page is still all there is.
      await expectAuditRows(page, ofB.slice(0, PAGE));
      await pressMore(page);
      await expectAuditRows(page, ofB);
    });
  });

  it('keeps the rows shown when "more" fails, and appends the page when pressed again', async () => {
    const all = expectedAuditRows(A, A_EXTRA);
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page);
      let blocked = false;
      let aborted = 0;
      await page.route('**/graphql', async (route) => {
        if (blocked && isNextPage(route)) {
          aborted++;
          await route.abort('failed');
        } else {
          await route.fallback();
        }
      });
      await openAuditOf(page, A);
      await expectAuditRows(page, all.slice(0, PAGE));
      await pressMore(page);
      await expectAuditRows(page, all.slice(0, 2 * PAGE));

      // The next page cannot be fetched: an error, and the 100 rows stay.
      blocked = true;
      await pressMore(page);
      const failure = page.getByRole('alert').filter({ hasText: NETWORK_ERROR });
      await failure.waitFor();
      expect(aborted).toBe(1);
      await expectAuditRows(page, all.slice(0, 2 * PAGE));
      await page.locator('[data-testid="ops-audit-more"]:not([aria-disabled="true"])').waitFor();

      // Pressed again once it can be fetched: the last page follows, the error goes.
      blocked = false;
      await pressMore(page);
      await expectAuditRows(page, all);
      expect(await failure.count()).toBe(0);
      expect(await byTestId(page, 'ops-audit-more').count()).toBe(0);
      expect(aborted).toBe(1);
    });
  });

  it('appends the postcard queue, and a refetch after marking mailed starts it again', async () => {
    const queue = accounts.map((a) => a.customerNumber);
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page);
      await page.goto(`${t.url}/ops/postcards`);
      await waitForPath(page, '/ops/postcards');
      const rows = byTestId(page, 'ops-postcard-row');
      const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-customer')));
      const more = page.locator('.ops-more').getByRole('button', { name: 'さらに表示' });
      const waitForCount = (n: number) =>
        page.waitForFunction(
          (count) => document.querySelectorAll('[data-testid="ops-postcard-row"]').length === count,
          n,
        );

      await waitForCount(PAGE);
      expect(await shown()).toEqual(queue.slice(0, PAGE));
      expect(await textOf(byTestId(page, 'ops-selected-count'))).toContain(`全${POSTCARDS}件`);

      // The next page follows the first, in the queue's order; it is the last one.
      await pressMore(page, more);
      await waitForCount(POSTCARDS);
      expect(await shown()).toEqual(queue);
      expect(await more.count()).toBe(0);

      // Two cards of the first page mailed: the queue is fetched again, and only its first page shows.
      const mailed = [queue[2], queue[3]];
      for (const customer of mailed) {
        await page
          .locator(`[data-testid="ops-postcard-row"][data-customer="${customer}"]`)
          .getByTestId('ops-postcard-check')
          .check();
      }
      await byTestId(page, 'ops-mark-mailed').click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByTestId('reason').fill('発送業者へ引き渡し済み（e2e）');
      await dialog.getByTestId('confirm-submit').click();
      await byTestId(page, 'ops-mailed-done').waitFor();
      const pending = queue.filter((c) => !mailed.includes(c));
      await byTestId(page, 'ops-selected-count')
        .filter({ hasText: `全${POSTCARDS - 2}件` })
        .waitFor();
      await waitForCount(PAGE);
      expect(await shown()).toEqual(pending.slice(0, PAGE));

      // Its next page follows again: the whole pending queue, once each.
      await pressMore(page, more);
      await waitForCount(pending.length);
      expect(await shown()).toEqual(pending);
      expect(await more.count()).toBe(0);
    });
  });
});
