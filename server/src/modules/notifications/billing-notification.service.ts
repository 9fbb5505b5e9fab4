import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Lang } from '../../i18n/messages';
import { checkEmail, normalizeEmail } from '../../shared/email';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { PaidInvoice } from '../billing/invoice-lifecycle.service';
import { normalizePhoneNumber } from '../billing/phone-number';
import type { OutboxService } from '../mail/outbox.service';
import { PendingAddresses } from '../mail/pending-address';

export const BILLING_NOTIFICATION_QUEUE = 'billing-notification';
/** The guide: "Notification email will be sent 2 weeks ahead of the due date of the payment." */
export const DAYS_BEFORE_DUE = 14;

export type EmailType = 'MOBILE' | 'INTERNET';

export type NotificationRegisterOutcome =
  | { kind: 'sent'; email: string; expiresAt: Date }
  | { kind: 'rejected'; issues: PolicyIssue[] };
export type NotificationConfirmOutcome =
  | { kind: 'registered'; email: string; emailType: EmailType }
  | { kind: 'invalid-token' }
  | { kind: 'rejected'; issues: PolicyIssue[] };

/**
 * Billing-amount notification mail (SPEC §4, guide 4): an address of type MOBILE or INTERNET is
 * registered temporarily, confirmed through a 24-hour link by entering the registered phone number,
 * and from then on each confirmed invoice is announced 14 days before its due date — exactly once per
 * invoice and address (the `billing_notification_sent` ledger), whatever the number of jobs,
 * instances or restarts. Same PENDING → ACTIVE → SUPERSEDED/DELETED states as the reissue address: the
 * shared {@link PendingAddresses}; this service adds the phone number check and the invoice mails.
 */
export class BillingNotificationService {
  private readonly addresses = new PendingAddresses<
    'billing_notification_email',
    { email_type: EmailType; registered_phone_number: string },
    { email_type: EmailType }
  >('billing_notification_email');

  constructor(
    private readonly db: DataSource,
    private readonly boss: PgBoss,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'linkValidMs'>,
    private readonly clock: Clock,
  ) {}

  async register(
    accountId: string,
    input: { emailType: EmailType; email: string },
    lang: Lang,
    clientAddress: string,
  ): Promise<NotificationRegisterOutcome> {
    const email = normalizeEmail(input.email);
    const issues = checkEmail(email, 'email');
    if (issues.length > 0) return { kind: 'rejected', issues };
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.linkValidMs);
    await this.db.transaction(async (tx) => {
      const token = await this.addresses.replacePending(
        tx,
        accountId,
        { email, lang, expiresAt, details: { email_type: input.emailType } },
        now,
      );
      await this.outbox.enqueue(tx, {
        to: email,
        lang,
        message: {
          template: 'billing-notification-confirmation',
          params: { expiresAt: expiresAt.toISOString() },
          secrets: { token },
        },
        secretsExpireAt: expiresAt,
      });
      await this.audit.record(
        {
          event: AuditEventType.BILLING_NOTIFICATION_EMAIL,
          outcome: 'PENDING',
          billingAccountId: accountId,
          clientAddress,
        },
        tx,
      );
    });
    return { kind: 'sent', email, expiresAt };
  }

  /** The link page (guide 4 (12)): the registered phone number proves the account; dashes and full-width welcome. */
  async confirm(
    input: { token: string; registeredPhoneNumber: string },
    caller: { billingAccountId: string | null; clientAddress: string },
  ): Promise<NotificationConfirmOutcome> {
    if (!input.token) return { kind: 'invalid-token' };
    const now = this.clock.now();
    const pending = await this.addresses.findPending(this.db, input.token, now);
    if (!pending || (caller.billingAccountId && caller.billingAccountId !== pending.owner_id)) {
      return { kind: 'invalid-token' };
    }
    if (!input.registeredPhoneNumber.trim()) {
      return { kind: 'rejected', issues: [{ field: 'registeredPhoneNumber', code: 'REQUIRED' }] };
    }
    // The attempt is spent before the number is compared: concurrency buys no extra guesses.
    const attempt = await this.addresses.spendAttempt(this.db, pending);
    if (attempt === null) return { kind: 'invalid-token' };
    const phone = normalizePhoneNumber(input.registeredPhoneNumber);
    if (phone !== pending.registered_phone_number) {
      const voided = await this.addresses.failed(this.db, pending, attempt);
      await this.audit.record({
        event: AuditEventType.BILLING_NOTIFICATION_EMAIL,
        outcome: voided ? 'LINK_VOIDED' : 'WRONG_PHONE_NUMBER',
        billingAccountId: pending.owner_id,
        clientAddress: caller.clientAddress,
        detail: { attempt },
      });
      if (voided) return { kind: 'invalid-token' };
      return {
        kind: 'rejected',
        issues: [
          { field: 'registeredPhoneNumber', code: phone ? 'PHONE_NUMBER_MISMATCH' : 'PHONE_NUMBER_INVALID' },
        ],
      };
    }
    await this.db.transaction(async (tx) => {
      const old = await this.addresses.activate(tx, pending, now);
      await this.outbox.enqueue(tx, {
        to: pending.email,
        lang: pending.lang,
        message: { template: 'billing-notification-registered', params: {} },
      });
      // The address it replaces is told, so a change nobody asked for does not go unnoticed.
      if (old && old.email !== pending.email) {
        await this.outbox.enqueue(tx, {
          to: old.email,
          lang: old.lang,
          message: {
            template: 'security-notice',
            params: { kind: 'BILLING_NOTIFICATION_EMAIL_CHANGED', at: now.toISOString() },
          },
        });
      }
      await this.audit.record(
        {
          event: AuditEventType.BILLING_NOTIFICATION_EMAIL,
          outcome: 'REGISTERED',
          billingAccountId: pending.owner_id,
          clientAddress: caller.clientAddress,
        },
        tx,
      );
    });
    return { kind: 'registered', email: pending.email, emailType: pending.email_type };
  }

  async delete(accountId: string, clientAddress: string): Promise<boolean> {
    const now = this.clock.now();
    const { count: deleted } = await this.addresses.end(this.db, accountId, now);
    if (deleted > 0) {
      await this.audit.record({
        event: AuditEventType.BILLING_NOTIFICATION_EMAIL,
        outcome: 'DELETED',
        billingAccountId: accountId,
        clientAddress,
      });
    }
    return deleted > 0;
  }

  async state(accountId: string) {
    const live = await this.addresses.state(this.db, accountId, this.clock.now());
    if (!live) return null;
    const { active, pending } = live;
    return {
      email: active?.email ?? null,
      emailType: active?.email_type ?? null,
      pendingEmail: pending?.email ?? null,
      pendingEmailType: pending?.email_type ?? null,
      pendingExpiresAt: pending?.expires_at ?? null,
    };
  }

  /**
   * Called in the transaction that confirms an invoice: a job due 14 days before the due date (now,
   * if that is past). The singleton key keeps one live job per invoice; the ledger makes even a
   * duplicate job harmless.
   */
  async schedule(tx: EntityManager, invoiceId: string, dueDate: string): Promise<void> {
    // Due dates are Japan dates: announce at 09:00 JST, 14 days before.
    const at = new Date(`${dueDate}T09:00:00+09:00`);
    at.setUTCDate(at.getUTCDate() - DAYS_BEFORE_DUE);
    await this.boss.send(
      BILLING_NOTIFICATION_QUEUE,
      { invoiceId },
      {
        // Past the announcement time already: no startAfter, the job runs at once.
        ...(at > this.clock.now() ? { startAfter: at } : {}),
        singletonKey: invoiceId,
        db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) },
      },
    );
  }

  /**
   * The receipt of a payment, to the billing notification address (the one the subscriber chose for
   * billing mail), in the paying transaction: a rolled-back payment mails nothing. No address, no mail.
   */
  async enqueueReceipt(tx: EntityManager, paid: PaidInvoice): Promise<void> {
    const [to]: { email: string; lang: Lang }[] = await tx.query(
      `SELECT email, lang FROM billing_notification_email WHERE billing_account_id = $1 AND status = 'ACTIVE'`,
      [paid.billingAccountId],
    );
    if (!to) return;
    await this.outbox.enqueue(tx, {
      to: to.email,
      lang: to.lang,
      message: {
        template: 'payment-receipt',
        params: {
          billingMonth: paid.billingMonth,
          amount: paid.amount,
          paidAt: paid.paidAt.toISOString(),
          method: paid.method,
          cardBrand: paid.cardBrand,
          cardLast4: paid.cardLast4,
        },
      },
    });
  }

  /** The job: one mail per invoice and active address, recorded in the ledger in the same transaction. */
  async notify(invoiceId: string): Promise<'sent' | 'already-sent' | 'nothing-to-send'> {
    return this.db.transaction(async (tx) => {
      const [row]: {
        email: string;
        lang: Lang;
        billing_month: string;
        billing_amount: number;
        due_date: string;
      }[] = await tx.query(
        `SELECT n.email, n.lang, to_char(i.billing_month, 'YYYY-MM') AS billing_month, i.billing_amount,
                to_char(i.due_date, 'YYYY-MM-DD') AS due_date
           FROM invoice i
           JOIN billing_notification_email n ON n.billing_account_id = i.billing_account_id AND n.status = 'ACTIVE'
          WHERE i.id = $1 AND i.status = 'CONFIRMED'`,
        [invoiceId],
      );
      if (!row) return 'nothing-to-send';
      const claimed: unknown[] = await tx.query(
        `INSERT INTO billing_notification_sent (invoice_id, email, mail_id) VALUES ($1, $2, gen_random_uuid())
         ON CONFLICT DO NOTHING RETURNING invoice_id`,
        [invoiceId, row.email],
      );
      if (claimed.length === 0) return 'already-sent';
      const mailId = await this.outbox.enqueue(tx, {
        to: row.email,
        lang: row.lang,
        message: {
          template: 'billing-amount',
          params: {
            billingMonth: row.billing_month,
            billingAmount: row.billing_amount,
            dueDate: row.due_date,
          },
        },
      });
      await tx.query(
        'UPDATE billing_notification_sent SET mail_id = $3 WHERE invoice_id = $1 AND email = $2',
        [invoiceId, row.email, mailId],
      );
      return 'sent';
    });
  }

  async startWorker(pollSeconds: number): Promise<void> {
    await this.boss.work<{ invoiceId: string }>(
      BILLING_NOTIFICATION_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: pollSeconds },
      async ([job]) => {
        await this.notify(job.data.invoiceId);
      },
    );
  }

  async ensureQueue(): Promise<void> {
    await this.boss.createQueue(BILLING_NOTIFICATION_QUEUE, {
      retryLimit: 10,
      retryDelay: 60,
      retryBackoff: true,
    });
  }
}
