/// <reference lib="dom" />
/**
 * Type that follows the browser (issue 15): the subscriber's screens and the operator console at
 * 320×640 CSS px with the browser's text size at 200 % (Chromium's default font size 32 px through
 * CDP Page.setFontSizes, as the font-size setting of a browser sets it), in both languages. Nothing
 * is clipped, the page never scrolls sideways, what scrolls is a focusable named region, and the
 * body text follows the setting. Also the focus ring's contrast, the chart's size and contrast, and
 * the chart in forced-colours mode. The built PWA (dist/client) over the demo seed, Chromium.
 * Run `npm run build` first.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import {
  byTestId,
  launchChromium,
  PHONE_VIEWPORT,
  signIn,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { claimDemo } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/** WCAG 1.4.10's width (320 CSS px), a phone's height. */
const NARROW = { width: 320, height: 640 };
const OPERATOR = { loginId: 'op-text', displayName: '受付 花子', password: 'Op#Console2026' };
const LANGS = ['ja', 'en'] as const;
type Lang = (typeof LANGS)[number];

let t: TestApp;
let browser: Browser;
let household: { loginId: string; password: string };
let business: { loginId: string; password: string };

beforeAll(async () => {
  t = await startTestApp();
  ({ household, business } = await claimDemo(t));
  await t.services.operatorAuth.create({ ...OPERATOR, role: 'OPERATOR' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * A page at 320×640 with the browser's default font size doubled (standard 16 → 32 px, fixed
 * 13 → 26 px), in `lang`. Fails on a style refused by the CSP.
 */
async function withLargeText(lang: Lang, fn: (page: Page) => Promise<void>): Promise<void> {
  await withContextPage(browser, NARROW, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.addInitScript((l) => localStorage.setItem('webBilling.lang', l), lang);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await fn(page);
    expect(refused).toEqual([]);
  });
}

interface LayoutReport {
  scrollWidth: number;
  viewport: number;
  bodyFontSize: string;
  /** Elements whose overflow is hidden/clip and whose content is larger than their box. */
  clipped: string[];
  /** Scrolling boxes that a keyboard cannot reach or a screen reader cannot name. */
  unreachable: string[];
  /** Language buttons whose name is cut or outside the screen. */
  langCut: string[];
  /** The outermost elements that reach past the right edge of the screen (why the page is wide). */
  pastEdge: string[];
}

/** Measures the page as it is now (see LayoutReport). */
function measure(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const clipped: string[] = [];
    const unreachable: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body, body *'))) {
      if (!(el instanceof HTMLElement) || el.closest('.visually-hidden, svg')) continue;
      // Form controls scroll their own value natively.
      if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none') continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      // A 1×1 px box is the screen-reader-only pattern: clipped on purpose.
      const srOnly = style.position === 'absolute' && el.clientWidth <= 1 && el.clientHeight <= 1;
      if (!srOnly && ((hides(style.overflowX) && wide) || (hides(style.overflowY) && tall)))
        clipped.push(
          `${describe(el)} ${el.scrollWidth}/${el.clientWidth} × ${el.scrollHeight}/${el.clientHeight}`,
        );
      if ((scrolls(style.overflowX) && wide) || (scrolls(style.overflowY) && tall)) {
        const named = !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
        const region = el.getAttribute('role') === 'region' || (el.tagName === 'SECTION' && named);
        if (!(el.hasAttribute('tabindex') && el.tabIndex >= 0 && named && region))
          unreachable.push(describe(el));
      }
    }
    const viewport = document.documentElement.clientWidth;
    const past = (el: Element | null) => !!el && el.getBoundingClientRect().right > viewport + 0.5;
    // Content of a box of its own (a scroll region, checked above) does not widen the page.
    const boxed = (el: Node) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    const pastEdge = Array.from(document.querySelectorAll('body *'))
      .filter((el) => past(el) && !past(el.parentElement) && !boxed(el))
      .map((el) => `${describe(el)} right ${Math.round(el.getBoundingClientRect().right)}`);
    // Text running out of its element (a word too long for the line).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || past(parent) || boxed(node as unknown as Element) || parent.closest('.visually-hidden'))
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > viewport + 0.5)
        pastEdge.push(`text "${(node.textContent ?? '').trim().slice(0, 40)}" right ${Math.round(right)}`);
    }
    const langCut: string[] = [];
    const names: Record<string, string> = { 'lang-ja': '日本語', 'lang-en': 'English' };
    for (const button of Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="lang-"]'))) {
      const box = button.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(button);
      const text = range.getBoundingClientRect();
      const id = button.dataset.testid ?? '';
      const whole =
        button.textContent === names[id] &&
        text.left >= box.left - 0.5 &&
        text.right <= box.right + 0.5 &&
        box.left >= 0 &&
        box.right <= viewport + 0.5 &&
        button.scrollWidth <= button.clientWidth;
      if (!whole)
        langCut.push(`${id}: text ${text.left}–${text.right} in ${box.left}–${box.right} of ${viewport}`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport,
      bodyFontSize: getComputedStyle(document.body).fontSize,
      clipped,
      unreachable,
      langCut,
      pastEdge,
    };
  });
}

/** The screen as it is now: nothing cut, no sideways page, reachable scroll regions, 32 px text. */
async function expectReadable(page: Page, screen: string): Promise<void> {
  const report = await measure(page);
  expect({ screen, ...report }).toEqual({
    screen,
    scrollWidth: report.viewport,
    viewport: NARROW.width,
    bodyFontSize: '32px',
    clipped: [],
    unreachable: [],
    langCut: [],
    pastEdge: [],
  });
}

/** How many rows, cells and headers Chromium's accessibility tree has under `selector`. */
async function axRoles(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('${selector}')`,
  });
  const counts: Record<string, number> = {};
  for (const role of ['row', 'columnheader', 'rowheader', 'cell']) {
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId, role });
    counts[role] = nodes.length;
  }
  await cdp.detach();
  return counts;
}

/** A region wider than its box takes the focus and scrolls with the arrow keys. */
async function expectKeyboardScrolls(page: Page, region: Locator): Promise<void> {
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((el) => (el as HTMLElement).scrollLeft > 0, await region.elementHandle());
}

describe('200 % text at 320 px (the browser default font size doubled)', () => {
  it.each(LANGS)(
    'subscriber screens (%s): login, top, history and its chart, the 120-line breakdown opened, summary, charges by line, membership, pay',
    async (lang) => {
      await withLargeText(lang, async (page) => {
        await page.goto(`${t.url}/login`);
        await byTestId(page, 'login-submit').waitFor();
        // The setting reaches the page: the root font size is the browser's, not a fixed 16 px.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
        await expectReadable(page, 'login');

        await signIn(page, t.url, business);
        await byTestId(page, 'latest-billing-amount').waitFor();
        await expectReadable(page, 'top');

        await page.goto(`${t.url}/bills/history`);
        const chart = byTestId(page, 'history-chart');
        await chart.waitFor();
        await expectReadable(page, 'history');
        // Chart text drawn at ≥ 0.75rem (24 px here): it follows the text setting.
        const chartText = await chart.evaluate((svg) => {
          const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 0;
          return Array.from(svg.querySelectorAll('text')).map(
            (el) => parseFloat(getComputedStyle(el).fontSize) * scale,
          );
        });
        expect(chartText.length).toBeGreaterThan(15);
        expect(Math.min(...chartText)).toBeGreaterThanOrEqual(24);
        // Wider than the screen at this size: it scrolls in its own region, by keyboard too.
        await expectKeyboardScrolls(page, page.locator('.chart-scroll'));

        await page.goto(`${t.url}/bills`);
        const newest = byTestId(page, 'recent-invoice').first();
        await newest.waitFor();
        const month = (await newest.getAttribute('data-month')) as string;
        await page.goto(`${t.url}/bills/${month}/breakdown`);
        await byTestId(page, 'breakdown-billing').waitFor();
        await byTestId(page, 'open-all').click();
        await page
          .locator('[data-testid="line-section"][data-line="0661000120"] [data-testid="charge-item"]')
          .first()
          .waitFor();
        expect(await byTestId(page, 'line-section').count()).toBeGreaterThanOrEqual(120);
        await expectReadable(page, 'breakdown, all open');
        // The item tables reflow (name over amount and rate) and are still tables to a screen reader.
        // (Panels are items-<carrier>-<line>: a line may be billed by two carriers.)
        const table = '[data-testid="line-section"][data-line="0661000120"] table';
        // On screen first: off-screen lines skip rendering (content-visibility: auto), and so does the AX tree query.
        await page.locator(table).first().scrollIntoViewIfNeeded();
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
        const roles = await axRoles(page, table);
        const items = await page.locator(`${table} >> nth=0`).locator('[data-testid="charge-item"]').count();
        expect(roles).toEqual({ columnheader: 3, rowheader: items, cell: 2 * items, row: items + 1 });

        await page.goto(`${t.url}/bills/${month}/summary`);
        await byTestId(page, 'summary-billing').waitFor();
        await expectReadable(page, 'summary');

        // Charges by line: the 4-month table scrolls in its own region, by keyboard too.
        await page.goto(`${t.url}/bills/lines`);
        await byTestId(page, 'line-row').first().waitFor();
        await expectReadable(page, 'charges by line');
        await expectKeyboardScrolls(page, page.locator('section.table-wrap').first());

        await page.goto(`${t.url}/membership`);
        await byTestId(page, 'membership-holder-name').waitFor();
        await expectReadable(page, 'membership');

        // Last month's confirmed bill, unpaid (the demo seed): the card form, then the Pay-easy numbers.
        await page.goto(`${t.url}/top`);
        const pay = byTestId(page, 'outstanding-invoice').first().locator('a');
        await pay.waitFor();
        await pay.click();
        await waitForPath(page, /^\/bills\/\d{4}-\d{2}\/pay$/);
        await byTestId(page, 'card-form').waitFor();
        await expectReadable(page, 'pay, card');
        await page.locator('[data-testid="method"][value="PAYEASY"]').check();
        // Issued by the first language's run already: then shown at once.
        await page
          .locator('[data-testid="issue-payeasy"], [data-testid="payeasy-customer"]')
          .first()
          .waitFor();
        if (await byTestId(page, 'issue-payeasy').count()) await byTestId(page, 'issue-payeasy').click();
        await byTestId(page, 'payeasy-customer').waitFor();
        await expectReadable(page, 'pay, Pay-easy numbers');
      });
    },
  );

  it.each(LANGS)('operator console (%s): sign-in, search results, account', async (lang) => {
    await withLargeText(lang, async (page) => {
      await page.goto(`${t.url}/ops`);
      await byTestId(page, 'ops-login-submit').waitFor();
      // The console's own stylesheet: a CSS file of its chunk, from 'self', applied.
      const sheets = await page.evaluate(() =>
        Array.from(document.styleSheets).map((s) => s.href ?? 'inline'),
      );
      expect(sheets.some((href) => /\/assets\/ops\.[0-9a-f]+\.css$/.test(href))).toBe(true);
      expect(await page.locator('.ops-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        'rgb(8, 58, 102)',
      );
      await expectReadable(page, 'ops sign-in');

      await byTestId(page, 'loginId').fill(OPERATOR.loginId);
      await byTestId(page, 'password').fill(OPERATOR.password);
      await byTestId(page, 'ops-login-submit').click();
      await waitForPath(page, '/ops/search');
      await byTestId(page, 'ops-search-input').fill('06-6100-0001');
      await byTestId(page, 'ops-search-submit').click();
      await byTestId(page, 'ops-search-results').waitFor();
      await expectReadable(page, 'ops search results');
      await byTestId(page, 'ops-account-link').first().click();
      await byTestId(page, 'ops-account-summary').waitFor();
      await byTestId(page, 'ops-account-lines').waitFor();
      await expectReadable(page, 'ops account');
    });
  });
});

/** Contrast ratio of two computed colours (WCAG 2 relative luminance). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

interface Ring {
  outline: string;
  outlineWidth: number;
  /** The box-shadow band next to the outline (the ring's second tone), if any. */
  band: string | null;
  /** The colour the ring is drawn on: the element's own for an inset ring, else what is behind it. */
  background: string;
  visible: boolean;
}

/** The focus ring of the element that has the focus, and what it is drawn on. */
function focusRing(page: Page): Promise<Ring> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const inset = parseFloat(style.outlineOffset) < 0;
    let bg = 'rgb(255, 255, 255)';
    for (let node: Element | null = inset ? el : el.parentElement; node; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor;
      if (c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) {
        bg = c;
        break;
      }
    }
    const shadow = style.boxShadow.match(/rgba?\([^)]*\)/);
    return {
      outline: style.outlineColor,
      outlineWidth: parseFloat(style.outlineWidth),
      band: shadow ? shadow[0] : null,
      background: bg,
      visible: el.matches(':focus-visible') && style.outlineStyle !== 'none',
    };
  });
}

describe('the console at a phone width (default text size)', () => {
  it('search results wider than the screen scroll in a named region the keyboard reaches', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await page.goto(`${t.url}/ops`);
      await byTestId(page, 'loginId').fill(OPERATOR.loginId);
      await byTestId(page, 'password').fill(OPERATOR.password);
      await byTestId(page, 'ops-login-submit').click();
      await waitForPath(page, '/ops/search');
      await byTestId(page, 'ops-search-input').fill('06-6100-0001');
      await byTestId(page, 'ops-search-submit').click();
      await byTestId(page, 'ops-search-results').waitFor();
      const results = page.getByRole('region', { name: 'お客さま検索' });
      await expectKeyboardScrolls(page, results);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE_VIEWPORT.width,
      );
    });
  });
});

describe('focus ring and chart contrast (default text size)', () => {
  it('the focus ring has ≥ 3:1 against the white page and the blue headers', async () => {
    const checks: [string, string, string][] = [
      ['/login', '[data-testid="forgot-link"]', 'a link on the page'],
      ['/login', '[data-testid="login-submit"]', 'the primary button'],
      ['/login', '[data-testid="lang-ja"]', 'the chosen language (white, in the header)'],
      ['/login', '[data-testid="lang-en"]', 'the other language (on the header blue)'],
      ['/ops', '[data-testid="lang-en"]', "the console header's language button"],
      ['/ops', '[data-testid="ops-login-submit"]', "the console's button"],
    ];
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      for (const [path, selector, what] of checks) {
        await page.goto(`${t.url}${path}`);
        await page.locator(selector).waitFor();
        await page.keyboard.press('Tab'); // keyboard modality: :focus-visible applies
        await page.locator(selector).focus();
        const ring = await focusRing(page);
        expect({ what, visible: ring.visible, width: ring.outlineWidth >= 2 }).toEqual({
          what,
          visible: true,
          width: true,
        });
        // One of the two tones stands out from what the ring is drawn on.
        const best = Math.max(
          contrast(ring.outline, ring.background),
          ring.band ? contrast(ring.band, ring.background) : 0,
        );
        expect({ what, ...ring, enough: best >= 3 }).toEqual({ what, ...ring, enough: true });
      }
    });
  });

  it('the chart: provisional bars outlined at ≥ 3:1, labels visible in forced-colours mode', async () => {
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      await signIn(page, t.url, household);
      await page.goto(`${t.url}/bills/history`);
      const chart = byTestId(page, 'history-chart');
      await chart.waitFor();
      const card = await page
        .locator('.history__chart')
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const provisional = await chart
        .locator('.chart__bar--provisional')
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return { stroke: s.stroke, width: parseFloat(s.strokeWidth), fill: s.fill };
        });
      expect(contrast(provisional.stroke, card)).toBeGreaterThanOrEqual(3);
      expect(provisional.width).toBeGreaterThanOrEqual(1);
      expect(provisional.fill).toContain('url(');

      await page.emulateMedia({ forcedColors: 'active' });
      const forced = await page.evaluate(() => {
        // The system colours as this browser resolves them.
        const probe = document.createElement('span');
        probe.style.setProperty('color', 'CanvasText');
        probe.style.setProperty('background-color', 'Canvas');
        document.body.append(probe);
        const system = {
          text: getComputedStyle(probe).color,
          canvas: getComputedStyle(probe).backgroundColor,
        };
        probe.remove();
        const card = getComputedStyle(document.querySelector('.history__chart') as Element).backgroundColor;
        const labels = Array.from(document.querySelectorAll('[data-testid="history-chart"] text')).map(
          (el) => getComputedStyle(el).fill,
        );
        return { system, card, labels };
      });
      expect(forced.labels.length).toBeGreaterThan(15);
      for (const fill of forced.labels) {
        expect(fill).toBe(forced.system.text);
        expect(contrast(fill, forced.card)).toBeGreaterThanOrEqual(4.5);
      }
    });
  });
});
