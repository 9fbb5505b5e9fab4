import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { PasswordHasher } from '../../security/password-hasher';
import { normalizeIdentifier } from '../../shared/identifiers';
import { RateLimitedError } from '../../shared/rate-limited';
import { RequiredAction } from '../../shared/required-action';
import type { RequestMeta, ViewerRow } from '../../shared/session';
import { type AuditEntry, AuditEventType, type AuditService } from '../audit/audit.service';
import { type AccountLockout, reserveAttemptSql } from './account-lockout';
import type { LoginThrottle } from './login-throttle';
import type { ExtendedSession, IssuedSession, SessionService } from './session.service';
import { VIEWER_COLUMNS } from './viewer.service';

export type LoginOutcome =
  | { kind: 'success'; session: IssuedSession; requiredAction: RequiredAction; viewer: ViewerRow }
  | { kind: 'missing-fields'; fields: ('loginId' | 'password')[] }
  | { kind: 'invalid-credentials' }
  | { kind: 'locked' }
  | { kind: 'expired'; secret: 'initial' | 'reissued' };

interface LoginCandidate extends ViewerRow {
  id: string;
  failed_login_count: number;
  billing_account_id: string;
  secret_hash: string | null;
  reissue_hash: string | null;
  via_initial: boolean;
  initial_expires_at: Date | null;
  reissue_expires_at: Date | null;
  locked_at: Date | null;
  required_action: RequiredAction;
  /** This attempt's number towards the lockout; null when locked or attempts in flight reach it. */
  attempt: number | null;
}

/**
 * Sign-in (SPEC §2.2 steps 2 and 4, §2.3): the postcard pair or the chosen pair, lockout after N
 * consecutive failures, throttling per address and per login ID, and the same answer in the same
 * time for unknown IDs. `AccountLocked` is told only to a caller who knew the password.
 */
export class AuthService {
  private static readonly CANDIDATE = `
    WITH candidate AS (
      SELECT s.id, s.billing_account_id, s.locked_at, s.initial_expires_at, s.failed_login_count,
             s.reissue_expires_at,
             (lower(s.initial_login_id) = lower($1)) AS via_initial,
             CASE WHEN lower(s.initial_login_id) = lower($1) THEN s.initial_password_hash
                  ELSE s.password_hash END AS secret_hash,
             -- A mailed one-time password works beside the current one until it is used (OWASP).
             CASE WHEN lower(s.initial_login_id) = lower($1) THEN NULL
                  ELSE s.reissue_password_hash END AS reissue_hash,
             ${VIEWER_COLUMNS}
        FROM subscriber s JOIN billing_account a ON a.id = s.billing_account_id
       WHERE lower(s.login_id) = lower($1) OR lower(s.initial_login_id) = lower($1)
       LIMIT 1),
    reserved AS (${reserveAttemptSql('(SELECT id FROM candidate)', '$2')})
    SELECT candidate.*, (SELECT failed_login_count FROM reserved) AS attempt FROM candidate`;

  constructor(
    private readonly db: DataSource,
    private readonly pool: Pool,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly lockout: AccountLockout,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(
    input: { loginId: string; password: string; proof?: string | null },
    meta: RequestMeta,
    previousSessionId?: string,
  ): Promise<LoginOutcome> {
    const loginId = normalizeIdentifier(input.loginId);
    const password = input.password;
    const missing = [...(loginId ? [] : ['loginId' as const]), ...(password ? [] : ['password' as const])];
    if (missing.length > 0) return { kind: 'missing-fields', fields: missing };

    // Attempts are spent before any password is checked (RateLimitedError → RATE_LIMITED): however
    // many requests race, no more passwords are verified than the budgets allow.
    await this.throttle.spend(meta.clientAddress, loginId, input.proof);
    // One statement reads the account (with the viewer's columns, so a successful login costs no second
    // read) and counts the attempt towards its lockout before the check (a success resets the count), so
    // concurrent wrong passwords cannot pass the threshold. A locked account's password is still
    // checked, within the login ID's budget, only to tell its owner it is locked.
    const { rows } = await this.pool.query<LoginCandidate>({
      name: 'sign-in-candidate',
      text: AuthService.CANDIDATE,
      values: [loginId, this.lockout.threshold],
    });
    const candidate = rows[0];
    if (candidate && !candidate.locked_at && candidate.attempt === null) {
      // Attempts in flight already reach the threshold: this one waits for their outcome.
      throw new RateLimitedError(1, 'IN_FLIGHT');
    }
    const attempt = candidate?.attempt ?? null;
    const secret = await this.check(candidate, password);

    if (!candidate || !secret) {
      if (candidate) await this.countFailure(candidate, attempt, meta);
      else {
        // No login ID recorded: people type passwords into the ID field by mistake.
        await this.audit.record({
          event: AuditEventType.LOGIN,
          outcome: 'UNKNOWN_ID',
          clientAddress: meta.clientAddress,
        });
      }
      return { kind: 'invalid-credentials' };
    }

    const base = {
      subscriberId: candidate.id,
      billingAccountId: candidate.billing_account_id,
      clientAddress: meta.clientAddress,
    };
    // The mailed one-time password is the way out of a lock; the current password is not.
    if (candidate.locked_at && secret !== 'reissued') {
      await this.audit.record({ ...base, event: AuditEventType.LOGIN, outcome: 'LOCKED' });
      return { kind: 'locked' };
    }
    // The right password: the attempt counts against nothing.
    const refunded = this.throttle.succeeded(meta.clientAddress, loginId);
    const now = this.clock.now();
    const expired = candidate.via_initial
      ? candidate.initial_expires_at && candidate.initial_expires_at <= now && ('initial' as const)
      : secret === 'reissued' &&
        candidate.reissue_expires_at &&
        candidate.reissue_expires_at <= now &&
        ('reissued' as const);
    if (expired) {
      await Promise.all([refunded, this.lockout.succeeded(candidate.id)]);
      await this.audit.record({
        ...base,
        event: AuditEventType.LOGIN,
        outcome: 'EXPIRED',
        detail: { secret: expired },
      });
      return { kind: 'expired', secret: expired };
    }

    const audit = {
      ...base,
      event: AuditEventType.LOGIN,
      outcome: 'SUCCESS',
      detail: { initial: candidate.via_initial, reissued: secret === 'reissued' },
    };
    if (secret === 'reissued') {
      // Its UPDATE clears the lock and the count of failures too.
      const session = await this.useReissuedPassword(candidate.id, meta, audit, previousSessionId);
      await refunded;
      return {
        kind: 'success',
        session,
        requiredAction: RequiredAction.CHANGE_PASSWORD,
        viewer: { ...candidate, required_action: RequiredAction.CHANGE_PASSWORD },
      };
    }
    // Rotation: a session the browser already held is replaced, never reused across a login.
    const session = !previousSessionId
      ? await this.sessions.issueForSignIn(candidate.id, meta, audit)
      : await this.db.transaction(async (tx) => {
          await this.sessions.revoke(previousSessionId, tx);
          const issued = await this.sessions.issue(candidate.id, meta, tx);
          await this.audit.record(audit, tx);
          await this.lockout.succeeded(candidate.id, tx);
          return issued;
        });
    await refunded;
    return { kind: 'success', session, requiredAction: candidate.required_action, viewer: candidate };
  }

  /** "Stay signed in": the session's idle period starts again; null if it has ended meanwhile. */
  extendSession(sessionId: string): Promise<ExtendedSession | null> {
    return this.sessions.extend(sessionId);
  }

  async logout(sessionId: string, subscriberId: string, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.audit.record({
      event: AuditEventType.LOGOUT,
      outcome: 'SUCCESS',
      subscriberId,
      clientAddress: meta.clientAddress,
    });
  }

  /**
   * Which of the account's secrets the password is: its current one (or the postcard's, signing in with
   * the initial ID), or a mailed one-time password. Unknown IDs cost one verification all the same.
   */
  private async check(
    candidate: LoginCandidate | undefined,
    password: string,
  ): Promise<'current' | 'reissued' | null> {
    if (!candidate?.secret_hash && !candidate?.reissue_hash) {
      await this.hasher.verifyAgainstNothing(password);
      return null;
    }
    if (candidate.secret_hash && (await this.hasher.verify(candidate.secret_hash, password)))
      return 'current';
    if (candidate.reissue_hash && (await this.hasher.verify(candidate.reissue_hash, password)))
      return 'reissued';
    return null;
  }

  /**
   * The mailed one-time password is used: the password it replaces stops working, the lock is cleared,
   * every session ends, and this one must choose a new password (CHANGE_PASSWORD) — all at once.
   */
  private async useReissuedPassword(
    subscriberId: string,
    meta: RequestMeta,
    audit: AuditEntry,
    previousSessionId: string | undefined,
  ): Promise<IssuedSession> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE subscriber
            SET password_hash = NULL, required_action = 'CHANGE_PASSWORD', locked_at = NULL,
                failed_login_count = 0, updated_at = $2
          WHERE id = $1`,
        [subscriberId, this.clock.now()],
      );
      if (previousSessionId) await this.sessions.revoke(previousSessionId, tx);
      await this.sessions.revokeAll(subscriberId, tx);
      const issued = await this.sessions.issue(subscriberId, meta, tx);
      await this.audit.record(audit, tx);
      return issued;
    });
  }

  /** A wrong password: audited; the attempt that reached the threshold locks the account. */
  private async countFailure(candidate: LoginCandidate, attempt: number | null, meta: RequestMeta) {
    const subject = {
      subscriberId: candidate.id,
      billingAccountId: candidate.billing_account_id,
      clientAddress: meta.clientAddress,
    };
    await this.audit.record({
      ...subject,
      event: AuditEventType.LOGIN,
      outcome: 'WRONG_PASSWORD',
      detail: { consecutiveFailures: attempt, locked: !!candidate.locked_at },
    });
    if (attempt !== null) await this.lockout.failed(subject, attempt);
  }
}
