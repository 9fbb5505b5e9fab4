import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource, migrations } from '../../server/src/db/data-source';
import { runMigrations } from '../../server/src/db/database';
import { TaxPerIssuer1765200000000 } from '../../server/src/db/migrations/1765200000000-tax-per-issuer';
import { writeMonth } from '../../server/src/modules/billing/billing.service';
import { currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import {
  checkRegistrationNumber,
  corporateCheckDigit,
} from '../../server/src/modules/billing/registration-number';
import { runIntegrationCli } from '../support/cli';
import { Browser } from '../support/graphql-client';
import { activeSubscriber, claimDemo } from '../support/subscribers';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';

const UPSERT_CARRIER = `mutation($input: UpsertCarrierInput!) { upsertCarrier(input: $input) { __typename
  ... on CarrierUpserted { created changed nameJa nameEn carrier { code name legalName registrationNumber } }
  ... on FieldErrors { code message errors { field code message } } } }`;

const UPSERT_CHARGES = `mutation($input: UpsertCarrierChargesInput!) { upsertCarrierCharges(input: $input) {
  __typename ... on UserError { code message } } }`;

const ISSUER_FIELDS = `billingMonth usageAmount adjustmentAmount billingAmount nonTaxableAmount
  taxes { rate taxableAmount taxAmount }
  issuers { carrier { code name legalName registrationNumber } taxes { rate taxableAmount taxAmount }
            nonTaxableAmount totalAmount }`;

const INVOICES = `query($c: String!) { invoicesByCustomerNumber(customerNumber: $c) { __typename
  ... on CustomerInvoices { invoices { invoice { ${ISSUER_FIELDS} } } } } }`;

let t: TestApp;
let month: string;
let writer: Browser;
let reader: Browser;
let accounts = 0;

/** A valid registration number made from a 12-digit base (test carriers). */
const registrationNumber = (base: string) => `T${corporateCheckDigit(base)}${base}`;

async function key(scopes: ('billing:write' | 'billing:read')[]): Promise<Browser> {
  const browser = new Browser(t.url);
  browser.bearer = (await t.services.apiKeys.create(`carriers ${scopes.join(',')}`, scopes)).key;
  return browser;
}

async function account(lines = ['0312345678', '0312345679']) {
  const customerNumber = `8${String(process.pid % 1000).padStart(3, '0')}${String(++accounts).padStart(6, '0')}`;
  const [{ id }]: { id: string }[] = await t.db.query(
    `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
     VALUES ($1, '発行 太郎', '0312345678') RETURNING id`,
    [customerNumber],
  );
  const lineIds: string[] = [];
  for (const line of lines) {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name) VALUES ($1, $2, 1, '加入電話')
       RETURNING id`,
      [id, line],
    );
    lineIds.push(row.id);
  }
  return { accountId: id, customerNumber, lineIds };
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL shapes are asserted directly
type Json = any;

/** The invoice's figures are the sums of its issuers' (every rate, non-taxable, usage). */
function expectSumOfIssuers(invoice: Json) {
  expect(invoice.issuers.length).toBeGreaterThan(0);
  const sum = (f: (i: Json) => number) => invoice.issuers.reduce((s: number, i: Json) => s + f(i), 0);
  const rate = (taxes: Json[], r: number) =>
    taxes.find((x: Json) => x.rate === r) ?? { taxableAmount: 0, taxAmount: 0 };
  for (const r of [10, 8]) {
    const own = rate(invoice.taxes, r);
    expect(sum((i) => rate(i.taxes, r).taxableAmount)).toBe(own.taxableAmount);
    expect(sum((i) => rate(i.taxes, r).taxAmount)).toBe(own.taxAmount);
  }
  expect(sum((i) => i.nonTaxableAmount)).toBe(invoice.nonTaxableAmount);
  expect(sum((i) => i.totalAmount)).toBe(invoice.usageAmount);
  expect(invoice.billingAmount).toBe(invoice.usageAmount + invoice.adjustmentAmount);
}

beforeAll(async () => {
  t = await startTestApp({ API_KEY_REQUESTS_PER_MINUTE: '100000' });
  month = currentBillingMonth(t.clock);
  writer = await key(['billing:write']);
  reader = await key(['billing:read']);
});

afterAll(async () => {
  await t?.close();
});

describe('carriers as qualified-invoice issuers', () => {
  it('ships the five carriers with legal names and registration numbers that pass the check', async () => {
    const rows: { code: string; legal_name: string; registration_number: string }[] = await t.db.query(
      'SELECT code, legal_name, registration_number FROM carrier ORDER BY id',
    );
    expect(rows.map((r) => r.code)).toEqual(['NTT_EAST', 'NTT_WEST', 'NTT_DOCOMO', 'NTT_COM', 'OCN']);
    for (const r of rows) {
      expect(r.legal_name).not.toBe('');
      expect(checkRegistrationNumber(r.registration_number)).toEqual({
        ok: true,
        value: r.registration_number,
      });
    }
    expect(rows.find((r) => r.code === 'NTT_DOCOMO')).toMatchObject({
      legal_name: '株式会社NTTドコモ',
      registration_number: 'T1010001067912',
    });
  });

  it('upsertCarrier needs billing:write: no key, a read-only key or a subscriber session is refused', async () => {
    const input = {
      code: 'REFUSED',
      nameJa: '拒否',
      nameEn: 'Refused',
      legalName: '拒否株式会社',
      registrationNumber: registrationNumber('000000000001'),
    };
    const none = await new Browser(t.url).gql(UPSERT_CARRIER, { input });
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const readOnly = await reader.gql(UPSERT_CARRIER, { input });
    expect(readOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { browser } = await activeSubscriber(t);
    expect((await browser.gql(UPSERT_CARRIER, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ n }]: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM carrier WHERE code = 'REFUSED'`,
    );
    expect(n).toBe(0);
  });

  it('answers bad input with FieldErrors, every field at once, in the request’s language', async () => {
    const bad = {
      code: 'ntt east!',
      nameJa: ' ',
      nameEn: 'X'.repeat(101),
      legalName: '株式会社テスト',
      registrationNumber: 'T2010001067912',
    };
    const en = (await writer.gql(UPSERT_CARRIER, { input: bad })).data?.upsertCarrier;
    expect(en.__typename).toBe('FieldErrors');
    expect(en.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['code', 'CARRIER_CODE_INVALID'],
      ['nameJa', 'REQUIRED'],
      ['nameEn', 'CARRIER_NAME_TOO_LONG'],
      ['registrationNumber', 'REGISTRATION_NUMBER_CHECK_DIGIT'],
    ]);
    expect(en.errors[3].message).toMatch(/check digit/);
    writer.lang = 'ja';
    try {
      const ja = (await writer.gql(UPSERT_CARRIER, { input: { ...bad, registrationNumber: 'T12345' } })).data
        ?.upsertCarrier;
      expect(ja.errors.find((e: Json) => e.field === 'registrationNumber')).toMatchObject({
        code: 'REGISTRATION_NUMBER_FORMAT',
        message: expect.stringContaining('13桁'),
      });
    } finally {
      writer.lang = 'en';
    }
  });

  it('adds a carrier with a normalised number, changes nothing when sent again, refuses another carrier’s number', async () => {
    const input = {
      code: 'ｔｅｓｔ＿ｃａｒｒｉｅｒ',
      nameJa: 'テスト通信',
      nameEn: 'Test Telecom',
      legalName: 'テスト通信株式会社',
      registrationNumber: ` ${registrationNumber('011001000002')
        .replace(/^T/, 'ｔ')
        .replace(/(\d{4})/, '$1-')} `,
    };
    // The statement path has read (and keeps) the carrier map before the new carrier exists.
    const a = await account();
    const statement = (carrierCode: string) =>
      writer.gql(UPSERT_CHARGES, {
        input: {
          customerNumber: a.customerNumber,
          billingMonth: month,
          carrierCode,
          items: [{ lineNumber: '0312345678', itemName: '基本料', amount: 1000, taxRate: 10 }],
        },
      });
    expect((await statement('NTT_EAST')).data?.upsertCarrierCharges.__typename).toBe(
      'CarrierChargesUpserted',
    );
    const created = (await writer.gql(UPSERT_CARRIER, { input })).data?.upsertCarrier;
    expect(created).toEqual({
      __typename: 'CarrierUpserted',
      created: true,
      changed: true,
      nameJa: 'テスト通信',
      nameEn: 'Test Telecom',
      carrier: {
        code: 'TEST_CARRIER',
        name: 'Test Telecom',
        legalName: 'テスト通信株式会社',
        registrationNumber: registrationNumber('011001000002'),
      },
    });
    const again = (await writer.gql(UPSERT_CARRIER, { input })).data?.upsertCarrier;
    expect(again).toMatchObject({ created: false, changed: false });
    const audits: { detail: Json }[] = await t.db.query(
      `SELECT detail FROM audit_event WHERE event = 'CARRIER_UPSERTED' AND detail->>'code' = 'TEST_CARRIER'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].detail).toMatchObject({ created: true, via: 'api' });

    // A statement can name the new carrier at once.
    expect((await statement('TEST_CARRIER')).data?.upsertCarrierCharges.__typename).toBe(
      'CarrierChargesUpserted',
    );

    const taken = (
      await writer.gql(UPSERT_CARRIER, {
        input: { ...input, code: 'ANOTHER', registrationNumber: 'T1010001067912' },
      })
    ).data?.upsertCarrier;
    expect(taken.errors).toEqual([
      { field: 'registrationNumber', code: 'REGISTRATION_NUMBER_TAKEN', message: expect.any(String) },
    ]);
  });

  it('50 concurrent upserts of one new carrier leave one row, created once; 50 differing ones leave one request’s values whole', async () => {
    const base = {
      code: 'RACE',
      nameJa: '競合通信',
      nameEn: 'Race Telecom',
      legalName: '競合通信株式会社',
      registrationNumber: registrationNumber('011001000003'),
    };
    const same = await Promise.all(
      Array.from({ length: 50 }, () => writer.gql(UPSERT_CARRIER, { input: base })),
    );
    const results = same.map((r) => r.data?.upsertCarrier);
    expect(results.every((r) => r.__typename === 'CarrierUpserted')).toBe(true);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const rows: Json[] = await t.db.query(`SELECT * FROM carrier WHERE code = 'RACE'`);
    expect(rows).toHaveLength(1);

    // Each request sets a legal name and English name with the same index: whichever wins, they match.
    const differing = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writer.gql(UPSERT_CARRIER, {
          input: { ...base, nameEn: `Race Telecom ${i}`, legalName: `競合通信株式会社 ${i}` },
        }),
      ),
    );
    expect(differing.every((r) => r.data?.upsertCarrier.__typename === 'CarrierUpserted')).toBe(true);
    const [row]: { name_en: string; legal_name: string }[] = await t.db.query(
      `SELECT name_en, legal_name FROM carrier WHERE code = 'RACE'`,
    );
    expect(row.name_en.replace('Race Telecom ', '')).toBe(row.legal_name.replace('競合通信株式会社 ', ''));
    const [{ n }]: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM carrier WHERE code = 'RACE'`,
    );
    expect(n).toBe(1);
  });

  it('the CLI lists carriers and sets one (audited as the command line), with the same rules', async () => {
    const cli = (args: string[]) => runIntegrationCli(t.services, args);
    const set = (number: string) =>
      cli([
        'carrier',
        'set',
        '--code',
        'CLI_CARRIER',
        '--name-ja',
        'CLI通信',
        '--name-en',
        'CLI Telecom',
        '--legal-name',
        'CLI通信株式会社',
        '--registration-number',
        number,
        '--json',
      ]);
    const bad = await set('T0000000000000');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/--registration-number: The check digit/);
    const good = await set(registrationNumber('011001000004'));
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ code: 'CLI_CARRIER', created: true, changed: true });
    const list = await cli(['carrier', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual({
      code: 'NTT_DOCOMO',
      nameJa: 'NTTドコモ',
      nameEn: 'NTT Docomo',
      legalName: '株式会社NTTドコモ',
      registrationNumber: 'T1010001067912',
    });
    const [audit]: { detail: Json; api_key_id: string | null }[] = await t.db.query(
      `SELECT detail, api_key_id FROM audit_event WHERE event = 'CARRIER_UPSERTED' AND detail->>'code' = 'CLI_CARRIER'`,
    );
    expect(audit).toMatchObject({ api_key_id: null, detail: { via: 'cli' } });
  });
});

describe('tax per issuer: rounded down once per rate per carrier, the invoice the sum', () => {
  // Three carriers; 10 %: 105 + 105 (10 + 10 yen per carrier, where one rounding over the bill gives
  // floor(21.0) = 21), 8 %: 1280 and 1313 − 13, 0 %: 50.
  const STATEMENTS: Record<string, [number, string, number, 0 | 8 | 10][]> = {
    NTT_EAST: [
      [0, '基本料', 105, 10],
      [0, 'dショッピング', 1280, 8],
    ],
    OCN: [
      [1, 'OCN光', 105, 10],
      [1, '印紙代', 50, 0],
    ],
    NTT_COM: [
      [0, '食品', 1313, 8],
      [0, '割引', -13, 8],
    ],
  };
  const EXPECTED = {
    taxes: [
      { rate: 10, taxableAmount: 210, taxAmount: 20 },
      { rate: 8, taxableAmount: 2580, taxAmount: 206 },
    ],
    nonTaxableAmount: 50,
    usageAmount: 210 + 20 + 2580 + 206 + 50,
  };
  const ISSUERS = [
    {
      code: 'NTT_EAST',
      taxes: [
        { rate: 10, taxAmount: 10 },
        { rate: 8, taxAmount: 102 },
      ],
      totalAmount: 1497,
    },
    { code: 'NTT_COM', taxes: [{ rate: 8, taxAmount: 104 }], totalAmount: 1404 },
    { code: 'OCN', taxes: [{ rate: 10, taxAmount: 10 }], totalAmount: 165 },
  ];

  async function invoiceOf(customerNumber: string) {
    const res = await reader.gql(INVOICES, { c: customerNumber });
    return res.data?.invoicesByCustomerNumber.invoices[0].invoice;
  }

  function expectFixture(invoice: Json) {
    expect(invoice).toMatchObject(EXPECTED);
    // One rounding over the whole bill would have taxed the 10 % total at 21.
    expect(Math.floor((210 * 10) / 100)).toBe(21);
    expectSumOfIssuers(invoice);
    expect(
      invoice.issuers.map((i: Json) => ({
        code: i.carrier.code,
        taxes: i.taxes.map((x: Json) => ({ rate: x.rate, taxAmount: x.taxAmount })),
        totalAmount: i.totalAmount,
      })),
    ).toEqual(ISSUERS);
    const east = invoice.issuers.find((i: Json) => i.carrier.code === 'NTT_EAST');
    expect(east.carrier).toMatchObject({
      legalName: '東日本電信電話株式会社',
      registrationNumber: 'T8011101028104',
    });
  }

  it('the API path (one statement at a time, others by their stored figures)', async () => {
    const a = await account();
    const lines = ['0312345678', '0312345679'];
    for (const [carrierCode, items] of Object.entries(STATEMENTS)) {
      const res = await writer.gql(UPSERT_CHARGES, {
        input: {
          customerNumber: a.customerNumber,
          billingMonth: month,
          carrierCode,
          items: items.map(([line, itemName, amount, taxRate]) => ({
            lineNumber: lines[line],
            itemName,
            amount,
            taxRate,
          })),
        },
      });
      expect(res.data?.upsertCarrierCharges.__typename).toBe('CarrierChargesUpserted');
    }
    expectFixture(await invoiceOf(a.customerNumber));
  });

  it('the bulk import path (set-based; a second file adds a carrier to stored ones)', async () => {
    const a = await account();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wb-issuers-'));
    const header = 'customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate';
    const rows = (codes: string[]) =>
      codes.flatMap((code) =>
        STATEMENTS[code].map(
          ([line, name, amount, rate]) =>
            `${a.customerNumber},${month},${code},${['0312345678', '0312345679'][line]},${name},${amount},${rate}`,
        ),
      );
    const first = path.join(dir, 'first.csv');
    writeFileSync(first, [header, ...rows(['NTT_EAST', 'OCN']), ''].join('\n'));
    const second = path.join(dir, 'second.csv');
    writeFileSync(second, [header, ...rows(['NTT_COM']), ''].join('\n'));
    for (const file of [first, second]) {
      const report = await t.services.chargeImport.importFile(file, { onRejected: () => {} });
      expect(report.rows.rejected).toBe(0);
    }
    expectFixture(await invoiceOf(a.customerNumber));
  });

  it('the demo writer (writeMonth), and every month of the seeded demo adds up by issuer', async () => {
    const a = await account();
    await t.db.transaction((tx) =>
      writeMonth(tx, a.accountId, month, {
        status: 'PROVISIONAL',
        issueDate: `${month}-10`,
        dueDate: `${month}-28`,
        paymentStatus: 'UNPAID',
        items: Object.entries(STATEMENTS).flatMap(([code, items]) =>
          items.map(([line, name, amount, taxRate]) => ({
            lineId: a.lineIds[line],
            carrierId: { NTT_EAST: 1, NTT_COM: 4, OCN: 5 }[code] as number,
            name,
            amount,
            taxRate,
          })),
        ),
      }),
    );
    expectFixture(await invoiceOf(a.customerNumber));

    // The subscriber's own view: the demo's 15 months, details kept or not, all split by issuer.
    const { household, business } = await claimDemo(t);
    for (const browser of [household.api, business.api]) {
      const history = (await browser.gql(`{ billing { history { ${ISSUER_FIELDS} } } }`)).data?.billing
        .history;
      expect(history).toHaveLength(15);
      for (const invoice of history) expectSumOfIssuers(invoice);
    }
  });
});

describe('migration 1765200000000 on existing invoices', () => {
  it('gives each statement its figures, re-totals the invoices whose figures change (set-based) and reports it', async () => {
    const database = await createTestDatabase();
    const before = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: migrations.slice(0, migrations.indexOf(TaxPerIssuer1765200000000)),
    });
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const [{ id: accountId }] = await before.query(
        `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
         VALUES ('70000001', '移行 花子', '0312345678') RETURNING id`,
      );
      const [{ id: lineId }] = await before.query(
        `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
         VALUES ($1, '0312345678', 1, '加入電話') RETURNING id`,
        [accountId],
      );
      // Invoices as the old rule totalled them (one rounding per rate over the whole bill).
      const invoice = async (
        m: string,
        f: { t10: number; x10: number; t8?: number; x8?: number; nt?: number; adj?: number },
        state: { status?: string; paid?: boolean; purged?: boolean } = {},
      ) => {
        const usage = f.t10 + f.x10 + (f.t8 ?? 0) + (f.x8 ?? 0) + (f.nt ?? 0);
        const [{ id }] = await before.query(
          `INSERT INTO invoice (billing_account_id, billing_month, status, usage_amount, adjustment_amount,
                                billing_amount, taxable_10, tax_10, taxable_8, tax_8, non_taxable, issue_date,
                                due_date, payment_status, details_purged_at)
           VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $2::date + 9, $2::date + 27, $12,
                   CASE WHEN $13 THEN now() END) RETURNING id`,
          [
            accountId,
            `${m}-01`,
            state.status ?? 'PROVISIONAL',
            usage,
            f.adj ?? 0,
            usage + (f.adj ?? 0),
            f.t10,
            f.x10,
            f.t8 ?? 0,
            f.x8 ?? 0,
            f.nt ?? 0,
            state.paid ? 'PAID' : 'UNPAID',
            state.purged ?? false,
          ],
        );
        return id as string;
      };
      const statement = async (invoiceId: string, carrierId: number, items: [string, number, number][]) =>
        before.query(
          `INSERT INTO carrier_statement (invoice_id, carrier_id, item_count, amount, line_ids, line_refs, item_names,
                                          name_refs, amounts, tax_rates)
           VALUES ($1, $2, $3, $4, $5::uuid[], $6::smallint[], $7::text[], $8::smallint[], $9::int[], $10::smallint[])`,
          [
            invoiceId,
            carrierId,
            Math.max(items.length, 1),
            items.reduce((s, [, amount]) => s + amount, 0),
            items.length ? [lineId] : [],
            items.map(() => 1),
            items.map(([name]) => name),
            items.map((_, i) => i + 1),
            items.map(([, amount]) => amount),
            items.map(([, , rate]) => rate),
          ],
        );
      // 1. Two carriers, details kept, confirmed and paid: 10 % 105 + 105 → 21 yen then, 20 now.
      const twoCarriers = await invoice(
        '2024-01',
        { t10: 210, x10: 21, t8: 1280, x8: 102, nt: 50, adj: -100 },
        { status: 'CONFIRMED', paid: true },
      );
      await statement(twoCarriers, 1, [
        ['基本料', 105, 10],
        ['食品', 1280, 8],
      ]);
      await statement(twoCarriers, 5, [
        ['OCN光', 105, 10],
        ['印紙代', 50, 0],
      ]);
      // 2. One carrier, details kept: both rules agree.
      const oneCarrier = await invoice('2024-02', { t10: 1005, x10: 100 });
      await statement(oneCarrier, 1, [['基本料', 1005, 10]]);
      // 3. One carrier, details purged: its figures are the invoice's.
      const purgedOne = await invoice(
        '2024-03',
        { t10: 505, x10: 50 },
        { status: 'CONFIRMED', purged: true },
      );
      await statement(purgedOne, 1, []);
      // 4. Two carriers, details purged: the split is gone.
      const purgedTwo = await invoice(
        '2024-04',
        { t10: 210, x10: 21 },
        { status: 'CONFIRMED', purged: true },
      );
      await statement(purgedTwo, 1, []);
      await statement(purgedTwo, 5, []);
      // 5. No statement at all (seeded totals only).
      await invoice('2024-05', { t10: 1000, x10: 100 }, { status: 'CONFIRMED', purged: true });
    } finally {
      await before.destroy();
    }

    const after = createDataSource(database.url);
    const logged: Json[] = [];
    try {
      await after.initialize();
      await runMigrations(after, {
        info: (obj, msg) => logged.push({ ...obj, msg }),
        warn() {},
        error() {},
      });
      expect(logged.find((l) => l.msg === 'migration report')).toEqual({
        msg: 'migration report',
        migration: 'TaxPerIssuer1765200000000',
        statementsWithFigures: 4,
        statementsWithoutFigures: 2,
        invoicesRetotalled: 1,
        confirmedRetotalled: 1,
        paidRetotalled: 1,
        billingAmountChange: -1,
      });
      const invoices: Json[] = await after.query(
        `SELECT to_char(billing_month, 'YYYY-MM') AS month, tax_10, usage_amount, billing_amount,
                (SELECT json_agg(json_build_array(cs.carrier_id, cs.taxable_10, cs.tax_10, cs.taxable_8, cs.tax_8,
                                                  cs.non_taxable) ORDER BY cs.carrier_id)
                   FROM carrier_statement cs WHERE cs.invoice_id = i.id) AS statements
           FROM invoice i ORDER BY billing_month`,
      );
      expect(invoices).toEqual([
        {
          month: '2024-01',
          tax_10: 20,
          usage_amount: 210 + 20 + 1280 + 102 + 50,
          billing_amount: 210 + 20 + 1280 + 102 + 50 - 100,
          statements: [
            [1, 105, 10, 1280, 102, 0],
            [5, 105, 10, 0, 0, 50],
          ],
        },
        {
          month: '2024-02',
          tax_10: 100,
          usage_amount: 1105,
          billing_amount: 1105,
          statements: [[1, 1005, 100, 0, 0, 0]],
        },
        {
          month: '2024-03',
          tax_10: 50,
          usage_amount: 555,
          billing_amount: 555,
          statements: [[1, 505, 50, 0, 0, 0]],
        },
        {
          month: '2024-04',
          tax_10: 21,
          usage_amount: 231,
          billing_amount: 231,
          statements: [
            [1, null, null, null, null, null],
            [5, null, null, null, null, null],
          ],
        },
        { month: '2024-05', tax_10: 100, usage_amount: 1100, billing_amount: 1100, statements: null },
      ]);
    } finally {
      await after.destroy();
      await database.drop();
    }
  });
});
