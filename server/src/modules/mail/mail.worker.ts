import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import type { SecretSeal } from '../../security/secret-seal';
import type { MailTransport } from './mail-transport';
import { MAIL_QUEUE } from './outbox.service';
import type { MailMessage, MailTemplateName } from './templates/mail-template';
import { renderMail } from './templates/templates';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Mails delivered concurrently per fetch (the SMTP transport pools its connections). */
const BATCH_SIZE = 20;

interface OutboxRow {
  recipient: string;
  lang: Lang;
  template: MailTemplateName;
  params: Record<string, unknown>;
  secret_sealed: string | null;
  secret_expires_at: Date | null;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
}

/**
 * The Message-ID of an outbox mail: derived from its id, so a mail sent twice — the process died after
 * the SMTP server accepted it but before the row said SENT, or an operator sent it again — is the same
 * message, which receiving servers and mail clients drop as a duplicate.
 */
export function messageIdOf(mailId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'web-billing.invalid';
  return `<${mailId}@${domain}>`;
}

/**
 * Delivers outbox mails from the PostgreSQL job queue. pg-boss hands each job to one worker at a time
 * across all server instances and retries with back-off; the row's status makes a retry after a
 * success a no-op, and a mail that keeps failing is marked FAILED — kept with its sealed secret until
 * the secret expires, listed in the console and sendable again (UndeliveredMail), never dropped.
 */
export class MailWorker {
  constructor(
    private readonly db: DataSource,
    private readonly boss: PgBoss,
    private readonly transport: MailTransport,
    private readonly seal: SecretSeal,
    private readonly config: Pick<Config, 'mail' | 'publicUrl'>,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /**
   * Creates the queue (a no-op when it exists) and applies the configured retry policy. Every process
   * that enqueues mail runs this, workers or not.
   */
  async ensureQueue(): Promise<void> {
    const policy = {
      retryLimit: this.config.mail.retryLimit,
      retryDelay: this.config.mail.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: this.config.mail.sendTimeoutSeconds,
    };
    // Copies: pg-boss writes defaults (such as `policy`) into the object it is given.
    await this.boss.createQueue(MAIL_QUEUE, { ...policy });
    await this.boss.updateQueue(MAIL_QUEUE, { ...policy });
  }

  async start(): Promise<void> {
    const workerId = await this.boss.work<{ mailId: string }>(
      MAIL_QUEUE,
      { batchSize: BATCH_SIZE, pollingIntervalSeconds: this.config.mail.pollSeconds },
      async (jobs) => {
        const results = await Promise.allSettled(jobs.map((job) => this.deliver(job.data.mailId)));
        // Only the failed jobs go back for a retry; pg-boss then completes the rest of the batch.
        const failed = jobs.filter((_, i) => results[i].status === 'rejected');
        if (failed.length > 0) {
          await this.boss.fail(
            MAIL_QUEUE,
            failed.map((job) => job.id),
          );
        }
        // pg-boss sleeps a whole polling interval after every batch; a full batch means more mail is
        // waiting, so fetch again at once.
        if (jobs.length === BATCH_SIZE) this.boss.notifyWorker(workerId);
      },
    );
  }

  /** Throws to ask the queue for a retry. */
  async deliver(mailId: string): Promise<void> {
    const [row]: OutboxRow[] = await this.db.query(
      `SELECT recipient, lang, template, params, secret_sealed, secret_expires_at, status, attempts
         FROM mail_outbox WHERE id = $1`,
      [mailId],
    );
    if (row?.status !== 'PENDING') return;
    if (row.secret_expires_at && row.secret_expires_at <= this.clock.now()) {
      // A password or link past its validity is of no use to anyone: not sent, and wiped.
      await this.db.query(
        `UPDATE mail_outbox SET status = 'FAILED', failed_at = $2, secret_sealed = NULL,
                last_error = 'the secret expired before the mail could be delivered'
          WHERE id = $1`,
        [mailId, this.clock.now()],
      );
      return;
    }
    try {
      // Inside the try: a secret that cannot be opened (a wrong SEAL_KEY on this instance) is a
      // delivery failure to log and retry, like an SMTP error.
      const message = {
        template: row.template,
        params: row.params,
        secrets: row.secret_sealed ? JSON.parse(this.seal.open(row.secret_sealed)) : undefined,
      } as MailMessage;
      const rendered = renderMail(message, { lang: row.lang, publicUrl: this.config.publicUrl });
      const { messageId } = await this.transport.send({
        from: this.config.mail.from,
        to: row.recipient,
        messageId: messageIdOf(mailId, this.config.mail.from),
        ...rendered,
      });
      // The secret has done its job: wipe it.
      await this.db.query(
        `UPDATE mail_outbox SET status = 'SENT', sent_at = $2, message_id = $3, secret_sealed = NULL,
                attempts = attempts + 1, last_error = NULL
          WHERE id = $1`,
        [mailId, this.clock.now(), messageId],
      );
      this.log.info({ mailId, template: row.template }, 'mail sent');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = row.attempts + 1;
      const failed = attempts > this.config.mail.retryLimit;
      // A FAILED mail keeps its secret (until it expires): an operator can send it again.
      await this.db.query(
        `UPDATE mail_outbox SET attempts = $2, last_error = $3, status = $4,
                failed_at = CASE WHEN $4::text = 'FAILED' THEN $5::timestamptz END
          WHERE id = $1`,
        [mailId, attempts, reason.slice(0, 500), failed ? 'FAILED' : 'PENDING', this.clock.now()],
      );
      this.log.warn({ mailId, template: row.template, attempts, failed, reason }, 'mail delivery failed');
      if (!failed) throw error;
    }
  }
}
