import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { hashToken, LAST_SEEN_SLACK_MS } from '../../security/token-hash';
import type { AuthenticatedSession, RequestMeta, ViewerRow } from '../../shared/session';
import { AUDIT_COLUMNS, type AuditEntry, auditPlaceholders, auditValues } from '../audit/audit.service';
import { resetFailuresSql } from './account-lockout';
import { VIEWER_COLUMNS } from './viewer.service';

export const SESSION_TOKEN_PREFIX = 'wbs_';

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
  /** When the new session ends if no request follows (its idle end, never past `expiresAt`). */
  idleExpiresAt: Date;
}

/** A session slid by `extend`: its new idle end and its absolute end. */
export interface ExtendedSession {
  idleExpiresAt: Date;
  expiresAt: Date;
}

const SESSION_COLUMNS =
  'token_hash, subscriber_id, created_at, last_seen_at, expires_at, client_address, user_agent';

/**
 * Opaque server-side sessions (SPEC §2.4): 256-bit random tokens, stored hashed, idle and absolute
 * expiry, revocable one by one or all at once. Nothing lives in process memory, so any number of
 * server instances share them.
 */
export class SessionService {
  constructor(
    private readonly db: DataSource,
    private readonly pool: Pool,
    private readonly config: Pick<Config, 'session'>,
    private readonly clock: Clock,
  ) {}

  /** Every authenticated request runs this lookup; the viewer's columns ride along (`me` costs nothing). */
  private static readonly RESOLVE = `SELECT ses.id AS session_id, s.billing_account_id, ${VIEWER_COLUMNS},
                    (extract(epoch FROM ses.expires_at) * 1000)::bigint::text AS expires_ms,
                    (extract(epoch FROM ses.last_seen_at) * 1000)::bigint::text AS last_seen_ms,
                    ses.last_seen_at < to_timestamp($4::float8 / 1000) AS needs_touch
               FROM session ses
               JOIN subscriber s ON s.id = ses.subscriber_id
               JOIN billing_account a ON a.id = s.billing_account_id
              WHERE ses.token_hash = $1 AND ses.revoked_at IS NULL
                AND ses.expires_at > to_timestamp($2::float8 / 1000) AND ses.last_seen_at > to_timestamp($3::float8 / 1000)`;

  async issue(subscriberId: string, meta: RequestMeta, manager: EntityManager = this.db.manager) {
    const draft = this.draft();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO session (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $3, $4, $5, $6) RETURNING id`,
      this.sessionValues(draft, subscriberId, meta),
    );
    return {
      token: draft.token,
      sessionId: rows[0].id,
      expiresAt: draft.expiresAt,
      idleExpiresAt: draft.idleExpiresAt,
    } satisfies IssuedSession;
  }

  /**
   * The hot path of every login, in one statement (its own transaction): the new session, its audit
   * line, and the end of the account's run of failed passwords (AccountLockout). Nothing else is in
   * that commit, so a crash can only lose all three together — and the subscriber who logs in again
   * ends the run again: the statement therefore does not wait for the WAL flush (`synchronous_commit`
   * off for this transaction only). Revocations, locks and credential changes never take this path and
   * stay durable. A named statement: prepared once per connection.
   */
  async issueForSignIn(subscriberId: string, meta: RequestMeta, audit: AuditEntry): Promise<IssuedSession> {
    const draft = this.draft();
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'sign-in-session',
      text: `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
                  s AS (INSERT INTO session (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $3, $4, $5, $6) RETURNING id),
                  fresh AS (${resetFailuresSql('$2')})
             INSERT INTO audit_event (${AUDIT_COLUMNS})
             SELECT ${auditPlaceholders(7)} FROM s, relaxed
             RETURNING (SELECT id FROM s)`,
      values: [...this.sessionValues(draft, subscriberId, meta), ...auditValues(audit, draft.now)],
    });
    return {
      token: draft.token,
      sessionId: rows[0].id,
      expiresAt: draft.expiresAt,
      idleExpiresAt: draft.idleExpiresAt,
    };
  }

  private draft() {
    const now = this.clock.now();
    const expiresMs = now.getTime() + this.config.session.absoluteMs;
    return {
      token: SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url'),
      now,
      expiresAt: new Date(expiresMs),
      idleExpiresAt: new Date(this.idleEnd(now.getTime(), expiresMs)),
    };
  }

  private sessionValues(draft: ReturnType<SessionService['draft']>, subscriberId: string, meta: RequestMeta) {
    return [
      hashToken(draft.token),
      subscriberId,
      draft.now,
      draft.expiresAt,
      meta.clientAddress,
      meta.userAgent?.slice(0, 300) ?? null,
    ];
  }

  /**
   * The live session for a token, or null when unknown, revoked, idle too long or past its absolute end.
   */
  async resolve(token: string): Promise<AuthenticatedSession | null> {
    if (!token.startsWith(SESSION_TOKEN_PREFIX) || token.length > 100) return null;
    const now = this.clock.now().getTime();
    // Every authenticated request runs this, so it is a named (prepared once per connection) statement
    // on the pool, with times as epoch milliseconds: no Date formatting or parsing on the hot path.
    const { rows } = await this.pool.query<
      ViewerRow & {
        session_id: string;
        billing_account_id: string;
        expires_ms: string;
        last_seen_ms: string;
        needs_touch: boolean;
      }
    >({ name: 'session-resolve', text: SessionService.RESOLVE, values: this.lookupValues(token, now) });
    const row = rows[0];
    if (!row) return null;
    if (row.needs_touch) {
      await this.pool.query({
        name: 'session-touch',
        text: 'UPDATE session SET last_seen_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
        values: [row.session_id, now],
      });
    }
    const expiresMs = Number(row.expires_ms);
    return {
      sessionId: row.session_id,
      subscriberId: row.subscriber_id,
      billingAccountId: row.billing_account_id,
      requiredAction: row.required_action,
      expiresAt: new Date(expiresMs),
      // Within the minute's slack last_seen_at is not written, so the idle end is counted from it,
      // not from now: the client is told when the server will really end the session.
      idleExpiresAt: new Date(this.idleEnd(row.needs_touch ? now : Number(row.last_seen_ms), expiresMs)),
      viewer: row,
    };
  }

  /** The idle period counted from `lastSeenMs`, never past the absolute end. */
  private idleEnd(lastSeenMs: number, expiresMs: number): number {
    return Math.min(lastSeenMs + this.config.session.idleMs, expiresMs);
  }

  /**
   * "Stay signed in" (the idle warning, WCAG 2.2.1): the idle period starts again now, never past the
   * absolute end. Only a live session moves: one revoked, idle too long or past its end in the meantime
   * (a replay after logout) is not revived, and the answer is null. Concurrent calls just write the
   * same row in turn.
   */
  async extend(sessionId: string): Promise<ExtendedSession | null> {
    const now = this.clock.now().getTime();
    const { rows } = await this.pool.query<{ expires_ms: string }>({
      name: 'session-extend',
      text: `UPDATE session SET last_seen_at = to_timestamp($2::float8 / 1000)
              WHERE id = $1 AND revoked_at IS NULL
                AND expires_at > to_timestamp($2::float8 / 1000) AND last_seen_at > to_timestamp($3::float8 / 1000)
          RETURNING (extract(epoch FROM expires_at) * 1000)::bigint::text AS expires_ms`,
      values: [sessionId, now, now - this.config.session.idleMs],
    });
    if (!rows[0]) return null;
    const expiresMs = Number(rows[0].expires_ms);
    return { idleExpiresAt: new Date(this.idleEnd(now, expiresMs)), expiresAt: new Date(expiresMs) };
  }

  private lookupValues(token: string, now: number) {
    return [hashToken(token), now, now - this.config.session.idleMs, now - LAST_SEEN_SLACK_MS];
  }

  async revoke(sessionId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
      this.clock.now(),
    ]);
  }

  /** Ends every session of a subscriber (password change, reissue, lock by an operator). */
  async revokeAll(subscriberId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const result = await manager.query(
      'UPDATE session SET revoked_at = $2 WHERE subscriber_id = $1 AND revoked_at IS NULL',
      [subscriberId, this.clock.now()],
    );
    // TypeORM returns [rows, affectedCount] for UPDATE on postgres.
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
