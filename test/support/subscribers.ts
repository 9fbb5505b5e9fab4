import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import { Browser, CHANGE_INITIAL, LOGIN } from './graphql-client';
import type { TestApp } from './test-app';

let counter = 0;

/** A provisioned subscriber who has already replaced the postcard pair with their own, signed in. */
export async function activeSubscriber(t: TestApp, lang: 'ja' | 'en' = 'en') {
  const card = await t.services.provisioning.provision(
    { holderName: '佐藤 花子', registeredPhoneNumber: '09012345678' },
    { via: 'test' },
  );
  const loginId = `hanako${process.pid % 1000}${Date.now() % 1e6}${counter++}`;
  const password = 'Momiji#2024x';
  const browser = await claimCard(t, card, loginId, password, lang);
  return { card, loginId, password, browser };
}

/**
 * Signs a postcard's holder in and replaces the postcard pair with their own login ID and password, as
 * the guide's first steps do; returns the browser, signed in with the new pair's session.
 */
export async function claimCard(
  t: TestApp,
  card: { initialLoginId: string; initialPassword: string },
  loginId: string,
  password: string,
  lang: 'ja' | 'en' = 'en',
): Promise<Browser> {
  const browser = new Browser(t.url, lang);
  await browser.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
  const res = await browser.gql(CHANGE_INITIAL, {
    input: {
      initialLoginId: card.initialLoginId,
      initialPassword: card.initialPassword,
      newLoginId: loginId,
      newLoginIdConfirmation: loginId,
      newPassword: password,
      newPasswordConfirmation: password,
    },
  });
  if (res.data?.changeInitialCredentials.__typename !== 'CredentialsChanged') {
    throw new Error(`could not activate subscriber: ${JSON.stringify(res)}`);
  }
  return browser;
}

/** The password the demo subscribers choose in the tests that use them. */
export const DEMO_PASSWORD = 'Tsubaki#2024x';

/**
 * The demo seed (a household with 3 lines, a business with 120) with both postcards claimed: each
 * subscriber's own login ID (unique per run) and DEMO_PASSWORD, signed in through the API as `api`.
 */
export async function claimDemo(t: TestApp) {
  const [householdCard, businessCard] = await seedDemo(t.services);
  const suffix = `${process.pid % 1000}${Date.now() % 1e5}`;
  const claim = async (card: typeof householdCard, loginId: string) => ({
    loginId,
    password: DEMO_PASSWORD,
    accountId: card.accountId,
    api: await claimCard(t, card, loginId, DEMO_PASSWORD, 'ja'),
  });
  return {
    household: await claim(householdCard, `yamada${suffix}`),
    business: await claim(businessCard, `naniwa${suffix}`),
  };
}

export type DemoSubscriber = Awaited<ReturnType<typeof claimDemo>>['household'];

/** A card payment of `billingMonth` that the test provider accepts, valid until next December. */
export function cardPayment(t: TestApp, billingMonth: string, over: Record<string, unknown> = {}) {
  return {
    billingMonth,
    cardNumber: '4242 4242 4242 4242',
    expiryMonth: 12,
    expiryYear: t.clock.now().getUTCFullYear() + 1,
    cvc: '123',
    holderName: 'HANAKO SATO',
    idempotencyKey: randomUUID(),
    ...over,
  };
}
