import { Readable } from 'node:stream';
import { ensureMonthPartitions } from '../../server/src/db/month-partitions';
import { writeMonth } from '../../server/src/modules/billing/billing.service';
import { addMonths, currentBillingMonth, monthStart } from '../../server/src/modules/billing/billing-month';
import { seedDemoBilling } from '../../server/src/modules/billing/demo-billing';
import { loadBillingData } from '../../server/src/modules/billing/load-data';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * invoice.version is kept by the database (migration 1764500000000): every billing-module method that
 * writes an invoice or its carrier statements must leave a larger version, and two writes must never
 * leave the same one, even within one millisecond.
 */
let t: TestApp;
let month: string;
let apiKeyId: string;
let accounts = 0;

beforeAll(async () => {
  t = await startTestApp({ API_KEY_REQUESTS_PER_MINUTE: '10000' });
  month = currentBillingMonth(t.clock);
  apiKeyId = (await t.services.apiKeys.create('invoice version', ['billing:write'])).id;
});
afterAll(async () => {
  await t?.close();
});

const LINES = ['0312340001', '0312340002'];

/** A billing account with two lines (NTT East), made directly: these tests are about invoices. */
async function account() {
  const customerNumber = `8${String(process.pid % 1000).padStart(3, '0')}${String(++accounts).padStart(6, '0')}`;
  const [{ id }]: { id: string }[] = await t.db.query(
    `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
     VALUES ($1, '版数 太郎', '0312340001') RETURNING id`,
    [customerNumber],
  );
  const lineIds: string[] = [];
  for (const line of LINES) {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
       VALUES ($1, $2, 1, '加入電話') RETURNING id`,
      [id, line],
    );
    lineIds.push(row.id);
  }
  return { accountId: id, customerNumber, lineIds };
}

/** The version as billing reads it (InvoiceRow.version), or null when there is no invoice. */
async function version(accountId: string, m = month): Promise<bigint | null> {
  const found = await t.services.billing.invoice(accountId, m);
  return found.kind === 'found' ? BigInt(found.value.version) : null;
}

/** For months outside the 15-month window, which billing does not read. */
async function storedVersion(accountId: string, m: string): Promise<bigint | null> {
  const [row]: { version: string }[] = await t.db.query(
    'SELECT version FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
    [accountId, monthStart(m)],
  );
  return row ? BigInt(row.version) : null;
}

const actor = () => ({ apiKeyId });

function upsert(customerNumber: string, carrierCode: string, amount: number, m = month) {
  return t.services.charges.upsert(
    {
      customerNumber,
      billingMonth: m,
      carrierCode,
      items: LINES.map((lineNumber) => ({ lineNumber, itemName: '基本料', amount, taxRate: 10 })),
    },
    actor(),
  );
}

async function confirmedInvoice() {
  const a = await account();
  expect((await upsert(a.customerNumber, 'NTT_EAST', 1000)).kind).toBe('written');
  await t.services.charges.confirm({ customerNumber: a.customerNumber, billingMonth: month }, actor());
  return a;
}

it('starts at 1 and cannot be set by a writer: any change makes it the old one + 1', async () => {
  const a = await confirmedInvoice();
  const before = await version(a.accountId);
  const [[row]] = await t.db.query(
    'UPDATE invoice SET version = 1 WHERE billing_account_id = $1 AND billing_month = $2::date RETURNING version',
    [a.accountId, monthStart(month)],
  );
  expect(BigInt(row.version)).toBe((before as bigint) + 1n);
  // A no-op update (the writers' lock, SET status = invoice.status) changes nothing, so bumps nothing.
  await t.db.query(
    'UPDATE invoice SET status = status WHERE billing_account_id = $1 AND billing_month = $2::date',
    [a.accountId, monthStart(month)],
  );
  expect(await version(a.accountId)).toBe((before as bigint) + 1n);
});

describe('every write path of invoices and carrier statements bumps it', () => {
  it('CarrierStatementStore.upsert (upsertCarrierCharges): creating, replacing, a second carrier; a statement sent again changes nothing', async () => {
    const a = await account();
    expect((await upsert(a.customerNumber, 'NTT_EAST', 1000)).kind).toBe('written');
    const created = await version(a.accountId);
    expect(created).toBeGreaterThan(1n);

    expect((await upsert(a.customerNumber, 'NTT_EAST', 1200)).kind).toBe('written');
    const replaced = await version(a.accountId);
    expect(replaced).toBeGreaterThan(created as bigint);

    expect((await upsert(a.customerNumber, 'OCN', 300)).kind).toBe('written');
    const secondCarrier = await version(a.accountId);
    expect(secondCarrier).toBeGreaterThan(replaced as bigint);

    const again = await upsert(a.customerNumber, 'OCN', 300);
    expect(again).toMatchObject({ kind: 'written', changed: false });
    expect(await version(a.accountId)).toBe(secondCarrier);
  });

  it('CarrierStatementStore.upsertMany (the bulk import, set-based) and upsert (its per-statement mode)', async () => {
    const a = await account();
    const b = await account();
    const csv = (amount: number) =>
      [
        'customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate',
        ...[a, b].flatMap((x) =>
          LINES.map((l) => `${x.customerNumber},${month},NTT_EAST,${l},基本料,${amount},10`),
        ),
      ].join('\n');
    const importCsv = (amount: number, transactionPerStatement = false) =>
      t.services.chargeImport.importStream(Readable.from([csv(amount)]), {
        format: 'csv',
        transactionPerStatement,
      });

    expect((await importCsv(500)).groups).toMatchObject({ written: 2, rejected: 0 });
    const first = [await version(a.accountId), await version(b.accountId)];
    for (const v of first) expect(v).toBeGreaterThan(1n);

    expect((await importCsv(600)).groups).toMatchObject({ written: 2, rejected: 0 });
    const second = [await version(a.accountId), await version(b.accountId)];
    expect(second[0]).toBeGreaterThan(first[0] as bigint);
    expect(second[1]).toBeGreaterThan(first[1] as bigint);

    expect((await importCsv(700, true)).groups).toMatchObject({ written: 2, rejected: 0 });
    expect(await version(a.accountId)).toBeGreaterThan(second[0] as bigint);
    expect(await version(b.accountId)).toBeGreaterThan(second[1] as bigint);

    // The same file again is skipped as unchanged: nothing written, nothing bumped.
    const settled = [await version(a.accountId), await version(b.accountId)];
    expect((await importCsv(700)).groups).toMatchObject({ written: 0, unchanged: 2 });
    expect([await version(a.accountId), await version(b.accountId)]).toEqual(settled);
  });

  it('InvoiceLifecycleService.confirm (confirmInvoice)', async () => {
    const a = await account();
    await upsert(a.customerNumber, 'NTT_EAST', 1000);
    const before = await version(a.accountId);
    const outcome = await t.services.charges.confirm(
      { customerNumber: a.customerNumber, billingMonth: month },
      actor(),
    );
    expect(outcome).toMatchObject({ kind: 'confirmed', changed: true });
    expect(await version(a.accountId)).toBeGreaterThan(before as bigint);
  });

  it('InvoiceLifecycleService.markPaid (recordPayment); locking for a payment alone changes nothing', async () => {
    const a = await confirmedInvoice();
    const before = await version(a.accountId);
    await t.db.transaction((tx) => t.services.invoices.lockForPayment(tx, a.accountId, month));
    expect(await version(a.accountId)).toBe(before);

    const found = await t.services.billing.invoice(a.accountId, month);
    if (found.kind !== 'found') throw new Error('no invoice');
    const outcome = await t.services.payments.recordPayment(apiKeyId, {
      customerNumber: a.customerNumber,
      billingMonth: month,
      amount: found.value.billing_amount,
      method: 'OTHER',
      reference: 'bank transfer 1',
      idempotencyKey: `version-${a.accountId}`,
    });
    expect(outcome.kind).toBe('recorded');
    expect(await version(a.accountId)).toBeGreaterThan(before as bigint);
  });

  it('RetentionService.purge: purging a month’s details bumps it; deleting old invoices takes their statements along', async () => {
    const a = await account();
    const old = addMonths(month, -5); // past the 4 months of details
    const ancient = addMonths(month, -15); // past the 15 months kept
    // Invoices are partitioned by month, made for the window and ahead: a month already past it gets
    // its partitions here, as an import of old months would.
    await ensureMonthPartitions(t.db, `${ancient}-01`, `${ancient}-01`);
    for (const m of [old, ancient]) {
      await t.db.transaction((tx) =>
        writeMonth(tx, a.accountId, m, {
          status: 'CONFIRMED',
          issueDate: `${m}-10`,
          dueDate: `${m}-28`,
          paymentStatus: 'PAID',
          items: [{ lineId: a.lineIds[0], carrierId: 1, name: '基本料', amount: 1000, taxRate: 10 }],
        }),
      );
    }
    const before = await storedVersion(a.accountId, old);
    const purged = await t.services.retention.purge();
    expect(purged.detailInvoices).toBeGreaterThanOrEqual(1);
    expect(purged.invoices).toBeGreaterThanOrEqual(1);
    expect(await storedVersion(a.accountId, old)).toBeGreaterThan(before as bigint);
    expect(await storedVersion(a.accountId, ancient)).toBeNull();
  });

  it('writeMonth (demo seeding): each carrier statement inserted bumps the new invoice once', async () => {
    const a = await account();
    await seedDemoBilling(t.db, t.clock, a.accountId, 'family');
    const rows: { version: string; statements: number; purged: boolean }[] = await t.db.query(
      `SELECT i.version, (SELECT count(*)::int FROM carrier_statement cs WHERE cs.invoice_id = i.id) AS statements,
              i.details_purged_at IS NOT NULL AS purged
         FROM invoice i WHERE i.billing_account_id = $1`,
      [a.accountId],
    );
    expect(rows).toHaveLength(15);
    for (const r of rows) expect(BigInt(r.version)).toBe(1n + BigInt(r.statements));
    expect(rows.some((r) => r.statements > 1)).toBe(true);
    // Months past retention get their statements too (issuer figures, no items), as the purge leaves them.
    expect(rows.filter((r) => r.purged).every((r) => r.statements > 0)).toBe(true);
    const [{ items }]: { items: number }[] = await t.db.query(
      `SELECT count(*)::int AS items FROM charge_item ci JOIN invoice i ON i.id = ci.invoice_id
        WHERE i.billing_account_id = $1 AND i.details_purged_at IS NOT NULL`,
      [a.accountId],
    );
    expect(items).toBe(0);
  });

  it('loadBillingData (COPY): invoices whose statements are copied after them are bumped by the copy', async () => {
    const result = await loadBillingData(t.services.pool, t.clock, { accounts: 2, seed: 7 });
    const rows: { version: string; statements: number }[] = await t.db.query(
      `SELECT i.version, (SELECT count(*)::int FROM carrier_statement cs WHERE cs.invoice_id = i.id) AS statements
         FROM invoice i JOIN billing_account b ON b.id = i.billing_account_id
        WHERE b.id = $1`,
      [result.bigAccountId],
    );
    expect(rows).toHaveLength(15);
    for (const r of rows) expect(r.version).toBe(r.statements > 0 ? '2' : '1');
  });
});

describe('two writes never leave the same version', () => {
  it('two updates in one transaction, at the same instant (one now(), one updated_at), bump it twice', async () => {
    const a = await confirmedInvoice();
    const before = (await version(a.accountId)) as bigint;
    const key = [a.accountId, monthStart(month)];
    const steps = await t.db.transaction(async (tx) => {
      const [[first]] = await tx.query(
        `UPDATE invoice SET adjustment_amount = adjustment_amount + 1, updated_at = now()
          WHERE billing_account_id = $1 AND billing_month = $2::date RETURNING version, updated_at`,
        key,
      );
      const [[second]] = await tx.query(
        `UPDATE invoice SET adjustment_amount = adjustment_amount - 1, updated_at = now()
          WHERE billing_account_id = $1 AND billing_month = $2::date RETURNING version, updated_at`,
        key,
      );
      return [first, second] as { version: string; updated_at: Date }[];
    });
    // A timestamp version would repeat here (and the row is back to its old content): the counter cannot.
    expect(steps[0].updated_at.getTime()).toBe(steps[1].updated_at.getTime());
    expect(BigInt(steps[0].version)).toBe(before + 1n);
    expect(BigInt(steps[1].version)).toBe(before + 2n);
    expect(await version(a.accountId)).toBe(before + 2n);
  });

  it('concurrent statement upserts of one invoice each add their bumps (none lost)', async () => {
    // What one changed upsert of an existing invoice adds, measured on another invoice.
    const probe = await account();
    await upsert(probe.customerNumber, 'NTT_EAST', 100);
    const p0 = (await version(probe.accountId)) as bigint;
    await upsert(probe.customerNumber, 'NTT_WEST', 100);
    const perUpsert = ((await version(probe.accountId)) as bigint) - p0;
    expect(perUpsert).toBeGreaterThanOrEqual(1n);

    const a = await account();
    await upsert(a.customerNumber, 'NTT_EAST', 100);
    const before = (await version(a.accountId)) as bigint;
    const carriers = ['NTT_WEST', 'NTT_DOCOMO', 'NTT_COM', 'OCN'];
    const outcomes = await Promise.all(carriers.map((c, n) => upsert(a.customerNumber, c, 200 + n)));
    for (const o of outcomes) expect(o).toMatchObject({ kind: 'written', changed: true });
    expect(await version(a.accountId)).toBe(before + perUpsert * BigInt(carriers.length));
  });
});
