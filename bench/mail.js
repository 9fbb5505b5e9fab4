#!/usr/bin/env node
// Mail worker throughput: N outbox mails (the real outbox + pg-boss queue + worker + nodemailer SMTP
// transport) delivered to a local SMTP server (smtp-server) on loopback. Prints mails per second, and
// what each mail writes on the primary (WAL bytes and committed transactions, enqueue and delivery):
// the write rate a morning of notification mails puts on the database.
//   npm run bench:mail            (embedded PostgreSQL in a temp dir; DATABASE_URL to use another)
// Options (env): BENCH_MAILS (default 1000).
const { SMTPServer } = require('smtp-server');
const { dist, quiet, openBenchDatabase } = require('./support');

const { loadConfig } = require(`${dist}/config.js`);
const { createServices } = require(`${dist}/services.js`);

const total = Number(process.env.BENCH_MAILS ?? 1000);

async function main() {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

  const bench = await openBenchDatabase('mail');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: bench.databaseUrl,
    SMTP_URL: smtpUrl,
    DATA_DIR: bench.dataDir,
    MAIL_POLL_SECONDS: '0.5',
  });
  const db = bench.db;
  const services = await createServices(config, db, { workers: false, log: quiet });
  try {
    // The primary's writes so far: WAL position and commits (the statistics are flushed by each
    // backend at most once a second, hence the pause).
    const writes = async () => {
      await new Promise((r) => setTimeout(r, 1500));
      const [row] = await db.query(
        `SELECT pg_current_wal_lsn()::text AS lsn,
                (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())::bigint AS commits`,
      );
      return row;
    };
    const perMail = async (from, to) => {
      const [{ bytes }] = await db.query('SELECT pg_wal_lsn_diff($2, $1)::bigint AS bytes', [
        from.lsn,
        to.lsn,
      ]);
      return `${(Number(bytes) / total / 1024).toFixed(1)} KiB of WAL and ${((Number(to.commits) - Number(from.commits)) / total).toFixed(1)} commits per mail`;
    };
    const beforeEnqueue = await writes();
    // Enqueue first (one transaction per mail, as the app does), then start the worker and time delivery.
    const enqueueStarted = performance.now();
    for (let i = 0; i < total; i++) {
      await db.transaction((tx) =>
        services.outbox.enqueue(tx, {
          to: `bench${i}@example.jp`,
          lang: i % 2 ? 'en' : 'ja',
          message: {
            template: 'security-notice',
            params: { kind: 'PASSWORD_CHANGED', at: new Date().toISOString() },
          },
        }),
      );
    }
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
    const beforeDelivery = await writes();
    const started = performance.now();
    await services.mailWorker.start();
    while (received < total) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - started) / 1000;
    const afterDelivery = await writes();
    const [{ sent }] = await db.query(`SELECT count(*)::int AS sent FROM mail_outbox WHERE status = 'SENT'`);
    console.log(
      `enqueue: ${total} mails in ${enqueueSeconds.toFixed(1)} s (${(total / enqueueSeconds).toFixed(0)}/s, one transaction each); ` +
        `on the primary: ${await perMail(beforeEnqueue, beforeDelivery)}`,
    );
    console.log(
      `mail worker: ${total} mails delivered in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} mails/s to a local SMTP server (${sent} marked SENT); ` +
        `on the primary: ${await perMail(beforeDelivery, afterDelivery)}`,
    );
  } finally {
    await services.stop();
    await bench.close();
    smtp.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
