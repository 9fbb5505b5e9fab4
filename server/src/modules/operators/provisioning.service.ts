import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { SecretSeal } from '../../security/secret-seal';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { normalizePhoneNumber } from '../billing/phone-number';
import type { PasswordHasher } from '../credentials/password-hasher';
import { generateInitialLoginId, generateInitialPassword } from '../credentials/password-policy';

export interface ProvisionAccountCommand {
  holderName: string;
  registeredPhoneNumber: string;
  postalAddress?: string;
}

export interface ProvisionedAccount {
  accountId: string;
  customerNumber: string;
  subscriberId: string;
  postcardId: string;
  /** Shown once to whoever provisioned the account, and printed on the postcard; never logged. */
  initialLoginId: string;
  initialPassword: string;
  initialExpiresAt: Date;
}

export class ProvisioningError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * SPEC §2.2 step 1: a billing account, its subscriber with fresh initial credentials, and a queued
 * postcard — all in one transaction, so a postcard never exists without its account or the reverse.
 */
export class ProvisioningService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly seal: SecretSeal,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'initialPasswordValidMs'>,
    private readonly clock: Clock,
  ) {}

  async provision(cmd: ProvisionAccountCommand, actor: { clientAddress?: string; via: string }) {
    const holderName = cmd.holderName.normalize('NFKC').trim();
    if (!holderName) throw new ProvisioningError('name', 'The holder name is required.');
    if (holderName.length > 200)
      throw new ProvisioningError('name', 'The holder name is too long (max 200).');
    const phone = normalizePhoneNumber(cmd.registeredPhoneNumber);
    if (!phone) {
      throw new ProvisioningError(
        'phone',
        'The phone number must be 10 or 11 digits (dashes and spaces are fine).',
      );
    }
    const postalAddress = (cmd.postalAddress ?? '').normalize('NFKC').trim();

    for (let attempt = 0; ; attempt++) {
      const initialLoginId = generateInitialLoginId(randomInt);
      const initialPassword = generateInitialPassword(randomInt);
      const initialPasswordHash = await this.hasher.hash(initialPassword);
      const initialExpiresAt = new Date(this.clock.now().getTime() + this.config.initialPasswordValidMs);
      try {
        return await this.db.transaction(async (tx): Promise<ProvisionedAccount> => {
          // Initial IDs share one namespace with chosen login IDs.
          const clash: unknown[] = await tx.query(
            'SELECT 1 FROM subscriber WHERE lower(login_id) = $1 OR lower(initial_login_id) = $1',
            [initialLoginId],
          );
          if (clash.length > 0)
            throw Object.assign(new Error('initial id clash'), { code: UNIQUE_VIOLATION });
          const [account]: { id: string; customer_number: string }[] = await tx.query(
            `INSERT INTO billing_account (customer_number, holder_name, postal_address, registered_phone_number)
             VALUES (lpad(nextval('customer_number_seq')::text, 10, '0'), $1, $2, $3)
             RETURNING id, customer_number`,
            [holderName, postalAddress, phone],
          );
          const [subscriber]: { id: string }[] = await tx.query(
            `INSERT INTO subscriber (billing_account_id, initial_login_id, initial_password_hash, initial_expires_at,
                                     required_action)
             VALUES ($1, $2, $3, $4, 'CHANGE_INITIAL_CREDENTIALS') RETURNING id`,
            [account.id, initialLoginId, initialPasswordHash, initialExpiresAt],
          );
          const [postcard]: { id: string }[] = await tx.query(
            `INSERT INTO postcard (billing_account_id, initial_login_id, initial_password_sealed)
             VALUES ($1, $2, $3) RETURNING id`,
            [account.id, initialLoginId, this.seal.seal(initialPassword)],
          );
          await this.audit.record(
            {
              event: AuditEventType.ACCOUNT_PROVISIONED,
              outcome: 'SUCCESS',
              subscriberId: subscriber.id,
              billingAccountId: account.id,
              clientAddress: actor.clientAddress ?? null,
              detail: { via: actor.via, postcardId: postcard.id },
            },
            tx,
          );
          return {
            accountId: account.id,
            customerNumber: account.customer_number,
            subscriberId: subscriber.id,
            postcardId: postcard.id,
            initialLoginId,
            initialPassword,
            initialExpiresAt,
          };
        });
      } catch (error) {
        // A random initial ID collided: draw again (vanishingly rare; bounded anyway).
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt < 5) continue;
        throw error;
      }
    }
  }
}
