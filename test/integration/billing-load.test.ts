import { currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { loadBillingData } from '../../server/src/modules/billing/load-data';
import { Browser, LOGIN } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('bulk-loads accounts with 1–120 lines, 15 months of totals and 4 months of ~10 items per line, usable at once', async () => {
  const password = 'Load#2024pass';
  const result = await loadBillingData(t.services.pool, t.clock, {
    accounts: 40,
    loginAccounts: 2,
    passwordHash: await t.services.hasher.hash(password),
  });
  expect(result.accounts).toBe(40);
  expect(result.invoices).toBe(40 * 15);
  expect(result.chargeItems).toBe(result.lines * 4 * 10);
  const [{ max, min }]: { max: number; min: number }[] = await t.db.query(
    'SELECT max(n)::int AS max, min(n)::int AS min FROM (SELECT count(*) AS n FROM line GROUP BY billing_account_id) c',
  );
  expect(max).toBe(120);
  expect(min).toBeGreaterThanOrEqual(1);

  const b = new Browser(t.url);
  const login = await b.gql(LOGIN, { input: { loginId: result.loginIds[0], password } });
  expect(login.data?.login.__typename).toBe('LoginSuccess');
  const res = await b.gql(
    `query($m: String!) { billing { history { billingMonth } breakdown(billingMonth: $m) { __typename
      ... on Breakdown { itemsTotal invoice { usageAmount taxes { taxAmount } } carriers { lines { line { lineNumber } } } } } } }`,
    { m: currentBillingMonth(t.clock) },
  );
  expect(res.data?.billing.history).toHaveLength(15);
  const breakdown = res.data?.billing.breakdown;
  expect(breakdown.carriers[0].lines).toHaveLength(120);
  // Loaded totals agree with loaded items.
  expect(breakdown.invoice.usageAmount).toBe(breakdown.itemsTotal + breakdown.invoice.taxes[0].taxAmount);
});

it('with loginStride, gives subscribers to every n-th account from the first (bench:scale spreads its visitors)', async () => {
  const result = await loadBillingData(t.services.pool, t.clock, {
    accounts: 25,
    loginAccounts: 10, // asks for 10; at a stride of 10, 25 accounts hold 3: the 1st, the 11th, the 21st
    loginStride: 10,
    passwordHash: 'not-checked-here',
    seed: 7,
  });
  expect(result.subscribers).toBe(3);
  const rows: { login_id: string; position: number }[] = await t.db.query(
    `SELECT s.login_id, a.position::int FROM subscriber s
       JOIN (SELECT id, row_number() OVER (ORDER BY customer_number) - 1 AS position
               FROM billing_account WHERE customer_number LIKE $1) a ON a.id = s.billing_account_id
      ORDER BY a.position`,
    [`L${result.loginIds[0].slice(4, 9)}%`],
  );
  expect(rows).toEqual([
    { login_id: result.loginIds[0], position: 0 },
    { login_id: result.loginIds[1], position: 10 },
    { login_id: result.loginIds[2], position: 20 },
  ]);
});
