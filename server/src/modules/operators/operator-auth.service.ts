import { randomBytes, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { OperatorPrincipal, OperatorRole } from '../../graphql/roles';
import type { PasswordHasher } from '../../security/password-hasher';
import { hashToken, LAST_SEEN_SLACK_MS } from '../../security/token-hash';
import { ALLOWED_SYMBOLS, normalizeIdentifier } from '../../shared/identifiers';
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
    const rows: {
      id: string;
      login_id: string;
      display_name: string;
      role: OperatorRole;
      password_hash: string;
      failed_attempts: number;
      locked_at: Date | null;
    }[] = await this.db.query(
      `SELECT id, login_id, display_name, role, password_hash, failed_attempts, locked_at
         FROM operator WHERE lower(login_id) = lower($1) AND disabled_at IS NULL`,
      [loginId],
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
    const ok = await this.hasher.verify(candidate.password_hash, input.password ?? '');
    const base = { operatorId: candidate.id, clientAddress: meta.clientAddress };
    if (!ok) {
      const [after]: { failed_attempts: number; locked_at: Date | null }[] = await this.db.query(
        `UPDATE operator SET failed_attempts = failed_attempts + 1,
                locked_at = CASE WHEN locked_at IS NULL AND failed_attempts + 1 >= $2 THEN $3 ELSE locked_at END
          WHERE id = $1 RETURNING failed_attempts, locked_at`,
        [candidate.id, this.config.lockoutThreshold, this.clock.now()],
      );
      const justLocked = !candidate.locked_at && after.locked_at;
      await this.audit.record({
        ...base,
        event: justLocked ? AuditEventType.OPERATOR_LOCKED : AuditEventType.OPERATOR_LOGIN,
        outcome: justLocked ? 'LOCKED' : 'INVALID_CREDENTIALS',
      });
      return { kind: 'invalid-credentials' };
    }
    if (candidate.locked_at) {
      await this.audit.record({ ...base, event: AuditEventType.OPERATOR_LOGIN, outcome: 'LOCKED' });
      return { kind: 'locked' };
    }
    const now = this.clock.now();
    const token = OPERATOR_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.session.absoluteMs);
    const [session]: { id: string }[] = await this.db.transaction(async (tx) => {
      await tx.query('UPDATE operator SET failed_attempts = 0 WHERE id = $1', [candidate.id]);
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
              WHERE ses.token_hash = $1 AND ses.revoked_at IS NULL AND o.disabled_at IS NULL AND o.locked_at IS NULL
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
      `SELECT id, login_id, display_name, role, locked_at, created_at FROM operator
        WHERE disabled_at IS NULL ORDER BY lower(login_id)`,
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
        `UPDATE operator SET locked_at = NULL, failed_attempts = 0
          WHERE id = $1 AND locked_at IS NOT NULL RETURNING id`,
        [operatorId],
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
