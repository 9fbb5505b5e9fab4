import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import { runEvery } from '../../jobs/job-queue';
import type { OutboxService } from './outbox.service';
import type { MailTemplateName } from './templates/mail-template';

export interface UndeliveredMailRow {
  id: string;
  recipient: string;
  template: MailTemplateName;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  failed_at: Date | null;
  /** A mail whose secret expired (or that never had one and was left) cannot be sent again. */
  resendable: boolean;
  subscriber_id: string | null;
  billing_account_id: string | null;
  customer_number: string | null;
}

export type ResendOutcome =
  | { kind: 'queued'; mail: UndeliveredMailRow }
  | { kind: 'not-found' | 'not-resendable' };

const COLUMNS = `m.id, m.recipient, m.template, m.attempts, m.last_error, m.created_at, m.failed_at,
  (m.secret_expires_at IS NULL OR (m.secret_sealed IS NOT NULL AND m.secret_expires_at > $1)) AS resendable,
  m.subscriber_id, s.billing_account_id, a.customer_number`;
const FROM = `mail_outbox m LEFT JOIN subscriber s ON s.id = m.subscriber_id
  LEFT JOIN billing_account a ON a.id = s.billing_account_id`;

/**
 * Mail the queue gave up on (SPEC §5: nothing is lost): listed for operators with the last error, sent
 * again on their word while its secret is still valid, and shown to the subscriber it was for. Sealed
 * secrets of given-up mail are wiped once they expire.
 */
export class UndeliveredMail {
  constructor(
    private readonly db: DataSource,
    private readonly boss: PgBoss,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** The newest `first` (a bounded page; the index keeps it cheap however many there are). */
  async newest(first: number): Promise<UndeliveredMailRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE m.status = 'FAILED' ORDER BY m.failed_at DESC, m.id DESC LIMIT $2`,
      [this.clock.now(), first],
    );
  }

  /** A subscriber's own mail that could not be delivered in the last 30 days (their screens say so). */
  async ofSubscriber(subscriberId: string): Promise<UndeliveredMailRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE m.subscriber_id = $2 AND m.status = 'FAILED' AND m.failed_at > $1::timestamptz - interval '30 days'
        ORDER BY m.failed_at DESC LIMIT 5`,
      [this.clock.now(), subscriberId],
    );
  }

  /** Back to the queue, attempts afresh, in the caller's transaction (with its audit entry). */
  async resend(
    mailId: string,
    record: (mail: UndeliveredMailRow, tx: EntityManager) => Promise<void>,
  ): Promise<ResendOutcome> {
    return this.db.transaction(async (tx) => {
      const [mail]: UndeliveredMailRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = $2 AND m.status = 'FAILED' FOR UPDATE OF m`,
        [this.clock.now(), mailId],
      );
      if (!mail) return { kind: 'not-found' };
      if (!mail.resendable) return { kind: 'not-resendable' };
      await tx.query(
        `UPDATE mail_outbox SET status = 'PENDING', attempts = 0, last_error = NULL, failed_at = NULL WHERE id = $1`,
        [mailId],
      );
      await this.outbox.queue(tx, mailId);
      await record(mail, tx);
      return { kind: 'queued', mail };
    });
  }

  /** Every 15 minutes: secrets of given-up mail that have expired are wiped. */
  async startWorker(): Promise<void> {
    await runEvery(this.boss, 'mail-secret-expiry', '*/15 * * * *', () => this.wipeExpiredSecrets());
  }

  async wipeExpiredSecrets(): Promise<number> {
    const [, count] = (await this.db.query(
      `UPDATE mail_outbox SET secret_sealed = NULL
        WHERE status = 'FAILED' AND secret_sealed IS NOT NULL AND secret_expires_at <= $1`,
      [this.clock.now()],
    )) as [unknown, number];
    return count;
  }
}
