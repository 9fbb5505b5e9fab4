// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { BillingExport } from '../../server/src/modules/billing/billing-export';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemoBilling } from '../../server/src/modules/billing/demo-billing';
import { receiptNumber } from '../../server/src/modules/documents/documents.service';
import { Browser } from '../support/graphql-client';
import { activeSubscriber, claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

const { pdfText } = require('../support/poppler.js') as { pdfText(pdf: Buffer): string };

let t: TestApp;
let current: string;
/** The fixture's month: confirmed and paid by card (the previous month, so it can be confirmed). */
let month: string;
let writer: Browser;
let owner: { browser: Browser; customerNumber: string; accountId: string };
let stranger: Browser;
let strangerAccountId: string;

const UPSERT = `mutation Upsert($input: UpsertCarrierChargesInput!) { upsertCarrierCharges(input: $input) {
  __typename ... on UserError { code message } ... on FieldErrors { errors { field code message } } } }`;
const CONFIRM = `mutation Confirm($input: ConfirmInvoiceInput!) { confirmInvoice(input: $input) { __typename } }`;
const PAY = `mutation Pay($input: PayInvoiceByCardInput!) { payInvoiceByCard(input: $input) {
  __typename ... on PaymentSucceeded { receipt { id amount } } } }`;
const INVOICE = `query($m: String!) { billing { invoice(billingMonth: $m) { __typename
  ... on Invoice { billingMonth usageAmount adjustmentAmount billingAmount nonTaxableAmount issueDate dueDate paymentStatus
    taxes { rate taxableAmount taxAmount } receipt { id amount }
    issuers { carrier { code name legalName registrationNumber } taxes { rate taxableAmount taxAmount } nonTaxableAmount totalAmount } } } } }`;
const BREAKDOWN = `query($m: String!) { billing { breakdown(billingMonth: $m) { __typename
  ... on Breakdown { itemsTotal carriers { carrier { code name registrationNumber } subtotal lines { line { lineNumber serviceName }
    items { name amount taxRate } } } } } } }`;

/** A document as a browser fetches it: the session cookie (or a bearer token), a language. */
async function download(path: string, who: Browser | null, lang = 'ja') {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.bearer) headers.authorization = `Bearer ${who.bearer}`;
  const res = await fetch(`${t.url}${path}`, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

const yen = (n: number) => `${new Intl.NumberFormat('ja-JP').format(n)}円`;

/**
 * A three-carrier bill, sent through the integrator API as carriers send them: NTT East with a
 * discount, docomo with 10 %, 8 % (reduced) and 0 % items, OCN with a name that a spreadsheet would
 * run as a formula. Confirmed, then paid by card by its subscriber.
 */
async function threeCarrierBill() {
  const card = await t.services.provisioning.provision(
    {
      holderName: '請求 花子',
      registeredPhoneNumber: '0312340001',
      lines: [
        { lineNumber: '0312340001', carrierCode: 'NTT_EAST', serviceName: '加入電話' },
        { lineNumber: '09011112222', carrierCode: 'NTT_DOCOMO', serviceName: '携帯電話（ahamo）' },
        { lineNumber: 'CAF0000001', carrierCode: 'OCN', serviceName: 'OCN光' },
      ],
    },
    { via: 'test' },
  );
  const send = async (carrierCode: string, items: [string, string, number, number][]) => {
    const res = await writer.gql(UPSERT, {
      input: {
        customerNumber: card.customerNumber,
        billingMonth: month,
        carrierCode,
        items: items.map(([lineNumber, itemName, amount, taxRate]) => ({
          lineNumber,
          itemName,
          amount,
          taxRate,
        })),
      },
    });
    expect(res.data?.upsertCarrierCharges.__typename).toBe('CarrierChargesUpserted');
  };
  await send('NTT_EAST', [
    ['0312340001', '基本料', 1705, 10],
    ['0312340001', '通話料（市内）', 333, 10],
    ['0312340001', '光はじめ割', -555, 10],
  ]);
  await send('NTT_DOCOMO', [
    ['09011112222', 'ahamo基本料金', 2707, 10],
    ['09011112222', 'dショッピング（軽減税率対象）', 1285, 8],
    ['09011112222', '端末等代金分割支払金', 2950, 0],
  ]);
  await send('OCN', [['CAF0000001', '=OCN光 "プロバイダ" 利用料', 1109, 10]]);
  expect(
    (await writer.gql(CONFIRM, { input: { customerNumber: card.customerNumber, billingMonth: month } })).data
      ?.confirmInvoice.__typename,
  ).toBe('InvoiceConfirmed');
  const browser = await claimCard(
    t,
    card,
    `hanako${process.pid % 1000}${Date.now() % 1e6}`,
    'Momiji#2024x',
    'ja',
  );
  return { browser, customerNumber: card.customerNumber, accountId: card.accountId };
}

async function pay(browser: Browser, billingMonth: string) {
  const res = await browser.gql(PAY, {
    input: {
      billingMonth,
      cardNumber: '4242 4242 4242 4242',
      expiryMonth: 12,
      expiryYear: new Date(t.clock.now()).getFullYear() + 1,
      cvc: '123',
      holderName: 'HANAKO SEIKYU',
      idempotencyKey: randomUUID(),
    },
  });
  expect(res.data?.payInvoiceByCard.__typename).toBe('PaymentSucceeded');
  return res.data?.payInvoiceByCard.receipt;
}

beforeAll(async () => {
  t = await startTestApp({ API_KEY_REQUESTS_PER_MINUTE: '10000' });
  current = currentBillingMonth(t.clock);
  month = addMonths(current, -1);
  const created = await t.services.apiKeys.create('documents test', ['billing:write', 'billing:read']);
  writer = new Browser(t.url);
  writer.bearer = created.key;
  owner = await threeCarrierBill();
  const other = await activeSubscriber(t, 'ja');
  stranger = other.browser;
  strangerAccountId = other.card.accountId;
});
afterAll(async () => {
  await t?.close();
});

describe('the bill as a qualified invoice (PDF)', () => {
  it('states every element a qualified invoice needs, with the screen’s figures to the yen', async () => {
    const res = await download(`/documents/bills/${month}.pdf`, owner.browser);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="invoice-${month}.pdf"; filename*=UTF-8''${encodeURIComponent(`請求書_${month.slice(0, 4)}年${month.slice(5)}月.pdf`)}`,
    );
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body);
    const screen = (await owner.browser.gql(INVOICE, { m: month })).data?.billing.invoice;
    const [y, m] = month.split('-').map(Number);

    expect(text).toContain('請求書（適格請求書）');
    expect(text).toContain('請求 花子 様'); // the recipient
    expect(text).toContain(`お客様番号 ${owner.customerNumber}`);
    expect(text).toContain(`${y}年${m}月`); // the transaction month
    const [, im, id] = screen.issueDate.split('-').map(Number);
    expect(text).toContain(`${y}年${im}月${id}日`);
    const [dy, dm, dd] = screen.dueDate.split('-').map(Number);
    expect(text).toMatch(new RegExp(`お支払期限\\s+${dy}年${dm}月${dd}日`));
    expect(text).toMatch(/お支払状況\s+未払い/);
    // Each carrier is an issuer: its legal name, its registration number, its per-rate taxable totals
    // and tax (rounded down once per rate over its own charges) and its total, as the screen has them.
    expect(screen.issuers.map((i: any) => i.carrier.code)).toEqual(['NTT_EAST', 'NTT_DOCOMO', 'OCN']);
    const sections = text.split(/\n(?=\S.*\n\s*登録番号 T\d{13})/).slice(1);
    expect(sections).toHaveLength(3);
    for (const [n, issuer] of screen.issuers.entries()) {
      const section = sections[n];
      expect(issuer.carrier.registrationNumber).toMatch(/^T\d{13}$/);
      expect(section).toContain(issuer.carrier.legalName);
      expect(section).toContain(`登録番号 ${issuer.carrier.registrationNumber}`);
      for (const tax of issuer.taxes) {
        const mark = tax.rate === 8 ? '（軽減税率）※' : '';
        expect(section).toMatch(new RegExp(`${tax.rate}％対象${mark}（税抜）\\s+${yen(tax.taxableAmount)}`));
        expect(section).toMatch(new RegExp(`消費税（${tax.rate}％）(※)?\\s+${yen(tax.taxAmount)}`));
      }
      if (issuer.nonTaxableAmount !== 0)
        expect(section).toMatch(new RegExp(`非課税・不課税\\s+${yen(issuer.nonTaxableAmount)}`));
      expect(section).toMatch(new RegExp(`合計（税込）\\s+${yen(issuer.totalAmount)}`));
    }
    // NTT East: (1,705 + 333 − 555) × 10 % = 148.3 → 148; the discount is an item of its own.
    expect(sections[0]).toMatch(/光はじめ割\s+10%\s+-555円/);
    expect(sections[0]).toMatch(/消費税（10％）\s+148円/);
    // docomo: the reduced-rate item marked, the legend, the non-taxable item.
    expect(sections[1]).toMatch(/dショッピング（軽減税率対象） ※\s+8%※\s+1,285円/);
    expect(sections[1]).toMatch(/端末等代金分割支払金\s+非課税等\s+2,950円/);
    expect(sections[1]).toContain('※は軽減税率（8％）対象');
    // Tax per issuer: 148 + 270 + 110 = 528 at 10 %, where one rounding over the bill would give 529.
    expect(screen.taxes.find((x: any) => x.rate === 10)).toEqual({
      rate: 10,
      taxableAmount: 5299,
      taxAmount: 528,
    });
    // The bill's own figures are the screen's.
    expect(text).toMatch(new RegExp(`ご請求額（税込）\\s+${yen(screen.billingAmount)}`));
    expect(text).toMatch(new RegExp(`ご利用額（税込）\\s+${yen(screen.usageAmount)}`));
    for (const tax of screen.taxes) {
      expect(text).toMatch(new RegExp(`消費税（${tax.rate}％）(※)?\\s+${yen(tax.taxAmount)}`));
    }
  });

  it('gives per-carrier totals beyond the 4-month details window, for any month of the 15', async () => {
    const demo = await activeSubscriber(t, 'ja');
    await seedDemoBilling(t.db, t.clock, demo.card.accountId, 'family');
    const old = addMonths(current, -10);
    const res = await download(`/documents/bills/${old}.pdf`, demo.browser);
    expect(res.status).toBe(200);
    const text = pdfText(res.body);
    const screen = (await demo.browser.gql(INVOICE, { m: old })).data?.billing.invoice;
    expect(text).toMatch(new RegExp(`ご請求額（税込）\\s+${yen(screen.billingAmount)}`));
    expect(text).toMatch(/お支払状況\s+お支払い済み/);
    expect(text).not.toContain('基本料');
    // Per carrier: its registration number and its figures, which the statement keeps after its items.
    for (const issuer of screen.issuers) {
      expect(text).toContain(`登録番号 ${issuer.carrier.registrationNumber}`);
      expect(text).toMatch(new RegExp(`${issuer.carrier.name} 合計（税込）\\s+${yen(issuer.totalAmount)}`));
    }
  });
});

describe('the breakdown as CSV', () => {
  it('round-trips through a CSV parser to the GraphQL breakdown’s items and totals', async () => {
    const res = await download(`/documents/bills/${month}/breakdown.csv`, owner.browser);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="breakdown-\d{4}-\d{2}\.csv"/,
    );
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = res.body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFcarrier_code,carrier_name,registration_number,line_number,service_name,item_name,amount,tax_rate',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n'); // CRLF only
    const rows: Record<string, string>[] = parse(res.body, {
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    });

    const breakdown = (await owner.browser.gql(BREAKDOWN, { m: month })).data?.billing.breakdown;
    const expected = breakdown.carriers.flatMap((c: any) =>
      c.lines.flatMap((l: any) =>
        l.items.map((i: any) => ({
          carrier_code: c.carrier.code,
          carrier_name: c.carrier.name,
          registration_number: c.carrier.registrationNumber,
          line_number: l.line.lineNumber,
          service_name: l.line.serviceName,
          // A cell a spreadsheet would run as a formula is kept as text (OWASP CSV injection).
          item_name: i.name.startsWith('=') ? `'${i.name}` : i.name,
          amount: String(i.amount),
          tax_rate: String(i.taxRate),
        })),
      ),
    );
    expect(rows).toEqual(expected);
    expect(rows.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(breakdown.itemsTotal);
    expect(rows.find((r) => r.carrier_code === 'OCN')?.item_name).toBe('\'=OCN光 "プロバイダ" 利用料');
  });

  it('streams a 1,000-line month, every item, in under 2 s', async () => {
    const card = await t.services.provisioning.provision(
      {
        holderName: '株式会社千回線',
        registeredPhoneNumber: '0600000000',
        lines: Array.from({ length: 1000 }, (_, i) => ({
          lineNumber: `06${String(70000000 + i)}`,
          carrierCode: 'NTT_WEST',
          serviceName: '加入電話',
        })),
      },
      { via: 'test' },
    );
    const items = Array.from({ length: 1000 }, (_, i) => [
      { lineNumber: `06${String(70000000 + i)}`, itemName: '基本料', amount: 1700, taxRate: 10 },
      {
        lineNumber: `06${String(70000000 + i)}`,
        itemName: '通話料（市内）',
        amount: 100 + (i % 50),
        taxRate: 10,
      },
      { lineNumber: `06${String(70000000 + i)}`, itemName: 'ユニバーサルサービス料', amount: 3, taxRate: 10 },
      { lineNumber: `06${String(70000000 + i)}`, itemName: '電話リレーサービス料', amount: 1, taxRate: 10 },
    ]).flat();
    // The integrator service itself: one statement of 4,000 items is over the HTTP body limit.
    const apiKey = await t.services.apiKeys.create('bulk', ['billing:write']);
    const sent = await t.services.charges.upsert(
      { customerNumber: card.customerNumber, billingMonth: current, carrierCode: 'NTT_WEST', items },
      { apiKeyId: apiKey.id },
    );
    expect(sent.kind).toBe('written');
    const browser = await claimCard(
      t,
      card,
      `senkaisen${process.pid % 1000}${Date.now() % 1e6}`,
      'Momiji#2024x',
    );

    const started = performance.now();
    const res = await download(`/documents/bills/${current}/breakdown.csv`, browser);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4000);
    expect(new Set(rows.map((r) => r.line_number)).size).toBe(1000);
    expect(rows.map((r) => r.line_number)).toEqual([...rows.map((r) => r.line_number)].sort());
    expect(ms).toBeLessThan(2000);

    // A download cancelled after its first bytes closes the cursor and frees the account's slot: two
    // more at once are both served, and the pool has every connection back.
    const abort = new AbortController();
    const cancelled = await fetch(`${t.url}/documents/bills/${current}/breakdown.csv`, {
      headers: { cookie: browser.cookie as string },
      signal: abort.signal,
    });
    await cancelled.body?.getReader().read();
    abort.abort();
    const again = await Promise.all(
      [1, 2].map(() => download(`/documents/bills/${current}/breakdown.csv`, browser)),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    // A reader that stops after the first batch leaves no connection inside the cursor's transaction.
    const [{ id }] = await t.db.query(
      'SELECT id FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
      [card.accountId, `${current}-01`],
    );
    const open = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND query LIKE '%billing_export_items%'`,
        )
      )[0].n as number;
    for await (const batch of new BillingExport(t.services.pool).items(id, 100)) {
      expect(batch).toHaveLength(100);
      expect(await open()).toBe(1);
      break;
    }
    expect(await open()).toBe(0);
  });
});

describe('the receipt and the payment certificate', () => {
  it('has no receipt before the bill is paid (404), then the same receipt number on every download', async () => {
    const unpaid = await download(`/documents/receipts/${month}.pdf`, owner.browser, 'en');
    expect(unpaid.status).toBe(404);
    expect(unpaid.json()).toEqual({
      error: { code: 'RECEIPT_NOT_FOUND', message: expect.stringContaining('no receipt') },
    });

    const receipt = await pay(owner.browser, month);
    const screen = (await owner.browser.gql(INVOICE, { m: month })).data?.billing.invoice;
    const first = await download(`/documents/receipts/${month}.pdf`, owner.browser);
    const second = await download(`/documents/receipts/${month}.pdf`, owner.browser);
    expect([first.status, second.status]).toEqual([200, 200]);
    const number = receiptNumber(receipt.id, month);
    const [a, b] = [pdfText(first.body), pdfText(second.body)];
    expect(a).toContain(`領収書番号 ${number}`);
    expect(b).toContain(`領収書番号 ${number}`);
    expect(a).toMatch(new RegExp(`領収金額（税込）\\s+${yen(receipt.amount)}`));
    expect(a).toMatch(/お支払方法\s+クレジットカード（Visa 下4桁 4242）/);
    expect(a).toMatch(/消費税（10％）\s+[\d,]+円/);
    expect(a).toMatch(/消費税（8％）※\s+102円/);
    for (const issuer of screen.issuers) expect(a).toContain(`登録番号 ${issuer.carrier.registrationNumber}`);
    // The bill now says paid.
    expect(pdfText((await download(`/documents/bills/${month}.pdf`, owner.browser)).body)).toMatch(
      /お支払状況\s+お支払い済み/,
    );
  });

  it('certifies the payments of a period within the window, and refuses a bad period with a JSON error', async () => {
    const res = await download(
      `/documents/certificates/payments.pdf?from=${addMonths(current, -3)}&to=${current}`,
      owner.browser,
    );
    expect(res.status).toBe(200);
    const text = pdfText(res.body);
    expect(text).toContain('料金支払証明書');
    const screen = (await owner.browser.gql(INVOICE, { m: month })).data?.billing.invoice;
    expect(text).toMatch(new RegExp(`お支払い済み合計（税込）\\s+${yen(screen.billingAmount)}`));
    expect(text).toContain('クレジットカード（Visa 下4桁 4242）');

    for (const [query, status, code] of [
      ['', 400, 'PERIOD_INVALID'],
      [`?from=${current}&to=${month}`, 400, 'PERIOD_INVALID'],
      ['?from=2020-1&to=2020-02', 400, 'PERIOD_INVALID'],
      [`?from=${addMonths(current, -15)}&to=${current}`, 400, 'MONTH_OUT_OF_RANGE'],
      [`?from=${current}&to=${addMonths(current, 1)}`, 400, 'MONTH_OUT_OF_RANGE'],
      [`?from=${current}&to=${current}`, 404, 'NO_PAYMENTS_IN_PERIOD'],
    ] as const) {
      const bad = await download(`/documents/certificates/payments.pdf${query}`, owner.browser);
      expect([query, bad.status, bad.json().error.code]).toEqual([query, status, code]);
    }
  });
});

describe('who may download', () => {
  it('answers 401 JSON without a session, in the caller’s language, before looking at the path', async () => {
    for (const path of [
      `/documents/bills/${month}.pdf`,
      '/documents/bills/nonsense',
      '/documents/receipts/x.pdf',
    ]) {
      const res = await download(path, null, 'en');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/log in/) },
      });
    }
    const forged = new Browser(t.url);
    forged.cookie = 'wb_session=wbs_forged';
    expect((await download(`/documents/bills/${month}.pdf`, forged)).status).toBe(401);
    // An integrator's key is not a subscriber.
    expect((await download(`/documents/bills/${month}.pdf`, writer)).status).toBe(401);
  });

  it('gives another account’s month the same 404 as a month without a bill, and audits nothing for it', async () => {
    const theirs = await download(`/documents/bills/${month}.pdf`, stranger);
    const none = await download(`/documents/bills/${addMonths(current, -5)}.pdf`, owner.browser);
    expect(theirs.status).toBe(404);
    expect(theirs.json()).toEqual(none.json());
    expect(theirs.json().error.code).toBe('INVOICE_NOT_FOUND');
    expect((await download(`/documents/bills/${month}/breakdown.csv`, stranger)).json()).toEqual(
      (await download(`/documents/bills/${addMonths(current, -5)}/breakdown.csv`, owner.browser)).json(),
    );
    expect((await download(`/documents/receipts/${month}.pdf`, stranger)).status).toBe(404);
    const outside = await download(`/documents/bills/${addMonths(current, -15)}.pdf`, owner.browser);
    expect([outside.status, outside.json().error.code]).toEqual([404, 'MONTH_OUT_OF_RANGE']);
    expect((await download('/documents/bills/2026-13.pdf', owner.browser)).status).toBe(404);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE event = 'DOCUMENT_DOWNLOADED' AND billing_account_id = $1`,
      [strangerAccountId],
    );
    expect(count).toBe(0);
  });

  it('audits each download with what was downloaded', async () => {
    const rows: { outcome: string; detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT outcome, detail FROM audit_event WHERE event = 'DOCUMENT_DOWNLOADED' AND billing_account_id = $1
        ORDER BY id`,
      [owner.accountId],
    );
    expect(rows.map((r) => r.detail.document)).toEqual(
      expect.arrayContaining(['BILL_PDF', 'BREAKDOWN_CSV', 'RECEIPT_PDF', 'PAYMENT_CERTIFICATE_PDF']),
    );
    expect(rows.every((r) => r.outcome === 'SUCCESS')).toBe(true);
  });

  it('serves 50 concurrent PDF requests of one session correctly or with 429, never more than 2 at once', async () => {
    // Counts the renders running at once around the real service (nothing replaced).
    const documents = t.services.documents;
    const real = documents.billPdf.bind(documents);
    let running = 0;
    let most = 0;
    documents.billPdf = async (...args) => {
      most = Math.max(most, ++running);
      try {
        return await real(...args);
      } finally {
        running--;
      }
    };
    const audited = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE event = 'DOCUMENT_DOWNLOADED' AND billing_account_id = $1`,
          [owner.accountId],
        )
      )[0].n as number;
    const before = await audited();
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => download(`/documents/bills/${month}.pdf`, owner.browser, 'en')),
      );
      const ok = results.filter((r) => r.status === 200);
      const limited = results.filter((r) => r.status === 429);
      expect(ok.length + limited.length).toBe(50);
      expect(ok.length).toBeGreaterThanOrEqual(2);
      expect(most).toBeLessThanOrEqual(2);
      for (const r of limited) {
        expect(r.headers.get('retry-after')).toBe('1');
        expect(r.json().error.code).toBe('DOCUMENTS_BUSY');
      }
      const texts = new Set(ok.map((r) => pdfText(r.body)));
      expect(texts.size).toBe(1); // every one the same, whole document
      expect((await audited()) - before).toBe(ok.length); // a refused request did no work
    } finally {
      documents.billPdf = real;
    }
    // Afterwards the account is free again.
    expect((await download(`/documents/bills/${month}.pdf`, owner.browser)).status).toBe(200);
  });
});
