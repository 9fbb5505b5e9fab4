/// <reference lib="dom" />
/**
 * axe-core (WCAG 2.2 AA rules) on every subscriber and console screen, at 360 and 1280 CSS px, in
 * Japanese and English: 0 violations. The built PWA over the demo seed, real app, Chromium.
 * Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import {
  byTestId,
  launchChromium,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  submitLogin,
  waitForPath,
} from '../support/browser';
import { claimDemo, type DemoSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(600_000);

const OPERATOR = { loginId: 'op-axe', displayName: '受付 花子', password: 'Op#Console2026' };
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let t: TestApp;
let browser: Browser;
let business: DemoSubscriber;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ business } = await claimDemo(t));
  accountId = business.accountId;
  await t.services.operatorAuth.create({ ...OPERATOR, role: 'ADMIN' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

type Lang = 'ja' | 'en';
interface Found {
  screen: string;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

/** A context in one language (the stored choice) and width; the page given to `fn`. */
async function inContext(
  lang: Lang,
  viewport: { width: number; height: number },
  fn: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ viewport, locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
  context.setDefaultTimeout(20_000);
  await context.addInitScript((l) => {
    try {
      localStorage.setItem('webBilling.lang', l);
    } catch {
      /* storage disabled */
    }
  }, lang);
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Runs axe on what is on screen now; adds what it finds to `found`. */
async function check(page: Page, screen: string, found: Found[]): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  for (const v of result.violations) {
    found.push({
      screen,
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    });
  }
}

/** Opens a path in the app (client-side routes load through the shell) and waits for `ready`. */
async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${t.url}${path}`);
  await page.locator(ready).first().waitFor();
  // Lazy content (carrier names, the picker) settles before axe looks.
  await page.waitForLoadState('networkidle');
}

async function subscriberScreens(page: Page, tag: string, found: Found[]): Promise<void> {
  await open(page, '/login', '[data-testid="login-submit"]');
  await check(page, `${tag} /login`, found);
  await open(page, '/forgot', 'main h1');
  await check(page, `${tag} /forgot`, found);

  await open(page, '/login', '[data-testid="login-submit"]');
  await submitLogin(page, business.loginId, business.password);
  await waitForPath(page, '/top');
  await byTestId(page, 'login-id').waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, `${tag} /top`, found);

  await open(page, '/bills', '[data-testid="recent-invoice"]');
  await check(page, `${tag} /bills`, found);
  const months = await byTestId(page, 'recent-invoice').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-month') as string),
  );
  const [current, previous] = months;
  await open(page, `/bills/${current}/breakdown`, '[data-testid="breakdown-billing"]');
  await check(page, `${tag} breakdown`, found);
  await open(page, `/bills/${current}/summary`, 'main h1');
  await check(page, `${tag} summary`, found);
  await open(page, `/bills/${previous}/pay`, 'main h1');
  await check(page, `${tag} pay`, found);
  await open(page, `/bills/${current}/breakdown?line=0661000007`, '[data-testid="breakdown-billing"]');
  await check(page, `${tag} breakdown of one line`, found);
  for (const [path, ready] of [
    ['/bills/history', 'main h1'],
    ['/bills/lines', '[data-testid="line-row"]'],
    ['/bills/notification', 'main h1'],
    ['/bills/notification/register', 'main form'],
    ['/reissue-email', 'main h1'],
    ['/reissue-email/register', 'main form'],
    ['/membership', '[data-testid="membership-save"]'],
    ['/password', 'main form'],
    ['/no-such-page', 'main h1'],
  ] as const) {
    await open(page, path, ready);
    await check(page, `${tag} ${path}`, found);
  }
}

async function consoleScreens(page: Page, tag: string, found: Found[]): Promise<void> {
  await open(page, '/ops', '[data-testid="ops-login-submit"]');
  await check(page, `${tag} /ops login`, found);
  await byTestId(page, 'loginId').fill(OPERATOR.loginId);
  await byTestId(page, 'password').fill(OPERATOR.password);
  await byTestId(page, 'ops-login-submit').click();
  await waitForPath(page, '/ops/search');
  await page.waitForLoadState('networkidle');
  await check(page, `${tag} /ops/search`, found);
  for (const path of ['/ops/provision', '/ops/postcards', '/ops/mail', '/ops/audit', '/ops/admin']) {
    await open(page, path, 'main h1');
    await check(page, `${tag} ${path}`, found);
  }
  await open(page, `/ops/accounts/${encodeURIComponent(accountId)}`, 'main h1');
  await check(page, `${tag} /ops/accounts/:id`, found);
}

describe('axe-core, WCAG 2.2 AA', () => {
  for (const lang of ['ja', 'en'] as const) {
    for (const [width, viewport] of [
      [360, PHONE_VIEWPORT],
      [1280, PC_VIEWPORT],
    ] as const) {
      it(`finds no violation on any screen at ${width} px in ${lang === 'ja' ? 'Japanese' : 'English'}`, async () => {
        const found: Found[] = [];
        await inContext(lang, viewport, (page) => subscriberScreens(page, `${lang} ${width}`, found));
        await inContext(lang, viewport, (page) => consoleScreens(page, `${lang} ${width}`, found));
        if (found.length > 0) console.log(JSON.stringify(found, null, 1));
        expect(found).toEqual([]);
      });
    }
  }
});
