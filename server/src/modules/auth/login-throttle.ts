import type { Pool } from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Config } from '../../config';
import { RateLimitedError } from '../../shared/rate-limited';

/**
 * Failed sign-in attempts slow an attacker down per client address and per login ID (known or not),
 * counted in PostgreSQL so every server instance sees the same numbers (SPEC §2.2 step 4, §9).
 * Only failures are counted, so a busy office behind one address is not locked out by successes.
 */
export class LoginThrottle {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byLoginId: RateLimiterPostgres;

  constructor(
    private readonly pool: Pool,
    config: Pick<Config, 'throttle'>,
  ) {
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true, // created by a migration, never by the library
      clearExpiredByTimeout: false,
      duration: config.throttle.windowSeconds,
    };
    this.byAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-addr',
      points: config.throttle.failuresPerAddress,
    });
    this.byLoginId = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-id',
      points: config.throttle.failuresPerLoginId,
    });
  }

  /**
   * Throws RateLimitedError when either budget is spent; otherwise tells whether this login ID has
   * failures on record (so a success clears them only when there is something to clear).
   * Both budgets are read in one statement (every login pays for this read); the library still does
   * every write, and the table's shape is ours (see the initial migration).
   */
  async assertAllowed(clientAddress: string, loginId: string): Promise<{ loginIdHasFailures: boolean }> {
    const addressKey = this.byAddress.getKey(clientAddress);
    const loginIdKey = this.byLoginId.getKey(loginId.toLowerCase());
    const now = Date.now();
    const { rows } = await this.pool.query<{ key: string; points: number; expire: string | null }>({
      name: 'login-throttle-read',
      text: 'SELECT key, points, expire FROM rate_limit WHERE key = ANY($1) AND (expire > $2 OR expire IS NULL)',
      values: [[addressKey, loginIdKey], now],
    });
    const limits = new Map([
      [addressKey, this.byAddress.points],
      [loginIdKey, this.byLoginId.points],
    ]);
    const blocked = rows.filter((row) => row.points >= (limits.get(row.key) ?? Number.POSITIVE_INFINITY));
    if (blocked.length > 0) {
      const waitMs = Math.max(...blocked.map((row) => (row.expire ? Number(row.expire) - now : 60_000)));
      throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    return { loginIdHasFailures: rows.some((row) => row.key === loginIdKey && row.points > 0) };
  }

  async recordFailure(clientAddress: string, loginId: string): Promise<void> {
    await Promise.all([
      this.byAddress.penalty(clientAddress, 1),
      this.byLoginId.penalty(loginId.toLowerCase(), 1),
    ]);
  }

  async recordSuccess(loginId: string): Promise<void> {
    await this.byLoginId.delete(loginId.toLowerCase());
  }
}
