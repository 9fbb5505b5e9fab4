/// <reference lib="dom" />
/**
 * A flooded network address in the browser (issue 14, SPEC §2.5): after others behind the same
 * address failed too often, the PWA's login screen says why, solves the proof of work in this
 * Chromium (altcha-lib, loaded on demand) and signs the subscriber in with the right password. The
 * built PWA (dist/client) served by the real app. Run `npm run build` first.
 */
import type { Browser } from 'playwright-core';
import {
  byTestId,
  launchChromium,
  submitLogin as login,
  PHONE_VIEWPORT,
  textOf,
  waitForPath,
  withContextPage,
} from '../support/browser';
import { Browser as GraphQLBrowser, LOGIN } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_FAILURES_PER_ADDRESS: '3' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('step-up in the browser (360×740, ja)', () => {
  it('explains, solves the proof of work and signs in with the right password from a flooded address', async () => {
    const s = await activeSubscriber(t, 'ja');
    for (let i = 0; i < 3; i++) {
      await new GraphQLBrowser(t.url).gql(LOGIN, { input: { loginId: `flood${i}x`, password: 'guess' } });
    }
    await withContextPage(browser, PHONE_VIEWPORT, async (page) => {
      const solving = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/graphql' && (r.request().postData() ?? '').includes('"proof"'),
      );
      const chunk = page.waitForResponse((r) => /step-up\.[\w]+\.js$/.test(new URL(r.url()).pathname));
      await page.goto(`${t.url}/login`);
      await byTestId(page, 'login-submit').waitFor();
      await login(page, s.loginId, s.password);
      // The explanation shows while the device works, then the sign-in goes through.
      const status = byTestId(page, 'login-step-up');
      await status.waitFor();
      expect(await textOf(status)).toMatch(/ネットワーク/);
      await chunk; // altcha-lib came only now, as its own chunk
      await solving;
      await waitForPath(page, '/top');
      await byTestId(page, 'login-id').waitFor();
      expect(await textOf(byTestId(page, 'login-id'))).toBe(s.loginId);
    });
  });
});
