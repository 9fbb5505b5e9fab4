import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import type { AttemptBudget } from '../../security/attempt-budget';
import type { PasswordHasher } from '../../security/password-hasher';
import type { SecretSeal } from '../../security/secret-seal';
import { normalizeIdentifier } from '../../shared/identifiers';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SessionService } from '../auth/session.service';
import { normalizeLineNumber } from '../billing/line-number';
import type { OutboxService } from '../mail/outbox.service';
import type { AuditEntryRow, AuditLogService } from './audit-log.service';
import { withFreshInitialCredentials } from './initial-credentials';
import { checkReason, isUuid, maskEmail, type OperatorActor } from './operator-reason';
import { POSTCARD_COLUMNS, type PostcardRow, toPostcard } from './postcard.service';
import type { ProvisionAccountCommand, ProvisioningService } from './provisioning.service';

export interface AccountStatusRow {
  postcardPending: boolean;
  activated: boolean;
  locked: boolean;
  reissueBlocked: boolean;
}

export interface AccountSummaryRow {
  id: string;
  customerNumber: string;
  holderName: string;
  registeredPhoneNumber: string;
  loginId: string | null;
  status: AccountStatusRow;
}

export interface AccountViewRow extends AccountSummaryRow {
  postalAddress: string;
  createdAt: Date;
  lines: { lineNumber: string; carrierCode: string; carrierName: string; serviceName: string }[];
  lineTotalCount: number;
  reissueEmail: string | null;
  billingNotificationEmails: { email: string; emailType: string | null; status: string }[];
  contactEmail: string | null;
  postcards: PostcardRow[];
  recentEvents: AuditEntryRow[];
}

/** Who acted: an operator's session or an integrator's key, and from where. */
type Invalid = { kind: 'invalid'; issues: PolicyIssue[] };
type NotFound = { kind: 'not-found' };

/** What a provisioning request asked for, normalised (as ProvisioningService.check returns it). */
type SentDetails = {
  holderName: string;
  phone: string;
  postalAddress: string;
  lines: { lineNumber: string }[];
};
type SentRow = {
  holder_name: string;
  registered_phone_number: string;
  postal_address: string;
  line_numbers: string[];
};

export type ProvisionOutcome =
  | Invalid
  | { kind: 'provisioned'; account: AccountSummaryRow; postcard: PostcardRow };
export type PostcardReissueOutcome =
  | Invalid
  | NotFound
  | {
      kind: 'queued';
      account: AccountSummaryRow;
      postcard: PostcardRow;
      sessionsRevoked: number;
      postcardsCancelled: number;
    };
export type UnlockOutcome =
  | Invalid
  | NotFound
  | { kind: 'not-locked' }
  | { kind: 'unlocked'; account: AccountSummaryRow };
export type LiftBlockOutcome =
  | Invalid
  | NotFound
  | { kind: 'not-blocked' }
  | { kind: 'lifted'; account: AccountSummaryRow };

interface SummarySqlRow {
  id: string;
  customer_number: string;
  holder_name: string;
  registered_phone_number: string;
  postal_address: string;
  contact_email: string | null;
  created_at: Date;
  subscriber_id: string | null;
  login_id: string | null;
  initial_login_id: string | null;
  locked: boolean;
  activated: boolean;
  postcard_pending: boolean;
  reissue_blocked: boolean;
}

const SEARCH_LIMIT = 50;
const DASHES = /[\s\-‐‑‒–—―−ー()（）]/g;
/**
 * The call-centre side of an account (SPEC §1, §2.2 steps 1 and 7): find it from what a caller can
 * tell (customer number, phone or line number, login ID), see where it stands, and act on it. Every
 * action states a reason and is audited with the operator's id; no credential ever reaches the audit.
 */
export class OperatorAccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly seal: SecretSeal,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    /** Self-service reissue attempts per login ID (the reissue module spends them). */
    private readonly reissueAttempts: AttemptBudget,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogService,
    private readonly provisioning: ProvisioningService,
    private readonly config: Pick<Config, 'reissue' | 'initialPasswordValidMs'>,
    private readonly clock: Clock,
  ) {}

  private credentialDeps() {
    return { db: this.db, hasher: this.hasher, seal: this.seal, config: this.config, clock: this.clock };
  }

  /** One search box: exact matches only, each on an index, so it stays instant on millions of rows. */
  async search(query: string): Promise<AccountSummaryRow[]> {
    const raw = query.normalize('NFKC').trim();
    if (!raw || raw.length > 100) return [];
    const digits = raw.replace(DASHES, '');
    const numeric = /^[0-9]{1,20}$/.test(digits);
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id FROM billing_account a WHERE a.customer_number = $1 OR a.registered_phone_number = $2
       UNION SELECT l.billing_account_id FROM line l WHERE l.line_number = $3
       UNION SELECT s.billing_account_id FROM subscriber s WHERE lower(s.login_id) = $4 OR lower(s.initial_login_id) = $4
       LIMIT $5`,
      [
        numeric && digits.length <= 10 ? digits.padStart(10, '0') : null,
        numeric ? digits : null,
        normalizeLineNumber(raw),
        normalizeIdentifier(raw).toLowerCase(),
        SEARCH_LIMIT,
      ],
    );
    const found = await this.summaries(rows.map((r) => r.id));
    return found.map(toSummary).sort((a, b) => a.customerNumber.localeCompare(b.customerNumber));
  }

  async view(accountId: string, lang: Lang): Promise<AccountViewRow | null> {
    if (!isUuid(accountId)) return null;
    const [row] = await this.summaries([accountId]);
    if (!row) return null;
    const [lines, [{ count }], reissueEmails, notificationEmails, postcards, recentEvents] =
      await Promise.all([
        this.db.query(
          `SELECT l.line_number, c.code, c.name_ja, c.name_en, l.service_name
           FROM line l JOIN carrier c ON c.id = l.carrier_id
          WHERE l.billing_account_id = $1 ORDER BY l.line_number LIMIT 50`,
          [accountId],
        ) as Promise<
          { line_number: string; code: string; name_ja: string; name_en: string; service_name: string }[]
        >,
        this.db.query('SELECT count(*)::int AS count FROM line WHERE billing_account_id = $1', [
          accountId,
        ]) as Promise<{ count: number }[]>,
        row.subscriber_id
          ? (this.db.query(`SELECT email FROM reissue_email WHERE subscriber_id = $1 AND status = 'ACTIVE'`, [
              row.subscriber_id,
            ]) as Promise<{ email: string }[]>)
          : Promise.resolve([]),
        this.db.query(
          `SELECT email, email_type, status FROM billing_notification_email
          WHERE billing_account_id = $1 AND (status = 'ACTIVE' OR (status = 'PENDING' AND expires_at > $2))
          ORDER BY created_at DESC LIMIT 5`,
          [accountId, this.clock.now()],
        ) as Promise<{ email: string; email_type: string; status: string }[]>,
        this.db.query(
          `SELECT ${POSTCARD_COLUMNS} FROM postcard p JOIN billing_account a ON a.id = p.billing_account_id
          WHERE p.billing_account_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 20`,
          [accountId],
        ) as Promise<Parameters<typeof toPostcard>[0][]>,
        this.auditLog.recentForAccount(accountId, 20),
      ]);
    return {
      ...toSummary(row),
      postalAddress: row.postal_address,
      createdAt: row.created_at,
      lines: lines.map((l) => ({
        lineNumber: l.line_number,
        carrierCode: l.code,
        carrierName: lang === 'ja' ? l.name_ja : l.name_en,
        serviceName: l.service_name,
      })),
      lineTotalCount: count,
      reissueEmail: maskEmail(reissueEmails[0]?.email),
      billingNotificationEmails: notificationEmails.map((e) => ({
        email: maskEmail(e.email) ?? '',
        emailType: e.email_type,
        status: e.status,
      })),
      contactEmail: maskEmail(row.contact_email),
      postcards: postcards.map(toPostcard),
      recentEvents,
    };
  }

  /** SPEC §2.2 step 1, for operators and integrators alike (an integrator's reason defaults). */
  async provision(
    cmd: ProvisionAccountCommand & { reason?: string | null; idempotencyKey?: string | null },
    actor: OperatorActor,
  ): Promise<ProvisionOutcome> {
    const { reason, issues: reasonIssues } = checkReason(
      cmd.reason,
      actor.apiKeyId ? 'integration' : undefined,
    );
    const { issues, normalized } = await this.provisioning.check(cmd);
    if (issues.length + reasonIssues.length > 0 || !normalized)
      return { kind: 'invalid', issues: [...issues, ...reasonIssues] };
    // Keys are the sender's own: one integrator's key can never meet another's or an operator's.
    const key = cmd.idempotencyKey?.trim()
      ? `${actor.apiKeyId ? `api-key:${actor.apiKeyId}` : `operator:${actor.operatorId}`}:${cmd.idempotencyKey.trim()}`
      : null;
    const earlier = key ? await this.provisionedWith(key, normalized) : null;
    if (earlier) return earlier;
    try {
      const created = await this.provisioning.provision(
        { ...cmd, provisioningKey: key },
        {
          via: actor.apiKeyId ? 'api' : 'operator',
          clientAddress: actor.clientAddress,
          operatorId: actor.operatorId,
          apiKeyId: actor.apiKeyId,
          reason,
        },
      );
      const [account] = await this.summaries([created.accountId]);
      return {
        kind: 'provisioned',
        account: toSummary(account),
        postcard: await this.postcard(created.postcardId),
      };
    } catch (error) {
      // The same key sent twice at once: the other request made the account.
      const raced =
        key && (error as { constraint?: string }).constraint === 'billing_account_provisioning_key';
      const made = raced ? await this.provisionedWith(key, normalized) : null;
      if (made) return made;
      throw error;
    }
  }

  /**
   * The account an earlier request with this (scoped) key made, with its first postcard; a key sent
   * again with other details is refused (a retry repeats its request, anything else is a new one).
   */
  private async provisionedWith(key: string, sent: SentDetails): Promise<ProvisionOutcome | null> {
    const [row]: (SentRow & { id: string; postcard_id: string })[] = await this.db.query(
      `SELECT a.id, a.holder_name, a.registered_phone_number, a.postal_address,
              (SELECT p.id FROM postcard p WHERE p.billing_account_id = a.id
                ORDER BY p.created_at LIMIT 1) AS postcard_id,
              ARRAY(SELECT l.line_number FROM line l WHERE l.billing_account_id = a.id
                     ORDER BY l.line_number) AS line_numbers
         FROM billing_account a WHERE a.provisioning_key = $1`,
      [key],
    );
    if (!row) return null;
    const same =
      row.holder_name === sent.holderName &&
      row.registered_phone_number === sent.phone &&
      row.postal_address === sent.postalAddress &&
      row.line_numbers.join() ===
        sent.lines
          .map((l) => l.lineNumber)
          .sort()
          .join();
    if (!same)
      return {
        kind: 'invalid',
        issues: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED_OTHER_ACCOUNT' }],
      };
    const [account] = await this.summaries([row.id]);
    return {
      kind: 'provisioned',
      account: toSummary(account),
      postcard: await this.postcard(row.postcard_id),
    };
  }

  /**
   * SPEC §2.2 step 7: new initial credentials by post. The chosen login ID and password (and any mailed
   * reissue password) stop working in the same transaction, every session ends, and an unmailed older
   * postcard is cancelled with its sealed password wiped, so only the newest card can ever work.
   */
  async reissueByPostcard(
    accountId: string,
    rawReason: string,
    actor: OperatorActor,
  ): Promise<PostcardReissueOutcome> {
    const { reason, issues } = checkReason(rawReason);
    if (issues.length > 0) return { kind: 'invalid', issues };
    if (!isUuid(accountId)) return { kind: 'not-found' };

    const now = this.clock.now();
    const done = await withFreshInitialCredentials(this.credentialDeps(), async (tx, credentials) => {
      const [subscriber]: { id: string; login_id: string | null }[] = await tx.query(
        'SELECT id, login_id FROM subscriber WHERE billing_account_id = $1 FOR UPDATE',
        [accountId],
      );
      if (!subscriber) return null;
      await tx.query(
        `UPDATE subscriber
            SET login_id = NULL, password_hash = NULL, reissue_password_hash = NULL, reissue_expires_at = NULL,
                initial_login_id = $2, initial_password_hash = $3, initial_expires_at = $4,
                required_action = 'CHANGE_INITIAL_CREDENTIALS', locked_at = NULL, failed_login_count = 0,
                updated_at = $5
          WHERE id = $1`,
        [subscriber.id, credentials.loginId, credentials.passwordHash, credentials.expiresAt, now],
      );
      const sessionsRevoked = await this.sessions.revokeAll(subscriber.id, tx);
      // TypeORM answers UPDATE … RETURNING with [rows, affected].
      const [cancelled]: [unknown[], number] = await tx.query(
        `UPDATE postcard SET status = 'CANCELLED', cancelled_at = $2, initial_password_sealed = NULL
          WHERE billing_account_id = $1 AND status = 'PENDING' RETURNING id`,
        [accountId, now],
      );
      const [postcard]: { id: string }[] = await tx.query(
        `INSERT INTO postcard (billing_account_id, initial_login_id, initial_password_sealed, kind, created_at)
         VALUES ($1, $2, $3, 'REISSUE', $4) RETURNING id`,
        [accountId, credentials.loginId, credentials.passwordSealed, now],
      );
      await this.outbox.enqueueSecurityNotice(tx, subscriber.id, 'CREDENTIALS_REISSUED_BY_POSTCARD', now);
      await this.audit.record(
        {
          event: AuditEventType.POSTCARD_REISSUED,
          outcome: 'SUCCESS',
          subscriberId: subscriber.id,
          billingAccountId: accountId,
          operatorId: actor.operatorId,
          apiKeyId: actor.apiKeyId,
          clientAddress: actor.clientAddress,
          detail: {
            reason,
            postcardId: postcard.id,
            sessionsRevoked,
            postcardsCancelled: cancelled.length,
          },
        },
        tx,
      );
      return {
        postcardId: postcard.id,
        sessionsRevoked,
        postcardsCancelled: cancelled.length,
        oldLoginId: subscriber.login_id,
      };
    });
    if (!done) return { kind: 'not-found' };
    // The old ID's sign-in and reissue counters belong to credentials that no longer exist.
    if (done.oldLoginId) await this.throttle.clear(done.oldLoginId);
    const [account] = await this.summaries([accountId]);
    return {
      kind: 'queued',
      account: toSummary(account),
      postcard: await this.postcard(done.postcardId),
      sessionsRevoked: done.sessionsRevoked,
      postcardsCancelled: done.postcardsCancelled,
    };
  }

  /** Clears the password lock and the failure counts, so the subscriber may try again at once. */
  async unlock(accountId: string, rawReason: string, actor: OperatorActor): Promise<UnlockOutcome> {
    const { reason, issues } = checkReason(rawReason);
    if (issues.length > 0) return { kind: 'invalid', issues };
    const [row] = isUuid(accountId) ? await this.summaries([accountId]) : [];
    if (!row?.subscriber_id) return { kind: 'not-found' };
    const subscriberId = row.subscriber_id;
    const unlocked = await this.db.transaction(async (tx) => {
      // TypeORM answers an UPDATE with [rows, affected]; none affected: not locked (or a concurrent
      // unlock won the race), so nothing to audit.
      const [, affected] = (await tx.query(
        `UPDATE subscriber SET locked_at = NULL, failed_login_count = 0, updated_at = $2
          WHERE id = $1 AND locked_at IS NOT NULL`,
        [subscriberId, this.clock.now()],
      )) as [unknown, number];
      if (!affected) return false;
      await this.record(tx, AuditEventType.ACCOUNT_UNLOCKED, row, actor, { reason });
      // SPEC §2.3: a change to the lock is told to the registered address ("if this was not you…").
      await this.outbox.enqueueSecurityNotice(tx, subscriberId, 'ACCOUNT_UNLOCKED', this.clock.now());
      return true;
    });
    if (!unlocked) return { kind: 'not-locked' };
    await Promise.all(
      [row.login_id, row.initial_login_id]
        .filter((id): id is string => Boolean(id))
        .map((id) => this.throttle.clear(id)),
    );
    const [account] = await this.summaries([accountId]);
    return { kind: 'unlocked', account: toSummary(account) };
  }

  /** Lifts the 24-hour suspension of self-service reissue that repeated wrong answers caused. */
  async liftReissueBlock(
    accountId: string,
    rawReason: string,
    actor: OperatorActor,
  ): Promise<LiftBlockOutcome> {
    const { reason, issues } = checkReason(rawReason);
    if (issues.length > 0) return { kind: 'invalid', issues };
    const [row] = isUuid(accountId) ? await this.summaries([accountId]) : [];
    if (!row?.subscriber_id) return { kind: 'not-found' };
    if (!row.reissue_blocked || !row.login_id) return { kind: 'not-blocked' };
    await this.reissueAttempts.clear(row.login_id.toLowerCase());
    await this.db.transaction(async (tx) => {
      await this.record(tx, AuditEventType.REISSUE_BLOCK_LIFTED, row, actor, { reason });
      await this.outbox.enqueueSecurityNotice(
        tx,
        row.subscriber_id as string,
        'REISSUE_BLOCK_LIFTED',
        this.clock.now(),
      );
    });
    const [account] = await this.summaries([accountId]);
    return { kind: 'lifted', account: toSummary(account) };
  }

  async summariesOf(ids: string[]): Promise<AccountSummaryRow[]> {
    return (await this.summaries(ids.filter(isUuid))).map(toSummary);
  }

  private async summaries(ids: string[]): Promise<SummarySqlRow[]> {
    if (ids.length === 0) return [];
    const rows: SummarySqlRow[] = await this.db.query(
      `SELECT a.id, a.customer_number, a.holder_name, a.registered_phone_number, a.postal_address,
              a.contact_email, a.created_at, s.id AS subscriber_id, s.login_id, s.initial_login_id,
              coalesce(s.locked_at IS NOT NULL, false) AS locked,
              coalesce(s.initial_login_id IS NULL AND s.login_id IS NOT NULL, false) AS activated,
              EXISTS (SELECT 1 FROM postcard p WHERE p.billing_account_id = a.id AND p.status = 'PENDING')
                AS postcard_pending,
              false AS reissue_blocked
         FROM billing_account a LEFT JOIN subscriber s ON s.billing_account_id = a.id
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    // Reissue attempts are kept per login ID, under an HMAC of it (AttemptBudget).
    const blocked = await this.reissueAttempts.exhaustedAmong(
      rows.flatMap((row) => (row.login_id ? [row.login_id.toLowerCase()] : [])),
    );
    for (const row of rows) row.reissue_blocked = !!row.login_id && blocked.has(row.login_id.toLowerCase());
    return rows;
  }

  private async postcard(id: string): Promise<PostcardRow> {
    const [row] = await this.db.query(
      `SELECT ${POSTCARD_COLUMNS} FROM postcard p JOIN billing_account a ON a.id = p.billing_account_id WHERE p.id = $1`,
      [id],
    );
    return toPostcard(row);
  }

  private record(
    tx: EntityManager,
    event: AuditEventType,
    row: SummarySqlRow,
    actor: OperatorActor,
    detail: Record<string, unknown>,
  ) {
    return this.audit.record(
      {
        event,
        outcome: 'SUCCESS',
        subscriberId: row.subscriber_id,
        billingAccountId: row.id,
        operatorId: actor.operatorId,
        apiKeyId: actor.apiKeyId,
        clientAddress: actor.clientAddress,
        detail,
      },
      tx,
    );
  }
}

function toSummary(row: SummarySqlRow): AccountSummaryRow {
  return {
    id: row.id,
    customerNumber: row.customer_number,
    holderName: row.holder_name,
    registeredPhoneNumber: row.registered_phone_number,
    // Only the ID the subscriber chose: initial credentials appear on the postcard sheet and export only.
    loginId: row.login_id,
    status: {
      postcardPending: row.postcard_pending,
      activated: row.activated,
      locked: row.locked,
      reissueBlocked: row.reissue_blocked,
    },
  };
}
