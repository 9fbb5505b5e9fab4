import { randomInt } from 'node:crypto';
import { RateLimitedError } from '../shared/rate-limited';
import type { AttemptBudget } from './attempt-budget';

/** The parts of altcha-lib's protocol we hold (its Challenge and Solution). */
interface Challenge {
  parameters: Record<string, unknown>;
  signature?: string;
}
interface Solution {
  counter: number;
  derivedKey: string;
}
type DeriveKey = (...args: never[]) => Promise<unknown>;
interface Secrets {
  deriveKey: DeriveKey;
  hmacSignatureSecret: string;
  hmacKeySignatureSecret: string;
}
// altcha-lib ships CommonJS beside its ES modules but declares types for the ES modules only, which a
// CommonJS build cannot import; these are the signatures we call.
const altcha = require('altcha-lib') as {
  createChallenge(
    options: Secrets & { algorithm: string; cost: number; counter: number; expiresAt: Date },
  ): Promise<Challenge>;
  verifySolution(
    options: Secrets & { challenge: Challenge; solution: Solution },
  ): Promise<{ verified: boolean }>;
};
const { deriveKey } = require('altcha-lib/algorithms/pbkdf2') as { deriveKey: DeriveKey };

/** How long a challenge may be solved and used: long enough for a slow phone, short enough to hoard. */
export const STEP_UP_VALID_SECONDS = 600;
/** The largest proof we read (a payload is ~600 bytes): anonymous input is bounded before any work. */
const MAX_PROOF_LENGTH = 4_000;

/**
 * The step-up for a network address that failed too often (SPEC §2.5): a proof of work the browser
 * solves (ALTCHA's protocol, altcha-lib; self-hosted, no third party), so a shared address — carrier
 * NAT, an office — never blocks a right password outright, while each guess from it costs the guesser
 * more than its check costs us. PBKDF2/SHA-256 at 500 iterations from a counter of 1,000–3,000: about
 * 1 s in a phone's browser, 0.5 s of a server core per guess (a password check costs us 0.03 s).
 * Challenges are signed (HMAC) and carry their expiry; the server derives one key per challenge and
 * verifies a solution by HMAC. A solved challenge is accepted once.
 */
export class StepUp {
  constructor(
    private readonly secrets: { signature: string; key: string },
    /** Limit 1 per challenge signature: a proof is spent atomically, once. */
    private readonly redeemed: AttemptBudget,
  ) {}

  challenge(): Promise<Challenge> {
    return altcha.createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 500,
      counter: randomInt(1_000, 3_000),
      deriveKey,
      // altcha-lib checks expiry against the wall clock, so it is set from the same.
      expiresAt: new Date(Date.now() + STEP_UP_VALID_SECONDS * 1000),
      hmacSignatureSecret: this.secrets.signature,
      hmacKeySignatureSecret: this.secrets.key,
    });
  }

  /** True for a valid, unexpired solution of one of our challenges, the first time it is shown. */
  async redeem(proof: string | null | undefined): Promise<boolean> {
    if (!proof || proof.length > MAX_PROOF_LENGTH) return false;
    let payload: { challenge?: Challenge; solution?: Solution };
    try {
      payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8'));
    } catch {
      return false;
    }
    const { challenge, solution } = payload ?? {};
    if (!challenge?.parameters || typeof challenge.signature !== 'string' || !solution) return false;
    const result = await altcha
      .verifySolution({
        challenge,
        solution,
        deriveKey,
        hmacSignatureSecret: this.secrets.signature,
        hmacKeySignatureSecret: this.secrets.key,
      })
      .catch(() => null);
    if (!result?.verified) return false;
    try {
      await this.redeemed.spend(challenge.signature);
      return true;
    } catch (error) {
      if (error instanceof RateLimitedError) return false; // shown before: a replay
      throw error;
    }
  }
}
