import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { Lang } from '../../i18n/messages';
import type { SecretSeal } from '../../security/secret-seal';
import type { MailMessage, SecurityNoticeKind } from './templates/mail-template';

export const MAIL_QUEUE = 'mail';

export interface EnqueueMail {
  to: string;
  lang: Lang;
  subscriberId?: string | null;
  message: MailMessage;
  /** Required with secrets: until when they are of use (kept that long, even if delivery fails). */
  secretsExpireAt?: Date;
}

/**
 * The transactional outbox (SPEC §5): a mail is a row written in the caller's transaction, together
 * with the queue job that delivers it, so a committed change always has its mail and a rolled-back
 * one never does.
 */
export class OutboxService {
  constructor(
    private readonly boss: PgBoss,
    private readonly seal: SecretSeal,
  ) {}

  async enqueue(tx: EntityManager, mail: EnqueueMail): Promise<string> {
    const { message } = mail;
    if (message.secrets && !mail.secretsExpireAt)
      throw new Error('a mail with secrets needs secretsExpireAt');
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO mail_outbox (recipient, lang, template, params, secret_sealed, subscriber_id, secret_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        mail.to,
        mail.lang,
        message.template,
        JSON.stringify(message.params),
        message.secrets ? this.seal.seal(JSON.stringify(message.secrets)) : null,
        mail.subscriberId ?? null,
        message.secrets ? mail.secretsExpireAt : null,
      ],
    );
    await this.queue(tx, row.id);
    return row.id;
  }

  /** The delivery job, in the caller's transaction (pg-boss runs its INSERT through our connection). */
  async queue(tx: EntityManager, mailId: string): Promise<void> {
    await this.boss.send(
      MAIL_QUEUE,
      { mailId },
      { db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) } },
    );
  }

  /**
   * "If this was not you, call us" (SPEC §2.3), to the subscriber's active reissue address in the
   * language they registered it in. Subscribers without one get no notice.
   */
  async enqueueSecurityNotice(
    tx: EntityManager,
    subscriberId: string,
    kind: SecurityNoticeKind,
    at: Date,
    to?: { email: string; lang: Lang },
  ): Promise<void> {
    const recipient =
      to ??
      (
        (await tx.query(
          `SELECT email, lang FROM reissue_email WHERE subscriber_id = $1 AND status = 'ACTIVE'`,
          [subscriberId],
        )) as { email: string; lang: Lang }[]
      )[0];
    if (!recipient) return;
    await this.enqueue(tx, {
      to: recipient.email,
      lang: recipient.lang,
      subscriberId,
      message: { template: 'security-notice', params: { kind, at: at.toISOString() } },
    });
  }
}
