import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrations } from '../../server/src/db/data-source';
import { runMigrations } from '../../server/src/db/database';
import { MonthlyPartitions1765300000000 } from '../../server/src/db/migrations/1765300000000-monthly-partitions';
import { ensureMonthPartitions, MONTHS_AHEAD, monthStartFrom } from '../../server/src/db/month-partitions';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { loadBillingData } from '../../server/src/modules/billing/load-data';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';

const quietLog = { info() {}, warn() {}, error() {} };

const FIGURES = `
  SELECT (SELECT count(*) FROM invoice)::int AS invoices, (SELECT sum(billing_amount) FROM invoice)::int AS billed,
         (SELECT count(*) FROM carrier_statement)::int AS statements,
         (SELECT sum(amount) FROM carrier_statement)::int AS statement_amounts,
         (SELECT sum(cardinality(amounts)) FROM carrier_statement)::int AS items,
         (SELECT sum(x) FROM carrier_statement, unnest(line_amounts) x)::int AS line_amounts,
         (SELECT sum(tax_10) FROM carrier_statement)::int AS tax_10,
         (SELECT count(*) FROM payment)::int AS payments, (SELECT count(*) FROM invoice_notice)::int AS notices,
         (SELECT count(*) FROM audit_event)::int AS audit_events, (SELECT max(id) FROM audit_event)::int AS audit_max_id,
         (SELECT max(version) FROM invoice)::int AS max_version`;
const kinds = async (db: DataSource) =>
  Object.fromEntries(
    (
      (await db.query(
        `SELECT relname, relkind FROM pg_class WHERE relname IN ('invoice', 'carrier_statement', 'audit_event')`,
      )) as { relname: string; relkind: string }[]
    ).map((r) => [r.relname, r.relkind]),
  );

describe('migration 1765300000000 on existing data', () => {
  it('moves every row into monthly partitions (counts and sums kept, far months included) and back down', async () => {
    const database = await createTestDatabase();
    const before = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: migrations.slice(0, migrations.indexOf(MonthlyPartitions1765300000000)),
    });
    const after = createDataSource(database.url);
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const [{ id: account }] = await before.query(
        `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
         VALUES ('70000002', '分割 太郎', '0312345679') RETURNING id`,
      );
      const [{ id: line }] = await before.query(
        `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
         VALUES ($1, '0312345679', 1, '加入電話') RETURNING id`,
        [account],
      );
      // A month far back (kept by an old retention), this month and two ago, by the database's calendar.
      const months = [
        '2019-03-01',
        "date_trunc('month', now())::date",
        "(date_trunc('month', now()) - interval '2 months')::date",
      ];
      for (const [n, month] of months.entries()) {
        const [{ id: invoice }] = await before.query(
          `INSERT INTO invoice (billing_account_id, billing_month, status, usage_amount, billing_amount, taxable_10, tax_10,
                                issue_date, due_date)
           VALUES ($1, ${month.startsWith('2019') ? `'${month}'::date` : month}, 'CONFIRMED', $2, $2, $3, $4, now(), now())
           RETURNING id`,
          [account, 1100 * (n + 1), 1000 * (n + 1), 100 * (n + 1)],
        );
        for (const carrier of [1, 5]) {
          await before.query(
            `INSERT INTO carrier_statement (invoice_id, carrier_id, item_count, amount, line_ids, line_refs, item_names,
                                            name_refs, amounts, tax_rates, taxable_10, tax_10, taxable_8, tax_8, non_taxable)
             VALUES ($1, $2, 2, $3, $4::uuid[], '{1,1}', '{基本料,通話料}', '{1,2}', $5::int[], '{10,10}', $3, $6, 0, 0, 0)`,
            [invoice, carrier, 500 * (n + 1), [line], [200 * (n + 1), 300 * (n + 1)], 50 * (n + 1)],
          );
        }
        await before.query(
          `INSERT INTO payment (invoice_id, method, status, amount, paid_at) VALUES ($1, 'OTHER', 'SUCCEEDED', 100, now())`,
          [invoice],
        );
        await before.query(
          `INSERT INTO invoice_notice (invoice_id, title, body) VALUES ($1, 'お知らせ', '本文')`,
          [invoice],
        );
      }
      for (const at of ['2019-03-15T00:00:00Z', '2020-01-01T00:00:00Z']) {
        await before.query(
          `INSERT INTO audit_event (occurred_at, event, outcome) VALUES ($1, 'TEST', 'SUCCESS')`,
          [at],
        );
      }
      await before.query(`INSERT INTO audit_event (event, outcome) VALUES ('TEST', 'SUCCESS')`);
      const [figures] = await before.query(FIGURES);
      expect(figures).toMatchObject({
        invoices: 3,
        statements: 6,
        items: 12,
        payments: 3,
        notices: 3,
        audit_events: 3,
      });
      await before.destroy();

      await after.initialize();
      await runMigrations(after, quietLog);
      expect(await kinds(after)).toEqual({ invoice: 'p', carrier_statement: 'p', audit_event: 'p' });
      expect((await after.query(FIGURES))[0]).toEqual(figures);
      const partitions: { name: string }[] = await after.query(
        `SELECT c.relname AS name FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
          WHERE h.inhparent IN ('invoice'::regclass, 'audit_event'::regclass) ORDER BY 1`,
      );
      const names = partitions.map((p) => p.name);
      // The months present (2019-03 alone, not the gap) … plus the window around now.
      expect(names).toEqual(
        expect.arrayContaining(['invoice_2019_03', 'audit_event_2019_03', 'audit_event_2020_01']),
      );
      expect(names).toContain(
        `invoice_${monthStartFrom(new Date(), MONTHS_AHEAD).slice(0, 7).replace('-', '_')}`,
      );
      // The identity goes on from the last id; a payment names only its invoice (the month is filled in).
      const [{ id }] = await after.query(
        `INSERT INTO audit_event (event, outcome) VALUES ('TEST', 'SUCCESS') RETURNING id`,
      );
      expect(Number(id)).toBe(figures.audit_max_id + 1);
      const [old] = await after.query(`SELECT id FROM invoice WHERE billing_month = '2019-03-01'`);
      const [payment] = await after.query(
        `INSERT INTO payment (invoice_id, method, status, amount) VALUES ($1, 'OTHER', 'DECLINED', 100)
         RETURNING to_char(billing_month, 'YYYY-MM') AS month`,
        [old.id],
      );
      expect(payment.month).toBe('2019-03');
      await after.query('DELETE FROM payment WHERE status = $1', ['DECLINED']);
      await after.query('DELETE FROM audit_event WHERE id = $1', [id]);

      // Down restores plain tables with the same figures; up again partitions them again.
      await after.undoLastMigration({ transaction: 'each' });
      expect(await kinds(after)).toEqual({ invoice: 'r', carrier_statement: 'r', audit_event: 'r' });
      expect((await after.query(FIGURES))[0]).toMatchObject({
        ...figures,
        audit_max_id: figures.audit_max_id,
      });
      await runMigrations(after, quietLog);
      expect(await kinds(after)).toEqual({ invoice: 'p', carrier_statement: 'p', audit_event: 'p' });
      expect((await after.query(FIGURES))[0]).toEqual(figures);

      // An account's deletion still takes its invoices, statements and payments with it.
      await after.query('DELETE FROM billing_account WHERE id = $1', [account]);
      expect((await after.query(FIGURES))[0]).toMatchObject({
        invoices: 0,
        statements: 0,
        payments: 0,
        notices: 0,
      });
    } finally {
      if (before.isInitialized) await before.destroy();
      if (after.isInitialized) await after.destroy();
      await database.drop();
    }
  });
});

describe('monthly partitions in a running app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const exists = async (name: string) =>
    Boolean((await t.db.query('SELECT to_regclass($1) AS t', [name]))[0].t);
  const suffix = (month: string) => month.replace('-', '_');

  it('creates the months ahead once, however many instances or runs ask at once, on a nightly schedule', async () => {
    const current = currentBillingMonth(t.clock);
    for (const table of ['invoice', 'carrier_statement', 'audit_event']) {
      for (let k = 0; k <= MONTHS_AHEAD; k++)
        expect(await exists(`${table}_${suffix(addMonths(current, k))}`)).toBe(true);
    }
    // Far months nobody made yet: ten concurrent runs make each partition once.
    const made = await Promise.all(
      Array.from({ length: 10 }, () => ensureMonthPartitions(t.db, '2040-01-01', '2040-06-01')),
    );
    expect(made.reduce((a, b) => a + b, 0)).toBe(6 * 3);
    expect(await ensureMonthPartitions(t.db, '2040-01-01', '2040-06-01')).toBe(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relname ~ '^(invoice|carrier_statement|audit_event)_2040_0[1-6]$'`,
    );
    expect(n).toBe(18);

    // Five months on, the job (and every start-up) makes the new months ahead.
    t.clock.advance(5 * 31 * 86_400_000);
    const later = currentBillingMonth(t.clock);
    expect(await t.services.partitions.ensureAhead()).toBeGreaterThan(0);
    expect(await exists(`invoice_${suffix(addMonths(later, MONTHS_AHEAD))}`)).toBe(true);
    expect(
      await Promise.all([t.services.partitions.ensureAhead(), t.services.partitions.ensureAhead()]),
    ).toEqual([0, 0]);
    t.clock.advance(-5 * 31 * 86_400_000);
    const [schedule]: { cron: string }[] = await t.db.query(
      `SELECT cron FROM pgboss.schedule WHERE name = 'month-partitions'`,
    );
    expect(schedule).toEqual({ cron: '0 2 * * *' });
  });

  it('retention detaches and drops whole months past 15 and keeps the rest, payments of kept months included', async () => {
    const [household] = await seedDemo(t.services);
    const start = currentBillingMonth(t.clock);
    const oldest = addMonths(start, -14);
    const perMonth = async () =>
      Object.fromEntries(
        (
          (await t.db.query(
            `SELECT to_char(billing_month, 'YYYY-MM') AS m, count(*)::int AS n FROM invoice GROUP BY 1`,
          )) as { m: string; n: number }[]
        ).map((r) => [r.m, r.n]),
      );
    const invoiceOf = async (month: string) =>
      (
        await t.db.query(
          'SELECT id FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
          [household.accountId, `${month}-01`],
        )
      )[0].id as string;
    for (const month of [oldest, addMonths(oldest, 1)]) {
      await t.db.query(
        `INSERT INTO payment (invoice_id, method, status, amount) VALUES ($1, 'OTHER', 'DECLINED', 1)`,
        [await invoiceOf(month)],
      );
    }
    const counts = await perMonth();
    expect(counts[oldest]).toBeGreaterThan(0);

    t.clock.advance(32 * 86_400_000);
    const purged = await t.services.retention.purge();
    expect(purged.invoices).toBe(counts[oldest]);
    expect(await exists(`invoice_${suffix(oldest)}`)).toBe(false);
    expect(await exists(`carrier_statement_${suffix(oldest)}`)).toBe(false);
    const { [oldest]: _, ...kept } = counts;
    expect(await perMonth()).toEqual(kept);
    const [{ n: payments }] = await t.db.query(
      `SELECT count(*)::int AS n FROM payment WHERE status = 'DECLINED' AND amount = 1`,
    );
    expect(payments).toBe(1);
    // Nothing left to drop: a second run is a no-op.
    expect((await t.services.retention.purge()).invoices).toBe(0);
    t.clock.advance(-32 * 86_400_000);
  });

  it('every bill read scans only its months’ partitions, each through an index (EXPLAIN)', async () => {
    const current = currentBillingMonth(t.clock);
    // The retention test above dropped the window's oldest month; the load writes all 15.
    await ensureMonthPartitions(t.db, `${addMonths(current, -14)}-01`, `${current}-01`);
    const load = await loadBillingData(t.services.pool as Pool, t.clock, {
      accounts: 200,
      firstAccountLines: 30,
    });
    await t.db.query('ANALYZE invoice, carrier_statement, audit_event, line');
    const account = load.bigAccountId;

    // The app's own statements, as it sends them (text and values), for each screen's read.
    const pool = t.services.pool as unknown as { query: (...args: unknown[]) => unknown };
    const captured: { text: string; values: unknown[] }[] = [];
    const query = pool.query;
    pool.query = (...args: unknown[]) => {
      const config = args[0] as { text: string; values?: unknown[] };
      if (typeof config === 'object' && /\b(invoice|carrier_statement)\b/.test(config.text))
        captured.push({ text: config.text, values: config.values ?? [] });
      return query.apply(pool, args);
    };
    const reads: Record<string, () => Promise<unknown>> = {
      top: async () => {
        const invoices = await t.services.billing.invoices(account, 2);
        await t.services.billing.issuers(invoices.map((i) => ({ id: i.id, month: i.billing_month })));
      },
      history: () => t.services.billing.invoices(account, 15),
      breakdown: () => t.services.billing.breakdown(account, addMonths(current, -1)),
      lines: () =>
        t.services.billing.lineCharges(account, { sort: 'AMOUNT_DESC', first: 20, after: null } as never),
    };
    const plans: Record<string, { text: string; plan: unknown }[]> = {};
    const client = await (t.services.pool as Pool).connect();
    try {
      // Explicit: with seq scans priced out, a Seq Scan left in a plan means no index can serve it.
      await client.query('SET enable_seqscan = off');
      for (const [name, read] of Object.entries(reads)) {
        captured.length = 0;
        await read();
        plans[name] = [];
        for (const c of captured) {
          const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${c.text}`, c.values);
          plans[name].push({ text: c.text, plan: rows[0]['QUERY PLAN'][0].Plan });
        }
      }
      const audit = [
        `SELECT e.id FROM audit_event e WHERE e.billing_account_id = '${account}' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 20`,
        'SELECT e.id FROM audit_event e ORDER BY e.occurred_at DESC, e.id DESC LIMIT 51',
      ];
      plans.audit = [];
      for (const text of audit) {
        const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${text}`);
        plans.audit.push({ text, plan: rows[0]['QUERY PLAN'][0].Plan });
      }
    } finally {
      client.release();
      pool.query = query;
    }

    type Node = { 'Node Type': string; 'Relation Name'?: string; Plans?: Node[] };
    const scans = (node: Node, out: { type: string; relation: string }[] = []) => {
      if (node['Relation Name']) out.push({ type: node['Node Type'], relation: node['Relation Name'] });
      for (const child of node.Plans ?? []) scans(child, out);
      return out;
    };
    const monthsOf = (name: string) => {
      const found = new Set<string>();
      for (const { plan } of plans[name])
        for (const s of scans(plan as Node)) {
          const m = /^(invoice|carrier_statement)_(\d{4})_(\d{2})$/.exec(s.relation);
          if (m) found.add(`${m[1]} ${m[2]}-${m[3]}`);
        }
      return [...found].sort();
    };
    const window = (from: number, to: number, table: string) =>
      Array.from({ length: to - from + 1 }, (_, k) => `${table} ${addMonths(current, from + k)}`);

    for (const [name, list] of Object.entries(plans)) {
      expect(list.length).toBeGreaterThan(0);
      for (const { plan } of list) {
        for (const s of scans(plan as Node)) {
          // Partitions of the big tables are only ever read through an index (Index, Index Only or Bitmap).
          if (/^(invoice|carrier_statement|audit_event)_\d{4}_\d{2}$/.test(s.relation))
            expect({ name, ...s }).toEqual({
              name,
              relation: s.relation,
              type: expect.stringMatching(/Index|Bitmap Heap/), // a bitmap heap scan reads what its index scan found
            });
          expect(['invoice', 'carrier_statement', 'audit_event']).not.toContain(s.relation);
        }
      }
    }
    // Pruning: the 15-month window for the bills (never the months ahead), the bills' months for their
    // statements, one month for the breakdown, four for the lines view.
    // The bills' own months for their statements (the two newest bills).
    const newest = (await t.services.billing.invoices(account, 2)).map(
      (i) => `carrier_statement ${i.billing_month}`,
    );
    expect(monthsOf('top')).toEqual([...newest, ...window(-14, 0, 'invoice')].sort());
    expect(monthsOf('history')).toEqual(window(-14, 0, 'invoice').sort());
    expect(monthsOf('breakdown')).toEqual([
      `carrier_statement ${addMonths(current, -1)}`,
      `invoice ${addMonths(current, -1)}`,
    ]);
    expect(monthsOf('lines')).toEqual(
      [...window(-3, 0, 'carrier_statement'), ...window(-3, 0, 'invoice')].sort(),
    );
  });
});
