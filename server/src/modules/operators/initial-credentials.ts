import { randomInt } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { PasswordHasher } from '../../security/password-hasher';
import type { SecretSeal } from '../../security/secret-seal';
import { generateInitialLoginId, generateInitialPassword } from '../credentials/password-policy';

/** A fresh postcard pair: the password in clear only to hand back once; stored hashed and sealed. */
export interface InitialCredentials {
  loginId: string;
  password: string;
  passwordHash: string;
  /** For the postcard: AES-256-GCM, so the sheet can print it until the card is mailed. */
  passwordSealed: string;
  expiresAt: Date;
}

export interface InitialCredentialsDeps {
  db: DataSource;
  hasher: PasswordHasher;
  seal: SecretSeal;
  config: Pick<Config, 'initialPasswordValidMs'>;
  clock: Clock;
}

class InitialIdClash extends Error {}

/**
 * Draws an initial login ID and password (SPEC §2.1) and runs `work` with them in one transaction:
 * provisioning and reissue by postcard both go through here. Initial IDs share one namespace with
 * chosen login IDs; a drawn ID already taken is drawn again (vanishingly rare; bounded anyway).
 */
export async function withFreshInitialCredentials<T>(
  deps: InitialCredentialsDeps,
  work: (tx: EntityManager, credentials: InitialCredentials) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const loginId = generateInitialLoginId(randomInt);
    const password = generateInitialPassword(randomInt);
    const credentials: InitialCredentials = {
      loginId,
      password,
      passwordHash: await deps.hasher.hash(password),
      passwordSealed: deps.seal.seal(password),
      expiresAt: new Date(deps.clock.now().getTime() + deps.config.initialPasswordValidMs),
    };
    try {
      return await deps.db.transaction(async (tx) => {
        // Any ID ever claimed, by any account (login_id_claim), is taken for good.
        const clash: unknown[] = await tx.query('SELECT 1 FROM login_id_claim WHERE login_id = lower($1)', [
          loginId,
        ]);
        if (clash.length > 0) throw new InitialIdClash();
        return work(tx, credentials);
      });
    } catch (error) {
      // A clash found first, or claimed meanwhile by another transaction (the claim trigger's 23505).
      const clashed = error instanceof InitialIdClash || (error as { code?: string }).code === '23505';
      if (clashed && attempt < 5) continue;
      throw error;
    }
  }
}
