import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../shared/rate-limited';

export interface AttemptBudgetOptions {
  /** Names the budget in stored keys (`name:<hmac>`). */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

/**
 * A budget of attempts at a secret for one subject (a login ID, an address, a link): an attempt is
 * spent in one atomic statement (rate-limiter-flexible's `consume`, an INSERT … ON CONFLICT … RETURNING
 * in PostgreSQL, shared by every instance) **before** the secret is checked, so however many requests
 * race, at most `limit` checks run per window. The stored key is an HMAC of the subject: what someone
 * typed (a password in the ID field) never rests in the database.
 */
export class AttemptBudget {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    private readonly pool: Pool,
    private readonly hmacKey: Buffer,
    readonly options: AttemptBudgetOptions,
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true, // created by a migration, never by the library
      clearExpiredByTimeout: false, // the job queue purges expired rows
      keyPrefix: options.name,
      points: options.limit,
      duration: options.windowSeconds,
    });
  }

  /** The row's key as stored (`name:<hmac>`). */
  private storedKey(subject: string): string {
    return this.limiter.getKey(this.subjectKey(subject));
  }

  /**
   * Spends one attempt. Returns how many are spent in this window, this one included; throws
   * RateLimitedError (with the wait) when the budget was already spent: check nothing then.
   */
  async spend(subject: string): Promise<number> {
    try {
      return (await this.limiter.consume(this.subjectKey(subject), 1)).consumedPoints;
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(secondsUntil(error.msBeforeNext));
      throw error;
    }
  }

  /** Which of these subjects have spent their budget (one statement). */
  async exhaustedAmong(subjects: readonly string[]): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const keys = new Map(subjects.map((subject) => [this.storedKey(subject), subject]));
    const { rows } = await this.pool.query<{ key: string }>(
      // The library stamps rows with the wall clock (epoch ms), so this compares with the same.
      'SELECT key FROM rate_limit WHERE key = ANY($1) AND points >= $2 AND (expire IS NULL OR expire > $3)',
      [[...keys.keys()], this.options.limit, Date.now()],
    );
    return new Set(rows.map((row) => keys.get(row.key) as string));
  }

  /** The attempt succeeded: it does not count against anyone. */
  async refund(subject: string): Promise<void> {
    await this.limiter.reward(this.subjectKey(subject), 1);
  }

  /** Starts the subject's budget afresh (its secret changed, an operator cleared it). */
  async clear(subject: string): Promise<void> {
    await this.limiter.delete(this.subjectKey(subject));
  }

  private subjectKey(subject: string): string {
    return createHmac('sha256', this.hmacKey).update(`${this.options.name}\0${subject}`).digest('base64url');
  }
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Deletes every budget's expired rows (nothing reads a row past its `expire`); the job queue runs it.
 * The library stamps rows with the wall clock (epoch ms), so this compares with the same.
 */
export async function purgeExpiredAttempts(pool: Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM rate_limit WHERE expire < $1', [Date.now()]);
  return rowCount ?? 0;
}
