/**
 * Why a budget refused: too many failures from this network address (browsers may step up with a
 * proof of work instead), for this login ID, attempts still in flight for this account, or an
 * integrator's request budget.
 */
export type RateLimitReason = 'ADDRESS' | 'LOGIN_ID' | 'IN_FLIGHT' | 'API_KEY';

/** A budget is spent: try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: RateLimitReason = 'LOGIN_ID',
  ) {
    super('rate limited');
  }
}
