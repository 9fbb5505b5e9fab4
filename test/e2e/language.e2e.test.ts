/// <reference lib="dom" />
/**
 * End-to-end browser tests of the language (issue 15): the first visit follows the browser's
 * languages, the switch wins afterwards, a switch refetches what the server localised (carrier and
 * service names) without a reload and never shows the other language from a cache, Japanese data in
 * English screens is marked lang="ja", and the English dictionary is a chunk of its own. The built
 * PWA (dist/client) over the demo seed, Chromium. Run `npm run build` first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import {
  byTestId,
  launchChromium,
  PHONE_VIEWPORT,
  submitLogin,
  textOf,
  waitForPath,
} from '../support/browser';
import { Browser as ApiClient, CHANGE_INITIAL, LOGIN } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PASSWORD = 'Tsubaki#2024x';
const EN_ONLY = 'Skip to main content'; // en.skipToContent
const JA_ONLY = 'メインコンテンツへ移動'; // ja.skipToContent

let t: TestApp;
let browser: Browser;
let household: { loginId: string; password: string };
let month: string;

beforeAll(async () => {
  t = await startTestApp();
  const [card] = await seedDemo(t.services);
  const loginId = `yamada${process.pid % 1000}${Date.now() % 1e5}`;
  const api = new ApiClient(t.url, 'ja');
  await api.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
  const res = await api.gql(CHANGE_INITIAL, {
    input: {
      initialLoginId: card.initialLoginId,
      initialPassword: card.initialPassword,
      newLoginId: loginId,
      newLoginIdConfirmation: loginId,
      newPassword: PASSWORD,
      newPasswordConfirmation: PASSWORD,
    },
  });
  if (res.data?.changeInitialCredentials.__typename !== 'CredentialsChanged')
    throw new Error(`could not activate: ${JSON.stringify(res)}`);
  household = { loginId, password: PASSWORD };
  month = currentBillingMonth(t.clock);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * A fresh context in the given browser locale (Accept-Language and navigator.languages follow it);
 * `languages` overrides navigator.languages for a list of preferences. Records the English chunk's
 * requests and fails on any page error.
 */
async function withLocale(
  locale: string,
  fn: (page: Page, ctx: { context: BrowserContext; enChunkRequests: string[] }) => Promise<void>,
  languages?: string[],
): Promise<void> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale });
  context.setDefaultTimeout(15_000);
  if (languages) {
    await context.addInitScript((langs) => {
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => langs, configurable: true });
    }, languages);
  }
  const page = await context.newPage();
  // The page's own requests (the service worker also fetches every chunk to precache it).
  const enChunkRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/i18n-en\.[\w]+\.js$/.test(new URL(r.url()).pathname)) enChunkRequests.push(r.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await fn(page, { context, enChunkRequests });
  } finally {
    await context.close();
  }
  expect(pageErrors).toEqual([]);
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The login screen, drawn (its submit button is there). */
async function openLogin(page: Page): Promise<void> {
  await page.goto(`${t.url}/login`);
  await byTestId(page, 'login-submit').waitFor();
}

async function signIn(page: Page): Promise<void> {
  await openLogin(page);
  await submitLogin(page, household.loginId, household.password);
  await waitForPath(page, '/top');
  await byTestId(page, 'holder-name').waitFor();
}

/** The language of the nearest element with `lang`, for the element each selector finds. */
function langsOf(page: Page, selector: string): Promise<{ text: string; lang: string | null }[]> {
  return page.$$eval(selector, (els) =>
    els.map((el) => ({
      text: (el.textContent ?? '').trim(),
      lang: el.closest('[lang]')?.getAttribute('lang') ?? null,
    })),
  );
}

/** Waits until an element matching `selector` reads exactly `text`. */
const untilText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(
    ([sel, want]) => Array.from(document.querySelectorAll(sel)).some((el) => el.textContent === want),
    [selector, text] as const,
  );

const carrierNames = (page: Page) => page.locator('.carrier__title .disclosure__label').allTextContents();
const serviceNames = (page: Page) => page.locator('.line__service').allTextContents();

describe('the first visit follows the browser', () => {
  it('an en-US browser starts in English from the first paint, with the English chunk', async () => {
    await withLocale('en-US', async (page, { enChunkRequests }) => {
      // Every text the app has drawn, from the first mutation on: no Japanese flash before English.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __drawn: string[] }).__drawn = seen;
        new MutationObserver(() => {
          const app = document.getElementById('app');
          if (app?.textContent) seen.push(app.textContent);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await openLogin(page);
      expect(await htmlLang(page)).toBe('en');
      expect(await textOf(page.locator('.skip-link'))).toBe(EN_ONLY);
      expect(await textOf(page.locator('h1'))).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const drawn = await page.evaluate(() => (window as unknown as { __drawn: string[] }).__drawn);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.filter((text) => text.includes(JA_ONLY))).toEqual([]);
      expect(enChunkRequests).toHaveLength(1);
    });
  });

  it('a ja-JP browser starts in Japanese and never fetches the English chunk', async () => {
    await withLocale('ja-JP', async (page, { enChunkRequests }) => {
      await openLogin(page);
      expect(await htmlLang(page)).toBe('ja');
      expect(await textOf(page.locator('.skip-link'))).toBe(JA_ONLY);
      expect(enChunkRequests).toEqual([]);
    });
  });

  it.each([
    [['fr-FR', 'en-GB', 'ja'], 'en'],
    [['de-DE', 'ja-JP', 'en-US'], 'ja'],
    [['fr-FR', 'ko'], 'ja'],
  ])('navigator.languages %j: the first ja*/en* decides → %s', async (languages, lang) => {
    await withLocale(
      'fr-FR',
      async (page) => {
        await openLogin(page);
        expect(await htmlLang(page)).toBe(lang);
        expect(await textOf(page.locator('.skip-link'))).toBe(lang === 'en' ? EN_ONLY : JA_ONLY);
      },
      languages,
    );
  });

  it('a stored choice beats the browser, and a reload keeps it', async () => {
    await withLocale('en-US', async (page) => {
      await openLogin(page);
      expect(await htmlLang(page)).toBe('en');
      await byTestId(page, 'lang-ja').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ja');
      await page.reload();
      await byTestId(page, 'login-submit').waitFor();
      expect(await htmlLang(page)).toBe('ja');
      expect(await textOf(page.locator('.skip-link'))).toBe(JA_ONLY);
      expect(await byTestId(page, 'lang-ja').getAttribute('aria-pressed')).toBe('true');
    });
    await withLocale('ja-JP', async (page, { enChunkRequests }) => {
      await openLogin(page);
      await byTestId(page, 'lang-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await textOf(page.locator('.skip-link'))).toBe(EN_ONLY);
      expect(enChunkRequests).toHaveLength(1); // fetched on demand
      await page.reload();
      await byTestId(page, 'login-submit').waitFor();
      expect(await htmlLang(page)).toBe('en');
      expect(await textOf(page.locator('.skip-link'))).toBe(EN_ONLY);
    });
  });
});

describe('a switch refetches what the server localised', () => {
  it('on the breakdown: carrier and service names change without a reload, and no cache answers in the old language', async () => {
    await withLocale('ja-JP', async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/bills/${month}/breakdown`);
      await byTestId(page, 'carrier-section').first().waitFor();
      expect(await carrierNames(page)).toContain('NTT東日本');
      await byTestId(page, 'open-all').click();
      expect(await serviceNames(page)).toContain('加入電話');
      // A marker that a reload would lose.
      await page.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });

      await byTestId(page, 'lang-en').click();
      await untilText(page, '.carrier__title .disclosure__label', 'NTT East');
      expect(await carrierNames(page)).toEqual([
        'NTT East',
        'NTT Docomo',
        'NTT Communications',
        'OCN (Internet service provider)',
      ]);
      await untilText(page, '.line__service', 'Fixed-line telephone');
      expect(new Set(await serviceNames(page))).toEqual(
        new Set(['Fixed-line telephone', 'Mobile phone (ahamo)', "FLET'S Hikari Cross"]),
      );
      // The picker's carriers too (its own query, refetched alongside).
      await untilText(page, '[data-testid="line-picker"] option[value="c:NTT_EAST"]', 'NTT East');
      expect(
        await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
      ).toBe(true);

      // The breakdown read in Japanese and left for another screen, the switch made there: coming
      // back never draws the Japanese names cached before (not even for a moment).
      await byTestId(page, 'lang-ja').click();
      await untilText(page, '.carrier__title .disclosure__label', 'NTT東日本');
      await byTestId(page, 'summary-link').first().click();
      await waitForPath(page, `/bills/${month}/summary`);
      await byTestId(page, 'summary-billing').waitFor();
      await byTestId(page, 'lang-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      // From now on, any carrier name drawn is recorded.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __carriers: string[] }).__carriers = seen;
        new MutationObserver(() => {
          for (const el of Array.from(document.querySelectorAll('.carrier__title .disclosure__label')))
            seen.push(el.textContent ?? '');
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await page.goBack();
      await waitForPath(page, `/bills/${month}/breakdown`);
      await byTestId(page, 'carrier-section').first().waitFor();
      await untilText(page, '.carrier__title .disclosure__label', 'NTT East');
      const drawn = await page.evaluate(() => (window as unknown as { __carriers: string[] }).__carriers);
      expect(drawn.filter((name) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(name))).toEqual([]);

      // The copy saved for offline reading holds each language under its own key.
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('webBilling.saved') ?? '{}'));
      const ops = Object.entries(saved.ops as Record<string, { data: unknown }>);
      const breakdowns = ops.filter(([key]) => key.includes(':Breakdown:'));
      expect(breakdowns.map(([key]) => key.slice(0, 3)).sort()).toEqual(['en:', 'ja:']);
      for (const [key, op] of breakdowns) {
        const text = JSON.stringify(op.data);
        expect(text).toContain(key.startsWith('en:') ? 'NTT East' : 'NTT東日本');
        expect(text).not.toContain(key.startsWith('en:') ? 'NTT東日本' : 'NTT East');
      }
    });
  });

  it('offline, the saved bill is shown in the language chosen, not the other one', async () => {
    await withLocale('ja-JP', async (page, { context }) => {
      await signIn(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.goto(`${t.url}/bills/${month}/breakdown`);
      await byTestId(page, 'carrier-section').first().waitFor();
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        await page.reload();
        await byTestId(page, 'carrier-section').first().waitFor();
      }
      await byTestId(page, 'lang-en').click();
      await untilText(page, '.carrier__title .disclosure__label', 'NTT East');
      await context.setOffline(true);
      try {
        await page.reload();
        await byTestId(page, 'offline-data-notice').waitFor();
        expect(await htmlLang(page)).toBe('en'); // the English chunk came from the worker's precache
        expect((await carrierNames(page))[0]).toBe('NTT East');
      } finally {
        await context.setOffline(false);
      }
    });
  });
});

describe('Japanese data in English screens is marked lang="ja"', () => {
  it('item names, notices, the holder name and address; English names follow the UI', async () => {
    await withLocale('en-US', async (page) => {
      await signIn(page);
      expect(await htmlLang(page)).toBe('en');
      const holder = await langsOf(page, '[data-testid="holder-name"]');
      expect(holder).toEqual([{ text: expect.stringMatching(/\S/), lang: 'ja' }]);

      await page.goto(`${t.url}/bills/${month}/breakdown`);
      await byTestId(page, 'carrier-section').first().waitFor();
      await byTestId(page, 'open-all').click();
      await byTestId(page, 'charge-item').first().waitFor();
      const items = await langsOf(page, '[data-testid="charge-item"] th');
      expect(items.length).toBeGreaterThan(5);
      expect(items.filter((i) => i.lang !== 'ja')).toEqual([]);
      expect(items.map((i) => i.text)).toContain('基本料');
      // English names are read with the page's language.
      expect(new Set((await langsOf(page, '.carrier__title .disclosure__label')).map((c) => c.lang))).toEqual(
        new Set(['en']),
      );
      expect(new Set((await langsOf(page, '.line__service')).map((c) => c.lang))).toEqual(new Set(['en']));

      await page.goto(`${t.url}/bills/${month}/summary`);
      await byTestId(page, 'notice').first().waitFor();
      const notices = await langsOf(page, '[data-testid="notice"] h3, [data-testid="notice"] p');
      expect(notices.length).toBeGreaterThanOrEqual(4);
      expect(notices.filter((n) => n.lang !== 'ja')).toEqual([]);

      await page.goto(`${t.url}/membership`);
      await byTestId(page, 'membership-holder-name').waitFor();
      const contract = await langsOf(
        page,
        '[data-testid="membership-holder-name"], [data-testid="membership-postal-address"]',
      );
      expect(contract.map((c) => c.lang)).toEqual(['ja', 'ja']);
      // Everything else on the page is English.
      expect(await langsOf(page, 'h1')).toEqual([{ text: expect.any(String), lang: 'en' }]);
    });
  });
});

describe('the English dictionary is a chunk of its own', () => {
  it('the initial HTML and JavaScript hold Japanese only; the worker precaches the English chunk', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const initial = [
      html,
      ...(await Promise.all(scripts.map(async (s) => (await fetch(`${t.url}${s}`)).text()))),
    ];
    expect(initial.some((text) => text.includes(JA_ONLY))).toBe(true);
    expect(initial.filter((text) => text.includes(EN_ONLY))).toEqual([]);

    const sw = await (await fetch(`${t.url}/sw.js`)).text();
    const chunk = /assets\/i18n-en\.[\w]+\.js/.exec(sw)?.[0];
    expect(chunk).toBeDefined();
    expect(await (await fetch(`${t.url}/${chunk}`)).text()).toContain(EN_ONLY);
  });
});
