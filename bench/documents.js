#!/usr/bin/env node
// Documents (issue 16) over HTTP, one request at a time, as a subscriber downloads them: the 120-line
// demo account's bill PDF for the current month (render time: the first, with the font's first read,
// and the median and p95 of the rest), and a 1,000-line month's breakdown CSV streamed from the
// database (4 items a line). Targets: the 1,000-line CSV in < 2 s; the PDF prints its numbers.
//   npm run build && npm run bench:documents
// Options (env): BENCH_ROUNDS (20), BENCH_LINES (1000), BENCH_PDF_OUT (write the 120-line PDF there),
//                DATABASE_URL
const { writeFileSync } = require('node:fs');
const { dist, quiet, openBenchDatabase, percentile } = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { createServices } = require(`${dist}/services.js`);
const { buildApp } = require(`${dist}/app.js`);
const { seedDemo } = require(`${dist}/modules/operators/demo-seed.js`);
const { currentBillingMonth } = require(`${dist}/modules/billing/billing-month.js`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const LINES = Number(process.env.BENCH_LINES ?? 1000);
const TARGET_CSV_MS = 2000;

/** A session for the account's subscriber, past the postcard step (the bench skips the PWA's sign-in). */
async function sessionOf(services, accountId) {
  const {
    rows: [subscriber],
  } = await services.pool.query(
    `UPDATE subscriber SET required_action = 'NONE' WHERE billing_account_id = $1 RETURNING id`,
    [accountId],
  );
  const issued = await services.sessions.issue(subscriber.id, {
    clientAddress: '127.0.0.1',
    userAgent: 'bench',
  });
  return { authorization: `Bearer ${issued.token}`, 'accept-language': 'ja' };
}

async function timed(url, headers) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString()}`);
  return { ms: performance.now() - started, body };
}

async function main() {
  const bench = await openBenchDatabase('documents');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: bench.databaseUrl,
    DATA_DIR: bench.dataDir,
    LOG_LEVEL: 'silent',
  });
  const services = await createServices(config, bench.db, { workers: false, log: quiet });
  const app = await buildApp(services, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  try {
    const month = currentBillingMonth(services.clock);
    const [, business] = await seedDemo(services);
    const headers = await sessionOf(services, business.accountId);

    const pdfUrl = `${base}/documents/bills/${month}.pdf`;
    const first = await timed(pdfUrl, headers);
    if (process.env.BENCH_PDF_OUT) writeFileSync(process.env.BENCH_PDF_OUT, first.body);
    const pdfTimes = [];
    for (let i = 0; i < ROUNDS; i++) pdfTimes.push((await timed(pdfUrl, headers)).ms);
    pdfTimes.sort((a, b) => a - b);
    console.log(
      `bill PDF, 120 lines (${(first.body.length / 1024).toFixed(0)} KiB): first ${first.ms.toFixed(0)} ms (font read), ` +
        `then median ${percentile(pdfTimes, 50).toFixed(0)} ms, p95 ${percentile(pdfTimes, 95).toFixed(0)} ms (${ROUNDS} requests)`,
    );

    // A LINES-line account with one carrier statement of 4 items a line, through the integrator service.
    const card = await services.provisioning.provision(
      {
        holderName: '株式会社ベンチ',
        registeredPhoneNumber: '0600000000',
        lines: Array.from({ length: LINES }, (_, i) => ({
          lineNumber: `06${70000000 + i}`,
          carrierCode: 'NTT_WEST',
          serviceName: '加入電話',
        })),
      },
      { via: 'bench' },
    );
    const items = Array.from({ length: LINES }, (_, i) =>
      ['基本料', '通話料（市内）', 'ユニバーサルサービス料', '電話リレーサービス料'].map((itemName, n) => ({
        lineNumber: `06${70000000 + i}`,
        itemName,
        amount: [1700, 100 + (i % 50), 3, 1][n],
        taxRate: 10,
      })),
    ).flat();
    const key = await services.apiKeys.create('bench', ['billing:write']);
    const sent = await services.charges.upsert(
      { customerNumber: card.customerNumber, billingMonth: month, carrierCode: 'NTT_WEST', items },
      { apiKeyId: key.id },
    );
    if (sent.kind !== 'written') throw new Error(`upsert: ${sent.kind}`);
    const csvHeaders = await sessionOf(services, card.accountId);
    const csvUrl = `${base}/documents/bills/${month}/breakdown.csv`;
    const csvTimes = [];
    let size = 0;
    for (let i = 0; i < Math.max(3, Math.ceil(ROUNDS / 4)); i++) {
      const r = await timed(csvUrl, csvHeaders);
      csvTimes.push(r.ms);
      size = r.body.length;
    }
    csvTimes.sort((a, b) => a - b);
    const worst = csvTimes[csvTimes.length - 1];
    console.log(
      `breakdown CSV, ${LINES} lines (${LINES * 4} items, ${(size / 1024).toFixed(0)} KiB): median ${percentile(csvTimes, 50).toFixed(0)} ms, ` +
        `worst ${worst.toFixed(0)} ms (target < ${TARGET_CSV_MS} ms: ${worst < TARGET_CSV_MS ? 'OK' : 'OVER'})`,
    );
  } finally {
    await app.close();
    await services.stop();
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
