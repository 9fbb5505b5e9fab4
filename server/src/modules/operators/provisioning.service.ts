import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { PasswordHasher } from '../../security/password-hasher';
import type { SecretSeal } from '../../security/secret-seal';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { normalizeLineNumber } from '../billing/line-number';
import { normalizePhoneNumber } from '../billing/phone-number';
import { withFreshInitialCredentials } from './initial-credentials';

export interface ProvisionLine {
  lineNumber: string;
  /** A carrier code as integrators name it (`NTT_EAST`, `NTT_DOCOMO`, …). */
  carrierCode: string;
  serviceName: string;
  /** Optional: English readers see the Japanese name without it. */
  serviceNameEn?: string | null;
}

export interface ProvisionAccountCommand {
  holderName: string;
  registeredPhoneNumber: string;
  postalAddress?: string;
  lines?: readonly ProvisionLine[];
  /** Already scoped to the sender (see OperatorAccountsService.provision); unique among accounts. */
  provisioningKey?: string | null;
}

/** Who provisions: recorded in the audit line (never the credentials). */
export interface ProvisioningActor {
  clientAddress?: string | null;
  via: string;
  operatorId?: string | null;
  apiKeyId?: string | null;
  reason?: string | null;
}

export const PROVISION_MAX_LINES = 1000;

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

/** `field` names the CLI option; `issues` carry every failing rule under the GraphQL input's names. */
export class ProvisioningError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly issues: readonly PolicyIssue[] = [],
  ) {
    super(message);
  }
}

const CLI_FIELD: Record<string, string> = {
  holderName: 'name',
  registeredPhoneNumber: 'phone',
  postalAddress: 'address',
};
const CLI_MESSAGE: Record<string, string> = {
  REQUIRED: 'This is required.',
  ACCOUNT_HOLDER_NAME_TOO_LONG: 'The holder name is too long (max 200).',
  PHONE_NUMBER_INVALID: 'The phone number must be 10 or 11 digits (dashes and spaces are fine).',
  POSTAL_ADDRESS_TOO_LONG: 'The postal address is too long (max 500).',
};

interface NormalizedCommand {
  holderName: string;
  phone: string;
  postalAddress: string;
  lines: { lineNumber: string; carrierId: number; serviceName: string; serviceNameEn: string | null }[];
}

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

  private credentialDeps() {
    return { db: this.db, hasher: this.hasher, seal: this.seal, config: this.config, clock: this.clock };
  }

  /**
   * Every failing rule at once, under the input's field names (`lines.3.carrierCode`); the normalised
   * command when there is none. Carriers are looked up by code, so an unknown one is a field error.
   */
  async check(
    cmd: ProvisionAccountCommand,
  ): Promise<{ issues: PolicyIssue[]; normalized: NormalizedCommand | null }> {
    const issues: PolicyIssue[] = [];
    const holderName = (cmd.holderName ?? '').normalize('NFKC').trim();
    if (!holderName) issues.push({ field: 'holderName', code: 'REQUIRED' });
    else if (holderName.length > 200)
      issues.push({ field: 'holderName', code: 'ACCOUNT_HOLDER_NAME_TOO_LONG' });
    const phone = normalizePhoneNumber(cmd.registeredPhoneNumber ?? '');
    if (!(cmd.registeredPhoneNumber ?? '').trim())
      issues.push({ field: 'registeredPhoneNumber', code: 'REQUIRED' });
    else if (!phone) issues.push({ field: 'registeredPhoneNumber', code: 'PHONE_NUMBER_INVALID' });
    const postalAddress = (cmd.postalAddress ?? '').normalize('NFKC').trim();
    if (postalAddress.length > 500) issues.push({ field: 'postalAddress', code: 'POSTAL_ADDRESS_TOO_LONG' });

    const input = cmd.lines ?? [];
    if (input.length > PROVISION_MAX_LINES) issues.push({ field: 'lines', code: 'TOO_MANY_LINES' });
    const codes = [
      ...new Set(input.map((l) => (l.carrierCode ?? '').normalize('NFKC').trim().toUpperCase())),
    ];
    const carriers: { id: number; code: string }[] = codes.length
      ? await this.db.query('SELECT id, code FROM carrier WHERE code = ANY($1)', [codes])
      : [];
    const carrierId = new Map(carriers.map((c) => [c.code, c.id]));
    const seen = new Set<string>();
    const lines = input.map((line, i) => {
      const lineNumber = normalizeLineNumber(line.lineNumber ?? '');
      const code = (line.carrierCode ?? '').normalize('NFKC').trim().toUpperCase();
      const serviceName = (line.serviceName ?? '').normalize('NFKC').trim();
      const serviceNameEn = (line.serviceNameEn ?? '').normalize('NFKC').trim() || null;
      if (!/^[0-9A-Z]{4,30}$/.test(lineNumber))
        issues.push({ field: `lines.${i}.lineNumber`, code: 'LINE_NUMBER_INVALID' });
      else if (seen.has(lineNumber))
        issues.push({ field: `lines.${i}.lineNumber`, code: 'LINE_NUMBER_DUPLICATE' });
      seen.add(lineNumber);
      if (!carrierId.has(code)) issues.push({ field: `lines.${i}.carrierCode`, code: 'CARRIER_NOT_FOUND' });
      if (!serviceName) issues.push({ field: `lines.${i}.serviceName`, code: 'REQUIRED' });
      else if (serviceName.length > 100)
        issues.push({ field: `lines.${i}.serviceName`, code: 'SERVICE_NAME_TOO_LONG' });
      if (serviceNameEn && serviceNameEn.length > 100)
        issues.push({ field: `lines.${i}.serviceNameEn`, code: 'SERVICE_NAME_TOO_LONG' });
      return { lineNumber, carrierId: carrierId.get(code) ?? 0, serviceName, serviceNameEn };
    });
    if (issues.length > 0 || !phone) return { issues, normalized: null };
    return { issues, normalized: { holderName, phone, postalAddress, lines } };
  }

  async provision(cmd: ProvisionAccountCommand, actor: ProvisioningActor): Promise<ProvisionedAccount> {
    const { issues, normalized } = await this.check(cmd);
    if (!normalized) {
      const first = issues[0];
      const field = CLI_FIELD[first.field] ?? first.field;
      const text = CLI_MESSAGE[first.code] ?? first.code;
      throw new ProvisioningError(field, text, issues);
    }
    const { holderName, phone, postalAddress, lines } = normalized;

    return withFreshInitialCredentials(
      this.credentialDeps(),
      async (tx, credentials): Promise<ProvisionedAccount> => {
        const [account]: { id: string; customer_number: string }[] = await tx.query(
          `INSERT INTO billing_account (customer_number, holder_name, postal_address, registered_phone_number,
                                      provisioning_key)
         VALUES (lpad(nextval('customer_number_seq')::text, 10, '0'), $1, $2, $3, $4)
         RETURNING id, customer_number`,
          [holderName, postalAddress, phone, cmd.provisioningKey ?? null],
        );
        const [subscriber]: { id: string }[] = await tx.query(
          `INSERT INTO subscriber (billing_account_id, initial_login_id, initial_password_hash, initial_expires_at,
                                 required_action)
         VALUES ($1, $2, $3, $4, 'CHANGE_INITIAL_CREDENTIALS') RETURNING id`,
          [account.id, credentials.loginId, credentials.passwordHash, credentials.expiresAt],
        );
        if (lines.length > 0) {
          await tx.query(
            `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name, service_name_en)
           SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[])`,
            [
              account.id,
              lines.map((l) => l.lineNumber),
              lines.map((l) => l.carrierId),
              lines.map((l) => l.serviceName),
              lines.map((l) => l.serviceNameEn),
            ],
          );
        }
        const [postcard]: { id: string }[] = await tx.query(
          `INSERT INTO postcard (billing_account_id, initial_login_id, initial_password_sealed, kind)
         VALUES ($1, $2, $3, 'PROVISION') RETURNING id`,
          [account.id, credentials.loginId, credentials.passwordSealed],
        );
        await this.audit.record(
          {
            event: AuditEventType.ACCOUNT_PROVISIONED,
            outcome: 'SUCCESS',
            subscriberId: subscriber.id,
            billingAccountId: account.id,
            clientAddress: actor.clientAddress ?? null,
            operatorId: actor.operatorId ?? null,
            apiKeyId: actor.apiKeyId ?? null,
            detail: {
              via: actor.via,
              postcardId: postcard.id,
              lines: lines.length,
              ...(actor.reason ? { reason: actor.reason } : {}),
            },
          },
          tx,
        );
        return {
          accountId: account.id,
          customerNumber: account.customer_number,
          subscriberId: subscriber.id,
          postcardId: postcard.id,
          initialLoginId: credentials.loginId,
          initialPassword: credentials.password,
          initialExpiresAt: credentials.expiresAt,
        };
      },
    );
  }
}
