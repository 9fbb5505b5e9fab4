import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimitedError } from '../shared/rate-limited';

export interface AttemptBudgetOptions {
  /** Names the budget in stored keys (`name:<hmac>`). */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** One budget's answer to a spend: how many attempts this window holds now, this one included. */
export interface Spent {
  budget: AttemptBudget;
  spent: number;
  /** Set when the budget was already spent: wait this long, and check nothing. */
  retryAfterSeconds: number | null;
}

// One upsert per budget touched, all in one statement: a sign-in spends two budgets (its address and
// its login ID) and gives two back when the password was right, one statement each way instead of four
// (bench:login). The rows keep rate-limiter-flexible's shape (key, points, expire in epoch ms), which
// the API keys' limiter shares.
const SPEND = `
  INSERT INTO rate_limit (key, points, expire)
  SELECT key, 1, expire FROM unnest($1::varchar[], $2::bigint[]) AS t(key, expire)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limit.expire <= $3 THEN 1 ELSE rate_limit.points + 1 END,
    expire = CASE WHEN rate_limit.expire <= $3 THEN EXCLUDED.expire ELSE rate_limit.expire END
  RETURNING key, points, expire`;

// A refund only gives back what the live window holds (never a credit for a window yet to come).
const SETTLE = `
  WITH refunded AS (
    UPDATE rate_limit SET points = points - 1 WHERE key = ANY($1) AND expire > $3 AND points > 0)
  DELETE FROM rate_limit WHERE key = ANY($2)`;

/**
 * A budget of attempts at a secret for one subject (a login ID, an address, a link): an attempt is
 * spent in one atomic statement (an INSERT … ON CONFLICT … RETURNING in PostgreSQL, shared by every
 * instance) **before** the secret is checked, so however many requests race, at most `limit` checks run
 * per window. The stored key is an HMAC of the subject: what someone typed (a password in the ID field)
 * never rests in the database. Times are the wall clock's: windows are real time for every instance.
 */
export class AttemptBudget {
  constructor(
    private readonly pool: Pool,
    private readonly hmacKey: Buffer,
    readonly options: AttemptBudgetOptions,
  ) {}

  /**
   * Spends one attempt. Returns how many are spent in this window, this one included; throws
   * RateLimitedError (with the wait) when the budget was already spent: check nothing then.
   */
  async spend(subject: string): Promise<number> {
    const [answer] = await AttemptBudget.spendEach([[this, subject]]);
    if (answer.retryAfterSeconds !== null) throw new RateLimitedError(answer.retryAfterSeconds);
    return answer.spent;
  }

  /** One attempt from each budget for its subject, in one statement (budgets sharing one pool). */
  static async spendEach(spends: readonly (readonly [AttemptBudget, string])[]): Promise<Spent[]> {
    const now = Date.now();
    const keys = spends.map(([budget, subject]) => budget.storedKey(subject));
    const { rows } = await spends[0][0].pool.query<{ key: string; points: number; expire: string }>({
      name: 'attempts-spend',
      text: SPEND,
      values: [keys, spends.map(([budget]) => now + budget.options.windowSeconds * 1000), now],
    });
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return spends.map(([budget], i) => {
      const row = byKey.get(keys[i]) as { points: number; expire: string };
      return {
        budget,
        spent: row.points,
        retryAfterSeconds: row.points > budget.options.limit ? secondsUntil(Number(row.expire) - now) : null,
      };
    });
  }

  /** Which of these subjects have spent their budget (one statement). */
  async exhaustedAmong(subjects: readonly string[]): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const keys = new Map(subjects.map((subject) => [this.storedKey(subject), subject]));
    const { rows } = await this.pool.query<{ key: string }>(
      'SELECT key FROM rate_limit WHERE key = ANY($1) AND points >= $2 AND (expire IS NULL OR expire > $3)',
      [[...keys.keys()], this.options.limit, Date.now()],
    );
    return new Set(rows.map((row) => keys.get(row.key) as string));
  }

  /** The attempt succeeded: it does not count against anyone. */
  async refund(subject: string): Promise<void> {
    await AttemptBudget.settle({ refund: [[this, subject]] });
  }

  /** Starts the subject's budget afresh (its secret changed, an operator cleared it). */
  async clear(subject: string): Promise<void> {
    await AttemptBudget.settle({ clear: [[this, subject]] });
  }

  /** Refunds some budgets' attempts and clears others', in one statement (budgets sharing one pool). */
  static async settle(what: {
    refund?: readonly (readonly [AttemptBudget, string])[];
    clear?: readonly (readonly [AttemptBudget, string])[];
  }): Promise<void> {
    const refund = what.refund ?? [];
    const clear = what.clear ?? [];
    const pool = (refund[0] ?? clear[0])[0].pool;
    await pool.query({
      name: 'attempts-settle',
      text: SETTLE,
      values: [
        refund.map(([budget, subject]) => budget.storedKey(subject)),
        clear.map(([budget, subject]) => budget.storedKey(subject)),
        Date.now(),
      ],
    });
  }

  /** The row's key as stored (`name:<hmac>`, rate-limiter-flexible's `prefix:key`). */
  private storedKey(subject: string): string {
    const hmac = createHmac('sha256', this.hmacKey)
      .update(`${this.options.name}\0${subject}`)
      .digest('base64url');
    return `${this.options.name}:${hmac}`;
  }
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Deletes every budget's expired rows (nothing reads a row past its `expire`); the job queue runs it. */
export async function purgeExpiredAttempts(pool: Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM rate_limit WHERE expire < $1', [Date.now()]);
  return rowCount ?? 0;
}
