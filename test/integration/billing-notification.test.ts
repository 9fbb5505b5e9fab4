import { randomBytes } from 'node:crypto';
import { writeMonth } from '../../server/src/modules/billing/billing.service';
import {
  addMonths,
  currentBillingMonth,
  lastDayOfMonth,
} from '../../server/src/modules/billing/billing-month';
import { seedDemoBilling } from '../../server/src/modules/billing/demo-billing';
import { Browser } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber, cardPayment } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const smtp = new SmtpSink();
let t: TestApp;
let second: TestApp; // another server instance on the same database
beforeAll(async () => {
  await smtp.start();
  // Instances of one deployment share their configuration: either may deliver a mail the other wrote.
  const env = {
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://bill.example.test',
    SEAL_KEY: randomBytes(32).toString('base64'),
  };
  t = await startTestApp(env);
  second = await startTestApp(env, { databaseUrl: t.databaseUrl });
  smtp.onTimeout = () => {
    void t.db
      .query(
        `SELECT name, state, retry_count, start_after, started_on, created_on FROM pgboss.job ORDER BY created_on DESC LIMIT 8`,
      )
      .then((rows) => console.error('jobs at timeout', JSON.stringify(rows)));
  };
});
afterAll(async () => {
  await second?.close();
  await t?.close();
  await smtp.stop();
});

const REGISTER = `mutation($input: RegisterBillingNotificationEmailInput!) { registerBillingNotificationEmail(input: $input) {
  __typename ... on ConfirmationMailSent { email expiresAt } ... on FieldErrors { errors { field code } } } }`;
const CONFIRM = `mutation($input: ConfirmBillingNotificationEmailInput!) { confirmBillingNotificationEmail(input: $input) {
  __typename ... on BillingNotificationEmailRegistered { email emailType } ... on UserError { code message }
  ... on FieldErrors { errors { field code message } } } }`;
const STATUS = '{ billing { notificationEmail { email emailType pendingEmail pendingEmailType } } }';
let n = 0;
const address = () => `notify${Date.now() % 1e7}${n++}@docomo.example.jp`;
const tokenOf = (text: string) => text.match(/\/billing-notification\/confirm#token=([\w-]+)/)?.[1] as string;

async function registered(lang: 'ja' | 'en' = 'ja') {
  const s = await activeSubscriber(t, lang);
  const email = address();
  await s.browser.gql(REGISTER, { input: { emailType: 'MOBILE', email } });
  const mail = await smtp.waitFor(email, /仮登録|Temporary registration/);
  const ok = await new Browser(t.url).gql(CONFIRM, {
    input: { token: tokenOf(mail.text), registeredPhoneNumber: '090-1234-5678' },
  });
  expect(ok.data?.confirmBillingNotificationEmail.__typename).toBe('BillingNotificationEmailRegistered');
  await smtp.waitFor(email, /本登録完了|registration complete/);
  const [{ billing_account_id: accountId }]: { billing_account_id: string }[] = await t.db.query(
    'SELECT billing_account_id FROM subscriber WHERE login_id = $1',
    [s.loginId],
  );
  return { ...s, email, accountId };
}

async function provisionalInvoice(accountId: string, month: string, dueDate: string): Promise<string> {
  return t.db.transaction((tx) =>
    writeMonth(tx, accountId, month, {
      status: 'PROVISIONAL',
      issueDate: `${month}-10`,
      dueDate,
      paymentStatus: 'UNPAID',
      items: [],
    }),
  );
}

describe('billing-amount notification mail (SPEC 4, guide 4)', () => {
  it('registers temporarily, confirms with the registered phone number typed any way, and sends the completion mail', async () => {
    const s = await activeSubscriber(t, 'ja');
    const email = address();
    const sent = await s.browser.gql(REGISTER, { input: { emailType: 'MOBILE', email } });
    expect(sent.data?.registerBillingNotificationEmail.__typename).toBe('ConfirmationMailSent');
    const mail = await smtp.waitFor(email, /「ご請求額お知らせメール」仮登録完了/);
    expect(mail.text).toContain('http://bill.example.test/billing-notification/confirm#token=');
    expect(mail.text).toContain('24時間以内');
    expect((await s.browser.gql(STATUS)).data?.billing.notificationEmail).toMatchObject({
      email: null,
      pendingEmail: email,
      pendingEmailType: 'MOBILE',
    });

    const token = tokenOf(mail.text);
    const wrong = await new Browser(t.url, 'ja').gql(CONFIRM, {
      input: { token, registeredPhoneNumber: '03-0000-0000' },
    });
    expect(wrong.data?.confirmBillingNotificationEmail.errors[0]).toMatchObject({
      field: 'registeredPhoneNumber',
      code: 'PHONE_NUMBER_MISMATCH',
    });
    const ok = await new Browser(t.url).gql(CONFIRM, {
      input: { token, registeredPhoneNumber: '０９０ １２３４ ５６７８' },
    });
    expect(ok.data?.confirmBillingNotificationEmail).toEqual({
      __typename: 'BillingNotificationEmailRegistered',
      email,
      emailType: 'MOBILE',
    });
    await smtp.waitFor(email, /本登録完了/);
    const replay = await new Browser(t.url).gql(CONFIRM, {
      input: { token, registeredPhoneNumber: '09012345678' },
    });
    expect(replay.data?.confirmBillingNotificationEmail.__typename).toBe('InvalidOrExpiredToken');
    expect((await s.browser.gql(STATUS)).data?.billing.notificationEmail).toMatchObject({
      email,
      emailType: 'MOBILE',
      pendingEmail: null,
    });

    expect(
      (await s.browser.gql('mutation { deleteBillingNotificationEmail }')).data
        ?.deleteBillingNotificationEmail,
    ).toBe(true);
    expect((await s.browser.gql(STATUS)).data?.billing.notificationEmail).toBeNull();
  });

  it('tells the old address when it is replaced, and audits every wrong phone number on the link page', async () => {
    const s = await registered('en');
    const next = address();
    await s.browser.gql(REGISTER, { input: { emailType: 'INTERNET', email: next } });
    const mail = await smtp.waitFor(next, /仮登録|Temporary registration/);
    const token = tokenOf(mail.text);
    const wrong = await new Browser(t.url).gql(CONFIRM, {
      input: { token, registeredPhoneNumber: '090-0000-0000' },
    });
    expect(wrong.data?.confirmBillingNotificationEmail.__typename).toBe('FieldErrors');
    const ok = await new Browser(t.url).gql(CONFIRM, {
      input: { token, registeredPhoneNumber: '09012345678' },
    });
    expect(ok.data?.confirmBillingNotificationEmail.__typename).toBe('BillingNotificationEmailRegistered');
    const notice = await smtp.waitFor(s.email, /elsewhere|送信先変更/);
    expect(notice.text).toMatch(/no longer receive|お送りしません/);
    const audits: { outcome: string }[] = await t.db.query(
      `SELECT outcome FROM audit_event WHERE event = 'BILLING_NOTIFICATION_EMAIL' AND billing_account_id = $1 ORDER BY id`,
      [s.accountId],
    );
    expect(audits.map((a) => a.outcome)).toContain('WRONG_PHONE_NUMBER');
  });

  it('refuses an expired link and a bad address', async () => {
    const s = await activeSubscriber(t, 'en');
    const bad = await s.browser.gql(REGISTER, { input: { emailType: 'INTERNET', email: 'nope' } });
    expect(bad.data?.registerBillingNotificationEmail.errors).toEqual([
      { field: 'email', code: 'EMAIL_INVALID' },
    ]);
    const email = address();
    await s.browser.gql(REGISTER, { input: { emailType: 'INTERNET', email } });
    const mail = await smtp.waitFor(email, /Temporary registration/);
    t.clock.advance(24 * 3_600_000 + 60_000);
    second.clock.advance(24 * 3_600_000 + 60_000);
    const late = await new Browser(t.url).gql(CONFIRM, {
      input: { token: tokenOf(mail.text), registeredPhoneNumber: '09012345678' },
    });
    expect(late.data?.confirmBillingNotificationEmail.__typename).toBe('InvalidOrExpiredToken');
  });

  it('schedules the mail 14 days before the due date when an invoice is confirmed', async () => {
    const r = await registered();
    const month = addMonths(currentBillingMonth(t.clock), 2);
    const due = lastDayOfMonth(month);
    const invoiceId = await provisionalInvoice(r.accountId, month, due);
    expect(await t.services.invoices.confirm(invoiceId)).toBe('confirmed');
    const [job]: { start_after: Date }[] = await t.db.query(
      `SELECT start_after FROM pgboss.job WHERE name = 'billing-notification' AND data->>'invoiceId' = $1`,
      [invoiceId],
    );
    const expected = new Date(`${due}T09:00:00+09:00`);
    expected.setUTCDate(expected.getUTCDate() - 14);
    expect(job.start_after.toISOString()).toBe(expected.toISOString());
    expect(await t.services.invoices.confirm(invoiceId)).toBe('already-confirmed');
  });

  it('sends at once when the due date is less than 14 days away: exactly one mail, with two instances and repeated jobs', async () => {
    const r = await registered('ja');
    const month = currentBillingMonth(t.clock);
    // Due in 5 days: inside the 14-day window, so the job runs now.
    const soon = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    const invoiceId = await provisionalInvoice(r.accountId, month, soon);
    await t.db.query('UPDATE invoice SET billing_amount = 12345 WHERE id = $1', [invoiceId]);
    expect(await t.services.invoices.confirm(invoiceId)).toBe('confirmed');
    const mail = await smtp.waitFor(r.email, /ご請求額のお知らせ/);
    expect(mail.text).toContain('ご請求額：12,345円');

    // Both instances run the job again, as after a restart or a duplicate schedule.
    await Promise.all([
      t.services.billingNotifications.notify(invoiceId),
      second.services.billingNotifications.notify(invoiceId),
    ]);
    await t.db.transaction((tx) => t.services.billingNotifications.schedule(tx, invoiceId, soon));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.count(r.email, /ご請求額のお知らせ/)).toBe(1);
  });

  it('sends nothing for a provisional invoice or an account without an address', async () => {
    const s = await activeSubscriber(t);
    const [{ billing_account_id: accountId }]: { billing_account_id: string }[] = await t.db.query(
      'SELECT billing_account_id FROM subscriber WHERE login_id = $1',
      [s.loginId],
    );
    const invoiceId = await provisionalInvoice(
      accountId,
      currentBillingMonth(t.clock),
      lastDayOfMonth(currentBillingMonth(t.clock)),
    );
    expect(await t.services.billingNotifications.notify(invoiceId)).toBe('nothing-to-send');
    await t.services.invoices.confirm(invoiceId);
    expect(await t.services.billingNotifications.notify(invoiceId)).toBe('nothing-to-send');
  });
});

describe('payment receipt mail (SPEC 3)', () => {
  const PAY = `mutation Pay($input: PayInvoiceByCardInput!) { payInvoiceByCard(input: $input) {
    __typename ... on PaymentSucceeded { receipt { amount } } ... on PaymentDeclined { declineCode } ... on UserError { code } } }`;

  it('mails one receipt to the notification address when 50 tabs pay the same bill at once; a declined card mails none', async () => {
    const r = await registered('ja');
    await seedDemoBilling(t.db, t.clock, r.accountId, 'family');
    const month = addMonths(currentBillingMonth(t.clock), -1); // the confirmed, unpaid demo bill

    const declined = await r.browser.gql(PAY, {
      input: cardPayment(t, month, { cardNumber: '4000 0000 0000 0002' }),
    });
    expect(declined.data?.payInvoiceByCard.__typename).toBe('PaymentDeclined');

    const results = await Promise.all(
      Array.from({ length: 50 }, () => r.browser.gql(PAY, { input: cardPayment(t, month) })),
    );
    const paid = results.filter((x) => x.data?.payInvoiceByCard.__typename === 'PaymentSucceeded');
    expect(paid).toHaveLength(1);
    const amount = paid[0].data?.payInvoiceByCard.receipt.amount as number;

    const [y, m] = month.split('-').map(Number);
    const mail = await smtp.waitFor(r.email, /お支払い受付のお知らせ/);
    expect(mail.subject).toContain(`${y}年${m}月分`);
    expect(mail.text).toContain(`お支払額：${new Intl.NumberFormat('ja-JP').format(amount)}円`);
    expect(mail.text).toContain('VISA **** 4242');
    expect(mail.text).not.toMatch(/4242 4242|123\b.*CVC/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.count(r.email, /お支払い受付/)).toBe(1);
  });

  it('mails nothing to an account without a notification address', async () => {
    const s = await activeSubscriber(t, 'en');
    const [{ billing_account_id: accountId }]: { billing_account_id: string }[] = await t.db.query(
      'SELECT billing_account_id FROM subscriber WHERE login_id = $1',
      [s.loginId],
    );
    await seedDemoBilling(t.db, t.clock, accountId, 'family');
    const month = addMonths(currentBillingMonth(t.clock), -1);
    const receipts = async () =>
      Number(
        (
          (await t.db.query(`SELECT count(*) AS n FROM mail_outbox WHERE template = 'payment-receipt'`)) as {
            n: string;
          }[]
        )[0].n,
      );
    const before = await receipts();
    const res = await s.browser.gql(PAY, { input: cardPayment(t, month) });
    expect(res.data?.payInvoiceByCard.__typename).toBe('PaymentSucceeded');
    expect(await receipts()).toBe(before);
  });
});
