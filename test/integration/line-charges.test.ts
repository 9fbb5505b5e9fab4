// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import { Client } from 'pg';
import { writeMonth } from '../../server/src/modules/billing/billing.service';
import { addMonths, currentBillingMonth, retention } from '../../server/src/modules/billing/billing-month';
import { CARRIER } from '../../server/src/modules/billing/demo-billing';
import { readLineCharges } from '../../server/src/modules/billing/line-charges';
import { Browser, issuesOf, LOGIN } from '../support/graphql-client';
import { claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { idOf, manifest } from '../support/trusted-documents';

/**
 * The lines view (issue 16): `billing { lineCharges }` over an account whose lines are billed in
 * different months of the 4-month details window, next to another account with lines of its own.
 * Months come from the app's clock (the current month and the three before it), never the calendar.
 */

const QUERY = `query($input: LineChargesInput) { billing { lineCharges(input: $input) {
  __typename
  ... on LineChargePage { months totalCount nextCursor
    lines { line { lineNumber serviceName carrier { code name } } carriers { code name } amounts change changeStatus } }
  ... on FieldErrors { code message errors { field code message } } } } }`;

let t: TestApp;
let a: Browser;
let b: Browser;
let months: string[];
let loginA: string;
let accountA: string;
const PASSWORD = 'Kaede#2024line';

interface FixtureLine {
  number: string;
  carrier: keyof typeof CARRIER;
  service: string;
  serviceEn?: string;
  /** Per month oldest first: items as [carrier, amount], or none that month. */
  items: ([keyof typeof CARRIER, number][] | null)[];
}

// 25 plain lines: amounts per month such that several share the newest month's amount (ties are
// ordered by line number).
const PLAIN: FixtureLine[] = Array.from({ length: 25 }, (_, i) => ({
  number: `070123400${String(i).padStart(2, '0')}`,
  carrier: 'NTT_WEST',
  service: '加入電話',
  serviceEn: 'Fixed-line telephone',
  items: [0, 1, 2, 3].map((m) => [['NTT_WEST', 1000 + ((i * 37 + m * 11) % 5) * 100]]),
}));

const LINES_A: FixtureLine[] = [
  {
    number: '0312345678',
    carrier: 'NTT_EAST',
    service: '加入電話',
    serviceEn: 'Fixed-line telephone',
    items: [
      [['NTT_EAST', 1000]],
      [['NTT_EAST', 1100]],
      [['NTT_EAST', 1200]],
      [
        ['NTT_EAST', 1300],
        ['NTT_COM', 200],
      ],
    ],
  },
  {
    number: '09012345678',
    carrier: 'NTT_DOCOMO',
    service: '携帯電話（ahamo）',
    serviceEn: 'Mobile phone (ahamo)',
    items: [[['NTT_DOCOMO', 3000]], [['NTT_DOCOMO', 3000]], [['NTT_DOCOMO', 3000]], [['NTT_DOCOMO', 2500]]],
  },
  // New this month.
  {
    number: '0612340001',
    carrier: 'NTT_WEST',
    service: '加入電話',
    items: [null, null, null, [['NTT_WEST', 800]]],
  },
  // Ended: billed up to last month.
  {
    number: '0612340002',
    carrier: 'NTT_WEST',
    service: '加入電話',
    items: [[['NTT_WEST', 700]], [['NTT_WEST', 700]], [['NTT_WEST', 700]], null],
  },
  // Billed two months ago only, with a discount bigger than its charge.
  {
    number: 'CAF1234567',
    carrier: 'NTT_EAST',
    service: 'フレッツ光クロス',
    serviceEn: "FLET'S Hikari Cross",
    items: [
      null,
      [
        ['NTT_EAST', 500],
        ['NTT_EAST', -1100],
      ],
      null,
      null,
    ],
  },
  // On the account, but billed in none of the 4 months: not in the view.
  { number: '0612340003', carrier: 'NTT_WEST', service: '加入電話', items: [null, null, null, null] },
  ...PLAIN,
];

const LINES_B: FixtureLine[] = [
  {
    number: '0312345678',
    carrier: 'NTT_EAST',
    service: '加入電話',
    items: [null, null, [['NTT_EAST', 99_000]], [['NTT_EAST', 99_999]]],
  },
  {
    number: '0899999999',
    carrier: 'NTT_WEST',
    service: '秘密の回線',
    items: [null, null, null, [['NTT_WEST', 5]]],
  },
];

/** A provisioned, signed-in account with these lines and their months. */
async function accountWith(lines: FixtureLine[], loginId: string, lang: 'ja' | 'en') {
  const card = await t.services.provisioning.provision(
    {
      holderName: '株式会社テスト',
      registeredPhoneNumber: '0312345678',
      lines: lines.map((l) => ({
        lineNumber: l.number,
        carrierCode: l.carrier,
        serviceName: l.service,
        serviceNameEn: l.serviceEn ?? null,
      })),
    },
    { via: 'test' },
  );
  const ids = new Map<string, string>(
    (
      (await t.db.query('SELECT id, line_number FROM line WHERE billing_account_id = $1', [
        card.accountId,
      ])) as { id: string; line_number: string }[]
    ).map((r) => [r.line_number, r.id]),
  );
  await t.db.transaction(async (tx) => {
    for (const [m, month] of months.entries()) {
      await writeMonth(tx, card.accountId, month, {
        status: m === 3 ? 'PROVISIONAL' : 'CONFIRMED',
        issueDate: `${month}-10`,
        dueDate: `${month}-28`,
        paymentStatus: 'UNPAID',
        items: lines.flatMap((l) =>
          (l.items[m] ?? []).map(([carrier, amount], n) => ({
            lineId: ids.get(l.number) as string,
            carrierId: CARRIER[carrier],
            name: `項目${n}`,
            amount,
            taxRate: 10 as const,
          })),
        ),
      });
    }
  });
  const browser = await claimCard(t, card, loginId, PASSWORD, lang);
  return { accountId: card.accountId, browser };
}

/** What the view should say of a fixture line: its amount per month (null: not billed). */
const expectedAmounts = (l: FixtureLine) =>
  l.items.map((items) => (items ? items.reduce((sum, [, amount]) => sum + amount, 0) : null));

const billed = (lines: FixtureLine[]) => lines.filter((l) => l.items.some((i) => i !== null));

const page = async (browser: Browser, input: Record<string, unknown>) => {
  const res = await browser.gql(QUERY, { input });
  expect(res.errors).toBeUndefined();
  return res.data?.billing.lineCharges;
};

/** Every page of a sort, `size` at a time; the pages' lines in order. */
async function walk(browser: Browser, input: Record<string, unknown>, size: number) {
  const seen: any[] = [];
  let after: string | null = null;
  for (let n = 0; n < 50; n++) {
    const p = await page(browser, { ...input, first: size, after });
    expect(p.__typename).toBe('LineChargePage');
    seen.push(...p.lines);
    after = p.nextCursor;
    if (!after) return seen;
  }
  throw new Error('no last page');
}

beforeAll(async () => {
  t = await startTestApp();
  const current = currentBillingMonth(t.clock);
  months = [3, 2, 1, 0].map((back) => addMonths(current, -back));
  const suffix = `${process.pid % 1000}${Date.now() % 1e5}`;
  loginA = `linesa${suffix}`;
  const first = await accountWith(LINES_A, loginA, 'ja');
  a = first.browser;
  accountA = first.accountId;
  b = (await accountWith(LINES_B, `linesb${suffix}`, 'en')).browser;
});
afterAll(async () => {
  await t?.close();
});

describe('the lines view (billing.lineCharges)', () => {
  it("lists every line billed in the 4 detail months with its amounts, by the newest month's amount", async () => {
    const p = await page(a, {});
    expect(p.__typename).toBe('LineChargePage');
    expect(p.months).toEqual(months);
    const lines = billed(LINES_A);
    expect(p.totalCount).toBe(lines.length);
    expect(p.lines).toHaveLength(lines.length);
    expect(p.nextCursor).toBeNull();
    for (const l of lines) {
      const row = p.lines.find((r: any) => r.line.lineNumber === l.number);
      expect(row?.amounts).toEqual(expectedAmounts(l));
    }
    expect(p.lines.map((r: any) => r.line.lineNumber)).not.toContain('0612340003');
    const newest = p.lines.map((r: any) => r.amounts[3] ?? 0);
    expect(newest).toEqual([...newest].sort((x, y) => y - x));
    expect(p.lines[0].line.lineNumber).toBe('09012345678');
  });

  it('says the month-on-month change: continuing, new this month, ended, not billed in either', async () => {
    const p = await page(a, { sort: 'LINE_NUMBER' });
    const row = (n: string) => p.lines.find((r: any) => r.line.lineNumber === n);
    expect(row('0312345678')).toMatchObject({ change: 300, changeStatus: 'CONTINUING' });
    expect(row('09012345678')).toMatchObject({ change: -500, changeStatus: 'CONTINUING' });
    expect(row('0612340001')).toMatchObject({
      amounts: [null, null, null, 800],
      change: 800,
      changeStatus: 'NEW',
    });
    expect(row('0612340002')).toMatchObject({
      amounts: [700, 700, 700, null],
      change: -700,
      changeStatus: 'ENDED',
    });
    expect(row('CAF1234567')).toMatchObject({
      amounts: [null, -600, null, null],
      change: 0,
      changeStatus: 'NOT_BILLED',
    });
    // Every carrier that billed the line, and the line's own, in the request's language.
    expect(row('0312345678').carriers.map((c: any) => c.code)).toEqual(['NTT_EAST', 'NTT_COM']);
    expect(row('0312345678').line).toMatchObject({ serviceName: '加入電話', carrier: { name: 'NTT東日本' } });
    const en = await b.gql(QUERY, { input: { sort: 'LINE_NUMBER' } });
    expect(en.data?.billing.lineCharges.lines[0].line).toMatchObject({
      lineNumber: '0312345678',
      serviceName: '加入電話', // no English name: the Japanese one
      carrier: { code: 'NTT_EAST', name: 'NTT East' },
    });
  });

  it('finds lines by number as people type it: dashes, full width, any part of it', async () => {
    const numbers = async (search: string) =>
      (await page(a, { search, sort: 'LINE_NUMBER' })).lines.map((r: any) => r.line.lineNumber);
    expect(await numbers('03-1234-5678')).toEqual(['0312345678']);
    expect(await numbers('０９０－１２３４－５６７８')).toEqual(['09012345678']);
    expect(await numbers(' 0612-34 ')).toEqual(['0612340001', '0612340002']); // 0612340003: never billed
    expect(await numbers('caf1234')).toEqual(['CAF1234567']);
    expect(await numbers('0024')).toEqual(['07012340024']);
    const some = await page(a, { search: '5678' });
    expect(some.totalCount).toBe(2);
  });

  it('finds lines by service name in either language, case and width aside', async () => {
    const numbers = async (browser: Browser, search: string) =>
      (await page(browser, { search, sort: 'LINE_NUMBER' })).lines.map((r: any) => r.line.lineNumber);
    expect(await numbers(a, 'ahamo')).toEqual(['09012345678']);
    expect(await numbers(a, 'ＡＨＡＭＯ')).toEqual(['09012345678']);
    expect(await numbers(a, '（ahamo）')).toEqual(['09012345678']);
    expect(await numbers(a, 'mobile PHONE')).toEqual(['09012345678']); // the English name, asked in Japanese
    expect(await numbers(a, 'hikari')).toEqual(['CAF1234567']);
    expect(await numbers(a, 'フレッツ')).toEqual(['CAF1234567']);
    expect((await page(a, { search: '加入電話' })).totalCount).toBe(billed(LINES_A).length - 2);
    // Lines named 加入電話 with an English name match it; those without one do not.
    const fixed = await page(a, { search: 'FIXED-line', sort: 'LINE_NUMBER' });
    expect(fixed.totalCount).toBe(26);
    expect(fixed.lines.map((r: any) => r.line.lineNumber)).not.toContain('0612340001');
    expect((await page(a, { search: '%' })).totalCount).toBe(0); // no pattern characters
    expect((await page(a, { search: '   ' })).totalCount).toBe(billed(LINES_A).length); // blank: all
  });

  it('sorts by amount either way and by line number, ties by line number', async () => {
    const all = billed(LINES_A).map((l) => ({ number: l.number, newest: expectedAmounts(l)[3] ?? 0 }));
    const byNumber = (x: { number: string }, y: { number: string }) => (x.number < y.number ? -1 : 1);
    const expected = {
      AMOUNT_DESC: [...all].sort((x, y) => y.newest - x.newest || byNumber(x, y)),
      AMOUNT_ASC: [...all].sort((x, y) => x.newest - y.newest || byNumber(x, y)),
      LINE_NUMBER: [...all].sort(byNumber),
    };
    for (const [sort, order] of Object.entries(expected)) {
      const p = await page(a, { sort, first: 100 });
      expect(p.lines.map((r: any) => r.line.lineNumber)).toEqual(order.map((l) => l.number));
    }
  });

  it('pages by keyset: every line once, in order, whatever the page size and sort', async () => {
    for (const sort of ['AMOUNT_DESC', 'AMOUNT_ASC', 'LINE_NUMBER']) {
      const whole = (await page(a, { sort, first: 100 })).lines.map((r: any) => r.line.lineNumber);
      for (const size of [1, 4, 7, 30]) {
        const walked = (await walk(a, { sort }, size)).map((r: any) => r.line.lineNumber);
        expect(walked).toEqual(whole);
      }
      // Within a search too.
      const searched = (await page(a, { sort, search: '0701234', first: 100 })).lines.map(
        (r: any) => r.line.lineNumber,
      );
      expect(searched).toHaveLength(25);
      expect((await walk(a, { sort, search: '0701234' }, 6)).map((r: any) => r.line.lineNumber)).toEqual(
        searched,
      );
    }
  });

  it('keeps its place when a line is billed between two pages: no line twice, none left out', async () => {
    const first = await page(a, { sort: 'AMOUNT_DESC', first: 10 });
    // A new line with a charge this month arrives from a carrier with no statement yet this month.
    const [{ account }] = await t.db.query(
      "SELECT billing_account_id AS account FROM line WHERE line_number = 'CAF1234567'",
    );
    await t.db.transaction(async (tx) => {
      const [line] = await tx.query(
        `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
         VALUES ($1, '0612349999', $2, '加入電話') RETURNING id`,
        [account, CARRIER.OCN],
      );
      const [invoice] = await tx.query(
        'SELECT id FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
        [account, `${months[3]}-01`],
      );
      await tx.query(
        `INSERT INTO carrier_statement (invoice_id, carrier_id, item_count, amount, line_ids, line_refs, item_names,
                                        name_refs, amounts, tax_rates, billing_month)
         VALUES ($1, $2, 1, 1050, $3::uuid[], '{1}', '{OCN}', '{1}', '{1050}', '{10}', $4::date)`,
        [invoice.id, CARRIER.OCN, [line.id], `${months[3]}-01`],
      );
    });
    try {
      const rest: any[] = [];
      let after = first.nextCursor;
      while (after) {
        const p = await page(a, { sort: 'AMOUNT_DESC', first: 10, after });
        rest.push(...p.lines);
        after = p.nextCursor;
      }
      const numbers = [...first.lines, ...rest].map((r: any) => r.line.lineNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const l of billed(LINES_A)) expect(numbers).toContain(l.number);
      // The newcomer (1,050 yen) sorts after the first page (which ends above 1,050): it is met.
      expect(numbers).toContain('0612349999');
    } finally {
      await t.db.query(
        'DELETE FROM carrier_statement WHERE carrier_id = $1 AND invoice_id IN (SELECT id FROM invoice WHERE billing_account_id = $2)',
        [CARRIER.OCN, account],
      );
      await t.db.query("DELETE FROM line WHERE line_number = '0612349999'");
    }
  });

  it("never shows another account's lines", async () => {
    expect((await page(a, { search: '0899999999' })).totalCount).toBe(0);
    expect((await page(a, { search: '秘密' })).totalCount).toBe(0);
    const own = await page(a, { search: '0312345678' });
    expect(own.lines).toHaveLength(1);
    expect(own.lines[0].amounts).toEqual([1000, 1100, 1200, 1500]); // not B's 99,999
    const theirs = await page(b, { sort: 'LINE_NUMBER' });
    expect(theirs.lines.map((r: any) => [r.line.lineNumber, r.amounts])).toEqual([
      ['0312345678', [null, null, 99_000, 99_999]],
      ['0899999999', [null, null, null, 5]],
    ]);
    // A cursor is only a position: B's cursor read by A positions within A's own lines.
    const bFirst = await page(b, { sort: 'LINE_NUMBER', first: 1 });
    const aAfter = await page(a, { sort: 'LINE_NUMBER', first: 100, after: bFirst.nextCursor });
    expect(aAfter.lines.every((r: any) => r.line.lineNumber > '0312345678')).toBe(true);
    expect(aAfter.lines.map((r: any) => r.line.lineNumber)).not.toContain('0899999999');
  });

  it('answers bad input with FieldErrors, and nothing to a caller who is not signed in', async () => {
    const invalid = async (input: Record<string, unknown>) => {
      const r = (await a.gql(QUERY, { input })).data?.billing.lineCharges;
      expect(r.__typename).toBe('FieldErrors');
      expect(r.message).toBe('入力内容をご確認ください。');
      return issuesOf(r);
    };
    expect(await invalid({ first: 101 })).toEqual(['first:PAGE_SIZE_INVALID']);
    expect(await invalid({ first: 0 })).toEqual(['first:PAGE_SIZE_INVALID']);
    expect(await invalid({ search: 'あ'.repeat(101) })).toEqual(['search:SEARCH_TOO_LONG']);
    expect(await invalid({ after: 'not-a-cursor' })).toEqual(['after:CURSOR_INVALID']);
    expect(await invalid({ after: Buffer.from('["AMOUNT_DESC",1e40,"0"]').toString('base64url') })).toEqual([
      'after:CURSOR_INVALID',
    ]);
    // A cursor of another sort is not a position in this one.
    const desc = await page(a, { sort: 'AMOUNT_DESC', first: 2 });
    expect(await invalid({ sort: 'LINE_NUMBER', after: desc.nextCursor })).toEqual(['after:CURSOR_INVALID']);
    expect(await invalid({ first: 1000, after: 'x' })).toEqual([
      'first:PAGE_SIZE_INVALID',
      'after:CURSOR_INVALID',
    ]);
    const message = (await a.gql(QUERY, { input: { first: 101 } })).data?.billing.lineCharges.errors[0]
      .message;
    expect(message).toBe('1ページの件数は1～100件で指定してください。');

    const anonymous = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: {} }),
    });
    const body = await anonymous.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data?.billing ?? null).toBeNull();
  });

  it('reads a page in one statement after the session, however many lines', async () => {
    t.statements.length = 0;
    await page(a, { search: '0701', sort: 'AMOUNT_ASC', first: 5 });
    expect(t.statements).toHaveLength(2);
  });

  it('is planned once per connection: PostgreSQL keeps the generic plan of its named statement', async () => {
    // The months are literals, so a generic plan prunes the monthly partitions as a custom one does.
    // With them as parameters it priced every partition, lost to the custom plans, and every request
    // was planned again (~1 ms of a 1,000-line page's ~6).
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const name = 'line-charges-plan';
      const read = async (text: string, values: unknown[]) =>
        (await client.query({ name, text, values })).rows;
      for (let n = 0; n < 8; n++) {
        const found = await readLineCharges(read, retention(t.clock), accountA, {
          sort: 'AMOUNT_DESC',
          first: 5,
        });
        expect(found.kind === 'found' && found.page.totalCount).toBe(billed(LINES_A).length);
      }
      const { rows } = await client.query(
        'SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1',
        [name],
      );
      // PostgreSQL plans the first five runs for their values, then compares.
      expect(rows).toEqual([{ generic: 3, custom: 5 }]);
    } finally {
      await client.end();
    }
  });

  it('answers 50 concurrent requests, each its own', async () => {
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      sort: ['AMOUNT_DESC', 'AMOUNT_ASC', 'LINE_NUMBER'][i % 3],
      first: 1 + (i % 10),
      search: i % 5 === 0 ? '0701' : null,
    }));
    const who = (i: number) => (i % 2 === 0 ? a : b);
    const results = await Promise.all(inputs.map((input, i) => who(i).gql(QUERY, { input })));
    for (const [i, res] of results.entries()) {
      expect(res.errors).toBeUndefined();
      const p = res.data?.billing.lineCharges;
      expect(p.__typename).toBe('LineChargePage');
      const expectedTotal =
        i % 2 === 0
          ? inputs[i].search
            ? 25
            : billed(LINES_A).length
          : inputs[i].search
            ? 0
            : LINES_B.length;
      expect(p.totalCount).toBe(expectedTotal);
      expect(p.lines.length).toBe(Math.min(inputs[i].first, expectedTotal));
    }
  });

  it('keeps each statement’s per-line totals equal to its items (the generated column)', async () => {
    const [{ wrong }] = await t.db.query(`
      SELECT count(*)::int AS wrong FROM carrier_statement cs
       WHERE cs.line_amounts IS DISTINCT FROM (
         SELECT coalesce(array_agg(s.amount ORDER BY l.n), '{}') FROM unnest(cs.line_ids) WITH ORDINALITY AS l (id, n)
           LEFT JOIN LATERAL (SELECT sum(ci.amount)::int AS amount FROM charge_item ci
                               WHERE ci.invoice_id = cs.invoice_id AND ci.carrier_id = cs.carrier_id
                                 AND ci.line_id = l.id) s ON true)`);
    expect(wrong).toBe(0);
    const [{ statements }] = await t.db.query('SELECT count(*)::int AS statements FROM carrier_statement');
    expect(statements).toBeGreaterThan(8);
  });

  it("answers the PWA's document by id (compiled) as graphql-js does, months not billed included", async () => {
    const id = idOf('LineCharges');
    const post = async (body: unknown) => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ja', cookie: a.cookie as string },
        body: JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    };
    for (const variables of [
      { sort: 'LINE_NUMBER', first: 100 },
      { sort: 'AMOUNT_DESC', first: 3, search: '0612' },
      { sort: 'AMOUNT_ASC', first: 0 },
    ]) {
      const compiled = await post({
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: id } },
      });
      const interpreted = await post({ query: `${manifest[id]}\n# as text`, variables });
      expect(compiled.status).toBe(200);
      expect(compiled.text).toBe(interpreted.text);
    }
    const byId = await post({
      variables: { sort: 'LINE_NUMBER', first: 100, search: '0612' },
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    });
    expect(JSON.parse(byId.text).data.billing.lineCharges.lines[1].amounts).toEqual([700, 700, 700, null]);
  });

  it('follows the clock: next month, the oldest month leaves the view', async () => {
    // To 01:00 on the 1st of next month, Japan time (UTC+9).
    const next = addMonths(months[3], 1);
    const [y, m] = next.split('-').map(Number);
    t.clock.advance(Date.UTC(y, m - 1, 1, 1 - 9) - t.clock.now().getTime());
    expect(currentBillingMonth(t.clock)).toBe(next);
    // The session has long expired: signed in again.
    const again = new Browser(t.url, 'ja');
    const login = await again.gql(LOGIN, { input: { loginId: loginA, password: PASSWORD } });
    expect(login.data?.login.__typename).toBe('LoginSuccess');
    const p = await page(again, { sort: 'LINE_NUMBER' });
    expect(p.months).toEqual([...months.slice(1), next]);
    const row = (n: string) => p.lines.find((r: any) => r.line.lineNumber === n);
    // No bill yet for the new month: every line billed last month has ended, for now.
    expect(row('0612340001')).toMatchObject({ amounts: [null, null, 800, null], changeStatus: 'ENDED' });
    expect(row('0612340002')).toMatchObject({ amounts: [700, 700, null, null], changeStatus: 'NOT_BILLED' });
    expect(row('CAF1234567')).toMatchObject({ amounts: [-600, null, null, null] });
  });
});
