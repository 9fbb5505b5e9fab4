import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { textArrayLiteral } from '../../server/src/db/array-literal';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { computeTotals } from '../../server/src/modules/billing/invoice-totals';
import type { RejectedRow } from '../../server/src/modules/integrations/charge-import.service';
import { runIntegrationCli } from '../support/cli';
import { Browser } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const UPSERT = `mutation Upsert($input: UpsertCarrierChargesInput!) {
  upsertCarrierCharges(input: $input) {
    __typename
    ... on CarrierChargesUpserted { changed customerNumber invoice { billingMonth status usageAmount billingAmount
      nonTaxableAmount issueDate dueDate taxes { rate taxableAmount taxAmount } } }
    ... on UserError { code message }
    ... on FieldErrors { errors { field code message } }
    ... on LinesNotOnAccount { lineNumbers }
    ... on MonthOutOfRange { oldestMonth newestMonth }
  }
}`;

const CONFIRM = `mutation Confirm($input: ConfirmInvoiceInput!) {
  confirmInvoice(input: $input) {
    __typename
    ... on InvoiceConfirmed { changed invoice { status billingAmount } }
    ... on UserError { code message }
  }
}`;

const INVOICES = `query Invoices($customerNumber: String!) {
  invoicesByCustomerNumber(customerNumber: $customerNumber) {
    __typename
    ... on CustomerInvoices { customerNumber invoices { customerNumber confirmedAt
      invoice { billingMonth status billingAmount } carrierStatements { carrierCode itemCount amount } } }
    ... on UserError { code }
  }
}`;

const BREAKDOWN = `query($m: String!) { billing { breakdown(billingMonth: $m) { __typename
  ... on Breakdown { invoice { billingAmount } carriers { carrier { code } lines { line { lineNumber } items { name amount taxRate } } } } } } }`;

let t: TestApp;
let month: string;
let writer: Browser;
let reader: Browser;
let accountCounter = 0;

async function createKey(scopes: ('billing:write' | 'billing:read' | 'accounts:write')[]): Promise<Browser> {
  const created = await t.services.apiKeys.create(`test ${scopes.join(',')}`, scopes);
  const browser = new Browser(t.url);
  browser.bearer = created.key;
  return browser;
}

/** A billing account with lines, made directly: these tests are about charges, not provisioning. */
async function account(lines: string[] = ['0312345678', '0312345679']) {
  const customerNumber = `9${String(process.pid % 1000).padStart(3, '0')}${String(++accountCounter).padStart(6, '0')}`;
  const [{ id }]: { id: string }[] = await t.db.query(
    `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
     VALUES ($1, '請求 太郎', '0312345678') RETURNING id`,
    [customerNumber],
  );
  await addLines(id, lines);
  return { accountId: id, customerNumber };
}

async function addLines(accountId: string, lines: string[]) {
  for (const line of lines) {
    await t.db.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name) VALUES ($1, $2, 1, '加入電話')`,
      [accountId, line],
    );
  }
}

const item = (lineNumber: string, itemName: string, amount: number, taxRate = 10) => ({
  lineNumber,
  itemName,
  amount,
  taxRate,
});

beforeAll(async () => {
  t = await startTestApp({ API_KEY_REQUESTS_PER_MINUTE: '10000' });
  month = currentBillingMonth(t.clock);
  writer = await createKey(['billing:write']);
  reader = await createKey(['billing:read']);
});

afterAll(async () => {
  await t?.close();
});

describe('integrator authentication', () => {
  const input = () => ({ customerNumber: 'x', billingMonth: month, carrierCode: 'NTT_EAST', items: [] });

  it('refuses a call without a key (UNAUTHENTICATED) and a key without the scope (FORBIDDEN)', async () => {
    const none = await new Browser(t.url).gql(UPSERT, { input: input() });
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const readOnly = await reader.gql(UPSERT, { input: input() });
    expect(readOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const writeOnly = await writer.gql(INVOICES, { customerNumber: 'x' });
    expect(writeOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a revoked key at once', async () => {
    const created = await t.services.apiKeys.create('soon revoked', ['billing:write']);
    const browser = new Browser(t.url);
    browser.bearer = created.key;
    expect((await browser.gql(UPSERT, { input: input() })).data?.upsertCarrierCharges.__typename).toBe(
      'UnknownCustomerNumber',
    );
    await t.services.apiKeys.revoke(created.prefix);
    const res = await browser.gql(UPSERT, { input: input() });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a subscriber session on integrator operations (FORBIDDEN)', async () => {
    const { browser } = await activeSubscriber(t);
    const res = await browser.gql(UPSERT, { input: input() });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await browser.gql(INVOICES, { customerNumber: 'x' });
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rate limits per key (RATE_LIMITED, 429) without affecting other keys', async () => {
    const limited = await startTestApp(
      { API_KEY_REQUESTS_PER_MINUTE: '3' },
      { databaseUrl: t.databaseUrl, workers: false },
    );
    try {
      const a = await limited.services.apiKeys.create('limited a', ['billing:read']);
      const b = await limited.services.apiKeys.create('limited b', ['billing:read']);
      const browser = new Browser(limited.url);
      browser.bearer = a.key;
      for (let i = 0; i < 3; i++) {
        const ok = await browser.gql(INVOICES, { customerNumber: 'x' });
        expect(ok.data?.invoicesByCustomerNumber.__typename).toBe('UnknownCustomerNumber');
      }
      const over = await browser.gql(INVOICES, { customerNumber: 'x' });
      expect(over.status).toBe(429);
      expect(over.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(over.errors?.[0].extensions?.reason).toBe('API_KEY_RATE_LIMITED');
      expect(over.errors?.[0].message).toMatch(/This API key has sent more requests/);
      const other = new Browser(limited.url);
      other.bearer = b.key;
      expect((await other.gql(INVOICES, { customerNumber: 'x' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('upsertCarrierCharges', () => {
  it('is idempotent: the same statement twice changes nothing the second time', async () => {
    const a = await account();
    const input = {
      customerNumber: a.customerNumber,
      billingMonth: month,
      carrierCode: 'NTT_EAST',
      items: [item('03-1234-5678', '基本料', 1700), item('0312345678', '割引額', -200)],
    };
    const first = await writer.gql(UPSERT, { input });
    expect(first.data?.upsertCarrierCharges).toMatchObject({
      __typename: 'CarrierChargesUpserted',
      changed: true,
      invoice: { status: 'PROVISIONAL', usageAmount: 1650, billingAmount: 1650 },
    });
    const [before]: { updated_at: Date }[] = await t.db.query(
      'SELECT updated_at FROM invoice WHERE billing_account_id = $1',
      [a.accountId],
    );
    const second = await writer.gql(UPSERT, { input });
    expect(second.data?.upsertCarrierCharges).toMatchObject({
      changed: false,
      invoice: { billingAmount: 1650 },
    });
    const [after]: { updated_at: Date }[] = await t.db.query(
      'SELECT updated_at FROM invoice WHERE billing_account_id = $1',
      [a.accountId],
    );
    expect(after.updated_at).toEqual(before.updated_at);
    const audits: unknown[] = await t.db.query(
      `SELECT 1 FROM audit_event WHERE event = 'CHARGES_UPSERTED' AND billing_account_id = $1 AND api_key_id IS NOT NULL`,
      [a.accountId],
    );
    expect(audits).toHaveLength(1);
    // A new invoice gets the month's default dates.
    expect(first.data?.upsertCarrierCharges.invoice.issueDate).toBe(`${month}-10`);
  });

  it('combines several carriers into one invoice, and a new statement replaces only its carrier', async () => {
    const a = await account();
    const east = {
      customerNumber: a.customerNumber,
      billingMonth: month,
      carrierCode: 'NTT_EAST',
      items: [item('0312345678', '基本料', 1700), item('0312345679', '通話料（市内）', 333)],
    };
    const ocn = {
      customerNumber: a.customerNumber,
      billingMonth: month,
      carrierCode: 'OCN',
      items: [item('0312345678', 'OCN光', 4000), item('0312345678', '印紙代', 200, 0)],
    };
    await writer.gql(UPSERT, { input: east });
    const combined = await writer.gql(UPSERT, { input: ocn });
    const expected = computeTotals([east.items, ocn.items] as {
      amount: number;
      taxRate: 10 | 8 | 0;
    }[][]);
    expect(combined.data?.upsertCarrierCharges.invoice).toMatchObject({
      billingAmount: expected.billingAmount,
      nonTaxableAmount: 200,
      taxes: [{ rate: 10, taxableAmount: 6033, taxAmount: 603 }],
    });

    const eastAgain = {
      ...east,
      items: [item('0312345678', '基本料', 1000), item('0312345679', '食品', 500, 8)],
    };
    const replaced = await writer.gql(UPSERT, { input: eastAgain });
    const recomputed = computeTotals([eastAgain.items, ocn.items] as {
      amount: number;
      taxRate: 10 | 8 | 0;
    }[][]);
    expect(replaced.data?.upsertCarrierCharges).toMatchObject({
      changed: true,
      invoice: {
        billingAmount: recomputed.billingAmount,
        taxes: [
          { rate: 10, taxableAmount: 5000, taxAmount: 500 },
          { rate: 8, taxableAmount: 500, taxAmount: 40 },
        ],
      },
    });
    const items: { carrier_id: number; item_name: string }[] = await t.db.query(
      `SELECT ci.carrier_id, ci.item_name FROM charge_item ci JOIN invoice i ON i.id = ci.invoice_id
        WHERE i.billing_account_id = $1 ORDER BY ci.carrier_id, ci.sort_order`,
      [a.accountId],
    );
    expect(items.map((i) => i.item_name)).toEqual(['基本料', '食品', 'OCN光', '印紙代']);
    const invoices: unknown[] = await t.db.query('SELECT 1 FROM invoice WHERE billing_account_id = $1', [
      a.accountId,
    ]);
    expect(invoices).toHaveLength(1);

    const listed = await reader.gql(INVOICES, { customerNumber: a.customerNumber });
    expect(listed.data?.invoicesByCustomerNumber).toMatchObject({
      __typename: 'CustomerInvoices',
      invoices: [
        {
          customerNumber: a.customerNumber,
          invoice: { billingMonth: month, billingAmount: recomputed.billingAmount },
          carrierStatements: [
            { carrierCode: 'NTT_EAST', itemCount: 2, amount: 1500 },
            { carrierCode: 'OCN', itemCount: 2, amount: 4200 },
          ],
        },
      ],
    });
  });

  it("shows the new items in the subscriber's breakdown at once (the item cache is invalidated)", async () => {
    const { browser } = await activeSubscriber(t);
    const [{ customer_number: customerNumber, id: accountId }]: { customer_number: string; id: string }[] =
      await t.db.query(
        `SELECT b.customer_number, b.id FROM billing_account b JOIN subscriber s ON s.billing_account_id = b.id
          ORDER BY s.created_at DESC LIMIT 1`,
      );
    await addLines(accountId, ['0455556666']);
    const send = (amount: number) =>
      writer.gql(UPSERT, {
        input: {
          customerNumber,
          billingMonth: month,
          carrierCode: 'NTT_EAST',
          items: [item('0455556666', '基本料', amount)],
        },
      });
    await send(1000);
    const before = await browser.gql(BREAKDOWN, { m: month });
    expect(before.data?.billing.breakdown.carriers[0].lines[0].items).toEqual([
      { name: '基本料', amount: 1000, taxRate: 10 },
    ]);
    await send(2000);
    const after = await browser.gql(BREAKDOWN, { m: month });
    expect(after.data?.billing.breakdown.carriers[0].lines[0].items).toEqual([
      { name: '基本料', amount: 2000, taxRate: 10 },
    ]);
    // Names that JSON must escape come back exactly (responses are serialized per query shape).
    const awkward = '割引 "家族" \\ {A,B}\t</script>';
    await writer.gql(UPSERT, {
      input: {
        customerNumber,
        billingMonth: month,
        carrierCode: 'NTT_EAST',
        items: [item('0455556666', '基本料', 2000), item('0455556666', awkward, -100)],
      },
    });
    const escaped = await browser.gql(BREAKDOWN, { m: month });
    expect(
      escaped.data?.billing.breakdown.carriers[0].lines[0].items.map((i: { name: string }) => i.name),
    ).toEqual(['基本料', awkward]);
    expect(after.data?.billing.breakdown.invoice.billingAmount).toBe(2200);
  });

  it('refuses unknown customers, carriers and lines, bad items and months outside the window', async () => {
    const a = await account();
    const base = { customerNumber: a.customerNumber, billingMonth: month, carrierCode: 'NTT_EAST' };
    const send = async (input: object) => (await writer.gql(UPSERT, { input })).data?.upsertCarrierCharges;

    expect(await send({ ...base, customerNumber: '0000000000', items: [] })).toMatchObject({
      __typename: 'UnknownCustomerNumber',
      code: 'ACCOUNT_NOT_FOUND',
    });
    expect(await send({ ...base, carrierCode: 'KDDI', items: [] })).toMatchObject({
      __typename: 'CarrierNotFound',
    });
    const lines = await send({
      ...base,
      items: [item('0312345678', '基本料', 1), item('0999999999', 'x', 1)],
    });
    expect(lines).toMatchObject({ __typename: 'LinesNotOnAccount', lineNumbers: ['0999999999'] });
    expect(lines.message).toContain('0999999999');

    const invalid = await send({
      ...base,
      items: [item('0312345678', '', 1), item('0312345678', 'x', 5, 5), item('0312345678', 'x', 200_000_000)],
    });
    expect(invalid.__typename).toBe('FieldErrors');
    expect(invalid.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'items[0].itemName:ITEM_NAME_REQUIRED',
      'items[1].taxRate:TAX_RATE_INVALID',
      'items[2].amount:AMOUNT_OUT_OF_RANGE',
    ]);
    expect(await send({ ...base, billingMonth: addMonths(month, -15), items: [] })).toMatchObject({
      __typename: 'MonthOutOfRange',
      oldestMonth: addMonths(month, -14),
      newestMonth: month,
    });
    expect(await send({ ...base, billingMonth: addMonths(month, 1), items: [] })).toMatchObject({
      __typename: 'MonthOutOfRange',
    });
    expect(await send({ ...base, billingMonth: '2026/01', items: [] })).toMatchObject({
      __typename: 'FieldErrors',
      errors: [{ field: 'billingMonth', code: 'BILLING_MONTH_INVALID' }],
    });
    const written: unknown[] = await t.db.query('SELECT 1 FROM invoice WHERE billing_account_id = $1', [
      a.accountId,
    ]);
    expect(written).toHaveLength(0);
  });
});

describe('confirmInvoice', () => {
  it('confirms, schedules the notification, and then refuses changed charges (a replay stays harmless)', async () => {
    const a = await account();
    const input = {
      customerNumber: a.customerNumber,
      billingMonth: month,
      carrierCode: 'NTT_EAST',
      items: [item('0312345678', '基本料', 1700)],
    };
    await writer.gql(UPSERT, { input });
    const confirmInput = { customerNumber: a.customerNumber, billingMonth: month };
    const confirmed = await writer.gql(CONFIRM, { input: confirmInput });
    expect(confirmed.data?.confirmInvoice).toMatchObject({
      __typename: 'InvoiceConfirmed',
      changed: true,
      invoice: { status: 'CONFIRMED', billingAmount: 1870 },
    });
    const [invoice]: { id: string }[] = await t.db.query(
      'SELECT id FROM invoice WHERE billing_account_id = $1',
      [a.accountId],
    );
    const jobs: unknown[] = await t.db.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'billing-notification' AND data->>'invoiceId' = $1`,
      [invoice.id],
    );
    expect(jobs).toHaveLength(1);
    const audit: unknown[] = await t.db.query(
      `SELECT 1 FROM audit_event WHERE event = 'INVOICE_CONFIRMED' AND billing_account_id = $1 AND api_key_id IS NOT NULL`,
      [a.accountId],
    );
    expect(audit).toHaveLength(1);
    expect((await writer.gql(CONFIRM, { input: confirmInput })).data?.confirmInvoice).toMatchObject({
      changed: false,
    });

    const changed = await writer.gql(UPSERT, {
      input: { ...input, items: [item('0312345678', '基本料', 9999)] },
    });
    expect(changed.data?.upsertCarrierCharges).toMatchObject({
      __typename: 'InvoiceAlreadyConfirmed',
      code: 'INVOICE_CONFIRMED',
    });
    const replay = await writer.gql(UPSERT, { input });
    expect(replay.data?.upsertCarrierCharges).toMatchObject({
      changed: false,
      invoice: { billingAmount: 1870 },
    });
    const other = await writer.gql(UPSERT, {
      input: { ...input, carrierCode: 'OCN', items: [item('0312345678', 'OCN', 1)] },
    });
    expect(other.data?.upsertCarrierCharges.__typename).toBe('InvoiceAlreadyConfirmed');

    const missing = await writer.gql(CONFIRM, {
      input: { ...confirmInput, billingMonth: addMonths(month, -1) },
    });
    expect(missing.data?.confirmInvoice.__typename).toBe('InvoiceNotFound');
  });
});

describe('import charges', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wb-import-'));
  const header = 'customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate';

  async function run(file: string, options: { transactionPerStatement?: boolean } = {}) {
    const rejected: RejectedRow[] = [];
    const report = await t.services.chargeImport.importFile(file, {
      batchRows: 3,
      concurrency: 2,
      onRejected: (r) => rejected.push(r),
      ...options,
    });
    return { report, rejected };
  }

  it('writes each account-month-carrier once; the same file again is a no-op', async () => {
    const a = await account();
    const b = await account(['0611112222']);
    const file = path.join(dir, 'good.csv');
    writeFileSync(
      file,
      [
        header,
        `${a.customerNumber},${month},NTT_EAST,03-1234-5678,基本料,1700,10`,
        `${a.customerNumber},${month},NTT_EAST,0312345679,"通話料（市内, 県内）",300,10`,
        `${a.customerNumber},${month},NTT_EAST,0312345679,"割引 ""家族"" {A,B} \\ NULL",-200,10`,
        `${a.customerNumber},${month},OCN,0312345678,OCN光,4000,10`,
        `${b.customerNumber},${month},NTT_WEST,0611112222,基本料,1500,10`,
        `${b.customerNumber},${month},NTT_WEST,0611112222,割引額,-100,10`,
        '',
      ].join('\n'),
    );
    const first = await run(file);
    expect(first.rejected).toEqual([]);
    expect(first.report.groups).toEqual({ written: 3, unchanged: 0, rejected: 0 });
    expect(first.report.rows).toMatchObject({ read: 6, written: 6 });
    const [inv]: { billing_amount: number }[] = await t.db.query(
      'SELECT billing_amount FROM invoice WHERE billing_account_id = $1',
      [a.accountId],
    );
    expect(inv.billing_amount).toBe(
      computeTotals([[{ amount: 1800, taxRate: 10 }], [{ amount: 4000, taxRate: 10 }]]).billingAmount,
    );
    // Stored as written, quotes, braces, commas and backslashes included, in the file's order.
    const stored: { line_number: string; item_name: string; amount: number }[] = await t.db.query(
      `SELECT l.line_number, ci.item_name, ci.amount FROM charge_item ci JOIN invoice i ON i.id = ci.invoice_id
         JOIN line l ON l.id = ci.line_id WHERE i.billing_account_id = $1 ORDER BY ci.carrier_id, ci.sort_order`,
      [a.accountId],
    );
    expect(stored).toEqual([
      { line_number: '0312345678', item_name: '基本料', amount: 1700 },
      { line_number: '0312345679', item_name: '通話料（市内, 県内）', amount: 300 },
      { line_number: '0312345679', item_name: '割引 "家族" {A,B} \\ NULL', amount: -200 },
      { line_number: '0312345678', item_name: 'OCN光', amount: 4000 },
    ]);

    // One audit line for the file, with what it did.
    const [audit]: { outcome: string; detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT outcome, detail FROM audit_event WHERE event = 'CHARGES_IMPORTED' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      outcome: 'SUCCESS',
      detail: {
        source: 'good.csv',
        statements: { written: 3, unchanged: 0, rejected: 0 },
        rows: { read: 6, written: 6, unchanged: 0, rejected: 0 },
      },
    });

    const stamp: { updated_at: Date }[] = await t.db.query(
      'SELECT updated_at FROM invoice WHERE billing_account_id = ANY($1) ORDER BY id',
      [[a.accountId, b.accountId]],
    );
    const second = await run(file);
    expect(second.report.groups).toEqual({ written: 0, unchanged: 3, rejected: 0 });
    expect(second.report.rows).toMatchObject({ read: 6, written: 0, unchanged: 6 });
    expect(
      await t.db.query('SELECT updated_at FROM invoice WHERE billing_account_id = ANY($1) ORDER BY id', [
        [a.accountId, b.accountId],
      ]),
    ).toEqual(stamp);

    // The same statement sent by API afterwards is recognised too (one canonical form).
    const api = await writer.gql(UPSERT, {
      input: {
        customerNumber: b.customerNumber,
        billingMonth: month,
        carrierCode: 'NTT_WEST',
        items: [item('0611112222', '基本料', 1500), item('0611112222', '割引額', -100)],
      },
    });
    expect(api.data?.upsertCarrierCharges.changed).toBe(false);
  });

  it('rejects a whole statement with any bad row, reports every bad row by line, and writes the good ones', async () => {
    const good = await account();
    const bad = await account();
    const file = path.join(dir, 'bad.ndjson');
    const row = (customer: string, line: string, name: string, amount: unknown, rate: unknown = 10) =>
      JSON.stringify({
        customer_number: customer,
        billing_month: month,
        carrier_code: 'NTT_EAST',
        line_number: line,
        item_name: name,
        amount,
        tax_rate: rate,
      });
    writeFileSync(
      file,
      [
        row(bad.customerNumber, '0312345678', '基本料', 1700), // 1: fine alone, refused with its group
        row(bad.customerNumber, '0312345678', '通話料', 12.5), // 2: not whole yen
        row(bad.customerNumber, '0399999999', '基本料', 100), // 3: not a line of the account
        row(bad.customerNumber, '0312345679', '食品', 100, 7), // 4: bad rate
        row(good.customerNumber, '0312345678', '基本料', 1700), // 5
        'not json', // 6
        row('0000000000', '0312345678', '基本料', 1), // 7: unknown customer
        row(bad.customerNumber, '0312345678', '基本料', 1), // 8: same statement again, later in the file
      ].join('\n'),
    );
    // Per-statement transactions (the slower mode) report and refuse exactly as batches do.
    const { report, rejected } = await run(file, { transactionPerStatement: true });
    expect(report.groups).toEqual({ written: 1, unchanged: 0, rejected: 4 });
    expect(report.rows).toMatchObject({ read: 8, written: 1, rejected: 7 });
    expect(rejected.map((r) => `${r.line}:${r.code}`)).toEqual([
      '1:GROUP_REJECTED',
      '2:AMOUNT_NOT_WHOLE_YEN',
      '3:LINE_NOT_ON_ACCOUNT',
      '4:TAX_RATE_INVALID',
      '6:ROW_UNREADABLE',
      '7:ACCOUNT_NOT_FOUND',
      '8:GROUP_NOT_CONTIGUOUS',
    ]);
    expect(rejected[0].message).toContain('line 2');
    expect(rejected[2].message).toContain('0399999999');
    const partial: unknown[] = await t.db.query('SELECT 1 FROM invoice WHERE billing_account_id = $1', [
      bad.accountId,
    ]);
    expect(partial).toHaveLength(0);
    const written: unknown[] = await t.db.query('SELECT 1 FROM invoice WHERE billing_account_id = $1', [
      good.accountId,
    ]);
    expect(written).toHaveLength(1);
    const again = await run(file);
    expect(again.report.groups).toEqual({ written: 0, unchanged: 1, rejected: 4 });
  });

  it('refuses a statement with an unreadable row among its rows (it may have been one of its items)', async () => {
    const a = await account();
    const b = await account();
    const file = path.join(dir, 'torn.csv');
    writeFileSync(
      file,
      [
        header,
        `${a.customerNumber},${month},NTT_EAST,0312345678,基本料,1700,10`, // 2
        `${a.customerNumber},${month},NTT_EAST,0312345679`, // 3: too few columns
        `${a.customerNumber},${month},NTT_EAST,0312345679,基本料,1700,10`, // 4
        `${b.customerNumber},${month},NTT_EAST,0312345678,基本料,900,10`, // 5
        '',
      ].join('\r\n'),
    );
    const { report, rejected } = await run(file);
    expect(rejected.map((r) => `${r.line}:${r.code}`)).toEqual([
      '2:GROUP_REJECTED',
      '3:ROW_UNREADABLE',
      '4:GROUP_REJECTED',
    ]);
    expect(report.groups).toEqual({ written: 1, unchanged: 0, rejected: 1 });
    expect(report.rows).toMatchObject({ read: 4, written: 1, rejected: 3 });
    const invoices: { billing_account_id: string }[] = await t.db.query(
      'SELECT billing_account_id FROM invoice WHERE billing_account_id = ANY($1)',
      [[a.accountId, b.accountId]],
    );
    expect(invoices.map((i) => i.billing_account_id)).toEqual([b.accountId]);
  });

  it('refuses statements of a confirmed invoice and keeps its items', async () => {
    const a = await account();
    const input = {
      customerNumber: a.customerNumber,
      billingMonth: month,
      carrierCode: 'NTT_EAST',
      items: [item('0312345678', '基本料', 1700)],
    };
    await writer.gql(UPSERT, { input });
    await writer.gql(CONFIRM, { input: { customerNumber: a.customerNumber, billingMonth: month } });
    const file = path.join(dir, 'confirmed.csv');
    writeFileSync(
      file,
      `${header}\n${a.customerNumber},${month},NTT_EAST,0312345678,基本料,1,10\n${a.customerNumber},${month},OCN,0312345678,OCN光,1,10\n`,
    );
    const { report, rejected } = await run(file);
    expect(report.groups).toMatchObject({ written: 0, rejected: 2 });
    expect(rejected.map((r) => `${r.line}:${r.code}`)).toEqual([
      '2:INVOICE_CONFIRMED',
      '3:INVOICE_CONFIRMED',
    ]);
    const [invoice]: { billing_amount: number }[] = await t.db.query(
      'SELECT billing_amount FROM invoice WHERE billing_account_id = $1',
      [a.accountId],
    );
    expect(invoice.billing_amount).toBe(1870);
  });
});

describe("array literals (how the import sends a statement's items)", () => {
  it('round-trip any item name exactly, inside an array of literals as the writer sends them', async () => {
    const names = [
      '基本料',
      '',
      'NULL',
      'null',
      ' padded ',
      'a,b',
      '{x}',
      'q"q',
      'back\\slash',
      'tab\there',
      '全角\u3000空白',
    ];
    const rows: { a: string[] }[] = await t.db.query('SELECT x::text[] AS a FROM unnest($1::text[]) x', [
      [textArrayLiteral(names), textArrayLiteral(['only'])],
    ]);
    expect(rows.map((r) => r.a)).toEqual([names, ['only']]);
  });
});

describe('command line', () => {
  const cli = (args: string[]) => runIntegrationCli(t.services, args);

  it('api-key create prints the key once (stored hashed); revoke by prefix refuses it at once', async () => {
    const created = await cli([
      'api-key',
      'create',
      '--name',
      'accounting',
      '--scopes',
      'billing:read',
      '--json',
    ]);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({ scopes: ['billing:read'], prefix: expect.stringMatching(/^wbk_/) });
    const stored: { key_hash: Buffer }[] = await t.db.query('SELECT key_hash FROM api_key WHERE id = $1', [
      key.id,
    ]);
    expect(stored[0].key_hash.toString('utf8')).not.toContain(key.key);
    const browser = new Browser(t.url);
    browser.bearer = key.key;
    expect((await browser.gql(INVOICES, { customerNumber: 'x' })).status).toBe(200);

    const listed = await cli(['api-key', 'list']);
    expect(listed.stdout).toContain(key.prefix);
    expect(listed.stdout).not.toContain(key.key);

    const revoked = await cli(['api-key', 'revoke', key.prefix]);
    expect(revoked.stdout).toContain(`revoked ${key.prefix}`);
    expect((await browser.gql(INVOICES, { customerNumber: 'x' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('works as the installed command: api-key and operator create through dist/server/src/cli.js', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'wb-cli-')),
      LOG_LEVEL: 'warn',
    };
    delete env.NODE_OPTIONS;
    const run = (args: string[]) =>
      execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/server/src/cli.js'), ...args], {
        env,
        encoding: 'utf8',
      });
    const key = JSON.parse(run(['api-key', 'create', '--name', 'bin', '--scopes', 'billing:read', '--json']));
    const browser = new Browser(t.url);
    browser.bearer = key.key;
    expect((await browser.gql(INVOICES, { customerNumber: 'x' })).errors).toBeUndefined();

    const out = run([
      'operator',
      'create',
      '--login-id',
      `bin-op-${process.pid}`,
      '--name',
      '端末',
      '--role',
      'admin',
    ]);
    const password = out.match(/password: (\S+)/)?.[1] ?? '';
    expect(password.length).toBe(20);
    const signedIn = await new Browser(t.url).gql(
      'mutation($input: OperatorLoginInput!) { operatorLogin(input: $input) { __typename } }',
      { input: { loginId: `bin-op-${process.pid}`, password } },
    );
    expect(signedIn.data?.operatorLogin.__typename).toBe('OperatorLoginSuccess');
  }, 180_000); // several CLI processes, each a Node start: slow on a loaded CI machine

  it('explains bad scopes and unknown keys and exits 1', async () => {
    const bad = await cli(['api-key', 'create', '--name', 'x', '--scopes', 'billing:everything']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('Unknown scope billing:everything');
    const unknown = await cli(['api-key', 'revoke', 'wbk_nope']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('No API key wbk_nope');
  });

  it('import charges prints a summary, writes rejected rows to the report file and exits 2', async () => {
    const a = await account();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wb-import-cli-'));
    const file = path.join(dir, 'charges.csv');
    writeFileSync(
      file,
      `customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate\n` +
        `${a.customerNumber},${month},NTT_EAST,0312345678,基本料,1700,10\n` +
        `${a.customerNumber},${month},OCN,0312345678,OCN光,abc,10\n`,
    );
    const reportFile = path.join(dir, 'rejected.ndjson');
    const result = await cli(['import', 'charges', file, '--report', reportFile]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('statements: 1 written, 0 unchanged, 1 rejected');
    const rejected = readFileSync(reportFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejected).toEqual([
      expect.objectContaining({ line: 3, code: 'AMOUNT_NOT_WHOLE_YEN', field: 'amount' }),
    ]);

    const missing = await cli(['import', 'charges', path.join(dir, 'nope.csv')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
  });
});
