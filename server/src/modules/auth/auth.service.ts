import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { PasswordHasher } from '../../security/password-hasher';
import { normalizeIdentifier } from '../../shared/identifiers';
import { RequiredAction } from '../../shared/required-action';
import type { RequestMeta, ViewerRow } from '../../shared/session';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { OutboxService } from '../mail/outbox.service';
import type { LoginThrottle } from './login-throttle';
import type { IssuedSession, SessionService } from './session.service';
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
  via_initial: boolean;
  initial_expires_at: Date | null;
  via_reissue: boolean;
  reissue_expires_at: Date | null;
  locked_at: Date | null;
  required_action: RequiredAction;
}

/**
 * Sign-in (SPEC §2.2 steps 2 and 4, §2.3): the postcard pair or the chosen pair, lockout after N
 * consecutive failures, throttling per address and per login ID, and the same answer in the same
 * time for unknown IDs. `AccountLocked` is told only to a caller who knew the password.
 */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: Pick<Config, 'lockoutThreshold'>,
    private readonly clock: Clock,
  ) {}

  async login(
    input: { loginId: string; password: string },
    meta: RequestMeta,
    previousSessionId?: string,
  ): Promise<LoginOutcome> {
    const loginId = normalizeIdentifier(input.loginId);
    const password = input.password;
    const missing = [...(loginId ? [] : ['loginId' as const]), ...(password ? [] : ['password' as const])];
    if (missing.length > 0) return { kind: 'missing-fields', fields: missing };

    // Both reads at once: a login waits for one database round trip before argon2, not two.
    // assertAllowed throws RateLimitedError, which the GraphQL layer turns into RATE_LIMITED.
    const [{ loginIdHasFailures }, rows] = await Promise.all([
      this.throttle.assertAllowed(meta.clientAddress, loginId),
      // The viewer's columns come along, so a successful login costs no second read.
      this.db.query(
        `SELECT s.id, s.billing_account_id, s.locked_at, s.initial_expires_at, s.failed_login_count,
                s.reissue_expires_at,
                (lower(s.initial_login_id) = lower($1)) AS via_initial,
                (s.reissue_password_hash IS NOT NULL) AS via_reissue,
                -- After a reissue only the mailed one-time password works (SPEC 2.3).
                CASE WHEN lower(s.initial_login_id) = lower($1) THEN s.initial_password_hash
                     ELSE coalesce(s.reissue_password_hash, s.password_hash) END AS secret_hash,
                ${VIEWER_COLUMNS}
           FROM subscriber s JOIN billing_account a ON a.id = s.billing_account_id
          WHERE lower(s.login_id) = lower($1) OR lower(s.initial_login_id) = lower($1)
          LIMIT 1`,
        [loginId],
      ) as Promise<LoginCandidate[]>,
    ]);
    const candidate = rows[0];
    const passwordOk =
      candidate?.secret_hash != null
        ? await this.hasher.verify(candidate.secret_hash, password)
        : await this.hasher.verifyAgainstNothing(password);

    if (!candidate || !passwordOk) {
      await this.throttle.recordFailure(meta.clientAddress, loginId);
      if (candidate) await this.countFailure(candidate, meta);
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
    if (candidate.locked_at) {
      await this.audit.record({ ...base, event: AuditEventType.LOGIN, outcome: 'LOCKED' });
      return { kind: 'locked' };
    }
    const now = this.clock.now();
    const expired = candidate.via_initial
      ? candidate.initial_expires_at && candidate.initial_expires_at <= now && ('initial' as const)
      : candidate.via_reissue &&
        candidate.reissue_expires_at &&
        candidate.reissue_expires_at <= now &&
        ('reissued' as const);
    if (expired) {
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
      detail: { initial: candidate.via_initial },
    };
    // Rotation: a session the browser already held is replaced, never reused across a login.
    const session =
      candidate.failed_login_count === 0 && !previousSessionId
        ? await this.sessions.issueWithAudit(candidate.id, meta, audit)
        : await this.db.transaction(async (tx) => {
            await tx.query('UPDATE subscriber SET failed_login_count = 0 WHERE id = $1', [candidate.id]);
            if (previousSessionId) await this.sessions.revoke(previousSessionId, tx);
            const issued = await this.sessions.issue(candidate.id, meta, tx);
            await this.audit.record(audit, tx);
            return issued;
          });
    if (loginIdHasFailures) await this.throttle.recordSuccess(loginId);
    return { kind: 'success', session, requiredAction: candidate.required_action, viewer: candidate };
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

  /** One atomic UPDATE, so concurrent failures cannot skip the threshold. */
  private async countFailure(candidate: LoginCandidate, meta: RequestMeta): Promise<void> {
    const now = this.clock.now();
    const [rows] = (await this.db.query(
      `UPDATE subscriber
          SET failed_login_count = failed_login_count + 1,
              locked_at = CASE WHEN locked_at IS NULL AND failed_login_count + 1 >= $2 THEN $3 ELSE locked_at END
        WHERE id = $1
        RETURNING failed_login_count, (locked_at = $3) AS newly_locked`,
      [candidate.id, this.config.lockoutThreshold, now],
    )) as [{ failed_login_count: number; newly_locked: boolean }[], number];
    const row = rows[0];
    const base = {
      subscriberId: candidate.id,
      billingAccountId: candidate.billing_account_id,
      clientAddress: meta.clientAddress,
    };
    await this.audit.record({
      ...base,
      event: AuditEventType.LOGIN,
      outcome: 'WRONG_PASSWORD',
      detail: { consecutiveFailures: row?.failed_login_count ?? null },
    });
    if (row?.newly_locked) {
      await this.db.transaction(async (tx) => {
        await this.audit.record({ ...base, event: AuditEventType.ACCOUNT_LOCKED, outcome: 'LOCKED' }, tx);
        await this.outbox.enqueueSecurityNotice(tx, candidate.id, 'ACCOUNT_LOCKED', now);
      });
    }
  }
}
