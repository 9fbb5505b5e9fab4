import type { Pool } from 'pg';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config';

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

/**
 * Failed sign-in attempts slow an attacker down per client address and per login ID (known or not),
 * counted in PostgreSQL so every server instance sees the same numbers (SPEC §2.2 step 4, §9).
 * Only failures are counted, so a busy office behind one address is not locked out by successes.
 */
export class LoginThrottle {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byLoginId: RateLimiterPostgres;

  constructor(pool: Pool, config: Pick<Config, 'throttle'>) {
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
   */
  async assertAllowed(clientAddress: string, loginId: string): Promise<{ loginIdHasFailures: boolean }> {
    const [a, b] = await Promise.all([
      this.byAddress.get(clientAddress),
      this.byLoginId.get(loginId.toLowerCase()),
    ]);
    const blocked = [
      [a, this.byAddress.points],
      [b, this.byLoginId.points],
    ].filter(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map(([res]) => (res as RateLimiterRes).msBeforeNext));
      throw new RateLimitedError(Math.ceil(wait / 1000));
    }
    return { loginIdHasFailures: (b?.consumedPoints ?? 0) > 0 };
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
