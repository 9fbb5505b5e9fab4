// biome-ignore-all lint/suspicious/noExplicitAny: the tests read response trees by shape
import { Browser } from '../support/graphql-client';
import { SmtpSink } from '../support/smtp-sink';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';

// Mail is never lost (SPEC §5, issue 14): a mail whose retries ran out keeps its sealed secret until
// the secret expires, is listed for operators with its last error, and can be sent again from there.

const REGISTER = `mutation($input: RegisterReissueEmailInput!) { registerReissueEmail(input: $input) { __typename } }`;
const CONFIRM = `mutation($input: ConfirmReissueEmailInput!) { confirmReissueEmail(input: $input) { __typename } }`;
const LIST = `{ undeliveredMails { id recipient template attempts lastError failedAt resendable customerNumber } }`;
const RESEND = `mutation($input: ResendMailInput!) { resendMail(input: $input) { __typename
  ... on MailQueued { mail { id } } ... on UserError { code message } ... on FieldErrors { errors { field code } } } }`;
const OP_LOGIN = `mutation($input: OperatorLoginInput!) { operatorLogin(input: $input) {
  __typename ... on OperatorLoginSuccess { sessionToken } } }`;

const smtp = new SmtpSink();
let t: TestApp;
let operator: Browser;

beforeAll(async () => {
  await smtp.start();
  await smtp.stop(); // the port is kept; nobody listens: SMTP is down
  // One try, no retries: a mail fails at once.
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_LIMIT: '0' });
  await t.services.operatorAuth.create({
    loginId: 'mail-desk',
    displayName: 'Mail desk',
    role: 'OPERATOR',
    password: 'Counter#Desk2024',
  });
  operator = new Browser(t.url);
  const res = await operator.gql(OP_LOGIN, {
    input: { loginId: 'mail-desk', password: 'Counter#Desk2024', bearer: true },
  });
  operator.bearer = res.data?.operatorLogin.sessionToken;
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

/** A reissue-address confirmation mail (it carries a link token) that could not be delivered. */
async function failedConfirmation() {
  const s = await activeSubscriber(t);
  const email = `undelivered${Date.now() % 1e7}@example.jp`;
  await s.browser.gql(REGISTER, {
    input: { email, emailConfirmation: email, secretQuestionId: '2', secretAnswer: 'Pochi' },
  });
  const row = await waitUntil(
    'the mail to fail',
    async () => {
      const [found] = await t.db.query(
        `SELECT id, status, secret_sealed, last_error, failed_at FROM mail_outbox WHERE recipient = $1`,
        [email],
      );
      return found?.status === 'FAILED' ? found : undefined;
    },
    20_000,
  );
  return { s, email, row };
}

describe('undelivered mail', () => {
  it('keeps the secret of a mail that failed, lists it for operators and sends it again, as the same message', async () => {
    const { s, email, row } = await failedConfirmation();
    expect(row.secret_sealed).not.toBeNull(); // kept: the link can still be sent
    // The subscriber's top screen says so.
    const notices = (await s.browser.gql('{ myUndeliveredMails { template recipient failedAt } }')).data
      ?.myUndeliveredMails;
    expect(notices).toEqual([
      { template: 'reissue-email-confirmation', recipient: email, failedAt: expect.any(String) },
    ]);
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);

    const listed = (await operator.gql(LIST)).data?.undeliveredMails.find((m: any) => m.id === row.id);
    expect(listed).toMatchObject({
      recipient: email,
      template: 'reissue-email-confirmation',
      resendable: true,
    });
    expect(listed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(listed.customerNumber).toMatch(/^\d{10}$/);

    const noReason = await operator.gql(RESEND, { input: { mailId: row.id, reason: ' ' } });
    expect(noReason.data?.resendMail.__typename).toBe('FieldErrors');
    const unknown = await operator.gql(RESEND, { input: { mailId: 'nope', reason: 'customer called' } });
    expect(unknown.data?.resendMail.code).toBe('MAIL_NOT_FOUND');

    await smtp.start(); // SMTP is back
    try {
      const queued = await operator.gql(RESEND, {
        input: { mailId: row.id, reason: 'mailbox was full; customer called' },
      });
      expect(queued.data?.resendMail.__typename).toBe('MailQueued');
      const mail = await smtp.waitFor(email, /confirm|確認/i);
      expect(mail.raw.messageId).toMatch(new RegExp(`^<${row.id}@`));
      // The link in it still works.
      const token = mail.text.match(/#token=([\w-]+)/)?.[1];
      const confirmed = await new Browser(t.url).gql(CONFIRM, {
        input: { token, secretQuestionId: '2', secretAnswer: 'Pochi' },
      });
      expect(confirmed.data?.confirmReissueEmail.__typename).toBe('ReissueEmailRegistered');
      const [sent] = await t.db.query('SELECT status, secret_sealed FROM mail_outbox WHERE id = $1', [
        row.id,
      ]);
      expect(sent).toEqual({ status: 'SENT', secret_sealed: null });
      // Sent once: a second resend finds nothing to send.
      const again = await operator.gql(RESEND, { input: { mailId: row.id, reason: 'again' } });
      expect(again.data?.resendMail.code).toBe('MAIL_NOT_FOUND');
      const [audit] = await t.db.query(
        `SELECT detail FROM audit_event WHERE event = 'MAIL_RESENT' AND detail->>'mailId' = $1`,
        [row.id],
      );
      expect(audit.detail.reason).toBe('mailbox was full; customer called');
    } finally {
      await smtp.stop();
    }
  });

  it('wipes the secret once it expires; such a mail can no longer be sent again', async () => {
    const { row } = await failedConfirmation();
    t.clock.advance(25 * 3_600_000); // past the link's 24 h
    try {
      expect(await t.services.undeliveredMail.wipeExpiredSecrets()).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.advance(-25 * 3_600_000); // (the operator's session would have expired too)
    }
    const [wiped] = await t.db.query('SELECT secret_sealed FROM mail_outbox WHERE id = $1', [row.id]);
    expect(wiped.secret_sealed).toBeNull();
    const listed = (await operator.gql(LIST)).data?.undeliveredMails.find((m: any) => m.id === row.id);
    expect(listed.resendable).toBe(false);
    const refused = await operator.gql(RESEND, { input: { mailId: row.id, reason: 'customer called' } });
    expect(refused.data?.resendMail.code).toBe('MAIL_NOT_RESENDABLE');
  });

  it('is for operators only', async () => {
    const res = await new Browser(t.url).gql(LIST);
    expect(res.errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
