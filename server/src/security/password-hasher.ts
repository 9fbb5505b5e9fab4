import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import type { Config } from '../config';

/**
 * Hashes at once, process-wide: one per core. More only share the cores (each runs longer and they
 * evict each other's memory from the caches), hold memoryCost each, and leave libuv's pool no thread
 * for file reads and the step-up's PBKDF2 while sign-ins flood in. bench:login (8 clients, 2 cores):
 * p99 190 → 140–160 ms, throughput the same.
 */
const hashing = pLimit(availableParallelism());

/**
 * The one place argon2id is parameterised (SPEC §2.4). Every secret — passwords, initial passwords,
 * secret answers — goes through here, so a cost change is a config change.
 */
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };
  private dummyHash: Promise<string> | undefined;

  constructor(params: Config['argon2']) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: params.memoryCost,
      timeCost: params.timeCost,
      parallelism: params.parallelism,
    };
  }

  hash(secret: string): Promise<string> {
    return hashing(() => argon2.hash(secret, this.options));
  }

  async verify(hash: string, secret: string): Promise<boolean> {
    try {
      return await hashing(() => argon2.verify(hash, secret));
    } catch {
      return false;
    }
  }

  /**
   * Burns the same time as a real verification, for unknown login IDs, so response time does not
   * tell an attacker whether an ID exists.
   */
  async verifyAgainstNothing(secret: string): Promise<false> {
    this.dummyHash ??= this.hash('web-billing-timing-equaliser');
    await this.verify(await this.dummyHash, secret);
    return false;
  }
}
