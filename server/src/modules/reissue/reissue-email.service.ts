import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { PasswordHasher } from '../credentials/password-hasher';
import type { PolicyIssue } from '../credentials/password-policy';
import type { OutboxService } from '../mail/outbox.service';
import { ReissueErrorCode as Code } from './reissue-error-code.enum';
import { checkEmail, checkSecretQuestionAndAnswer, normalizeEmail } from './reissue-input';
import { normalizeSecretAnswer } from './secret-questions';

export type RegisterOutcome =
  | { kind: 'sent'; email: string; expiresAt: Date }
  | { kind: 'rejected'; issues: PolicyIssue[] };
export type ConfirmOutcome =
  | { kind: 'registered'; email: string }
  | { kind: 'invalid-token' }
  | { kind: 'rejected'; issues: PolicyIssue[] };

export interface ReissueEmailState {
  email: string | null;
  secretQuestionId: string | null;
  pendingEmail: string | null;
  pendingExpiresAt: Date | null;
}

/** Wrong answers a link survives before it is void (the mailbox owner can simply register again). */
const MAX_CONFIRM_FAILURES = 5;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * The reissue address (SPEC §2.2 step 5, guide 1-7…1-11 and 5): registration creates a pending record
 * with a single-use, hashed, 24-hour link token; confirming it with the question and answer again
 * makes it the active address (the previous one stays active until then). State machine:
 *
 *   PENDING --confirm--> ACTIVE --new address confirmed--> SUPERSEDED
 *      |                   \--delete--> DELETED
 *      \--newer registration / delete--> SUPERSEDED
 */
export class ReissueEmailService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'linkValidMs'>,
    private readonly clock: Clock,
  ) {}

  async register(
    subscriberId: string,
    input: { email: string; emailConfirmation: string; secretQuestionId: string; secretAnswer: string },
    lang: Lang,
    clientAddress: string,
  ): Promise<RegisterOutcome> {
    const email = normalizeEmail(input.email);
    const issues = [
      ...checkEmail(email, 'email'),
      ...checkSecretQuestionAndAnswer(input.secretQuestionId, input.secretAnswer),
    ];
    if (email && normalizeEmail(input.emailConfirmation) !== email) {
      issues.push({ field: 'emailConfirmation', code: Code.EMAIL_CONFIRMATION_MISMATCH });
    }
    if (issues.length > 0) return { kind: 'rejected', issues };

    const token = randomBytes(32).toString('base64url');
    const answerHash = await this.hasher.hash(normalizeSecretAnswer(input.secretAnswer));
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.linkValidMs);
    await this.db.transaction(async (tx) => {
      // Only the newest link works.
      await tx.query(
        `UPDATE reissue_email SET status = 'SUPERSEDED', token_hash = NULL, ended_at = $2
          WHERE subscriber_id = $1 AND status = 'PENDING'`,
        [subscriberId, now],
      );
      await tx.query(
        `INSERT INTO reissue_email (subscriber_id, email, lang, secret_question_id, secret_answer_hash, token_hash,
                                    status, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7, $8)`,
        [subscriberId, email, lang, input.secretQuestionId, answerHash, hashToken(token), expiresAt, now],
      );
      await this.outbox.enqueue(tx, {
        to: email,
        lang,
        subscriberId,
        message: {
          template: 'reissue-email-confirmation',
          params: { expiresAt: expiresAt.toISOString() },
          secrets: { token },
        },
      });
      await this.audit.record(
        { event: AuditEventType.REISSUE_EMAIL_REQUESTED, outcome: 'PENDING', subscriberId, clientAddress },
        tx,
      );
    });
    return { kind: 'sent', email, expiresAt };
  }

  /**
   * Public: the link may be opened on another device, not signed in. A signed-in caller can confirm
   * only their own registration.
   */
  async confirm(
    input: { token: string; secretQuestionId: string; secretAnswer: string },
    caller: { subscriberId: string | null; clientAddress: string },
  ): Promise<ConfirmOutcome> {
    const issues = checkSecretQuestionAndAnswer(input.secretQuestionId, input.secretAnswer);
    if (!input.token) return { kind: 'invalid-token' };
    const now = this.clock.now();
    const [pending]: {
      id: string;
      subscriber_id: string;
      email: string;
      lang: Lang;
      secret_question_id: string;
      secret_answer_hash: string;
      confirm_failures: number;
    }[] = await this.db.query(
      `SELECT id, subscriber_id, email, lang, secret_question_id, secret_answer_hash, confirm_failures
         FROM reissue_email WHERE token_hash = $1 AND status = 'PENDING' AND expires_at > $2`,
      [hashToken(input.token), now],
    );
    if (!pending || (caller.subscriberId && caller.subscriberId !== pending.subscriber_id)) {
      return { kind: 'invalid-token' };
    }
    if (issues.length > 0) return { kind: 'rejected', issues };

    const answerOk = await this.hasher.verify(
      pending.secret_answer_hash,
      normalizeSecretAnswer(input.secretAnswer),
    );
    if (!answerOk || input.secretQuestionId !== pending.secret_question_id) {
      const failures = pending.confirm_failures + 1;
      await this.db.query(
        `UPDATE reissue_email SET confirm_failures = $2,
                status = CASE WHEN $2::int >= $3::int THEN 'SUPERSEDED' ELSE status END,
                token_hash = CASE WHEN $2::int >= $3::int THEN NULL ELSE token_hash END
          WHERE id = $1`,
        [pending.id, failures, MAX_CONFIRM_FAILURES],
      );
      if (failures >= MAX_CONFIRM_FAILURES) return { kind: 'invalid-token' };
      return {
        kind: 'rejected',
        issues: [
          { field: 'secretQuestionId', code: Code.SECRET_ANSWER_MISMATCH },
          { field: 'secretAnswer', code: Code.SECRET_ANSWER_MISMATCH },
        ],
      };
    }

    await this.db.transaction(async (tx) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
      const [previous] = (await tx.query(
        `UPDATE reissue_email SET status = 'SUPERSEDED', ended_at = $2
          WHERE subscriber_id = $1 AND status = 'ACTIVE' RETURNING email, lang`,
        [pending.subscriber_id, now],
      )) as [{ email: string; lang: Lang }[], number];
      // token_hash = NULL: single use.
      await tx.query(
        `UPDATE reissue_email SET status = 'ACTIVE', token_hash = NULL, confirmed_at = $2 WHERE id = $1`,
        [pending.id, now],
      );
      await this.outbox.enqueue(tx, {
        to: pending.email,
        lang: pending.lang,
        subscriberId: pending.subscriber_id,
        message: { template: 'reissue-email-registered', params: {} },
      });
      const old = previous[0];
      if (old && old.email !== pending.email) {
        await this.outbox.enqueueSecurityNotice(tx, pending.subscriber_id, 'REISSUE_EMAIL_CHANGED', now, old);
      }
      await this.audit.record(
        {
          event: AuditEventType.REISSUE_EMAIL_REGISTERED,
          outcome: old ? 'CHANGED' : 'REGISTERED',
          subscriberId: pending.subscriber_id,
          clientAddress: caller.clientAddress,
        },
        tx,
      );
    });
    return { kind: 'registered', email: pending.email };
  }

  /** Removes the active address and any pending one; the removed address gets a notice. */
  async delete(subscriberId: string, clientAddress: string): Promise<boolean> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE reissue_email SET status = 'SUPERSEDED', token_hash = NULL, ended_at = $2
          WHERE subscriber_id = $1 AND status = 'PENDING'`,
        [subscriberId, now],
      );
      const [removed] = (await tx.query(
        `UPDATE reissue_email SET status = 'DELETED', ended_at = $2
          WHERE subscriber_id = $1 AND status = 'ACTIVE' RETURNING email, lang`,
        [subscriberId, now],
      )) as [{ email: string; lang: Lang }[], number];
      if (removed[0]) {
        await this.outbox.enqueueSecurityNotice(tx, subscriberId, 'REISSUE_EMAIL_DELETED', now, removed[0]);
        await this.audit.record(
          { event: AuditEventType.REISSUE_EMAIL_DELETED, outcome: 'SUCCESS', subscriberId, clientAddress },
          tx,
        );
      }
      return removed.length > 0;
    });
  }

  async state(subscriberId: string): Promise<ReissueEmailState | null> {
    const rows: { status: string; email: string; secret_question_id: string; expires_at: Date | null }[] =
      await this.db.query(
        `SELECT status, email, secret_question_id, expires_at FROM reissue_email
          WHERE subscriber_id = $1 AND (status = 'ACTIVE' OR (status = 'PENDING' AND expires_at > $2))
          ORDER BY created_at DESC`,
        [subscriberId, this.clock.now()],
      );
    if (rows.length === 0) return null;
    const active = rows.find((r) => r.status === 'ACTIVE');
    const pending = rows.find((r) => r.status === 'PENDING');
    return {
      email: active?.email ?? null,
      secretQuestionId: active?.secret_question_id ?? null,
      pendingEmail: pending?.email ?? null,
      pendingExpiresAt: pending?.expires_at ?? null,
    };
  }
}
