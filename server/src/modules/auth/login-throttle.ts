import type { Pool } from 'pg';
import type { Config } from '../../config';
import { AttemptBudget } from '../../security/attempt-budget';
import type { StepUp } from '../../security/step-up';
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

  constructor(
    pool: Pool,
    hmacKey: Buffer,
    config: Pick<Config, 'throttle'>,
    private readonly stepUp: StepUp,
  ) {
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
   * Spends one attempt of each budget, atomically, before any secret is checked. Throws
   * RateLimitedError when one was already spent: the longer wait, and why — 'ADDRESS' when only the
   * address's budget is spent and no valid proof of work came with the attempt (browsers may then
   * step up: see StepUp), 'LOGIN_ID' otherwise.
   */
  async spend(clientAddress: string, loginId: string, proof?: string | null): Promise<void> {
    const id = loginId.toLowerCase();
    const [address, login] = await AttemptBudget.spendEach([
      [this.byAddress, clientAddress],
      [this.byLoginId, id],
    ]);
    if (login.retryAfterSeconds === null) {
      if (address.retryAfterSeconds === null || (await this.stepUp.redeem(proof))) return;
      // No secret is checked: the budget that let it through gets its attempt back.
      await this.byLoginId.refund(id);
      throw new RateLimitedError(address.retryAfterSeconds, 'ADDRESS');
    }
    if (address.retryAfterSeconds === null) await this.byAddress.refund(clientAddress);
    // The login ID's budget is spent whatever the address does: no step-up gets past it.
    throw new RateLimitedError(Math.max(login.retryAfterSeconds, address.retryAfterSeconds ?? 0), 'LOGIN_ID');
  }

  /**
   * The address's budget alone (password reissue spends it too). Past it, an attempt goes on only with
   * a proof of work solved for one of our challenges, accepted once.
   */
  async spendAddress(clientAddress: string, proof?: string | null): Promise<void> {
    try {
      await this.byAddress.spend(clientAddress);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      if (await this.stepUp.redeem(proof)) return;
      throw new RateLimitedError(error.retryAfterSeconds, 'ADDRESS');
    }
  }

  /** A right attempt from this address (a reissue that matched): it does not count against it. */
  async refundAddress(clientAddress: string): Promise<void> {
    await this.byAddress.refund(clientAddress);
  }

  /** The attempt was right: it counts against neither budget, and the login ID starts afresh. */
  async succeeded(clientAddress: string, loginId: string): Promise<void> {
    await AttemptBudget.settle({
      refund: [[this.byAddress, clientAddress]],
      clear: [[this.byLoginId, loginId.toLowerCase()]],
    });
  }

  /** The login ID's attempts start afresh (its password was reissued, an operator unlocked it). */
  async clear(loginId: string): Promise<void> {
    await this.byLoginId.clear(loginId.toLowerCase());
  }
}
