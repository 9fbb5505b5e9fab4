import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import type { PasswordHasher } from '../../security/password-hasher';
import { checkEmail, normalizeEmail } from '../../shared/email';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { OutboxService } from '../mail/outbox.service';
import { PendingAddresses } from '../mail/pending-address';
import { ReissueErrorCode as Code } from './reissue-error-code.enum';
import { checkSecretQuestionAndAnswer } from './reissue-input';
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

/**
 * The reissue address (SPEC §2.2 step 5, guide 1-7…1-11 and 5): registration creates a pending record
 * with a single-use, hashed, 24-hour link token; confirming it with the question and answer again
 * makes it the active address (the previous one stays active until then). State machine:
 *
 *   PENDING --confirm--> ACTIVE --new address confirmed--> SUPERSEDED
 *      |                   \--delete--> DELETED
 *      \--newer registration / delete--> SUPERSEDED
 *
 * The mechanics are the shared {@link PendingAddresses}; this service adds the secret question check.
 */
export class ReissueEmailService {
  private readonly addresses = new PendingAddresses<
    'reissue_email',
    { secret_question_id: string; secret_answer_hash: string },
    { secret_question_id: string }
  >('reissue_email');

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

    const answerHash = await this.hasher.hash(normalizeSecretAnswer(input.secretAnswer));
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.linkValidMs);
    await this.db.transaction(async (tx) => {
      const token = await this.addresses.replacePending(
        tx,
        subscriberId,
        {
          email,
          lang,
          expiresAt,
          details: { secret_question_id: input.secretQuestionId, secret_answer_hash: answerHash },
        },
        now,
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
        secretsExpireAt: expiresAt,
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
    const pending = await this.addresses.findPending(this.db, input.token, now);
    if (!pending || (caller.subscriberId && caller.subscriberId !== pending.owner_id)) {
      return { kind: 'invalid-token' };
    }
    if (issues.length > 0) return { kind: 'rejected', issues };

    // The attempt is spent before the answer is checked: concurrency buys no extra guesses.
    const attempt = await this.addresses.spendAttempt(this.db, pending);
    if (attempt === null) return { kind: 'invalid-token' };
    const answerOk = await this.hasher.verify(
      pending.secret_answer_hash,
      normalizeSecretAnswer(input.secretAnswer),
    );
    if (!answerOk || input.secretQuestionId !== pending.secret_question_id) {
      const voided = await this.addresses.failed(this.db, pending, attempt);
      await this.audit.record({
        event: AuditEventType.REISSUE_EMAIL_REGISTERED,
        outcome: voided ? 'LINK_VOIDED' : 'WRONG_ANSWER',
        subscriberId: pending.owner_id,
        clientAddress: caller.clientAddress,
        detail: { attempt },
      });
      if (voided) return { kind: 'invalid-token' };
      return {
        kind: 'rejected',
        issues: [
          { field: 'secretQuestionId', code: Code.SECRET_ANSWER_MISMATCH },
          { field: 'secretAnswer', code: Code.SECRET_ANSWER_MISMATCH },
        ],
      };
    }

    await this.db.transaction(async (tx) => {
      const old = await this.addresses.activate(tx, pending, now);
      await this.outbox.enqueue(tx, {
        to: pending.email,
        lang: pending.lang,
        subscriberId: pending.owner_id,
        message: { template: 'reissue-email-registered', params: {} },
      });
      if (old && old.email !== pending.email) {
        await this.outbox.enqueueSecurityNotice(tx, pending.owner_id, 'REISSUE_EMAIL_CHANGED', now, old);
      }
      await this.audit.record(
        {
          event: AuditEventType.REISSUE_EMAIL_REGISTERED,
          outcome: old ? 'CHANGED' : 'REGISTERED',
          subscriberId: pending.owner_id,
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
      const { deleted: removed } = await this.addresses.end(tx, subscriberId, now);
      if (removed) {
        await this.outbox.enqueueSecurityNotice(tx, subscriberId, 'REISSUE_EMAIL_DELETED', now, removed);
        await this.audit.record(
          { event: AuditEventType.REISSUE_EMAIL_DELETED, outcome: 'SUCCESS', subscriberId, clientAddress },
          tx,
        );
      }
      return removed !== undefined;
    });
  }

  async state(subscriberId: string): Promise<ReissueEmailState | null> {
    const live = await this.addresses.state(this.db, subscriberId, this.clock.now());
    if (!live) return null;
    const { active, pending } = live;
    return {
      email: active?.email ?? null,
      secretQuestionId: active?.secret_question_id ?? null,
      pendingEmail: pending?.email ?? null,
      pendingExpiresAt: pending?.expires_at ?? null,
    };
  }
}
