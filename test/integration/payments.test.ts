// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import { randomUUID } from 'node:crypto';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemoBilling } from '../../server/src/modules/billing/demo-billing';
import type { SandboxCardProvider } from '../../server/src/modules/payments/sandbox-card.provider';
import { Browser, issuesOf } from '../support/graphql-client';
import { activeSubscriber, cardPayment } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let current: string;
/** In the demo data the previous month is the confirmed, unpaid bill; the current one is provisional. */
let payable: string;

beforeAll(async () => {
  t = await startTestApp();
  current = currentBillingMonth(t.clock);
  payable = addMonths(current, -1);
});
afterAll(async () => {
  await t?.close();
});

/** A signed-in subscriber with 15 months of demo bills. */
async function payer(lang: 'ja' | 'en' = 'en') {
  const s = await activeSubscriber(t, lang);
  await seedDemoBilling(t.db, t.clock, s.card.accountId, 'family');
  return s;
}

const sandbox = () => t.services.payments.provider as SandboxCardProvider;

const RECEIPT = 'receipt { id method amount paidAt cardBrand cardLast4 reference }';

const PAY = `mutation Pay($input: PayInvoiceByCardInput!) { payInvoiceByCard(input: $input) {
  __typename
  ... on PaymentSucceeded { invoice { billingMonth paymentStatus } ${RECEIPT} }
  ... on PaymentDeclined { declineCode }
  ... on PaymentFailed { retryable }
  ... on UserError { code message }
  ... on FieldErrors { errors { field code message } } } }`;

const PAYEASY = `mutation PayEasy($input: IssuePayEasySlipInput!) { issuePayEasySlip(input: $input) {
  __typename
  ... on PayEasySlip { billingMonth collectionAgencyNumber customerNumber confirmationNumber amount expiresOn instructions }
  ... on UserError { code message } } }`;

const RECORD = `mutation Record($input: RecordPaymentInput!) { recordPayment(input: $input) {
  __typename
  ... on PaymentRecorded { invoice { billingMonth paymentStatus } ${RECEIPT} }
  ... on AmountMismatch { expectedAmount }
  ... on UserError { code message }
  ... on FieldErrors { errors { field code message } } } }`;

const INVOICE = `query($m: String!) { billing { invoice(billingMonth: $m) { __typename
  ... on Invoice { billingMonth billingAmount dueDate paymentStatus ${RECEIPT}
    payEasySlip { customerNumber confirmationNumber } } } } }`;

const cardInput = (over: Record<string, unknown> = {}) => cardPayment(t, payable, over);

async function invoiceOf(browser: Browser, month = payable) {
  return (await browser.gql(INVOICE, { m: month })).data?.billing.invoice;
}

async function paymentsOf(accountId: string) {
  return t.db.query(
    'SELECT p.* FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.billing_account_id = $1 ORDER BY p.created_at, p.id',
    [accountId],
  );
}

async function auditOf(accountId: string, event: string) {
  return t.db.query('SELECT * FROM audit_event WHERE billing_account_id = $1 AND event = $2', [
    accountId,
    event,
  ]);
}

describe('card payment (SPEC 3)', () => {
  it('charges a test card that succeeds, marks the bill paid and shows the receipt', async () => {
    const { browser, card } = await payer();
    const before = await t.db.query(
      'SELECT updated_at FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
      [card.accountId, `${payable}-01`],
    );
    const amount = (await invoiceOf(browser)).billingAmount;

    const res = (await browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;

    expect(res.__typename).toBe('PaymentSucceeded');
    expect(res.invoice).toEqual({ billingMonth: payable, paymentStatus: 'PAID' });
    expect(res.receipt).toMatchObject({ method: 'CARD', amount, cardBrand: 'VISA', cardLast4: '4242' });
    expect(res.receipt.reference).toMatch(/^sbx_ch_/);
    const invoice = await invoiceOf(browser);
    expect(invoice.paymentStatus).toBe('PAID');
    expect(invoice.receipt).toEqual(res.receipt);
    const [after] = await t.db.query(
      'SELECT updated_at, paid_at FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
      [card.accountId, `${payable}-01`],
    );
    expect(after.updated_at.getTime()).toBeGreaterThan(before[0].updated_at.getTime());
    expect(after.paid_at).not.toBeNull();
    const audit = await auditOf(card.accountId, 'PAYMENT_ATTEMPTED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'SUCCEEDED', subscriber_id: expect.any(String) });
    expect(audit[0].detail).toMatchObject({ billingMonth: payable, amount, cardBrand: 'VISA' });
  });

  it('reports a declined card with its reason and leaves the bill unpaid', async () => {
    const { browser, card } = await payer('ja');
    const declined = (await browser.gql(PAY, { input: cardInput({ cardNumber: '4000000000000002' }) })).data
      ?.payInvoiceByCard;
    expect(declined).toMatchObject({
      __typename: 'PaymentDeclined',
      code: 'PAYMENT_DECLINED',
      declineCode: 'CARD_DECLINED',
    });
    expect(declined.message).toContain('承認されませんでした');
    const funds = (await browser.gql(PAY, { input: cardInput({ cardNumber: '4000 0000 0000 9995' }) })).data
      ?.payInvoiceByCard;
    expect(funds).toMatchObject({ __typename: 'PaymentDeclined', declineCode: 'INSUFFICIENT_FUNDS' });
    expect((await invoiceOf(browser)).paymentStatus).toBe('UNPAID');
    const rows = await paymentsOf(card.accountId);
    expect(rows.map((r: any) => r.status)).toEqual(['DECLINED', 'DECLINED']);
    expect((await auditOf(card.accountId, 'PAYMENT_ATTEMPTED')).map((a: any) => a.outcome)).toEqual([
      'DECLINED',
      'DECLINED',
    ]);
  });

  it('reports a gateway processing error as retryable; a new attempt then succeeds', async () => {
    const { browser } = await payer();
    const failed = (await browser.gql(PAY, { input: cardInput({ cardNumber: '4000000000000119' }) })).data
      ?.payInvoiceByCard;
    expect(failed).toMatchObject({ __typename: 'PaymentFailed', code: 'PAYMENT_FAILED', retryable: true });
    expect((await invoiceOf(browser)).paymentStatus).toBe('UNPAID');
    const retried = (await browser.gql(PAY, { input: cardInput({ cardNumber: '5555555555554444' }) })).data
      ?.payInvoiceByCard;
    expect(retried).toMatchObject({
      __typename: 'PaymentSucceeded',
      receipt: { cardBrand: 'MASTERCARD', cardLast4: '4444' },
    });
  });

  it('checks every card field at once and charges nothing', async () => {
    const { browser, card } = await payer();
    const charges = sandbox().charges.length;
    const res = (
      await browser.gql(PAY, {
        input: cardInput({
          cardNumber: '4242 4242 4242 4241',
          expiryMonth: 13,
          cvc: '12',
          idempotencyKey: 'x',
        }),
      })
    ).data?.payInvoiceByCard;
    expect(res.__typename).toBe('FieldErrors');
    expect(issuesOf(res)).toEqual([
      'cardNumber:CARD_NUMBER_INVALID',
      'expiryMonth:CARD_EXPIRY_INVALID',
      'cvc:CVC_INVALID',
      'idempotencyKey:IDEMPOTENCY_KEY_INVALID',
    ]);
    const expired = (
      await browser.gql(PAY, {
        input: cardInput({ expiryYear: t.clock.now().getUTCFullYear() - 2, cvc: '' }),
      })
    ).data?.payInvoiceByCard;
    expect(issuesOf(expired)).toEqual(['expiryYear:CARD_EXPIRED', 'cvc:REQUIRED']);
    const discover = (await browser.gql(PAY, { input: cardInput({ cardNumber: '6011111111111117' }) })).data
      ?.payInvoiceByCard;
    expect(issuesOf(discover)).toEqual(['cardNumber:CARD_BRAND_UNSUPPORTED']);
    // American Express has a four-digit code; full-width digits are folded.
    const amex = (
      await browser.gql(PAY, {
        input: cardInput({ cardNumber: '３７８２ ８２２４６３ １０００５', cvc: '123' }),
      })
    ).data?.payInvoiceByCard;
    expect(issuesOf(amex)).toEqual(['cvc:CVC_INVALID']);
    expect(sandbox().charges.length).toBe(charges);
    expect(await paymentsOf(card.accountId)).toHaveLength(0);
  });

  it('returns the first result for a double submit with the same key and charges once', async () => {
    const { browser, card } = await payer();
    const input = cardInput();
    const first = (await browser.gql(PAY, { input })).data?.payInvoiceByCard;
    const second = (await browser.gql(PAY, { input })).data?.payInvoiceByCard;
    expect(first.__typename).toBe('PaymentSucceeded');
    expect(second).toEqual(first);
    expect(await paymentsOf(card.accountId)).toHaveLength(1);
    expect(sandbox().charges.filter((c) => c.idempotencyKey.endsWith(input.idempotencyKey))).toHaveLength(1);
    // A declined attempt replays as declined too, without asking the gateway again.
    const other = await payer();
    const declinedInput = cardInput({ cardNumber: '4000000000000002' });
    await other.browser.gql(PAY, { input: declinedInput });
    const replay = (await other.browser.gql(PAY, { input: declinedInput })).data?.payInvoiceByCard;
    expect(replay.__typename).toBe('PaymentDeclined');
    expect(
      sandbox().charges.filter((c) => c.idempotencyKey.endsWith(declinedInput.idempotencyKey)),
    ).toHaveLength(1);
  });

  it('charges once when the same submit arrives five times at once', async () => {
    const { browser, card } = await payer();
    const input = cardInput();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => browser.gql(PAY, { input }).then((r) => r.data?.payInvoiceByCard)),
    );
    expect(results.map((r) => r.__typename)).toEqual(Array(5).fill('PaymentSucceeded'));
    expect(new Set(results.map((r) => r.receipt.id)).size).toBe(1);
    expect(await paymentsOf(card.accountId)).toHaveLength(1);
    expect(sandbox().charges.filter((c) => c.idempotencyKey.endsWith(input.idempotencyKey))).toHaveLength(1);
  });

  it('charges once when two tabs pay the same bill at once with different keys', async () => {
    const { browser, card } = await payer();
    const before = sandbox().charges.length;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        browser.gql(PAY, { input: cardInput() }).then((r) => r.data?.payInvoiceByCard.__typename),
      ),
    );
    expect(results.sort()).toEqual([
      'InvoiceAlreadyPaid',
      'InvoiceAlreadyPaid',
      'InvoiceAlreadyPaid',
      'PaymentSucceeded',
    ]);
    expect(sandbox().charges.length - before).toBe(1);
    expect(await paymentsOf(card.accountId)).toHaveLength(1);
  });

  it('refuses a paid bill, a provisional bill, and a key reused for another bill', async () => {
    const { browser } = await payer();
    const input = cardInput();
    await browser.gql(PAY, { input });
    const again = (await browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;
    expect(again).toMatchObject({ __typename: 'InvoiceAlreadyPaid', code: 'INVOICE_ALREADY_PAID' });
    const seededPaid = (
      await browser.gql(PAY, { input: cardInput({ billingMonth: addMonths(current, -2) }) })
    ).data?.payInvoiceByCard;
    expect(seededPaid.__typename).toBe('InvoiceAlreadyPaid');
    const provisional = (await browser.gql(PAY, { input: cardInput({ billingMonth: current }) })).data
      ?.payInvoiceByCard;
    expect(provisional).toMatchObject({ __typename: 'InvoiceNotPayable', code: 'INVOICE_NOT_CONFIRMED' });
    const reused = (await browser.gql(PAY, { input: { ...input, billingMonth: current } })).data
      ?.payInvoiceByCard;
    expect(issuesOf(reused)).toEqual(['idempotencyKey:IDEMPOTENCY_KEY_REUSED']);
  });

  it("cannot reach another account's bill: the month is simply not found", async () => {
    const owner = await payer();
    const stranger = await activeSubscriber(t); // no bills of their own
    const res = (await stranger.browser.gql(PAY, { input: cardInput() })).data?.payInvoiceByCard;
    expect(res).toMatchObject({ __typename: 'InvoiceNotFound', code: 'INVOICE_NOT_FOUND' });
    const slip = (await stranger.browser.gql(PAYEASY, { input: { billingMonth: payable } })).data
      ?.issuePayEasySlip;
    expect(slip.__typename).toBe('InvoiceNotFound');
    expect((await invoiceOf(owner.browser)).paymentStatus).toBe('UNPAID');
    const outOfRange = (await owner.browser.gql(PAY, { input: cardInput({ billingMonth: '2001-01' }) })).data
      ?.payInvoiceByCard;
    expect(outOfRange.__typename).toBe('InvoiceNotFound');
  });

  it('loads receipts and slips of a 15-month list in one statement each (no N+1)', async () => {
    const { browser } = await payer();
    await browser.gql(PAY, { input: cardInput() });
    t.statements.length = 0;
    const res = await browser.gql(
      `{ billing { history { billingMonth paymentStatus ${RECEIPT} payEasySlip { customerNumber } } } }`,
    );
    const history = res.data?.billing.history;
    expect(history).toHaveLength(15);
    expect(history.find((i: any) => i.billingMonth === payable).receipt.cardLast4).toBe('4242');
    expect(t.statements.filter((s) => /FROM payment p WHERE/.test(s))).toHaveLength(1);
    expect(t.statements.filter((s) => /FROM payeasy_slip s/.test(s))).toHaveLength(1);
  });

  it('is for signed-in subscribers only', async () => {
    const anonymous = await new Browser(t.url).gql(PAY, { input: cardInput() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { key } = await t.services.apiKeys.create('card-test', ['billing:write']);
    const integrator = new Browser(t.url);
    integrator.bearer = key;
    const res = await integrator.gql(PAY, { input: cardInput() });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Pay-easy (SPEC 3)', () => {
  it('issues the three numbers once and returns the same ones on every later call', async () => {
    const { browser, card } = await payer('ja');
    const invoice = await invoiceOf(browser);
    expect(invoice.payEasySlip).toBeNull();
    const first = (await browser.gql(PAYEASY, { input: { billingMonth: payable } })).data?.issuePayEasySlip;
    expect(first).toMatchObject({
      __typename: 'PayEasySlip',
      billingMonth: payable,
      collectionAgencyNumber: '58091',
      amount: invoice.billingAmount,
    });
    expect(first.customerNumber).toMatch(/^[0-9]{16}$/);
    expect(first.confirmationNumber).toMatch(/^[0-9]{6}$/);
    expect(first.expiresOn >= invoice.dueDate).toBe(true);
    expect(first.instructions.join('\n')).toContain('ATM');
    expect(first.instructions.join('\n')).toContain('収納機関番号');
    const second = (await browser.gql(PAYEASY, { input: { billingMonth: payable } })).data?.issuePayEasySlip;
    expect(second).toEqual(first);
    expect((await invoiceOf(browser)).payEasySlip).toEqual({
      customerNumber: first.customerNumber,
      confirmationNumber: first.confirmationNumber,
    });
    expect(await auditOf(card.accountId, 'PAYEASY_ISSUED')).toHaveLength(1);
  });

  it('gives every bill its own customer number, also when issued at the same time', async () => {
    const payers = await Promise.all([payer(), payer(), payer()]);
    const slips = await Promise.all(
      payers.map((p) =>
        p.browser.gql(PAYEASY, { input: { billingMonth: payable } }).then((r) => r.data?.issuePayEasySlip),
      ),
    );
    expect(new Set(slips.map((s) => s.customerNumber)).size).toBe(3);
    const same = await Promise.all(
      [1, 2, 3].map(() =>
        payers[0].browser
          .gql(PAYEASY, { input: { billingMonth: payable } })
          .then((r) => r.data?.issuePayEasySlip.customerNumber),
      ),
    );
    expect(same).toEqual(Array(3).fill(slips[0].customerNumber));
  });

  it('does not issue numbers for a paid or provisional bill', async () => {
    const { browser } = await payer();
    const paid = (await browser.gql(PAYEASY, { input: { billingMonth: addMonths(current, -2) } })).data
      ?.issuePayEasySlip;
    expect(paid.__typename).toBe('InvoiceAlreadyPaid');
    const provisional = (await browser.gql(PAYEASY, { input: { billingMonth: current } })).data
      ?.issuePayEasySlip;
    expect(provisional).toMatchObject({ __typename: 'InvoiceNotPayable', code: 'INVOICE_NOT_CONFIRMED' });
  });
});

describe('payments recorded by an integrator (SPEC 3, 6)', () => {
  async function integrator(scopes: ('billing:write' | 'billing:read')[]) {
    const created = await t.services.apiKeys.create(`bank-${randomUUID()}`, scopes);
    const b = new Browser(t.url);
    b.bearer = created.key;
    return { browser: b, id: created.id };
  }

  it('marks the bill paid, audits it with the key, and replays the same key as the same result', async () => {
    const { browser: subscriber, card } = await payer();
    const slip = (await subscriber.gql(PAYEASY, { input: { billingMonth: payable } })).data?.issuePayEasySlip;
    const bank = await integrator(['billing:write']);
    const input = {
      customerNumber: card.customerNumber,
      billingMonth: payable,
      amount: slip.amount,
      method: 'PAYEASY',
      reference: `PE-${slip.customerNumber}`,
      idempotencyKey: randomUUID(),
    };
    const res = (await bank.browser.gql(RECORD, { input })).data?.recordPayment;
    expect(res).toMatchObject({
      __typename: 'PaymentRecorded',
      invoice: { billingMonth: payable, paymentStatus: 'PAID' },
      receipt: { method: 'PAYEASY', amount: slip.amount, cardBrand: null, reference: input.reference },
    });
    const replay = (await bank.browser.gql(RECORD, { input })).data?.recordPayment;
    expect(replay).toEqual(res);
    const again = (await bank.browser.gql(RECORD, { input: { ...input, idempotencyKey: randomUUID() } })).data
      ?.recordPayment;
    expect(again.__typename).toBe('InvoiceAlreadyPaid');

    const invoice = await invoiceOf(subscriber);
    expect(invoice.paymentStatus).toBe('PAID');
    expect(invoice.receipt.id).toBe(res.receipt.id);
    expect(invoice.payEasySlip).toBeNull();
    const audit = await auditOf(card.accountId, 'PAYMENT_RECORDED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'SUCCEEDED', api_key_id: bank.id });
    expect(audit[0].detail).toMatchObject({ method: 'PAYEASY', amount: slip.amount, billingMonth: payable });
    expect(await paymentsOf(card.accountId)).toHaveLength(1);
  });

  it('refuses an unknown account, an unknown month, a wrong amount and bad fields', async () => {
    const { browser: subscriber, card } = await payer();
    const amount = (await invoiceOf(subscriber)).billingAmount;
    const bank = await integrator(['billing:write']);
    const input = {
      customerNumber: card.customerNumber,
      billingMonth: payable,
      amount,
      method: 'OTHER',
      reference: 'TRANSFER-1',
      idempotencyKey: randomUUID(),
    };
    const record = async (over: Record<string, unknown>) =>
      (await bank.browser.gql(RECORD, { input: { ...input, ...over } })).data?.recordPayment;
    expect((await record({ customerNumber: '9999999999' })).__typename).toBe('UnknownCustomerNumber');
    const stranger = await activeSubscriber(t);
    expect((await record({ customerNumber: stranger.card.customerNumber })).__typename).toBe(
      'InvoiceNotFound',
    );
    expect(await record({ amount: amount + 1 })).toMatchObject({
      __typename: 'AmountMismatch',
      expectedAmount: amount,
    });
    const bad = await record({
      amount: 0,
      reference: ' ',
      paidAt: new Date(Date.now() + 86_400_000).toISOString(),
      idempotencyKey: 'k',
    });
    expect(issuesOf(bad)).toEqual([
      'amount:AMOUNT_INVALID',
      'reference:REFERENCE_INVALID',
      'paidAt:PAID_AT_IN_FUTURE',
      'idempotencyKey:IDEMPOTENCY_KEY_INVALID',
    ]);
    const early = await record({
      paidAt: `${payable}-01T00:00:00+09:00`.replace(/^(\d{4})/, (y) => String(Number(y) - 1)),
    });
    expect(issuesOf(early)).toEqual(['paidAt:PAID_AT_BEFORE_BILLING_MONTH']);
    expect((await invoiceOf(subscriber)).paymentStatus).toBe('UNPAID');
    expect(await paymentsOf(card.accountId)).toHaveLength(0);
  });

  it('refuses a provisional bill: its amount may still change (InvoiceNotPayable)', async () => {
    const { browser: subscriber, card } = await payer();
    const provisional = await invoiceOf(subscriber, current);
    const bank = await integrator(['billing:write']);
    const res = (
      await bank.browser.gql(RECORD, {
        input: {
          customerNumber: card.customerNumber,
          billingMonth: current,
          amount: provisional.billingAmount,
          method: 'OTHER',
          reference: 'TRANSFER-PROVISIONAL',
          idempotencyKey: randomUUID(),
        },
      })
    ).data?.recordPayment;
    expect(res).toMatchObject({ __typename: 'InvoiceNotPayable', code: 'INVOICE_NOT_CONFIRMED' });
    expect((await invoiceOf(subscriber, current)).paymentStatus).toBe('UNPAID');
    expect(await paymentsOf(card.accountId)).toHaveLength(0);
  });

  it('needs the billing:write scope; subscribers cannot record payments', async () => {
    const { browser: subscriber, card } = await payer();
    const input = {
      customerNumber: card.customerNumber,
      billingMonth: payable,
      amount: 1,
      method: 'OTHER',
      reference: 'X',
      idempotencyKey: randomUUID(),
    };
    const reader = await integrator(['billing:read']);
    expect((await reader.browser.gql(RECORD, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await subscriber.gql(RECORD, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await new Browser(t.url).gql(RECORD, { input })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('card data', () => {
  it('is not echoed back when an input is refused by a length guard', async () => {
    const { browser } = await payer();
    const res = await browser.gql(PAY, {
      input: cardInput({ cardNumber: '4242 4242 4242 4242', cvc: '123456789' }),
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const body = JSON.stringify(res.errors);
    expect(body).not.toContain('4242 4242 4242 4242');
    expect(body).not.toContain('123456789');
  });

  it('never stores a card number or CVC: only brand and last four', async () => {
    const { browser, card } = await payer();
    await browser.gql(PAY, { input: cardInput({ cardNumber: '4000000000000002', cvc: '987' }) });
    await browser.gql(PAY, { input: cardInput({ cardNumber: '4242-4242-4242-4242', cvc: '987' }) });
    const [payments, audit] = await Promise.all([
      t.db.query('SELECT row_to_json(p)::text AS json FROM payment p'),
      t.db.query('SELECT row_to_json(a)::text AS json FROM audit_event a'),
    ]);
    const stored = [...payments, ...audit].map((r: any) => r.json).join('\n');
    for (const number of ['4242424242424242', '4000000000000002', '4000000000009995', '5555555555554444']) {
      expect(stored).not.toContain(number);
    }
    const rows = await paymentsOf(card.accountId);
    // Two requests may share a millisecond: compare as a set.
    expect(rows.map((r: any) => [r.card_brand, r.card_last4]).sort()).toEqual([
      ['VISA', '0002'],
      ['VISA', '4242'],
    ]);
  });
});
