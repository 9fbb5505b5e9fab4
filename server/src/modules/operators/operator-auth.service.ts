import { randomBytes, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { OperatorPrincipal, OperatorRole } from '../../graphql/roles';
import type { PasswordHasher } from '../../security/password-hasher';
import { hashToken, LAST_SEEN_SLACK_MS } from '../../security/token-hash';
import { ALLOWED_SYMBOLS, normalizeIdentifier } from '../../shared/identifiers';
import { RateLimitedError } from '../../shared/rate-limited';
import type { RequestMeta } from '../../shared/session';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { checkPassword } from '../credentials/password-policy';

export const OPERATOR_TOKEN_PREFIX = 'wbo_';

export class OperatorAccountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OperatorListing {
  id: string;
  loginId: string;
  displayName: string;
  role: OperatorRole;
  lockedAt: Date | null;
  createdAt: Date;
}

export type OperatorLoginOutcome =
  | { kind: 'success'; token: string; expiresAt: Date; operator: OperatorPrincipal }
  | { kind: 'invalid-credentials' }
  | { kind: 'locked' };

const PASSWORD_ALPHABET = `ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789${ALLOWED_SYMBOLS}`;

/** 20 characters from a CSPRNG over letters, digits and the allowed symbols: ~120 bits, policy-checked. */
export function generateOperatorPassword(loginId: string): string {
  for (;;) {
    const password = Array.from(
      { length: 20 },
      () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)],
    ).join('');
    if (checkPassword(password, loginId, 'password').length === 0) return password;
  }
}

/**
 * Call-centre operator accounts (SPEC §1): their own table, argon2 passwords under the subscribers'
 * rules, lockout after the same number of failures (an admin unlocks), and sessions in their own table
 * with the same idle/absolute limits, so no subscriber token can ever act as an operator.
 */
export class OperatorAuthService {
  constructor(
    private readonly db: DataSource,
    private readonly pool: Pool,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'lockoutThreshold' | 'session'>,
    private readonly clock: Clock,
  ) {}

  async create(input: { loginId: string; displayName: string; role: OperatorRole; password: string }) {
    const loginId = normalizeIdentifier(input.loginId);
    if (!/^[A-Za-z0-9._-]{3,31}$/.test(loginId)) {
      throw new OperatorAccountError('login-id', '3–31 letters, digits, dots, dashes or underscores.');
    }
    const displayName = input.displayName.normalize('NFKC').trim();
    if (!displayName || displayName.length > 100)
      throw new OperatorAccountError('name', 'A name of 1–100 characters.');
    const issues = checkPassword(input.password, loginId, 'password');
    if (issues.length > 0) {
      throw new OperatorAccountError(
        'password',
        `The password breaks: ${issues.map((i) => i.code).join(', ')}.`,
      );
    }
    const hash = await this.hasher.hash(input.password);
    try {
      const [row]: { id: string }[] = await this.db.query(
        'INSERT INTO operator (login_id, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
        [loginId, displayName, input.role, hash],
      );
      return { id: row.id, loginId, displayName, role: input.role };
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new OperatorAccountError('login-id', `${loginId} is taken.`);
      throw error;
    }
  }

  async login(
    input: { loginId: string; password: string },
    meta: RequestMeta,
  ): Promise<OperatorLoginOutcome> {
    const loginId = normalizeIdentifier(input.loginId);
    const now = this.clock.now();
    const rows: {
      id: string;
      login_id: string;
      display_name: string;
      role: OperatorRole;
      password_hash: string;
      locked: boolean;
      lockouts: number;
    }[] = await this.db.query(
      `SELECT id, login_id, display_name, role, password_hash, lockouts,
              (locked_at IS NOT NULL AND (locked_until IS NULL OR locked_until > $2)) AS locked
         FROM operator WHERE lower(login_id) = lower($1) AND disabled_at IS NULL`,
      [loginId, now],
    );
    const candidate = rows[0];
    // Unknown IDs pay for one verification too, so timing does not reveal which IDs exist.
    if (!candidate) {
      await this.hasher.verifyAgainstNothing(input.password ?? '');
      // A failed sign-in is a security event whether or not the ID exists (SPEC §2.4); the ID itself is
      // not recorded (people type passwords into the ID field by mistake).
      await this.audit.record({
        event: AuditEventType.OPERATOR_LOGIN,
        outcome: 'UNKNOWN_ID',
        clientAddress: meta.clientAddress,
      });
      return { kind: 'invalid-credentials' };
    }
    // The attempt counts towards the lock before the password is checked, atomically (a lock that has
    // run out is cleared as it does). A locked operator's password is still checked, within the login
    // ID's budget, only to tell its owner it is locked.
    let attempt: number | null = null;
    if (!candidate.locked) {
      const [reserved] = (await this.db.query(
        `UPDATE operator
            SET failed_attempts = CASE WHEN locked_at IS NULL THEN failed_attempts + 1 ELSE 1 END,
                locked_at = NULL, locked_until = NULL
          WHERE id = $1 AND (locked_at IS NULL AND failed_attempts < $2 OR locked_until <= $3)
          RETURNING failed_attempts`,
        [candidate.id, this.config.lockoutThreshold, now],
      )) as [{ failed_attempts: number }[], number];
      if (!reserved[0]) throw new RateLimitedError(1, 'IN_FLIGHT');
      attempt = reserved[0].failed_attempts;
    }
    const ok = await this.hasher.verify(candidate.password_hash, input.password ?? '');
    const base = { operatorId: candidate.id, clientAddress: meta.clientAddress };
    if (!ok) {
      const until =
        attempt !== null && attempt >= this.config.lockoutThreshold ? await this.lock(candidate, now) : null;
      await this.audit.record({
        ...base,
        event: until ? AuditEventType.OPERATOR_LOCKED : AuditEventType.OPERATOR_LOGIN,
        outcome: until ? 'LOCKED' : 'INVALID_CREDENTIALS',
        detail: until ? { until: until.toISOString(), lockouts: candidate.lockouts + 1 } : {},
      });
      return { kind: 'invalid-credentials' };
    }
    if (candidate.locked) {
      await this.audit.record({ ...base, event: AuditEventType.OPERATOR_LOGIN, outcome: 'LOCKED' });
      return { kind: 'locked' };
    }
    const token = OPERATOR_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.session.absoluteMs);
    const [session]: { id: string }[] = await this.db.transaction(async (tx) => {
      await tx.query('UPDATE operator SET failed_attempts = 0, lockouts = 0 WHERE id = $1', [candidate.id]);
      await this.audit.record({ ...base, event: AuditEventType.OPERATOR_LOGIN, outcome: 'SUCCESS' }, tx);
      return tx.query(
        `INSERT INTO operator_session (token_hash, operator_id, created_at, last_seen_at, expires_at, client_address, user_agent)
         VALUES ($1, $2, $3, $3, $4, $5, $6) RETURNING id`,
        [
          hashToken(token),
          candidate.id,
          now,
          expiresAt,
          meta.clientAddress,
          meta.userAgent?.slice(0, 300) ?? null,
        ],
      );
    });
    return {
      kind: 'success',
      token,
      expiresAt,
      operator: {
        operatorId: candidate.id,
        sessionId: session.id,
        loginId: candidate.login_id,
        displayName: candidate.display_name,
        role: candidate.role,
      },
    };
  }

  /**
   * Locks an operator for a while (Keycloak's temporary lockout): 1 minute, doubling with each lock since
   * the last successful sign-in, at most 15. The UPDATE tells which of concurrent failures locked it.
   */
  private async lock(candidate: { id: string; lockouts: number }, now: Date): Promise<Date | null> {
    const waitSeconds = Math.min(60 * 2 ** candidate.lockouts, 15 * 60);
    const until = new Date(now.getTime() + waitSeconds * 1000);
    const [locked] = (await this.db.query(
      `UPDATE operator SET locked_at = $2, locked_until = $3, lockouts = lockouts + 1, failed_attempts = 0
        WHERE id = $1 AND locked_at IS NULL AND failed_attempts >= $4 RETURNING id`,
      [candidate.id, now, until, this.config.lockoutThreshold],
    )) as [unknown[], number];
    return locked.length > 0 ? until : null;
  }

  /** The live operator session for a token, or null (unknown, revoked, idle, expired, locked, disabled). */
  async resolve(token: string): Promise<OperatorPrincipal | null> {
    if (!token.startsWith(OPERATOR_TOKEN_PREFIX) || token.length > 100) return null;
    const now = this.clock.now().getTime();
    const { rows } = await this.pool.query<{
      session_id: string;
      operator_id: string;
      login_id: string;
      display_name: string;
      role: OperatorRole;
      needs_touch: boolean;
    }>({
      name: 'operator-session-resolve',
      text: `SELECT ses.id AS session_id, o.id AS operator_id, o.login_id, o.display_name, o.role,
                    ses.last_seen_at < to_timestamp($4::float8 / 1000) AS needs_touch
               FROM operator_session ses JOIN operator o ON o.id = ses.operator_id
              WHERE ses.token_hash = $1 AND ses.revoked_at IS NULL AND o.disabled_at IS NULL
                AND (o.locked_at IS NULL OR o.locked_until <= to_timestamp($2::float8 / 1000))
                AND ses.expires_at > to_timestamp($2::float8 / 1000) AND ses.last_seen_at > to_timestamp($3::float8 / 1000)`,
      values: [hashToken(token), now, now - this.config.session.idleMs, now - LAST_SEEN_SLACK_MS],
    });
    const row = rows[0];
    if (!row) return null;
    if (row.needs_touch) {
      await this.pool.query(
        'UPDATE operator_session SET last_seen_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
        [row.session_id, now],
      );
    }
    return {
      operatorId: row.operator_id,
      sessionId: row.session_id,
      loginId: row.login_id,
      displayName: row.display_name,
      role: row.role,
    };
  }

  /** For admins: every operator, locked ones flagged. */
  async list(): Promise<OperatorListing[]> {
    const rows: {
      id: string;
      login_id: string;
      display_name: string;
      role: OperatorRole;
      locked_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, login_id, display_name, role, created_at,
              CASE WHEN locked_until IS NULL OR locked_until > $1 THEN locked_at END AS locked_at
         FROM operator WHERE disabled_at IS NULL ORDER BY lower(login_id)`,
      [this.clock.now()],
    );
    return rows.map((r) => ({
      id: r.id,
      loginId: r.login_id,
      displayName: r.display_name,
      role: r.role,
      lockedAt: r.locked_at,
      createdAt: r.created_at,
    }));
  }

  /** An admin unlocks an operator locked by failed sign-ins; false when it was not locked. */
  async unlock(operatorId: string, by: { operatorId: string; reason: string; clientAddress: string }) {
    return this.db.transaction(async (tx) => {
      const [, affected]: [unknown[], number] = await tx.query(
        `UPDATE operator SET locked_at = NULL, locked_until = NULL, failed_attempts = 0, lockouts = 0
          WHERE id = $1 AND locked_at IS NOT NULL AND (locked_until IS NULL OR locked_until > $2) RETURNING id`,
        [operatorId, this.clock.now()],
      );
      if (affected === 0) return false;
      await this.audit.record(
        {
          event: AuditEventType.OPERATOR_UNLOCKED,
          outcome: 'SUCCESS',
          operatorId: by.operatorId,
          clientAddress: by.clientAddress,
          detail: { reason: by.reason, unlockedOperatorId: operatorId },
        },
        tx,
      );
      return true;
    });
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.query('UPDATE operator_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
      this.clock.now(),
    ]);
  }
}
