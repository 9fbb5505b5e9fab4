import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { Browser, CHANGE_INITIAL, LOGIN } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, startTestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';

const root = path.resolve(__dirname, '../..');
const REGISTER = `mutation($input: RegisterReissueEmailInput!) { registerReissueEmail(input: $input) { __typename } }`;

async function outboxRow(databaseUrl: string, recipient: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; attempts: number; last_error: string | null }>(
      'SELECT status, attempts, last_error FROM mail_outbox WHERE recipient = $1',
      [recipient],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** The built server as its own process (a test may kill it), ready once /readyz answers. */
async function spawnServer(env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist/server/src/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  // A process start (Node, migrations check, pg-boss) takes seconds; on a loaded 2-core CI machine, more.
  await waitUntil(
    'the server',
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      return (await fetch(`${url}/readyz`).catch(() => null))?.ok ? true : undefined;
    },
    90_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}; its output:\n${output}`);
  });
  return child;
}

/**
 * An account as an operator's command line makes it (no demo data on a database given by URL), then
 * signed in at `url` with its own login ID (`loginId`) in place of the postcard pair.
 */
async function activatedAccount(env: NodeJS.ProcessEnv, url: string, loginId: string): Promise<Browser> {
  const { initialLoginId, initialPassword } = JSON.parse(
    execFileSync(
      process.execPath,
      [
        path.join(root, 'dist/server/src/cli.js'),
        'account',
        'create',
        '--phone',
        '0312345678',
        '--name',
        '障害 試験',
        '--json',
      ],
      { env, encoding: 'utf8' },
    ),
  );
  const b = new Browser(url);
  await b.gql(LOGIN, { input: { loginId: initialLoginId, password: initialPassword } });
  await b.gql(CHANGE_INITIAL, {
    input: {
      initialLoginId,
      initialPassword,
      newLoginId: loginId,
      newLoginIdConfirmation: loginId,
      newPassword: 'Sakura#2024x',
      newPasswordConfirmation: 'Sakura#2024x',
    },
  });
  return b;
}

it('keeps a mail while SMTP is down, across a server restart, and delivers it exactly once', async () => {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wb-mail-fault-'));
  chmodSync(dataDir, 0o755);
  const smtp = new SmtpSink();
  await smtp.start();
  await smtp.stop(); // keep the port, nobody listening: SMTP is down
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_POLL_SECONDS: '0.5',
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_OPTIONS;
  const start = () => spawnServer(env, url);
  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });

  try {
    let server = await start();
    const b = await activatedAccount(env, url, 'fault2024');
    const email = 'fault@example.jp';
    const registered = await b.gql(REGISTER, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    expect(registered.data?.registerReissueEmail.__typename).toBe('ConfirmationMailSent'); // SMTP down: still fine

    // Delivery was tried and failed; the mail waits in the outbox.
    const failing = await waitUntil('a failed attempt', async () => {
      const [row] = await outboxRow(database.url, email);
      return row && row.attempts >= 1 ? row : undefined;
    });
    expect(failing.status).toBe('PENDING');
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);

    expect(await stop(server)).toBe(0);
    server = await start();
    await smtp.start(); // SMTP is back
    try {
      const mail = await smtp.waitFor(email, /Please confirm/, 60_000);
      expect(mail.text).toContain('#token=');
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.count(email)).toBe(1);
      const [row] = await outboxRow(database.url, email);
      expect(row.status).toBe('SENT');
    } finally {
      await stop(server);
    }
  } finally {
    await smtp.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 240_000);

it('marks a mail that keeps failing as FAILED, keeping it visible', async () => {
  const smtp = new SmtpSink();
  await smtp.start();
  await smtp.stop();
  const t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_LIMIT: '1', MAIL_RETRY_DELAY_SECONDS: '1' });
  try {
    await t.db.transaction((tx) =>
      t.services.outbox.enqueue(tx, {
        to: 'nobody@example.jp',
        lang: 'en',
        message: { template: 'reissue-email-registered', params: {} },
      }),
    );
    const row = await waitUntil('the mail to fail for good', async () => {
      const [r] = await outboxRow(t.databaseUrl, 'nobody@example.jp');
      return r?.status === 'FAILED' ? r : undefined;
    });
    expect(row.attempts).toBe(2); // the first try and one retry
    expect(row.last_error).toBeTruthy();
  } finally {
    await t.close();
  }
}, 60_000);

it('sends a mail again as the same message (same Message-ID) when the sender died after SMTP took it', async () => {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wb-mail-crash-'));
  chmodSync(dataDir, 0o755);
  const smtp = new SmtpSink();
  await smtp.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Web Billing <webbilling_info@billing.example.jp>',
    MAIL_POLL_SECONDS: '0.5',
    MAIL_SEND_TIMEOUT_SECONDS: '5',
    MAIL_RETRY_DELAY_SECONDS: '1',
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_OPTIONS;
  const start = () => spawnServer(env, url);
  let server: ChildProcess | null = null;
  try {
    server = await start();
    const b = await activatedAccount(env, url, 'crash2024');
    // The first time the SMTP server has the mail, the sender dies before it can record it as sent.
    const email = 'crash@example.jp';
    let killed = false;
    const dying = server;
    smtp.onReceived = (mail) => {
      if (killed || !mail.to.includes(email)) return;
      killed = true;
      dying.kill('SIGKILL');
    };
    await b.gql(REGISTER, {
      input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
    });
    await waitUntil('the kill', async () =>
      (killed && dying.exitCode !== null) || dying.signalCode ? true : undefined,
    );
    const [before] = await outboxRow(database.url, email);
    expect(before.status).toBe('PENDING'); // it never learnt that SMTP had it

    server = await start();
    await waitUntil('the second copy', async () => (smtp.count(email) >= 2 ? true : undefined), 60_000);
    const copies = smtp.mails.filter((m) => m.to.includes(email));
    expect(copies).toHaveLength(2);
    expect(copies[0].raw.messageId).toBe(copies[1].raw.messageId);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT id, status, message_id FROM mail_outbox WHERE recipient = $1',
      [email],
    );
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('SENT');
    expect(copies[0].raw.messageId).toBe(`<${rows[0].id}@billing.example.jp>`);
    expect(rows[0].message_id).toBe(copies[0].raw.messageId);
  } finally {
    if (server && server.exitCode === null && !server.signalCode) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await smtp.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 240_000);
