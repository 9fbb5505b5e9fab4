import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Lang } from '../../i18n/messages';
import { hashToken } from '../../security/token-hash';

/**
 * The tables that hold an address confirmed through a mailed link, with their owner column and the
 * feature's own columns. These are the only names this module ever puts into SQL: callers pick a table
 * by its key, never by a string from input.
 */
const TABLES = {
  reissue_email: {
    owner: 'subscriber_id',
    /** Written on registration, in this order. */
    details: ['secret_question_id', 'secret_answer_hash'],
    /** Read with a live pending row (the check on confirm). */
    pendingColumns: 't.secret_question_id, t.secret_answer_hash',
    pendingJoin: '',
    /** Read for the state (active and pending). */
    stateColumns: 'secret_question_id',
  },
  billing_notification_email: {
    owner: 'billing_account_id',
    details: ['email_type'],
    pendingColumns: 't.email_type, a.registered_phone_number',
    pendingJoin: 'JOIN billing_account a ON a.id = t.billing_account_id',
    stateColumns: 'email_type',
  },
} as const;

export type PendingAddressTable = keyof typeof TABLES;
type DetailColumn<T extends PendingAddressTable> = (typeof TABLES)[T]['details'][number];

/** A transaction or the data source itself. */
type Queryable = Pick<EntityManager, 'query'>;

/** Wrong answers a link survives before it is void (the mailbox owner can simply register again). */
export const MAX_CONFIRM_FAILURES = 5;

export type PendingRow<Extra> = {
  id: string;
  owner_id: string;
  email: string;
  lang: Lang;
  confirm_failures: number;
} & Extra;
export type StateRow<Extra> = { status: string; email: string; expires_at: Date | null } & Extra;
/** An address that stopped being active: who gets told. */
export type EndedAddress = { email: string; lang: Lang };

/**
 * The shared state machine of an address confirmed by mail (reissue address, billing notification
 * address): registration creates a pending record with a single-use, hashed link token; confirming it
 * makes it the active address (the previous one stays active until then).
 *
 *   PENDING --confirm--> ACTIVE --new address confirmed--> SUPERSEDED
 *      |                   \--delete--> DELETED
 *      \--newer registration / delete / too many wrong answers--> SUPERSEDED
 *
 * `Pending` and `State` type the feature's own columns read with a pending row and with the state.
 */
export class PendingAddresses<T extends PendingAddressTable, Pending extends object, State extends object> {
  private readonly spec: (typeof TABLES)[PendingAddressTable];

  constructor(private readonly table: T) {
    if (!Object.hasOwn(TABLES, table)) throw new Error(`not an address table: ${table}`);
    this.spec = TABLES[table];
  }

  /**
   * Supersedes the owner's pending rows (only the newest link works) and inserts a new pending one.
   * Returns the clear token for the mail; only its SHA-256 is stored.
   */
  async replacePending(
    tx: Queryable,
    ownerId: string,
    row: { email: string; lang: Lang; expiresAt: Date; details: Record<DetailColumn<T>, unknown> },
    now: Date,
  ): Promise<string> {
    const { owner } = this.spec;
    const token = randomBytes(32).toString('base64url');
    await tx.query(
      `UPDATE ${this.table} SET status = 'SUPERSEDED', token_hash = NULL, ended_at = $2
        WHERE ${owner} = $1 AND status = 'PENDING'`,
      [ownerId, now],
    );
    const details: readonly string[] = this.spec.details;
    const columns = [owner, 'email', 'lang', ...details, 'token_hash', 'expires_at', 'created_at'];
    const values = row.details as Record<string, unknown>;
    await tx.query(
      `INSERT INTO ${this.table} (${columns.join(', ')}, status)
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, 'PENDING')`,
      [ownerId, row.email, row.lang, ...details.map((c) => values[c]), hashToken(token), row.expiresAt, now],
    );
    return token;
  }

  /** The pending row a link token opens, if it is still live. */
  async findPending(q: Queryable, token: string, now: Date): Promise<PendingRow<Pending> | undefined> {
    const [pending]: PendingRow<Pending>[] = await q.query(
      `SELECT t.id, t.${this.spec.owner} AS owner_id, t.email, t.lang, t.confirm_failures, ${this.spec.pendingColumns}
         FROM ${this.table} t ${this.spec.pendingJoin}
        WHERE t.token_hash = $1 AND t.status = 'PENDING' AND t.expires_at > $2`,
      [hashToken(token), now],
    );
    return pending;
  }

  /**
   * Spends one of the link's attempts before its answer is checked, in one atomic UPDATE, so
   * concurrent wrong answers cannot pass the limit: the attempt's number, or null when none are left
   * (or the link is no longer pending) — check nothing then.
   */
  async spendAttempt(q: Queryable, pending: PendingRow<Pending>): Promise<number | null> {
    const [rows] = (await q.query(
      `UPDATE ${this.table} SET confirm_failures = confirm_failures + 1
        WHERE id = $1 AND status = 'PENDING' AND token_hash IS NOT NULL AND confirm_failures < $2
        RETURNING confirm_failures`,
      [pending.id, MAX_CONFIRM_FAILURES],
    )) as [{ confirm_failures: number }[], number];
    return rows[0]?.confirm_failures ?? null;
  }

  /** A wrong answer: the last attempt voids the link. Returns true when it is void. */
  async failed(q: Queryable, pending: PendingRow<Pending>, attempt: number): Promise<boolean> {
    if (attempt < MAX_CONFIRM_FAILURES) return false;
    await q.query(
      `UPDATE ${this.table} SET status = 'SUPERSEDED', token_hash = NULL WHERE id = $1 AND status = 'PENDING'`,
      [pending.id],
    );
    return true;
  }

  /** Supersedes the active address and makes the pending one active. Returns the superseded address. */
  async activate(tx: Queryable, pending: PendingRow<Pending>, now: Date): Promise<EndedAddress | undefined> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [previous] = (await tx.query(
      `UPDATE ${this.table} SET status = 'SUPERSEDED', ended_at = $2
        WHERE ${this.spec.owner} = $1 AND status = 'ACTIVE' RETURNING email, lang`,
      [pending.owner_id, now],
    )) as [EndedAddress[], number];
    // token_hash = NULL: single use.
    await tx.query(
      `UPDATE ${this.table} SET status = 'ACTIVE', token_hash = NULL, confirmed_at = $2 WHERE id = $1`,
      [pending.id, now],
    );
    return previous[0];
  }

  /**
   * Ends the owner's active address (DELETED) and pending one (SUPERSEDED). Returns what was ended:
   * the active address under `deleted`, and how many rows changed.
   */
  async end(
    q: Queryable,
    ownerId: string,
    now: Date,
  ): Promise<{ deleted: EndedAddress | undefined; count: number }> {
    const [rows, count] = (await q.query(
      `UPDATE ${this.table}
          SET status = CASE WHEN status = 'ACTIVE' THEN 'DELETED' ELSE 'SUPERSEDED' END, token_hash = NULL, ended_at = $2
        WHERE ${this.spec.owner} = $1 AND status IN ('ACTIVE', 'PENDING')
        RETURNING status, email, lang`,
      [ownerId, now],
    )) as [(EndedAddress & { status: string })[], number];
    const deleted = rows.find((r) => r.status === 'DELETED');
    return { deleted: deleted && { email: deleted.email, lang: deleted.lang }, count };
  }

  /** The active address and the live pending one; null when there is neither. */
  async state(
    q: Queryable,
    ownerId: string,
    now: Date,
  ): Promise<{ active?: StateRow<State>; pending?: StateRow<State> } | null> {
    const rows: StateRow<State>[] = await q.query(
      `SELECT status, email, ${this.spec.stateColumns}, expires_at FROM ${this.table}
        WHERE ${this.spec.owner} = $1 AND (status = 'ACTIVE' OR (status = 'PENDING' AND expires_at > $2))
        ORDER BY created_at DESC`,
      [ownerId, now],
    );
    if (rows.length === 0) return null;
    return {
      active: rows.find((r) => r.status === 'ACTIVE'),
      pending: rows.find((r) => r.status === 'PENDING'),
    };
  }
}
