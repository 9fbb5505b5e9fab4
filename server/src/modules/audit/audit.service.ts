import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';

/** Security events of SPEC §2.4. Names are stable: operators filter by them. */
export enum AuditEventType {
  LOGIN = 'LOGIN',
  LOGOUT = 'LOGOUT',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  INITIAL_CREDENTIALS_CHANGED = 'INITIAL_CREDENTIALS_CHANGED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  CREDENTIAL_CHANGE_REJECTED = 'CREDENTIAL_CHANGE_REJECTED',
  ACCOUNT_PROVISIONED = 'ACCOUNT_PROVISIONED',
  RATE_LIMITED = 'RATE_LIMITED',
  REISSUE_EMAIL_REQUESTED = 'REISSUE_EMAIL_REQUESTED',
  REISSUE_EMAIL_REGISTERED = 'REISSUE_EMAIL_REGISTERED',
  REISSUE_EMAIL_DELETED = 'REISSUE_EMAIL_DELETED',
  PASSWORD_REISSUED = 'PASSWORD_REISSUED',
  PASSWORD_REISSUE_REJECTED = 'PASSWORD_REISSUE_REJECTED',
  REISSUE_BLOCKED = 'REISSUE_BLOCKED',
  BILLING_NOTIFICATION_EMAIL = 'BILLING_NOTIFICATION_EMAIL',
  INVOICE_CONFIRMED = 'INVOICE_CONFIRMED',
  OPERATOR_LOGIN = 'OPERATOR_LOGIN',
  OPERATOR_LOCKED = 'OPERATOR_LOCKED',
  OPERATOR_UNLOCKED = 'OPERATOR_UNLOCKED',
  POSTCARD_REISSUED = 'POSTCARD_REISSUED',
  POSTCARD_PRINTED = 'POSTCARD_PRINTED',
  POSTCARD_EXPORTED = 'POSTCARD_EXPORTED',
  POSTCARD_MAILED = 'POSTCARD_MAILED',
  ACCOUNT_UNLOCKED = 'ACCOUNT_UNLOCKED',
  REISSUE_BLOCK_LIFTED = 'REISSUE_BLOCK_LIFTED',
  MAIL_RESENT = 'MAIL_RESENT',
  CONTACT_DETAILS_CHANGED = 'CONTACT_DETAILS_CHANGED',
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  CHARGES_UPSERTED = 'CHARGES_UPSERTED',
  CHARGES_IMPORTED = 'CHARGES_IMPORTED',
  CARRIER_UPSERTED = 'CARRIER_UPSERTED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  PAYMENT_ATTEMPTED = 'PAYMENT_ATTEMPTED',
  PAYEASY_ISSUED = 'PAYEASY_ISSUED',
  DOCUMENT_DOWNLOADED = 'DOCUMENT_DOWNLOADED',
}

export interface AuditEntry {
  event: AuditEventType;
  outcome: string;
  subscriberId?: string | null;
  billingAccountId?: string | null;
  clientAddress?: string | null;
  /** Never a secret: no passwords, tokens or initial credentials. */
  detail?: Record<string, unknown>;
  /** Who acted, when it was not the subscriber: a call-centre operator or an integrator's key. */
  operatorId?: string | null;
  apiKeyId?: string | null;
}

export const AUDIT_COLUMNS =
  'occurred_at, event, outcome, subscriber_id, billing_account_id, client_address, detail, operator_id, api_key_id';

/** `$first, …` placeholders for auditValues, for statements that bind other values before them. */
export function auditPlaceholders(first: number): string {
  return Array.from({ length: 9 }, (_, i) => `$${first + i}`).join(', ');
}

/** Parameters for AUDIT_COLUMNS, in order; for statements that write an audit line with other rows. */
export function auditValues(entry: AuditEntry, occurredAt: Date): unknown[] {
  return [
    occurredAt,
    entry.event,
    entry.outcome,
    entry.subscriberId ?? null,
    entry.billingAccountId ?? null,
    entry.clientAddress ?? null,
    JSON.stringify(entry.detail ?? {}),
    entry.operatorId ?? null,
    entry.apiKeyId ?? null,
  ];
}

export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(1)})`,
      auditValues(entry, this.clock.now()),
    );
  }
}
