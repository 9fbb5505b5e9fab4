// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import type { ProvisionedAccount } from '../../server/src/modules/operators/provisioning.service';
import { Browser, LOGIN } from '../support/graphql-client';
import { activeSubscriber, claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let household: Browser;
let business: Browser;
let current: string;

/** Signs the postcard holder in and replaces the postcard pair, so billing queries are allowed. */
const signIn = (card: ProvisionedAccount, loginId: string) =>
  claimCard(t, card, loginId, 'Sakura#2024x', 'ja');

beforeAll(async () => {
  t = await startTestApp();
  const [h, b] = await seedDemo(t.services);
  household = await signIn(h, 'yamada2024');
  business = await signIn(b, 'naniwa2024');
  current = currentBillingMonth(t.clock);
});
afterAll(async () => {
  await t?.close();
});

const INVOICE_FIELDS = `billingMonth status usageAmount adjustmentAmount billingAmount nonTaxableAmount
  taxes { rate taxableAmount taxAmount } issueDate dueDate paymentStatus detailsAvailable`;

const BREAKDOWN = `query($month: String!, $line: String, $carrier: String) { billing { breakdown(billingMonth: $month, lineNumber: $line, carrierCode: $carrier) {
  __typename
  ... on Breakdown { itemsTotal lineNumber carrierCode invoice { billingAmount usageAmount taxes { rate taxableAmount taxAmount } nonTaxableAmount }
    carriers { carrier { code name } subtotal lines { line { lineNumber serviceName } subtotal items { name amount taxRate } } } }
  ... on UserError { code message }
  ... on MonthOutOfRange { oldestMonth newestMonth }
  ... on DetailsNotRetained { oldestMonth newestMonth } } } }`;

describe('billing reference (SPEC 3, guide 2–3)', () => {
  it('shows the top screen, the last 4 months and 15 months of totals, newest first', async () => {
    const res = await household.gql(`{ billing {
      latestInvoice { ${INVOICE_FIELDS} }
      recentInvoices { billingMonth detailsAvailable }
      history { billingMonth billingAmount status paymentStatus detailsAvailable } } }`);
    const billing = res.data?.billing;
    expect(billing.latestInvoice).toMatchObject({
      billingMonth: current,
      status: 'PROVISIONAL',
      paymentStatus: 'UNPAID',
    });
    expect(billing.latestInvoice.dueDate.startsWith(current)).toBe(true);
    expect(billing.recentInvoices.map((i: { billingMonth: string }) => i.billingMonth)).toEqual(
      [0, 1, 2, 3].map((n) => addMonths(current, -n)),
    );
    expect(billing.history).toHaveLength(15);
    expect(billing.history[14].billingMonth).toBe(addMonths(current, -14));
    expect(billing.history.filter((i: { detailsAvailable: boolean }) => i.detailsAvailable)).toHaveLength(4);
    for (const invoice of billing.history) expect(Number.isInteger(invoice.billingAmount)).toBe(true);
  });

  it('answers the top screen (who, the newest bill) in two statements, always current', async () => {
    const TOP = `{ me { loginId registeredPhoneNumber }
      billing { latestInvoice { billingMonth billingAmount dueDate status paymentStatus detailsAvailable } } }`;
    t.statements.length = 0;
    const first = (await household.gql(TOP)).data;
    expect(t.statements).toHaveLength(2); // the session (with the viewer), then the newest bill
    expect(first?.me).toEqual({ loginId: 'yamada2024', registeredPhoneNumber: '0312345678' });
    expect(first?.billing.latestInvoice).toMatchObject({ billingMonth: current, detailsAvailable: true });

    // Nothing is kept between requests: a change to the bill shows on the next visit.
    await t.services.db.query(
      `UPDATE invoice SET billing_amount = billing_amount + 1, updated_at = now()
        WHERE billing_account_id = (SELECT billing_account_id FROM subscriber WHERE login_id = 'yamada2024')
          AND billing_month = $1::date`,
      [`${current}-01`],
    );
    const again = (await household.gql(TOP)).data?.billing.latestInvoice;
    expect(again.billingAmount).toBe(first?.billing.latestInvoice.billingAmount + 1);

    // `me` alone costs the session lookup only.
    t.statements.length = 0;
    await household.gql('{ me { loginId } }');
    expect(t.statements).toHaveLength(1);

    // A subscriber with no bill yet sees none.
    const newcomer = await activeSubscriber(t);
    expect((await newcomer.browser.gql(TOP)).data?.billing.latestInvoice).toBeNull();
  });

  it('adds up: usage = items + tax per rate (rounded down once per rate per carrier), billing = usage + adjustments', async () => {
    const month = addMonths(current, -1);
    const res = await household.gql(BREAKDOWN, { month });
    const b = res.data?.billing.breakdown;
    expect(b.__typename).toBe('Breakdown');
    const items = b.carriers.flatMap((c: any) => c.lines.flatMap((l: any) => l.items));
    const byRate = (rate: number) =>
      items.filter((i: any) => i.taxRate === rate).reduce((s: number, i: any) => s + i.amount, 0);
    expect(b.itemsTotal).toBe(items.reduce((s: number, i: any) => s + i.amount, 0));
    // Each carrier is an issuer: its 10 % total is taxed and rounded down on its own.
    const tax10 = b.invoice.taxes.find((x: any) => x.rate === 10);
    const perCarrier = b.carriers.map((c: any) =>
      c.lines
        .flatMap((l: any) => l.items)
        .filter((i: any) => i.taxRate === 10)
        .reduce((s: number, i: any) => s + i.amount, 0),
    );
    expect(tax10).toEqual({
      rate: 10,
      taxableAmount: byRate(10),
      taxAmount: perCarrier.reduce((s: number, t: number) => s + Math.floor(t / 10), 0),
    });
    // On this demo month the rule matters: one rounding over the whole bill would give more.
    expect(tax10.taxAmount).toBeLessThan(Math.floor(byRate(10) / 10));
    expect(b.invoice.nonTaxableAmount).toBe(byRate(0));
    const summary = await household.gql(
      `query($m: String!) { billing { invoice(billingMonth: $m) { __typename
      ... on Invoice { usageAmount adjustmentAmount billingAmount notices { title body } } } } }`,
      { m: month },
    );
    const invoice = summary.data?.billing.invoice;
    const taxTotal = b.invoice.taxes.reduce((s: number, x: any) => s + x.taxAmount, 0);
    expect(invoice.usageAmount).toBe(b.itemsTotal + taxTotal);
    expect(invoice.adjustmentAmount).toBe(-110);
    expect(invoice.billingAmount).toBe(invoice.usageAmount - 110);
    expect(invoice.notices[0].title).toBe('電話リレーサービス料について');
  });

  it('breaks a month down by carrier and line, with Japanese item names, filtered to one line or one carrier', async () => {
    const all = (await household.gql(BREAKDOWN, { month: current })).data?.billing.breakdown;
    expect(all.carriers.map((c: any) => c.carrier.name)).toEqual(
      expect.arrayContaining(['NTT東日本', 'NTTドコモ', 'OCN（インターネット接続サービス）']),
    );
    const east = all.carriers.find((c: any) => c.carrier.code === 'NTT_EAST');
    expect(east.lines.map((l: any) => l.line.lineNumber)).toEqual(['0312345678', 'CAF1234567']);
    expect(east.subtotal).toBe(east.lines.reduce((s: number, l: any) => s + l.subtotal, 0));
    expect(east.lines[0].items.map((i: any) => i.name)).toContain('ユニバーサルサービス料');

    const oneLine = (await household.gql(BREAKDOWN, { month: current, line: '０９０－１２３４－５６７８' }))
      .data?.billing.breakdown;
    expect(oneLine.lineNumber).toBe('09012345678');
    expect(oneLine.carriers).toHaveLength(1);
    expect(oneLine.carriers[0].lines.map((l: any) => l.line.lineNumber)).toEqual(['09012345678']);

    const ocn = (await household.gql(BREAKDOWN, { month: current, carrier: 'OCN' })).data?.billing.breakdown;
    expect(ocn.carriers.map((c: any) => c.carrier.code)).toEqual(['OCN']);
  });

  it('keeps totals for 15 months and details for 4, the current month included, and says so', async () => {
    const invoiceOf = async (m: string) =>
      (
        await household.gql(
          `query($m: String!) { billing { invoice(billingMonth: $m) { __typename ... on UserError { code message } } } }`,
          { m },
        )
      ).data?.billing.invoice;
    expect((await invoiceOf(addMonths(current, -14))).__typename).toBe('Invoice');
    const tooOld = await invoiceOf(addMonths(current, -15));
    expect(tooOld).toMatchObject({ __typename: 'MonthOutOfRange', code: 'MONTH_OUT_OF_RANGE' });
    expect(tooOld.message).toContain('15か月');
    expect((await invoiceOf(addMonths(current, 1))).__typename).toBe('MonthOutOfRange');
    expect((await invoiceOf('2026-13')).__typename).toBe('MonthOutOfRange');

    const breakdownOf = async (m: string) =>
      (await household.gql(BREAKDOWN, { month: m })).data?.billing.breakdown;
    expect((await breakdownOf(addMonths(current, -3))).__typename).toBe('Breakdown');
    expect(await breakdownOf(addMonths(current, -4))).toMatchObject({
      __typename: 'DetailsNotRetained',
      oldestMonth: addMonths(current, -3),
      newestMonth: current,
    });
    expect((await breakdownOf(addMonths(current, -15))).__typename).toBe('MonthOutOfRange');
  });

  it('pages 120 lines, finds one by number as typed, and breaks a 120-line month down in a constant number of statements', async () => {
    const page1 = (
      await business.gql('{ billing { lines(first: 50) { totalCount nextCursor lines { lineNumber } } } }')
    ).data?.billing.lines;
    expect(page1.totalCount).toBe(120);
    expect(page1.lines).toHaveLength(50);
    const page3 = (
      await business.gql(
        'query($a: String) { billing { lines(first: 50, after: $a) { nextCursor lines { lineNumber } } } }',
        {
          a: (
            await business.gql(
              'query($a: String) { billing { lines(first: 50, after: $a) { nextCursor } } }',
              { a: page1.nextCursor },
            )
          ).data?.billing.lines.nextCursor,
        },
      )
    ).data?.billing.lines;
    expect(page3.lines).toHaveLength(20);
    expect(page3.nextCursor).toBeNull();
    const found = await business.gql(
      '{ billing { line(lineNumber: "06-6100-0120") { lineNumber serviceName carrier { name } } } }',
    );
    expect(found.data?.billing.line).toEqual({
      lineNumber: '0661000120',
      serviceName: '加入電話',
      carrier: { name: 'NTT西日本' },
    });

    t.statements.length = 0;
    const big = (await business.gql(BREAKDOWN, { month: current })).data?.billing.breakdown;
    const bigCount = t.statements.length;
    // A line billed by two carriers (its own and a long-distance one) appears under both.
    const lineNumbers = new Set(big.carriers.flatMap((c: any) => c.lines.map((l: any) => l.line.lineNumber)));
    expect(lineNumbers.size).toBe(120);
    // Another month on the 3-line account.
    t.statements.length = 0;
    await household.gql(BREAKDOWN, { month: addMonths(current, -2) });
    const smallCount = t.statements.length;
    expect(bigCount).toBe(smallCount); // no N+1: 120 lines cost what 3 do
    expect(bigCount).toBeLessThanOrEqual(3); // session + invoice + items
    // Read again: the same statements, nothing kept between requests.
    t.statements.length = 0;
    await business.gql(BREAKDOWN, { month: current });
    expect(t.statements).toHaveLength(bigCount);
  });

  it('loads the notices of 15 invoices in one statement', async () => {
    t.statements.length = 0;
    const res = await household.gql('{ billing { history { billingMonth notices { title } } } }');
    expect(res.data?.billing.history).toHaveLength(15);
    expect(t.statements.filter((sql) => sql.includes('invoice_notice'))).toHaveLength(1);
  });
});

describe('access', () => {
  it("refuses another account's line numbers and requires a finished sign-in", async () => {
    const other = await business.gql(BREAKDOWN, { month: current, line: '03-1234-5678' });
    expect(other.data?.billing.breakdown).toMatchObject({
      __typename: 'LineNotFound',
      code: 'LINE_NOT_FOUND',
    });
    expect(
      (await business.gql('{ billing { line(lineNumber: "0312345678") { lineNumber } } }')).data?.billing
        .line,
    ).toBeNull();
    const anonymous = await new Browser(t.url).gql('{ billing { latestInvoice { billingAmount } } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const card = await t.services.provisioning.provision(
      { holderName: 'x', registeredPhoneNumber: '0311112222' },
      { via: 'test' },
    );
    const pending = new Browser(t.url);
    await pending.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
    const blocked = await pending.gql('{ billing { latestInvoice { billingAmount } } }');
    expect(blocked.errors?.[0].extensions?.code).toBe('CREDENTIAL_CHANGE_REQUIRED');
  });
});

describe('membership information', () => {
  const MEMBERSHIP =
    '{ membership { customerNumber holderName registeredPhoneNumber contactPhoneNumber contactEmail } }';
  const UPDATE = `mutation($input: UpdateContactDetailsInput!) { updateContactDetails(input: $input) { __typename
    ... on ContactDetailsUpdated { membership { contactPhoneNumber contactEmail } } ... on FieldErrors { errors { field code } } } }`;

  it('shows the contract and changes contact details, refusing bad values and keeping what was there', async () => {
    expect((await household.gql(MEMBERSHIP)).data?.membership).toMatchObject({
      holderName: '山田 太郎',
      registeredPhoneNumber: '0312345678',
      contactEmail: null,
    });
    const ok = await household.gql(UPDATE, {
      input: { contactPhoneNumber: '０８０－１１１１－２２２２', contactEmail: 'Taro@Example.JP' },
    });
    expect(ok.data?.updateContactDetails.membership).toEqual({
      contactPhoneNumber: '08011112222',
      contactEmail: 'Taro@example.jp',
    });
    const bad = await household.gql(UPDATE, { input: { contactPhoneNumber: '12', contactEmail: 'nope' } });
    expect(bad.data?.updateContactDetails.errors).toEqual([
      { field: 'contactPhoneNumber', code: 'PHONE_NUMBER_INVALID' },
      { field: 'contactEmail', code: 'EMAIL_INVALID' },
    ]);
    expect((await household.gql(MEMBERSHIP)).data?.membership.contactPhoneNumber).toBe('08011112222');
    // The change is audited (what changed, not the values); the same values again change nothing.
    const audited = async () =>
      (await t.db.query(
        `SELECT detail FROM audit_event WHERE event = 'CONTACT_DETAILS_CHANGED'
            AND billing_account_id = (SELECT billing_account_id FROM subscriber WHERE login_id = 'yamada2024')`,
      )) as { detail: { changed: string[] } }[];
    expect((await audited()).map((a) => a.detail.changed)).toEqual([['contactPhoneNumber', 'contactEmail']]);
    expect(JSON.stringify(await audited())).not.toContain('08011112222');
    await household.gql(UPDATE, {
      input: { contactPhoneNumber: '08011112222', contactEmail: 'Taro@example.jp' },
    });
    expect(await audited()).toHaveLength(1);
    // Each subscriber sees only their own contract.
    expect((await business.gql(MEMBERSHIP)).data?.membership.holderName).toBe('株式会社なにわ商事');
  });
});

describe('cached breakdowns', () => {
  it('show a change to an invoice as soon as its version (updated_at) moves', async () => {
    const first = (await household.gql(BREAKDOWN, { month: current })).data?.billing.breakdown;
    await t.db.query(
      `UPDATE carrier_statement
          SET amounts = (SELECT array_agg(CASE WHEN item_names[k.ref] = '基本料' THEN k.amount + 1000 ELSE k.amount END
                                          ORDER BY k.n)
                           FROM unnest(name_refs, amounts) WITH ORDINALITY AS k (ref, amount, n))
        WHERE invoice_id = (SELECT i.id FROM invoice i JOIN subscriber s ON s.billing_account_id = i.billing_account_id
                             WHERE s.login_id = 'yamada2024' AND i.billing_month = $1::date)`,
      [`${current}-01`],
    );
    // Writers bump updated_at with every change to an invoice or its items.
    await t.db.query(
      `UPDATE invoice SET updated_at = now() + interval '1 second' WHERE billing_month = $1::date
          AND billing_account_id = (SELECT billing_account_id FROM subscriber WHERE login_id = 'yamada2024')`,
      [`${current}-01`],
    );
    const second = (await household.gql(BREAKDOWN, { month: current })).data?.billing.breakdown;
    expect(second.itemsTotal).toBe(first.itemsTotal + 1000);
  });

  it('go out compressed as the browser asks (brotli, gzip) or plain, the same JSON each time', async () => {
    const month = addMonths(current, -1);
    const body = JSON.stringify({ query: BREAKDOWN, variables: { month } });
    // Raw HTTP, so the encoding on the wire is visible (fetch would undo it).
    const post = (acceptEncoding: string | null) =>
      new Promise<{ encoding: string | undefined; vary: string | undefined; json: any }>(
        (resolve, reject) => {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            'accept-language': 'ja',
            cookie: household.cookie ?? '',
          };
          if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
          const req = http.request(`${t.url}/graphql`, { method: 'POST', headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
              const raw = Buffer.concat(chunks);
              const encoding = res.headers['content-encoding'];
              const text =
                encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
              resolve({ encoding, vary: res.headers.vary, json: JSON.parse(String(text)) });
            });
          });
          req.on('error', reject);
          req.end(body);
        },
      );
    const plain = await post(null);
    expect(plain.encoding).toBeUndefined();
    expect(plain.json.data.billing.breakdown.__typename).toBe('Breakdown');
    for (let round = 0; round < 2; round++) {
      for (const [asked, sent] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
      ]) {
        const answer = await post(asked);
        expect(answer.encoding).toBe(sent);
        expect(answer.vary?.toLowerCase()).toContain('accept-encoding');
        expect(answer.json).toEqual(plain.json);
      }
      expect((await post(null)).json).toEqual(plain.json);
    }
  });

  it("re-read, stay the reader's own: their account, their language, their bill's current state", async () => {
    const month = addMonths(current, -1);
    const read = async (who: Browser, lang: 'ja' | 'en') => {
      who.lang = lang;
      const b = (await who.gql(BREAKDOWN, { month })).data?.billing.breakdown;
      who.lang = 'ja';
      return b;
    };
    const names = (b: any) => b.carriers.map((c: any) => c.carrier.name);
    const lineNumbers = (b: any) =>
      new Set(b.carriers.flatMap((c: any) => c.lines.map((l: any) => l.line.lineNumber))).size;
    for (let round = 0; round < 2; round++) {
      const home = await read(household, 'ja');
      const office = await read(business, 'ja');
      const homeEn = await read(household, 'en');
      expect(lineNumbers(home)).toBe(3);
      expect(lineNumbers(office)).toBe(120);
      expect(names(home)).toContain('NTT東日本');
      expect(names(homeEn)).toContain('NTT East');
      expect(homeEn.itemsTotal).toBe(home.itemsTotal);
    }
    // Paid since the last read: the next read says so (a payment moves the invoice's version).
    const STATUS = `query($month: String!) { billing { breakdown(billingMonth: $month) {
      ... on Breakdown { invoice { paymentStatus billingAmount } } } } }`;
    const status = async () => (await household.gql(STATUS, { month })).data?.billing.breakdown.invoice;
    const before = await status();
    expect(await status()).toEqual(before);
    const flipped = before.paymentStatus === 'PAID' ? 'UNPAID' : 'PAID';
    await t.services.db.query(
      `UPDATE invoice SET payment_status = $2, updated_at = updated_at + interval '1 millisecond'
        WHERE billing_month = $1::date
          AND billing_account_id = (SELECT billing_account_id FROM subscriber WHERE login_id = 'yamada2024')`,
      [`${month}-01`, flipped],
    );
    expect(await status()).toEqual({ paymentStatus: flipped, billingAmount: before.billingAmount });
  });
});
