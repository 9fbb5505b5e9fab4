import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { PasswordHasher } from '../../security/password-hasher';
import { normalizeIdentifier } from '../../shared/identifiers';
import type { PolicyIssue } from '../../shared/policy-issue';
import type { RequestMeta } from '../../shared/session';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { AccountLockout } from '../auth/account-lockout';
import type { IssuedSession, SessionService } from '../auth/session.service';
import type { OutboxService } from '../mail/outbox.service';
import { CredentialErrorCode as Code } from './credential-error-code.enum';
import { checkLoginId, checkPassword, PASSWORD_HISTORY_DEPTH } from './password-policy';
import { Subscriber } from './subscriber.entity';

export interface ChangeInitialCredentialsCommand {
  initialLoginId: string;
  initialPassword: string;
  newLoginId: string;
  newLoginIdConfirmation: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

export interface ChangePasswordCommand {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

export type CredentialChangeOutcome =
  | { kind: 'changed'; session: IssuedSession }
  | { kind: 'rejected'; issues: PolicyIssue[] }
  | { kind: 'not-applicable' };

const UNIQUE_VIOLATION = '23505';

function required(fields: Record<string, string>): PolicyIssue[] {
  return Object.entries(fields)
    .filter(([, value]) => value.length === 0)
    .map(([field]) => ({ field, code: Code.REQUIRED }));
}

/**
 * Initial-credential change, password change and password history (SPEC §2.1, §2.2 steps 3 and 8).
 * Each call reports every failing rule at once; on success the old credentials stop working at once
 * and every session is replaced by a fresh one (rotation).
 */
export class CredentialsService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly lockout: AccountLockout,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async changeInitialCredentials(
    subscriberId: string,
    cmd: ChangeInitialCredentialsCommand,
    meta: RequestMeta,
  ): Promise<CredentialChangeOutcome> {
    const subscriber = await this.db.getRepository(Subscriber).findOneByOrFail({ id: subscriberId });
    if (!subscriber.initialLoginId || !subscriber.initialPasswordHash) return { kind: 'not-applicable' };

    const initialLoginId = normalizeIdentifier(cmd.initialLoginId);
    const newLoginId = normalizeIdentifier(cmd.newLoginId);
    const newLoginIdConfirmation = normalizeIdentifier(cmd.newLoginIdConfirmation);
    const { initialPassword, newPassword, newPasswordConfirmation } = cmd;

    const missing = required({
      initialLoginId,
      initialPassword,
      newLoginId,
      newLoginIdConfirmation,
      newPassword,
      newPasswordConfirmation,
    });
    const issues: PolicyIssue[] = [...missing];
    const has = (field: string) => missing.some((m) => m.field === field);

    let initialOk = false;
    if (!has('initialLoginId') && !has('initialPassword')) {
      const idMatches = initialLoginId.toLowerCase() === subscriber.initialLoginId.toLowerCase();
      // The check is counted towards the lock before it runs (AccountLockout); always verify, so a
      // wrong ID costs the same time as a wrong password.
      const checked = await this.checkSecret(
        subscriber,
        subscriber.initialPasswordHash,
        initialPassword,
        meta,
      );
      if (checked === 'refused')
        return this.reject(subscriber, [{ field: 'initialPassword', code: Code.PASSWORD_LOCKED }], meta);
      initialOk = idMatches && checked === 'right';
      if (!initialOk) {
        issues.push({ field: 'initialLoginId', code: Code.INITIAL_CREDENTIALS_WRONG });
        issues.push({ field: 'initialPassword', code: Code.INITIAL_CREDENTIALS_WRONG });
      }
    }

    if (!has('newLoginId')) {
      const idIssues = checkLoginId(newLoginId, 'newLoginId');
      issues.push(...idIssues);
      if (!has('newPassword') && newLoginId.toLowerCase() === newPassword.toLowerCase()) {
        issues.push({ field: 'newLoginId', code: Code.LOGIN_ID_EQUALS_PASSWORD });
      }
      // Only for the holder of the postcard pair: availability must not answer anyone else.
      if (initialOk && idIssues.length === 0 && (await this.isLoginIdTaken(newLoginId, subscriber.id))) {
        issues.push({ field: 'newLoginId', code: Code.LOGIN_ID_TAKEN });
      }
      if (!has('newLoginIdConfirmation') && newLoginIdConfirmation !== newLoginId) {
        issues.push({ field: 'newLoginIdConfirmation', code: Code.LOGIN_ID_CONFIRMATION_MISMATCH });
      }
    }

    if (!has('newPassword')) {
      issues.push(...checkPassword(newPassword, newLoginId || null, 'newPassword'));
      // The initial password is the current one; the passwords before a postcard reissue are in the
      // history: all count towards "not one of the last 3".
      if (
        initialOk &&
        (await this.isRecentPassword(subscriber.id, subscriber.initialPasswordHash, newPassword))
      ) {
        issues.push({ field: 'newPassword', code: Code.PASSWORD_RECENTLY_USED });
      }
      if (!has('newPasswordConfirmation') && newPasswordConfirmation !== newPassword) {
        issues.push({ field: 'newPasswordConfirmation', code: Code.PASSWORD_CONFIRMATION_MISMATCH });
      }
    }

    if (issues.length > 0) return this.reject(subscriber, issues, meta);

    const passwordHash = await this.hasher.hash(newPassword);
    try {
      const session = await this.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE subscriber
              SET login_id = $2, password_hash = $3, initial_login_id = NULL, initial_password_hash = NULL,
                  initial_expires_at = NULL, required_action = 'NONE', failed_login_count = 0,
                  locked_at = NULL, password_changed_at = $4, updated_at = $4
            WHERE id = $1`,
          [subscriber.id, newLoginId, passwordHash, this.clock.now()],
        );
        return this.finishChange(
          tx,
          subscriber,
          passwordHash,
          AuditEventType.INITIAL_CREDENTIALS_CHANGED,
          meta,
        );
      });
      return { kind: 'changed', session };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        return this.reject(subscriber, [{ field: 'newLoginId', code: Code.LOGIN_ID_TAKEN }], meta);
      }
      throw error;
    }
  }

  async changePassword(
    subscriberId: string,
    cmd: ChangePasswordCommand,
    meta: RequestMeta,
  ): Promise<CredentialChangeOutcome> {
    const subscriber = await this.db.getRepository(Subscriber).findOneByOrFail({ id: subscriberId });
    // The current password; once a mailed one-time password was used to sign in, that one (guide 6 (14)).
    const currentHash = subscriber.passwordHash ?? subscriber.reissuePasswordHash;
    if (!currentHash || !subscriber.loginId) return { kind: 'not-applicable' };
    const { currentPassword, newPassword, newPasswordConfirmation } = cmd;

    const missing = required({ currentPassword, newPassword, newPasswordConfirmation });
    const issues: PolicyIssue[] = [...missing];
    const has = (field: string) => missing.some((m) => m.field === field);

    let currentOk = false;
    if (!has('currentPassword')) {
      // Counted towards the lock before the check, like a sign-in: a stolen session cannot guess on.
      const checked = await this.checkSecret(subscriber, currentHash, currentPassword, meta);
      if (checked === 'refused')
        return this.reject(subscriber, [{ field: 'currentPassword', code: Code.PASSWORD_LOCKED }], meta);
      currentOk = checked === 'right';
      if (!currentOk) issues.push({ field: 'currentPassword', code: Code.CURRENT_PASSWORD_WRONG });
      else if (
        !subscriber.passwordHash &&
        subscriber.reissueExpiresAt &&
        subscriber.reissueExpiresAt <= this.clock.now()
      ) {
        issues.push({ field: 'currentPassword', code: 'REISSUED_PASSWORD_EXPIRED' });
      }
    }
    if (!has('newPassword')) {
      issues.push(...checkPassword(newPassword, subscriber.loginId, 'newPassword'));
      // Compared with the history only for whoever knows the current password: otherwise it would
      // tell a stolen session's holder whether a guess was one of the last passwords.
      if (currentOk && (await this.isRecentPassword(subscriber.id, currentHash, newPassword))) {
        issues.push({ field: 'newPassword', code: Code.PASSWORD_RECENTLY_USED });
      }
      if (!has('newPasswordConfirmation') && newPasswordConfirmation !== newPassword) {
        issues.push({ field: 'newPasswordConfirmation', code: Code.PASSWORD_CONFIRMATION_MISMATCH });
      }
    }
    if (issues.length > 0) return this.reject(subscriber, issues, meta);

    const passwordHash = await this.hasher.hash(newPassword);
    const session = await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE subscriber
            SET password_hash = $2, reissue_password_hash = NULL, reissue_expires_at = NULL,
                required_action = 'NONE', failed_login_count = 0, locked_at = NULL,
                password_changed_at = $3, updated_at = $3
          WHERE id = $1`,
        [subscriber.id, passwordHash, this.clock.now()],
      );
      await this.outbox.enqueueSecurityNotice(tx, subscriber.id, 'PASSWORD_CHANGED', this.clock.now());
      return this.finishChange(tx, subscriber, passwordHash, AuditEventType.PASSWORD_CHANGED, meta);
    });
    return { kind: 'changed', session };
  }

  /**
   * Checks the account's current secret within its lock budget (AccountLockout): 'refused' when the
   * password is locked (or this failure locked it) — every session then ends, the caller's included.
   */
  private async checkSecret(
    subscriber: Subscriber,
    hash: string,
    secret: string,
    meta: RequestMeta,
  ): Promise<'right' | 'wrong' | 'refused'> {
    const attempt = await this.lockout.reserve(subscriber.id);
    if (attempt === null) {
      await this.sessions.revokeAll(subscriber.id);
      return 'refused';
    }
    if (await this.hasher.verify(hash, secret)) {
      await this.lockout.succeeded(subscriber.id);
      return 'right';
    }
    const subject = {
      subscriberId: subscriber.id,
      billingAccountId: subscriber.billingAccountId,
      clientAddress: meta.clientAddress,
    };
    if (!(await this.lockout.failed(subject, attempt))) return 'wrong';
    await this.sessions.revokeAll(subscriber.id);
    return 'refused';
  }

  /**
   * Login IDs and initial IDs share one case-insensitive namespace, and an ID any other account was
   * ever given or chose stays its own (login_id_claim, kept by the database: migration 1764700000000).
   */
  async isLoginIdTaken(loginId: string, exceptSubscriberId?: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM login_id_claim WHERE login_id = lower($1) AND subscriber_id IS DISTINCT FROM $2',
      [loginId, exceptSubscriberId ?? null],
    );
    return rows.length > 0;
  }

  /**
   * "Not one of the last 3, the current one included" (guide rule), across every path: the secret in
   * force (the password, a postcard's initial password, or a mailed one-time password used to sign in)
   * and then the history, newest first (every password set, and every initial or mailed one replaced).
   */
  private async isRecentPassword(subscriberId: string, inForce: string, candidate: string): Promise<boolean> {
    const rows: { password_hash: string }[] = await this.db.query(
      'SELECT password_hash FROM password_history WHERE subscriber_id = $1 ORDER BY id DESC LIMIT $2',
      [subscriberId, PASSWORD_HISTORY_DEPTH],
    );
    const lastThree = [...new Set([inForce, ...rows.map((row) => row.password_hash)])].slice(
      0,
      PASSWORD_HISTORY_DEPTH,
    );
    for (const hash of lastThree) {
      if (await this.hasher.verify(hash, candidate)) return true;
    }
    return false;
  }

  private async finishChange(
    tx: EntityManager,
    subscriber: Subscriber,
    passwordHash: string,
    event: AuditEventType,
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    // The secret this change retires (a postcard's or a mailed one) joins the history before the new
    // password, so both count towards the last 3; a password set earlier is there already.
    const retired =
      subscriber.initialPasswordHash ?? (subscriber.passwordHash ? null : subscriber.reissuePasswordHash);
    for (const hash of [retired, passwordHash]) {
      if (!hash) continue;
      await tx.query(
        'INSERT INTO password_history (subscriber_id, password_hash, created_at) VALUES ($1, $2, $3)',
        [subscriber.id, hash, this.clock.now()],
      );
    }
    const revoked = await this.sessions.revokeAll(subscriber.id, tx);
    const session = await this.sessions.issue(subscriber.id, meta, tx);
    await this.audit.record(
      {
        event,
        outcome: 'SUCCESS',
        subscriberId: subscriber.id,
        billingAccountId: subscriber.billingAccountId,
        clientAddress: meta.clientAddress,
        detail: { sessionsRevoked: revoked },
      },
      tx,
    );
    return session;
  }

  private async reject(
    subscriber: Subscriber,
    issues: PolicyIssue[],
    meta: RequestMeta,
  ): Promise<CredentialChangeOutcome> {
    await this.audit.record({
      event: AuditEventType.CREDENTIAL_CHANGE_REJECTED,
      outcome: 'REJECTED',
      subscriberId: subscriber.id,
      billingAccountId: subscriber.billingAccountId,
      clientAddress: meta.clientAddress,
      detail: { codes: [...new Set(issues.map((i) => i.code))] },
    });
    return { kind: 'rejected', issues };
  }
}
