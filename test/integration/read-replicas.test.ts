// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemoBilling } from '../../server/src/modules/billing/demo-billing';
import { freePort } from '../support/free-port';
import { Browser } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { type Standby, standbyUnavailable, startStandby } from '../support/standby';
import { activeSubscriber, cardPayment } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';

// Reads on a real hot standby of the test cluster (streaming replication through a slot). The system
// PostgreSQL must allow replication connections from 127.0.0.1; without that the suite says why and skips.
const unavailable = standbyUnavailable();
if (unavailable) console.warn(`read-replica tests skipped: ${unavailable}`);
const describeWithStandby = unavailable ? describe.skip : describe;

// Long enough that the standby replays a payment within it while the other suites write to the same
// cluster (at 2 s, CI once saw it fall behind during a payment on the system PostgreSQL), and that a
// loaded machine reads within it after pausing replay; short enough to wait out.
const MAX_LAG_SECONDS = 5;
let t: TestApp;
let standby: Standby;
const smtp = new SmtpSink();
let current: string;
let payable: string;

beforeAll(async () => {
  if (unavailable) return;
  standby = await startStandby();
  await smtp.start();
  t = await startTestApp(
    { DATABASE_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS), SMTP_URL: smtp.url },
    { standby },
  );
  current = currentBillingMonth(t.clock);
  payable = addMonths(current, -1);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await standby?.destroy();
  await smtp.stop();
});

const TOP = `query($m: String!) { billing {
  latestInvoice { billingMonth billingAmount paymentStatus notices { title } issuers { totalAmount } }
  recentInvoices { billingMonth }
  history { billingMonth billingAmount }
  breakdown(billingMonth: $m) { ... on Breakdown { itemsTotal carriers { lines { line { lineNumber } } } } }
  lines(first: 10) { totalCount lines { lineNumber } }
  carriers { code } } }`;

const INVOICE = `query($m: String!) { billing { invoice(billingMonth: $m) { __typename
  ... on Invoice { billingMonth billingAmount paymentStatus receipt { amount } payEasySlip { customerNumber } } } } }`;

const PAY = `mutation Pay($input: PayInvoiceByCardInput!) { payInvoiceByCard(input: $input) {
  __typename ... on PaymentSucceeded { invoice { paymentStatus } } } }`;

const PAYEASY = `mutation PayEasy($input: IssuePayEasySlipInput!) { issuePayEasySlip(input: $input) {
  __typename ... on PayEasySlip { customerNumber } } }`;

const cardInput = () => cardPayment(t, payable);

/** A signed-in subscriber with 15 months of demo bills, replicated to the standby. */
async function subscriber() {
  const s = await activeSubscriber(t);
  await seedDemoBilling(t.db, t.clock, s.card.accountId, 'family');
  // Written straight into the primary by the test, not by the app: wait for it on the standby.
  await standby.caughtUp();
  return s;
}

async function invoiceOf(browser: Browser, month = payable) {
  return (await browser.gql(INVOICE, { m: month })).data?.billing.invoice;
}

/** Stops WAL replay on the standby, returning once it has stopped (a pause is only requested at first). */
async function pauseReplay() {
  await standby.query('postgres', 'SELECT pg_wal_replay_pause()');
  await waitUntil('replay to pause', async () => {
    // It pauses before the next record it would replay: give it one (a transaction id's commit).
    await t.db.query('SELECT txid_current()');
    const [{ state }] = await standby.query<{ state: string }>(
      'postgres',
      'SELECT pg_get_wal_replay_pause_state() AS state',
    );
    return state === 'paused' ? true : undefined;
  });
}

async function readyz() {
  const res = await fetch(`${t.url}/readyz`);
  return { status: res.status, body: (await res.json()) as any };
}

const database = () => new URL(t.databaseUrl).pathname.slice(1);

/** Bill statements the app ran on the primary (its pool and TypeORM are counted in t.statements). */
const billReadsOnPrimary = () =>
  t.statements.filter((s) =>
    /FROM invoice i\b|FROM carrier_statement cs|FROM line l\b|FROM payment p\b/.test(s),
  );

/** Statements the app has run on the standby (its own count, as /readyz reports it). */
const standbyReads = () => t.services.replicas.status()[0].reads;

/** What the app's connections to the standby last ran (pg_stat_activity of the standby itself). */
async function standbyStatements(): Promise<string[]> {
  const rows = await standby.query<{ query: string }>(
    'postgres',
    "SELECT query FROM pg_stat_activity WHERE application_name = 'web-billing-reads' AND datname = $1",
    [database()],
  );
  return rows.map((r) => r.query);
}

describeWithStandby('read replicas: bill reads on a hot standby', () => {
  it('reports the standby in /readyz', async () => {
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      replicas: [{ replica: 1, state: 'ok', lagSeconds: expect.any(Number), reads: expect.any(Number) }],
    });
  });

  it('serves the bill screens from the standby, not the primary', async () => {
    const { browser } = await subscriber();
    t.statements.length = 0;
    const readsBefore = standbyReads();
    const top = (await browser.gql(TOP, { m: current })).data?.billing;
    expect(top.latestInvoice.billingMonth).toBe(current);
    expect(top.history).toHaveLength(15);
    expect(top.breakdown.itemsTotal).toBeGreaterThan(0);
    expect(top.lines.totalCount).toBe(3);
    expect(billReadsOnPrimary()).toEqual([]);
    // The session is the primary's: sessions, limits and writes never go to a standby.
    expect(t.statements.some((s) => /session/.test(s))).toBe(true);
    // The newest, last 4 and 15 invoices, notices, issuers, breakdown (2), lines (2), carriers.
    expect(standbyReads() - readsBefore).toBeGreaterThanOrEqual(10);
    // The standby itself sees the app's connections.
    expect((await standbyStatements()).length).toBeGreaterThan(0);
  });

  it('streams the breakdown CSV from a cursor on the standby', async () => {
    const { browser } = await subscriber();
    t.statements.length = 0;
    const readsBefore = standbyReads();
    const res = await fetch(`${t.url}/documents/bills/${current}/breakdown.csv`, {
      headers: { cookie: browser.cookie as string },
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n').length).toBeGreaterThan(3);
    expect(billReadsOnPrimary()).toEqual([]);
    expect(standbyReads()).toBeGreaterThan(readsBefore);
  });

  it('shows what the standby has replayed; one past the lag bound is skipped until it catches up', async () => {
    const { browser, card } = await subscriber();
    const before = (await invoiceOf(browser)).billingAmount;
    await pauseReplay();
    try {
      // Another writer (an integrator, say) changes the bill on the primary.
      await t.db.query(
        'UPDATE invoice SET billing_amount = billing_amount + 1 WHERE billing_account_id = $1 AND billing_month = $2::date',
        [card.accountId, `${payable}-01`],
      );
      // Within the bound the standby still answers, with what it has.
      expect((await invoiceOf(browser)).billingAmount).toBe(before);
      // Past it, the standby is skipped and /readyz says so.
      const lagging = await waitUntil('the standby to be reported lagging', async () => {
        const { status, body } = await readyz();
        return body.replicas[0].state === 'lagging' ? { status, body } : undefined;
      });
      expect(lagging.status).toBe(200);
      // Lagging means at least the bound behind (exactly 5.000 s is possible at millisecond resolution).
      expect(lagging.body.replicas[0].lagSeconds).toBeGreaterThanOrEqual(MAX_LAG_SECONDS);
      expect((await invoiceOf(browser)).billingAmount).toBe(before + 1);
    } finally {
      await standby.query('postgres', 'SELECT pg_wal_replay_resume()');
    }
    await waitUntil('the standby to be used again', async () =>
      (await readyz()).body.replicas[0].state === 'ok' ? true : undefined,
    );
    t.statements.length = 0;
    expect((await invoiceOf(browser)).billingAmount).toBe(before + 1);
    expect(billReadsOnPrimary()).toEqual([]);
  });
});

describeWithStandby('read replicas: read-your-writes', () => {
  it('after paying, the bill read from the standby shows paid with its receipt', async () => {
    const { browser } = await subscriber();
    const paid = (await browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;
    expect(paid).toEqual({ __typename: 'PaymentSucceeded', invoice: { paymentStatus: 'PAID' } });
    t.statements.length = 0;
    const invoice = await invoiceOf(browser);
    expect(invoice.paymentStatus).toBe('PAID');
    expect(invoice.receipt.amount).toBe(invoice.billingAmount);
    expect(billReadsOnPrimary()).toEqual([]);
  });

  it('after issuing Pay-easy numbers, the bill read from the standby shows them', async () => {
    const { browser } = await subscriber();
    const slip = (await browser.gql(PAYEASY, { input: { billingMonth: payable } })).data?.issuePayEasySlip;
    expect(slip.__typename).toBe('PayEasySlip');
    t.statements.length = 0;
    expect((await invoiceOf(browser)).payEasySlip).toEqual({ customerNumber: slip.customerNumber });
    expect(billReadsOnPrimary()).toEqual([]);
  });

  it('after confirming the billing notification address, its status shows it', async () => {
    const { browser } = await subscriber();
    const email = `replica${Date.now() % 1e7}@docomo.example.jp`;
    await browser.gql(
      `mutation($input: RegisterBillingNotificationEmailInput!) { registerBillingNotificationEmail(input: $input) { __typename } }`,
      { input: { emailType: 'MOBILE', email } },
    );
    const mail = await smtp.waitFor(email, /仮登録|Temporary registration/);
    const token = mail.text.match(/\/billing-notification\/confirm#token=([\w-]+)/)?.[1];
    const confirmed = await new Browser(t.url).gql(
      `mutation($input: ConfirmBillingNotificationEmailInput!) { confirmBillingNotificationEmail(input: $input) { __typename } }`,
      { input: { token, registeredPhoneNumber: '090-1234-5678' } },
    );
    expect(confirmed.data?.confirmBillingNotificationEmail.__typename).toBe(
      'BillingNotificationEmailRegistered',
    );
    // Account settings are read from the primary: the next screen shows the address at once.
    const status = await browser.gql('{ billing { notificationEmail { email pendingEmail } } }');
    expect(status.data?.billing.notificationEmail).toEqual({ email, pendingEmail: null });
  });

  it('a payment the standby does not replay within the bound is shown from the primary', async () => {
    const { browser } = await subscriber();
    await pauseReplay();
    try {
      const started = Date.now();
      const paid = (await browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;
      expect(paid.__typename).toBe('PaymentSucceeded');
      // It waited for the standby, at most the bound, then gave up on it.
      expect(Date.now() - started).toBeGreaterThanOrEqual(MAX_LAG_SECONDS * 1000 - 50);
      expect((await readyz()).body.replicas[0].state).toBe('lagging');
      t.statements.length = 0;
      expect((await invoiceOf(browser)).paymentStatus).toBe('PAID');
      expect(billReadsOnPrimary().length).toBeGreaterThan(0);
    } finally {
      await standby.query('postgres', 'SELECT pg_wal_replay_resume()');
    }
    await waitUntil('the standby to be used again', async () =>
      (await readyz()).body.replicas[0].state === 'ok' ? true : undefined,
    );
  });
});

describeWithStandby('read replicas: a standby that stops', () => {
  it('keeps serving reads from the primary, reports it down, and uses it again once back', async () => {
    const { browser } = await subscriber();
    const before = await browser.gql(TOP, { m: current });
    await standby.stop();
    try {
      // The reads in flight when it goes find it gone and run on the primary: 50 at once, none fails.
      const during = await Promise.all(Array.from({ length: 50 }, () => browser.gql(TOP, { m: current })));
      for (const answer of during) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual(before.data);
      }
      const { status, body } = await readyz();
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ready',
        replicas: [{ replica: 1, state: 'down', lagSeconds: null, reads: expect.any(Number) }],
      });
      // Paying works too (no standby to wait for), and the bill shows it.
      const paid = (await browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;
      expect(paid.__typename).toBe('PaymentSucceeded');
      expect((await invoiceOf(browser)).paymentStatus).toBe('PAID');
    } finally {
      await standby.start();
    }
    await waitUntil('the standby to be used again', async () =>
      (await readyz()).body.replicas[0].state === 'ok' ? true : undefined,
    );
    t.statements.length = 0;
    expect((await invoiceOf(browser)).paymentStatus).toBe('PAID');
    expect(billReadsOnPrimary()).toEqual([]);
  });
});

// Needs no standby: one listed that never answers.
describe('read replicas: a standby unreachable from the start', () => {
  it('starts, serves the bills from the primary and reports the standby down', async () => {
    const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/webbilling`;
    const app = await startTestApp({ DATABASE_REPLICA_URLS: nowhere });
    try {
      const { browser, card } = await activeSubscriber(app);
      await seedDemoBilling(app.db, app.clock, card.accountId, 'family');
      const top = (await browser.gql(TOP, { m: currentBillingMonth(app.clock) })).data?.billing;
      expect(top.history).toHaveLength(15);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        replicas: [{ replica: 1, state: 'down', lagSeconds: null, reads: 0 }],
      });
    } finally {
      await app.close();
    }
  });
});
