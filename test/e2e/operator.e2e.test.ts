/// <reference lib="dom" />
/**
 * End-to-end browser test of the operator console (SPEC 2.2 steps 1 and 7): an operator signs in
 * at /ops, provisions an account, finds its postcard in the print queue and opens the printable
 * sheet (initial credentials and a QR code that decodes to the login URL); the subscriber signs in
 * with them; the operator then reissues by postcard and the old initial pair stops working.
 * The Admin page: only an ADMIN gets it, and unlocks an operator and revokes an API key there.
 * The built PWA (dist/client) served by the real app, Chromium at a PC-sized viewport.
 * Run `npm run build` first.
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
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const OPERATOR = { loginId: 'op-e2e', displayName: '受付 花子', password: 'Op#Console2026' };
const HOLDER = '佐藤 一郎';
const ADMIN = { loginId: 'admin-e2e', displayName: '管理 太郎', password: 'Adm#Console2026' };
const LOCKED_OPERATOR = { loginId: 'op-locked-e2e', displayName: '受付 次郎', password: 'Op#Locked2026' };

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  browser = await launchChromium();
  await t.services.operatorAuth.create({ ...OPERATOR, role: 'OPERATOR' });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Fills the confirmation dialog's reason and confirms. */
async function confirmWithReason(page: Page, reason: string): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  // The reason is required: confirming without one is refused in the dialog.
  await dialog.getByTestId('confirm-submit').click();
  await dialog.getByTestId('reason-error').waitFor();
  await dialog.getByTestId('reason').fill(reason);
  await dialog.getByTestId('confirm-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Signs an operator in at /ops (lands on the search page). */
async function operatorSignIn(page: Page, who: { loginId: string; password: string }): Promise<void> {
  await page.goto(`${t.url}/ops`);
  await byTestId(page, 'ops-login-submit').waitFor();
  await byTestId(page, 'loginId').fill(who.loginId);
  await byTestId(page, 'password').fill(who.password);
  await byTestId(page, 'ops-login-submit').click();
  await waitForPath(page, '/ops/search');
}

/** The data-testid of the focused element. */
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Decodes the QR code of an SVG: drawn large on a canvas in a blank page, read by jsQR there. */
async function decodeQrSvg(page: Page, svg: string): Promise<string | null> {
  await page.goto('about:blank');
  await page.addScriptTag({ path: require.resolve('jsqr') });
  // A stand-alone SVG document with a size of its own (the sheet sizes it by CSS).
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '<svg>';
  const attrs = open.replace(/\s(width|height|xmlns)="[^"]*"/g, '').replace(/^<svg/, '');
  const sized = svg.replace(open, `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"${attrs}`);
  return page.evaluate(async (markup) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 480;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 480, 480);
    ctx.drawImage(img, 40, 40, 400, 400);
    const { data, width, height } = ctx.getImageData(0, 0, 480, 480);
    const decode = (
      window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
    ).jsQR;
    return decode(data, width, height)?.data ?? null;
  }, sized);
}

describe('operator console', () => {
  it('provisions an account, prints its postcard, and reissues by postcard', async () => {
    await withContextPage(browser, PC_VIEWPORT, async (page, context) => {
      // Sign in (the console is a lazy chunk at /ops).
      await page.goto(`${t.url}/ops`);
      await byTestId(page, 'ops-login-submit').waitFor();
      expect(await byTestId(page, 'password').getAttribute('type')).toBe('password');
      await byTestId(page, 'loginId').fill(OPERATOR.loginId);
      await byTestId(page, 'password').fill('wrong-password-1');
      await byTestId(page, 'ops-login-submit').click();
      await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/ops');
      await byTestId(page, 'password').fill(OPERATOR.password);
      await byTestId(page, 'ops-login-submit').click();
      await waitForPath(page, '/ops/search');
      expect(await textOf(byTestId(page, 'ops-operator'))).toContain(OPERATOR.displayName);
      await expectNoHorizontalScroll(page, PC_VIEWPORT.width);

      // Provision: holder, address, phone, one line, a reason in the confirmation dialog.
      await byTestId(page, 'ops-nav-navProvision').click();
      await waitForPath(page, '/ops/provision');
      await byTestId(page, 'holderName').fill(HOLDER);
      await byTestId(page, 'postalAddress').fill('〒100-0001 東京都千代田区千代田1-1 サンプルハイツ101');
      await byTestId(page, 'registeredPhoneNumber').fill('090-1234-5678');
      await byTestId(page, 'lines.0.lineNumber').fill('09012345678');
      await byTestId(page, 'lines.0.carrierCode').selectOption('NTT_DOCOMO');
      await byTestId(page, 'lines.0.serviceName').fill('ドコモ携帯');
      await byTestId(page, 'lines.0.serviceNameEn').fill('docomo mobile');
      await byTestId(page, 'ops-provision-review').click();
      await confirmWithReason(page, '新規申込書受付（e2e）');
      const customerNumber = await textOf(byTestId(page, 'ops-provisioned-customer'));
      expect(customerNumber).toMatch(/\S/);
      const [line]: { service_name: string; service_name_en: string }[] = await t.db.query(
        `SELECT l.service_name, l.service_name_en FROM line l JOIN billing_account a ON a.id = l.billing_account_id
          WHERE a.customer_number = $1`,
        [customerNumber],
      );
      expect(line).toEqual({ service_name: 'ドコモ携帯', service_name_en: 'docomo mobile' });

      // The print queue lists its postcard; the sheet opens in a new tab with the selected ids.
      await byTestId(page, 'ops-to-postcards').click();
      await waitForPath(page, '/ops/postcards');
      const row = page.locator(`[data-testid="ops-postcard-row"][data-customer="${customerNumber}"]`);
      await row.waitFor();
      expect(await textOf(row)).toContain(HOLDER);
      await row.getByTestId('ops-postcard-check').check();
      const [sheet] = await Promise.all([
        context.waitForEvent('page'),
        byTestId(page, 'ops-print-sheet').click(),
      ]);
      await sheet.waitForLoadState();
      expect(new URL(sheet.url()).pathname).toBe('/ops/postcards/sheet');
      const card = sheet.locator('section.card');
      expect(await card.count()).toBe(1);
      expect(await textOf(card)).toContain(HOLDER);
      const initialLoginId = await textOf(card.locator('dd.secret').nth(0));
      const initialPassword = await textOf(card.locator('dd.secret').nth(1));
      expect(initialLoginId).toMatch(/^[A-Za-z0-9]{7}$/);
      expect(initialPassword).toMatch(/^[A-Za-z0-9]{8}$/);
      const svg = await card
        .locator('svg')
        .first()
        .evaluate((el) => el.outerHTML);
      expect(await decodeQrSvg(sheet, svg)).toBe(`${t.services.config.publicUrl}/login`);
      await sheet.close();

      // The subscriber signs in with the postcard's pair (their own browser).
      const subscriber = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'ja-JP' });
      try {
        const phone = await subscriber.newPage();
        await phone.goto(`${t.url}/login`);
        await submitLogin(phone, initialLoginId, initialPassword);
        await byTestId(phone, 'initial-login-notice').waitFor();
      } finally {
        await subscriber.close();
      }

      // The operator finds the account and reissues by postcard.
      await byTestId(page, 'ops-nav-navSearch').click();
      await waitForPath(page, '/ops/search');
      await byTestId(page, 'ops-search-input').fill(customerNumber);
      await byTestId(page, 'ops-search-submit').click();
      await byTestId(page, 'ops-account-link').first().click();
      await waitForPath(page, /^\/ops\/accounts\//);
      expect(await textOf(byTestId(page, 'ops-customer-number'))).toBe(customerNumber);
      await byTestId(page, 'action-reissue').click();
      await confirmWithReason(page, '本人確認済み（生年月日・住所一致）、ログインID失念のため');
      await byTestId(page, 'ops-action-done').waitFor();
      // Focus came back from the dialog to the page (the outcome message).
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'ops-action-done',
      );

      // The old initial pair no longer works.
      const later = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'ja-JP' });
      try {
        const phone = await later.newPage();
        await phone.goto(`${t.url}/login`);
        await submitLogin(phone, initialLoginId, initialPassword);
        await phone
          .getByRole('alert')
          .filter({ hasText: 'ログインIDまたはログインパスワードが正しくありません' })
          .waitFor();
        expect(new URL(phone.url()).pathname).toBe('/login');
      } finally {
        await later.close();
      }

      // The whole audit log of this customer, one link away from the account page.
      await page.getByRole('link', { name: 'このお客さまの操作履歴をすべて見る' }).click();
      await waitForPath(page, '/ops/audit');
      const table = byTestId(page, 'ops-audit-table');
      await table.waitFor();
      expect(await textOf(table)).toContain('はがき再発行');
      // Filtered to the customer: the operators' own sign-ins (no customer) are not listed.
      expect(await byTestId(page, 'customerNumber').inputValue()).toBe(customerNumber);
      expect(await textOf(table)).not.toContain('受付担当者ログイン');

      // Sign out: back to the console's sign-in screen.
      await byTestId(page, 'ops-signout').click();
      await byTestId(page, 'ops-login-submit').waitFor();
    });
  });

  it('shows the Admin page to admins only: unlocks an operator and revokes an API key', async () => {
    // A plain operator: no Admin item in the navigation, and the address itself says admins only.
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page, OPERATOR);
      await byTestId(page, 'ops-nav-navAudit').waitFor();
      expect(await byTestId(page, 'ops-nav-navAdmin').count()).toBe(0);
      await page.goto(`${t.url}/ops/admin`);
      await byTestId(page, 'ops-admin-only').waitFor();
      expect(await byTestId(page, 'ops-admin-operators').count()).toBe(0);
    });

    await t.services.operatorAuth.create({ ...ADMIN, role: 'ADMIN' });
    await t.services.operatorAuth.create({ ...LOCKED_OPERATOR, role: 'OPERATOR' });
    await t.db.query('UPDATE operator SET locked_at = now() WHERE login_id = $1', [LOCKED_OPERATOR.loginId]);
    const key = await t.services.apiKeys.create('feed', ['billing:read']);
    expect(await t.services.apiKeys.resolve(key.key)).not.toBeNull();

    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page, ADMIN);
      await byTestId(page, 'ops-nav-navAdmin').click();
      await waitForPath(page, '/ops/admin');
      await expectNoHorizontalScroll(page, PC_VIEWPORT.width);

      // Unlock the locked operator.
      const operatorRow = page.locator(
        `[data-testid="ops-admin-operator-row"][data-login-id="${LOCKED_OPERATOR.loginId}"]`,
      );
      await operatorRow.getByTestId('badge-operator-locked').waitFor();
      expect(await textOf(operatorRow)).toContain(LOCKED_OPERATOR.displayName);
      await operatorRow.getByTestId('ops-admin-unlock').click();
      await confirmWithReason(page, '本人から内線で依頼あり（e2e）');
      await byTestId(page, 'ops-action-done').filter({ hasText: LOCKED_OPERATOR.loginId }).waitFor();
      expect(await focusedTestId(page)).toBe('ops-action-done');
      await operatorRow.getByTestId('badge-operator-locked').waitFor({ state: 'detached' });
      expect(await operatorRow.getByTestId('ops-admin-unlock').count()).toBe(0);

      // Revoke the active key: the table shows it revoked, and the key stops working.
      const keyRow = page.locator(`[data-testid="ops-admin-apikey-row"][data-prefix="${key.prefix}"]`);
      await keyRow.getByTestId('badge-apikey-active').waitFor();
      expect(await textOf(keyRow)).toContain('billing:read');
      await keyRow.getByTestId('ops-admin-revoke').click();
      await confirmWithReason(page, 'キー漏えいの疑い（e2e）');
      await byTestId(page, 'ops-action-done').filter({ hasText: 'feed' }).waitFor();
      expect(await focusedTestId(page)).toBe('ops-action-done');
      await keyRow.getByTestId('badge-apikey-revoked').waitFor();
      expect(await keyRow.getByTestId('ops-admin-revoke').count()).toBe(0);
      expect(await t.services.apiKeys.resolve(key.key)).toBeNull();
    });

    // The unlocked operator can sign in again.
    await withContextPage(browser, PC_VIEWPORT, async (page) => {
      await operatorSignIn(page, LOCKED_OPERATOR);
    });
  });
});
