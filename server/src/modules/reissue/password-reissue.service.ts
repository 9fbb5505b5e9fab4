import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import type { AttemptBudget } from '../../security/attempt-budget';
import type { PasswordHasher } from '../../security/password-hasher';
import { checkEmail, normalizeEmail } from '../../shared/email';
import { normalizeIdentifier } from '../../shared/identifiers';
import type { PolicyIssue } from '../../shared/policy-issue';
import { RateLimitedError } from '../../shared/rate-limited';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { LoginThrottle } from '../auth/login-throttle';
import { generateInitialPassword } from '../credentials/password-policy';
import type { OutboxService } from '../mail/outbox.service';
import { ReissueErrorCode as Code } from './reissue-error-code.enum';
import { checkSecretQuestionAndAnswer } from './reissue-input';
import { normalizeSecretAnswer } from './secret-questions';

export type ReissueOutcome = { kind: 'accepted' } | { kind: 'rejected'; issues: PolicyIssue[] };

interface Match {
  subscriber_id: string;
  billing_account_id: string;
  email: string;
  lang: Lang;
  secret_question_id: string;
  secret_answer_hash: string;
}

/**
 * Self-service password reissue (SPEC §2.2 step 6, §2.3; guide 6; Japanese guide 9-1). A well-formed
 * request always gets the same answer after the same work — one argon2 verification and one argon2
 * hash — whether or not anything matched. On a match: a one-time password valid 24 h is mailed; the
 * current password keeps working until it is used, and using it clears the lock, ends every session
 * and the old password, and requires a new one (AuthService). Five wrong tries
 * for one login ID suspend reissue for it for 24 h (still answered alike; audited and mailed).
 */
export class PasswordReissueService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxService,
    private readonly throttle: LoginThrottle,
    /** Reissue attempts per login ID (REISSUE_ATTEMPTS per REISSUE_BLOCK_HOURS). */
    private readonly attempts: AttemptBudget,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'reissue'>,
    private readonly clock: Clock,
  ) {}

  async request(
    input: {
      loginId: string;
      email: string;
      secretQuestionId: string;
      secretAnswer: string;
      proof?: string | null;
    },
    clientAddress: string,
  ): Promise<ReissueOutcome> {
    const loginId = normalizeIdentifier(input.loginId);
    const email = normalizeEmail(input.email);
    const issues: PolicyIssue[] = [
      ...(loginId ? [] : [{ field: 'loginId', code: Code.REQUIRED }]),
      ...checkEmail(email, 'email'),
      ...checkSecretQuestionAndAnswer(input.secretQuestionId, input.secretAnswer),
    ];
    // Format errors only: they say nothing about any account.
    if (issues.length > 0) return { kind: 'rejected', issues };

    // Failures from one address are bounded too; past them, browsers step up (RateLimitedError 'ADDRESS').
    await this.throttle.spendAddress(clientAddress, input.proof);
    const key = loginId.toLowerCase();
    // The attempt is spent before any answer is checked, atomically: concurrency buys no extra guesses.
    const attempt = await this.attempts.spend(key).catch((error) => {
      if (error instanceof RateLimitedError) return null;
      throw error;
    });
    const blocked = attempt === null;

    const [match]: Match[] = blocked
      ? []
      : await this.db.query(
          `SELECT s.id AS subscriber_id, s.billing_account_id, r.email, r.lang, r.secret_question_id, r.secret_answer_hash
             FROM subscriber s JOIN reissue_email r ON r.subscriber_id = s.id AND r.status = 'ACTIVE'
            WHERE lower(s.login_id) = $1 AND lower(r.email) = lower($2)`,
          [key, email],
        );
    const answer = normalizeSecretAnswer(input.secretAnswer);
    const answerOk = match
      ? (await this.hasher.verify(match.secret_answer_hash, answer)) &&
        match.secret_question_id === input.secretQuestionId
      : await this.hasher.verifyAgainstNothing(answer);
    const password = generateInitialPassword(randomInt);
    // Hash either way, so a match costs no more time than a miss.
    const passwordHash = await this.hasher.hash(password);

    if (blocked) {
      await this.audit.record({
        event: AuditEventType.PASSWORD_REISSUE_REJECTED,
        outcome: 'BLOCKED',
        clientAddress,
      });
      return { kind: 'accepted' };
    }
    if (!match || !answerOk) {
      await this.recordFailure(key, attempt, clientAddress);
      return { kind: 'accepted' };
    }

    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.reissue.passwordValidMs);
    await this.db.transaction(async (tx) => {
      // The mailed one-time password works beside the current one until it is used: a request from
      // someone who knows the answers but not the mailbox changes nothing else (OWASP Forgot Password).
      // Using it ends the old password, the lock and every session (AuthService).
      await tx.query(
        'UPDATE subscriber SET reissue_password_hash = $2, reissue_expires_at = $3, updated_at = $4 WHERE id = $1',
        [match.subscriber_id, passwordHash, expiresAt, now],
      );
      await this.outbox.enqueue(tx, {
        to: match.email,
        lang: match.lang,
        subscriberId: match.subscriber_id,
        message: {
          template: 'reissued-password',
          params: { expiresAt: expiresAt.toISOString() },
          secrets: { password },
        },
        secretsExpireAt: expiresAt,
      });
      await this.audit.record(
        {
          event: AuditEventType.PASSWORD_REISSUED,
          outcome: 'SUCCESS',
          subscriberId: match.subscriber_id,
          billingAccountId: match.billing_account_id,
          clientAddress,
          detail: { validUntil: expiresAt.toISOString() },
        },
        tx,
      );
    });
    // The lock is cleared: so are the sign-in and reissue failure counts of this login ID.
    await Promise.all([this.throttle.refundAddress(clientAddress), this.attempts.clear(key)]);
    return { kind: 'accepted' };
  }

  private async recordFailure(key: string, attempt: number, clientAddress: string): Promise<void> {
    const nowBlocked = attempt === this.config.reissue.attempts;
    await this.audit.record({
      event: AuditEventType.PASSWORD_REISSUE_REJECTED,
      outcome: nowBlocked ? 'BLOCKED_NOW' : 'NO_MATCH',
      clientAddress,
    });
    if (!nowBlocked) return;
    const [owner]: { id: string; billing_account_id: string }[] = await this.db.query(
      'SELECT id, billing_account_id FROM subscriber WHERE lower(login_id) = $1',
      [key],
    );
    if (!owner) return;
    await this.db.transaction(async (tx) => {
      await this.audit.record(
        {
          event: AuditEventType.REISSUE_BLOCKED,
          outcome: 'BLOCKED',
          subscriberId: owner.id,
          billingAccountId: owner.billing_account_id,
          clientAddress,
        },
        tx,
      );
      await this.outbox.enqueueSecurityNotice(tx, owner.id, 'REISSUE_BLOCKED', this.clock.now());
    });
  }
}
