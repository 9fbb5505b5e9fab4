/// <reference lib="dom" />
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/** Shared pieces of the end-to-end tests: Debian's Chromium, one fresh context per test, page helpers. */

export const PHONE_VIEWPORT = { width: 360, height: 740 };
/** The PC layout the issues name (1280×800). */
export const PC_VIEWPORT = { width: 1280, height: 800 };

// Plain JavaScript so that `npm test` can run it before jest (it installs Chromium when it may).
const { chromiumPath } = require('./chromium.js') as { chromiumPath(): string };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Without background networking Chromium does not try to reach Google at start (no network here).
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A fresh context per test (no cookies, storage or service worker shared); fails on any page error. */
export async function withContextPage(
  browser: Browser,
  viewport: { width: number; height: number },
  fn: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await fn(page, context);
  } finally {
    await context.close();
  }
  expect(pageErrors).toEqual([]);
}

export const byTestId = (page: Page, id: string) => page.getByTestId(id);

/** An element's text, trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

export async function waitForPath(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL((u) => (typeof path === 'string' ? u.pathname === path : path.test(u.pathname)));
}

/** Nothing is wider than the screen: no sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Fills the login form and submits it (the caller waits for what should follow). */
export async function submitLogin(page: Page, loginId: string, password: string): Promise<void> {
  await byTestId(page, 'loginId').fill(loginId);
  await byTestId(page, 'password').fill(password);
  await byTestId(page, 'login-submit').click();
}

/** Signs a subscriber in from the login page of the app at `url` and waits for the top screen. */
export async function signIn(
  page: Page,
  url: string,
  who: { loginId: string; password: string },
): Promise<void> {
  await page.goto(`${url}/login`);
  await byTestId(page, 'login-submit').waitFor();
  await submitLogin(page, who.loginId, who.password);
  await waitForPath(page, '/top');
  await byTestId(page, 'login-id').waitFor();
}

/** A mailed link (on the default PUBLIC_URL) moved onto the test app's own origin. */
export function onOrigin(link: string, origin: string): string {
  const url = new URL(link);
  return `${origin}${url.pathname}${url.search}${url.hash}`;
}
