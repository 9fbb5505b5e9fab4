#!/usr/bin/env node
// Mail worker throughput: N outbox mails (the real outbox + pg-boss queue + worker + nodemailer SMTP
// transport) delivered to a local SMTP server (smtp-server) on loopback. Prints mails per second.
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
    const started = performance.now();
    await services.mailWorker.start();
    while (received < total) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - started) / 1000;
    const [{ sent }] = await db.query(`SELECT count(*)::int AS sent FROM mail_outbox WHERE status = 'SENT'`);
    console.log(
      `enqueue: ${total} mails in ${enqueueSeconds.toFixed(1)} s (${(total / enqueueSeconds).toFixed(0)}/s, one transaction each)`,
    );
    console.log(
      `mail worker: ${total} mails delivered in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} mails/s to a local SMTP server (${sent} marked SENT)`,
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
