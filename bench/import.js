#!/usr/bin/env node
// Bulk import of carriers' charges (SPEC §6): 1,000,000 charge items from one CSV through
// `import charges` (each account-month-carrier validated whole, written set-based in batches, totals
// recomputed, audited), next to
// a plain PostgreSQL COPY of the same file into a scratch table in the same run (the ceiling).
// Target: the import at ≥ 30 % of COPY's rows/s (medians of BENCH_ROUNDS alternating runs).
//   npm run bench:import    Options (env): BENCH_ITEMS (1000000), BENCH_CONCURRENCY (the import's default), BENCH_ROUNDS (3), BENCH_BATCH_ROWS (the import's default), BENCH_KEEP (keep the CSV), DATABASE_URL
const { createReadStream, mkdtempSync, rmSync, statSync, openSync, writeSync, closeSync } =
  require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { from: copyFrom } = require('pg-copy-streams');
const { dist, openBenchDatabase } = require('./support');

const { ChargeImportService, DEFAULT_CONCURRENCY } = require(
  `${dist}/modules/integrations/charge-import.service.js`,
);
const { currentBillingMonth } = require(`${dist}/modules/billing/billing-month.js`);
const { systemClock } = require(`${dist}/clock.js`);

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH_ROWS = process.env.BENCH_BATCH_ROWS ? Number(process.env.BENCH_BATCH_ROWS) : undefined;
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const ITEMS_PER_LINE = 10; // 8 from the line's carrier, 2 from the ISP (OCN): two statements an account
const NAMES = [
  '基本料',
  '通話料（市内）',
  '通話料（県外）',
  'ユニバーサルサービス料',
  '電話リレーサービス料',
  '付加機能使用料',
  'ナンバー・ディスプレイ',
  '割引額',
  'OCN光 月額利用料',
  'OCN 割引',
];

/** Account a has 1–9 lines (5 on average), so ~20,000 accounts carry 1,000,000 items. */
const linesOf = (a) => 1 + (a % 9);

function plan() {
  const accounts = [];
  let items = 0;
  for (let a = 0; items < ITEMS; a++) {
    const lines = Math.min(linesOf(a), Math.ceil((ITEMS - items) / ITEMS_PER_LINE));
    accounts.push(lines);
    items += lines * ITEMS_PER_LINE;
  }
  return accounts;
}

const customerNumber = (a) => `B${String(a).padStart(9, '0')}`;
const lineNumber = (a, l) => `03${String(a).padStart(7, '0')}${l}`;

/** Sorted by customer, month, carrier, as the import expects: each account's NTT rows, then its OCN rows. */
function writeCsv(file, accounts, month) {
  const fd = openSync(file, 'w');
  let buffer = 'customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate\n';
  let rows = 0;
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const [a, lines] of accounts.entries()) {
    const carrier = a % 2 === 0 ? 'NTT_EAST' : 'NTT_WEST';
    for (const [from, to, code] of [
      [0, 8, carrier],
      [8, 10, 'OCN'],
    ]) {
      for (let l = 0; l < lines; l++) {
        for (let n = from; n < to && rows < ITEMS; n++) {
          const amount = n === 7 || n === 9 ? -Math.floor(random() * 300) : Math.floor(random() * 2000);
          buffer += `${customerNumber(a)},${month},${code},${lineNumber(a, l)},${NAMES[n]},${amount},10\n`;
          rows++;
        }
      }
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return rows;
}

async function main() {
  const bench = await openBenchDatabase('import');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'wb-bench-import-'));
  const pool = bench.db.driver.master;
  try {
    const month = currentBillingMonth(systemClock);
    const accounts = plan();
    const t0 = performance.now();
    // Accounts and lines first, set-based (the import refuses lines that are not on the account).
    await pool.query(
      `INSERT INTO billing_account (customer_number, holder_name, registered_phone_number)
       SELECT 'B' || lpad(a::text, 9, '0'), '取込試験 ' || a, '0312345678' FROM generate_series(0, $1::int - 1) a`,
      [accounts.length],
    );
    await pool.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
       SELECT b.id, '03' || lpad(a::text, 7, '0') || l, 1 + a % 2, '加入電話'
         FROM unnest($1::int[]) WITH ORDINALITY AS k (lines, n)
         CROSS JOIN LATERAL (SELECT (k.n - 1)::int AS a) x
         JOIN billing_account b ON b.customer_number = 'B' || lpad(x.a::text, 9, '0')
         CROSS JOIN LATERAL generate_series(0, k.lines - 1) l`,
      [accounts],
    );
    await pool.query('ANALYZE billing_account, line');
    const file = path.join(tmp, 'charges.csv');
    const rows = writeCsv(file, accounts, month);
    const mb = statSync(file).size / 1e6;
    console.log(
      `${rows.toLocaleString('en')} charge items for ${accounts.length.toLocaleString('en')} accounts ` +
        `(${accounts.reduce((s, l) => s + l, 0).toLocaleString('en')} lines, ${accounts.length * 2} statements), ` +
        `${mb.toFixed(0)} MB CSV; set-up ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // This VM's speed drifts ±15 % from minute to minute: each side runs ROUNDS times, alternating, and
    // the medians are compared.
    const copyRates = [];
    const importRates = [];
    const importer = new ChargeImportService(pool, systemClock);
    let items = 0;
    let invoices = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // The ceiling: the same file, COPY'd as it is into a scratch table (no validation, no invoices).
      await pool.query(`CREATE TABLE bench_copy_scratch (customer_number text, billing_month text, carrier_code text,
        line_number text, item_name text, amount integer, tax_rate smallint)`);
      const client = await pool.connect();
      let copySeconds;
      try {
        const c0 = performance.now();
        await pipeline(
          createReadStream(file),
          client.query(copyFrom('COPY bench_copy_scratch FROM STDIN WITH (FORMAT csv, HEADER true)')),
        );
        copySeconds = (performance.now() - c0) / 1000;
      } finally {
        client.release();
      }
      await pool.query('DROP TABLE bench_copy_scratch');
      copyRates.push(rows / copySeconds);

      // Each round imports into empty invoices (the previous round's are removed first).
      await pool.query('TRUNCATE invoice CASCADE');
      let rejected = 0;
      const report = await importer.importFile(file, {
        concurrency: CONCURRENCY,
        batchRows: BATCH_ROWS,
        onRejected: () => rejected++,
      });
      if (rejected > 0 || report.rows.written !== rows)
        throw new Error(`import rejected rows: ${JSON.stringify(report)}`);
      importRates.push(report.rows.read / report.seconds);
      console.log(
        `round ${round}: COPY into a scratch table ${copySeconds.toFixed(2)} s, ` +
          `${Math.round(rows / copySeconds).toLocaleString('en')} rows/s; import charges ${report.seconds.toFixed(2)} s, ` +
          `${Math.round(report.rows.read / report.seconds).toLocaleString('en')} rows/s ` +
          `(${report.groups.written} statements, ${CONCURRENCY ?? DEFAULT_CONCURRENCY} batches at once)`,
      );
      [{ items, invoices }] = (
        await pool.query(
          'SELECT (SELECT count(*) FROM charge_item)::int AS items, (SELECT count(*) FROM invoice)::int AS invoices',
        )
      ).rows;
      if (items !== rows) throw new Error(`expected ${rows} charge items, found ${items}`);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const copyRate = median(copyRates);
    const importRate = median(importRates);
    console.log(
      `\nmedian of ${ROUNDS}: COPY ${Math.round(copyRate).toLocaleString('en')} rows/s, ` +
        `import ${Math.round(importRate).toLocaleString('en')} rows/s`,
    );

    const again = await importer.importFile(file, { concurrency: CONCURRENCY });
    console.log(
      `same file again (no-op):    ${again.seconds.toFixed(1)} s, ${again.rowsPerSecond.toLocaleString('en')} rows/s ` +
        `(${again.groups.unchanged} statements unchanged)`,
    );
    const percent = (importRate / copyRate) * 100;
    console.log(
      `\nimport at ${percent.toFixed(0)} % of COPY (target ≥ 30 %): ${percent >= 30 ? 'met' : 'NOT met'}; ` +
        `${invoices.toLocaleString('en')} invoices, ${items.toLocaleString('en')} items written`,
    );
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
