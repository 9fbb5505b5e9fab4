import type { Pool } from 'pg';
import type { Config } from '../../config';
import { AttemptBudget } from '../../security/attempt-budget';
import { RateLimitedError } from '../../shared/rate-limited';

/**
 * Sign-in attempts per client address and per login ID (known or not), spent before the password is
 * checked (SPEC §2.2 step 4, §2.5) and counted in PostgreSQL so every instance sees the same numbers.
 * A successful sign-in gives its attempts back, so only failures (and attempts still in flight) count:
 * a busy office behind one address is not slowed down by its own successes.
 */
export class LoginThrottle {
  private readonly byAddress: AttemptBudget;
  private readonly byLoginId: AttemptBudget;

  constructor(pool: Pool, hmacKey: Buffer, config: Pick<Config, 'throttle'>) {
    const windowSeconds = config.throttle.windowSeconds;
    this.byAddress = new AttemptBudget(pool, hmacKey, {
      name: 'login-addr',
      limit: config.throttle.failuresPerAddress,
      windowSeconds,
    });
    this.byLoginId = new AttemptBudget(pool, hmacKey, {
      name: 'login-id',
      limit: config.throttle.failuresPerLoginId,
      windowSeconds,
    });
  }

  /**
   * Spends one attempt of each budget, atomically, before any secret is checked; throws
   * RateLimitedError (the longer wait) when either was already spent.
   */
  async spend(clientAddress: string, loginId: string): Promise<void> {
    const spent = await Promise.allSettled([
      this.byAddress.spend(clientAddress),
      this.byLoginId.spend(loginId.toLowerCase()),
    ]);
    const refused = spent.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    if (refused.length === 0) return;
    const limited = refused.filter((e): e is RateLimitedError => e instanceof RateLimitedError);
    if (limited.length < refused.length) throw refused.find((e) => !(e instanceof RateLimitedError));
    throw new RateLimitedError(Math.max(...limited.map((e) => e.retryAfterSeconds)));
  }

  /** The attempt was right: it counts against neither budget, and the login ID starts afresh. */
  async succeeded(clientAddress: string, loginId: string): Promise<void> {
    await Promise.all([this.byAddress.refund(clientAddress), this.byLoginId.clear(loginId.toLowerCase())]);
  }

  /** The login ID's attempts start afresh (its password was reissued, an operator unlocked it). */
  async clear(loginId: string): Promise<void> {
    await this.byLoginId.clear(loginId.toLowerCase());
  }
}
