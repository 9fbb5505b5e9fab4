import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[]) => Number((await t.db.query(sql, params))[0].n);

it('purges details past 4 months and totals past 15 months, on a nightly schedule', async () => {
  const [household] = await seedDemo(t.services);
  const start = currentBillingMonth(t.clock);
  const itemsOf = (month: string) =>
    count(
      `SELECT count(*) AS n FROM charge_item ci JOIN invoice i ON i.id = ci.invoice_id
        WHERE i.billing_account_id = $1 AND i.billing_month = $2::date`,
      [household.accountId, `${month}-01`],
    );
  const invoicesOf = () =>
    count('SELECT count(*) AS n FROM invoice WHERE billing_account_id = $1', [household.accountId]);
  expect(await invoicesOf()).toBe(15);
  expect(await itemsOf(addMonths(start, -3))).toBeGreaterThan(0);

  // Nothing is due yet.
  expect(await t.services.retention.purge()).toEqual({ detailInvoices: 0, invoices: 0 });

  t.clock.advance(32 * 86_400_000); // next month
  expect(currentBillingMonth(t.clock)).toBe(addMonths(start, 1));
  const purged = await t.services.retention.purge();
  expect(purged.invoices).toBe(2); // the oldest month of each demo account
  expect(purged.detailInvoices).toBe(2);
  expect(await invoicesOf()).toBe(14);
  expect(await itemsOf(addMonths(start, -3))).toBe(0); // now 5 months old
  expect(await itemsOf(addMonths(start, -2))).toBeGreaterThan(0); // now 4 months old: kept

  const [schedule]: { cron: string; timezone: string }[] = await t.db.query(
    `SELECT cron, timezone FROM pgboss.schedule WHERE name = 'billing-retention'`,
  );
  expect(schedule).toEqual({ cron: '30 3 * * *', timezone: 'Asia/Tokyo' });
});
