// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
/**
 * The overdue flag (issue 15): unpaid and past the due date by the calendar in Japan, decided by the
 * server's clock. The demo's previous month is confirmed, unpaid and due on its last day; the
 * injectable clock is set to the day before, the due date itself (its first and last second, JST) and
 * the day after.
 */
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import { Browser } from '../support/graphql-client';
import { claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let household: Browser;
let accountId: string;
let month: string;
let due: string;

const INVOICE = `query($month: String!) { billing { invoice(billingMonth: $month) {
  __typename ... on Invoice { billingMonth dueDate paymentStatus overdue } ... on UserError { code } } } }`;
const LISTS = `{ billing { latestInvoice { billingMonth overdue } recentInvoices { billingMonth dueDate paymentStatus overdue }
  history { billingMonth paymentStatus overdue } } }`;

/** Moves the server's clock to an instant (the test clock only moves by offsets). */
const setClock = (iso: string) => t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
const overdueOf = async (who: Browser = household) => {
  const res = await who.gql(INVOICE, { month });
  expect(res.errors).toBeUndefined();
  return res.data?.billing.invoice.overdue as boolean;
};

beforeAll(async () => {
  t = await startTestApp({}, { workers: false });
  const [h] = await seedDemo(t.services);
  accountId = h.accountId;
  household = await claimCard(t, h, `ichigo${process.pid % 1000}${Date.now() % 1e5}`, 'Sakura#2024x', 'ja');
  month = addMonths(currentBillingMonth(t.clock), -1);
  const res = await household.gql(INVOICE, { month });
  due = res.data?.billing.invoice.dueDate;
  expect(res.data?.billing.invoice).toMatchObject({ paymentStatus: 'UNPAID', billingMonth: month });
});
afterAll(async () => {
  await t?.close();
});

const dayBefore = () => {
  const d = new Date(`${due}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};
const dayAfter = () => {
  const d = new Date(`${due}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('overdue (unpaid after the due date, Japan time, server clock)', () => {
  it('is not overdue the day before nor on the due date itself, and is from 00:00 JST the day after', async () => {
    setClock(`${dayBefore()}T12:00:00+09:00`);
    expect(await overdueOf()).toBe(false);
    setClock(`${due}T00:00:00+09:00`);
    expect(await overdueOf()).toBe(false);
    // The due date's last second in Japan: still the due date.
    setClock(`${due}T23:59:59+09:00`);
    expect(await overdueOf()).toBe(false);
    // 00:00 JST the next day is still the due date in UTC (15:00): Japan's calendar decides.
    setClock(`${dayAfter()}T00:00:00+09:00`);
    expect(await overdueOf()).toBe(true);
    setClock(`${dayAfter()}T09:00:00+09:00`);
    expect(await overdueOf()).toBe(true);
  });

  it('flags the lists too, only unpaid bills past their due date, whatever date the client sends', async () => {
    setClock(`${dayAfter()}T10:00:00+09:00`);
    const res = await household.gql(LISTS);
    const billing = res.data?.billing;
    const recent = billing.recentInvoices as {
      billingMonth: string;
      overdue: boolean;
      paymentStatus: string;
    }[];
    expect(recent.find((i) => i.billingMonth === month)?.overdue).toBe(true);
    // Paid bills never are; the newest (due at the end of a later month) is not yet.
    for (const i of billing.history) if (i.paymentStatus === 'PAID') expect(i.overdue).toBe(false);
    expect(billing.latestInvoice.overdue).toBe(false);

    // The client's clock is not asked: a Date header (or anything else it sends) changes nothing.
    const early = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: household.cookie ?? '',
        date: new Date(`${dayBefore()}T12:00:00+09:00`).toUTCString(),
      },
      body: JSON.stringify({ query: INVOICE, variables: { month } }),
    });
    expect(((await early.json()) as any).data.billing.invoice.overdue).toBe(true);
  });

  it('answers 50 concurrent requests alike, and not without a session', async () => {
    setClock(`${dayAfter()}T10:00:00+09:00`);
    const all = await Promise.all(Array.from({ length: 50 }, () => overdueOf()));
    expect(new Set(all)).toEqual(new Set([true]));

    const stranger = new Browser(t.url, 'ja');
    const res = await stranger.gql(INVOICE, { month });
    expect(res.data?.billing ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is no longer overdue once paid', async () => {
    setClock(`${dayAfter()}T10:00:00+09:00`);
    expect(await overdueOf()).toBe(true);
    await t.db.transaction(async (tx) => {
      const [invoice] = await tx.query(
        `SELECT id FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date`,
        [accountId, `${month}-01`],
      );
      await t.services.invoices.markPaid(tx, invoice.id, {
        paidAt: t.clock.now(),
        amount: 1,
        method: 'OTHER',
      });
    });
    expect(await overdueOf()).toBe(false);
  });
});
