// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk response trees by shape
import { ServiceNamesEn1765000000000 } from '../../server/src/db/migrations/1765000000000-service-names-en';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import type { Browser } from '../support/graphql-client';
import { claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';

// Carrier and service names are reference data with an English name: the request's language picks
// it (Accept-Language), the Japanese name stands in where there is none. Item names and notices are
// the carriers' own words and stay as written.

let t: TestApp;
let household: Browser;
let month: string;

beforeAll(async () => {
  t = await startTestApp();
  const [h] = await seedDemo(t.services);
  household = await claimCard(t, h, 'yamada2024', 'Sakura#2024x', 'ja');
  month = addMonths(currentBillingMonth(t.clock), -1);
});
afterAll(async () => {
  await t?.close();
});

const NAMES = `query($month: String!) { billing {
  carriers { code name }
  lines(first: 10) { lines { lineNumber serviceName carrier { code name } } }
  line(lineNumber: "09012345678") { serviceName carrier { name } }
  breakdown(billingMonth: $month) { __typename
    ... on Breakdown { carriers { carrier { code name } lines { line { lineNumber serviceName carrier { name } } items { name } } } } }
  invoice(billingMonth: $month) { ... on Invoice { notices { title } } } } }`;

/** The household's names as one Accept-Language header reads them. */
async function namesAs(who: Browser, acceptLanguage: string | null, query = NAMES) {
  const headers: Record<string, string> = { 'content-type': 'application/json', cookie: who.cookie ?? '' };
  if (acceptLanguage !== null) headers['accept-language'] = acceptLanguage;
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: { month } }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.billing;
}

const carrierNames = (b: any) => b.carriers.map((c: any) => c.name);
const services = (b: any) => Object.fromEntries(b.lines.lines.map((l: any) => [l.lineNumber, l.serviceName]));
const breakdownServices = (b: any) =>
  Object.fromEntries(
    b.breakdown.carriers.flatMap((c: any) =>
      c.lines.map((l: any) => [l.line.lineNumber, l.line.serviceName]),
    ),
  );

describe('carrier and service names follow the request language', () => {
  it('English names for English requests, Japanese for Japanese; items and notices as the carrier wrote them', async () => {
    const ja = await namesAs(household, 'ja');
    const en = await namesAs(household, 'en');
    expect(carrierNames(ja)).toEqual([
      'NTT東日本',
      'NTTドコモ',
      'NTTコミュニケーションズ',
      'OCN（インターネット接続サービス）',
    ]);
    expect(carrierNames(en)).toEqual([
      'NTT East',
      'NTT Docomo',
      'NTT Communications',
      'OCN (Internet service provider)',
    ]);
    expect(services(ja)).toEqual({
      '0312345678': '加入電話',
      '09012345678': '携帯電話（ahamo）',
      CAF1234567: 'フレッツ光クロス',
    });
    expect(services(en)).toEqual({
      '0312345678': 'Fixed-line telephone',
      '09012345678': 'Mobile phone (ahamo)',
      CAF1234567: "FLET'S Hikari Cross",
    });
    expect(breakdownServices(en)).toEqual(services(en));
    expect(breakdownServices(ja)).toEqual(services(ja));
    expect(en.line).toEqual({ serviceName: 'Mobile phone (ahamo)', carrier: { name: 'NTT Docomo' } });
    expect(en.lines.lines[0].carrier.name).toBe('NTT East');
    const enName = Object.fromEntries(en.carriers.map((c: any) => [c.code, c.name]));
    for (const c of en.breakdown.carriers) {
      expect(c.carrier.name).toBe(enName[c.carrier.code]);
      for (const l of c.lines) expect(l.line.carrier.name).toBe(enName[c.carrier.code]);
    }
    // The carriers' own words are not translated.
    const items = (b: any) => b.breakdown.carriers.flatMap((c: any) => c.lines.flatMap((l: any) => l.items));
    expect(items(en)).toEqual(items(ja));
    expect(items(en)).toContainEqual({ name: '基本料' });
    expect(en.invoice.notices).toEqual(ja.invoice.notices);
  });

  it('reads the first preference of a browser header; anything but English is Japanese', async () => {
    const cases: [string | null, 'ja' | 'en'][] = [
      ['en-US,en;q=0.9,ja;q=0.8', 'en'],
      ['EN-GB', 'en'],
      ['ja-JP,ja;q=0.9,en-US;q=0.8', 'ja'],
      ['fr-FR,en;q=0.5', 'ja'],
      ['', 'ja'],
      [null, 'ja'],
      [`${'x'.repeat(4000)},en`, 'ja'],
    ];
    const CARRIERS = '{ billing { carriers { name } } }';
    for (const [header, lang] of cases) {
      const b = await namesAs(household, header, CARRIERS);
      expect([header, b.carriers[0].name]).toEqual([header, lang === 'en' ? 'NTT East' : 'NTT東日本']);
    }
  });

  it('50 requests at once in both languages each get their own language', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => namesAs(household, i % 2 ? 'en-US' : 'ja-JP')),
    );
    answers.forEach((b, i) => {
      expect(services(b)['09012345678']).toBe(i % 2 ? 'Mobile phone (ahamo)' : '携帯電話（ahamo）');
      expect(b.breakdown.carriers[0].carrier.name).toBe(i % 2 ? 'NTT East' : 'NTT東日本');
    });
  });
});

const PROVISION = `mutation($input: ProvisionAccountInput!) { provisionAccount(input: $input) { __typename
  ... on AccountProvisioned { account { id } }
  ... on FieldErrors { errors { field code message } } } }`;

const provisionWith = (key: string, lines: Record<string, unknown>[]) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'accept-language': 'en' },
    body: JSON.stringify({
      query: PROVISION,
      variables: { input: { holderName: '英語 名前', registeredPhoneNumber: '0398765432', lines } },
    }),
  }).then((r) => r.json() as Promise<any>);

describe('integrators set English service names', () => {
  it('stores the English name given with a line (accounts:write); blank means none', async () => {
    const integrator = await t.services.apiKeys.create('crm-en', ['accounts:write']);
    const res = await provisionWith(integrator.key, [
      {
        lineNumber: '0398765432',
        carrierCode: 'NTT_EAST',
        serviceName: 'ひかり電話',
        serviceNameEn: ' Hikari Denwa ',
      },
      { lineNumber: '09088887777', carrierCode: 'NTT_DOCOMO', serviceName: 'eximo', serviceNameEn: '   ' },
      { lineNumber: '09088886666', carrierCode: 'NTT_DOCOMO', serviceName: '携帯電話' },
    ]);
    expect(res.data.provisionAccount.__typename).toBe('AccountProvisioned');
    const rows = await t.db.query(
      'SELECT line_number, service_name, service_name_en FROM line WHERE billing_account_id = $1 ORDER BY line_number',
      [res.data.provisionAccount.account.id],
    );
    expect(rows).toEqual([
      { line_number: '0398765432', service_name: 'ひかり電話', service_name_en: 'Hikari Denwa' },
      { line_number: '09088886666', service_name: '携帯電話', service_name_en: null },
      { line_number: '09088887777', service_name: 'eximo', service_name_en: null },
    ]);
  });

  it('refuses a too-long English name as a field error, and keys without accounts:write', async () => {
    const integrator = await t.services.apiKeys.create('crm-long', ['accounts:write']);
    const line = { lineNumber: '0398760000', carrierCode: 'NTT_EAST', serviceName: '加入電話' };
    const long = await provisionWith(integrator.key, [{ ...line, serviceNameEn: 'x'.repeat(101) }]);
    expect(long.data.provisionAccount.errors).toEqual([
      {
        field: 'lines.0.serviceNameEn',
        code: 'SERVICE_NAME_TOO_LONG',
        message: 'The service name must be at most 100 characters.',
      },
    ]);
    for (const scopes of [['billing:write'], ['billing:read']] as const) {
      const key = await t.services.apiKeys.create(`no-accounts-${scopes[0]}`, [...scopes]);
      const denied = await provisionWith(key.key, [{ ...line, serviceNameEn: 'Fixed line' }]);
      expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM line WHERE line_number = '0398760000'`);
    expect(n).toBe(0);
  });

  it('shows the English name to English readers and falls back to the Japanese one', async () => {
    const card = await t.services.provisioning.provision(
      {
        holderName: '英語 花子',
        registeredPhoneNumber: '0311223344',
        lines: [
          {
            lineNumber: '0311223344',
            carrierCode: 'NTT_EAST',
            serviceName: 'ひかり電話',
            serviceNameEn: 'Hikari Denwa',
          },
          { lineNumber: '09011223344', carrierCode: 'NTT_DOCOMO', serviceName: 'eximo' },
        ],
      },
      { via: 'test' },
    );
    const reader = await claimCard(t, card, 'hanako2024en', 'Momiji#2024x', 'en');
    const LINES = '{ billing { lines(first: 5) { lines { lineNumber serviceName } } } }';
    expect(services(await namesAs(reader, 'en', LINES))).toEqual({
      '0311223344': 'Hikari Denwa',
      '09011223344': 'eximo',
    });
    expect(services(await namesAs(reader, 'ja', LINES))).toEqual({
      '0311223344': 'ひかり電話',
      '09011223344': 'eximo',
    });
  });
});

describe('the migration', () => {
  it('gives existing lines of the shipped demo services their English names, and no others', async () => {
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      const migration = new ServiceNamesEn1765000000000();
      await migration.down(runner);
      const [{ id: accountId }] = await runner.query('SELECT id FROM billing_account LIMIT 1');
      await runner.query(
        `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
         VALUES ($1, 'MIG0001', 1, '加入電話'), ($1, 'MIG0002', 5, 'OCN光')`,
        [accountId],
      );
      await migration.up(runner);
      const rows = await runner.query(
        `SELECT line_number, service_name_en FROM line WHERE line_number LIKE 'MIG%' ORDER BY line_number`,
      );
      expect(rows).toEqual([
        { line_number: 'MIG0001', service_name_en: 'Fixed-line telephone' },
        { line_number: 'MIG0002', service_name_en: null },
      ]);
      await expect(
        runner.query(`UPDATE line SET service_name_en = '' WHERE line_number = 'MIG0001'`),
      ).rejects.toThrow(/line_service_name_en_check/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
