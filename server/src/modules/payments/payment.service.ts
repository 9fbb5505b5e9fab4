import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { ReadReplicas } from '../../db/read-replicas';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { type BillingService, type InvoiceRow } from '../billing/billing.service';
import { isBillingMonth, retention } from '../billing/billing-month';
import type { InvoiceLifecycleService, PayableInvoice } from '../billing/invoice-lifecycle.service';
import { type CardInput, checkCard } from './card';
import { newPayEasyConfirmationNumber, newPayEasyCustomerNumber } from './payeasy';
import type { DeclineCode, PaymentProvider } from './payment-provider';

const UNIQUE_VIOLATION = '23505';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** An integrator's clock may run a little ahead of ours; beyond this a paidAt is a typo. */
const PAID_AT_SKEW_MS = 5 * 60_000;

export interface PaymentRow {
  id: string;
  invoice_id: string;
  method: 'CARD' | 'PAYEASY' | 'OTHER';
  status: 'SUCCEEDED' | 'DECLINED' | 'FAILED';
  amount: number;
  card_brand: string | null;
  card_last4: string | null;
  provider_reference: string | null;
  failure_code: string | null;
  paid_at: Date | null;
}

export interface PayEasySlipRow {
  invoice_id: string;
  billing_month: string;
  collection_agency_number: string;
  customer_number: string;
  confirmation_number: string;
  amount: number;
  expires_on: string;
}

const PAYMENT_COLUMNS =
  'p.id, p.invoice_id, p.method, p.status, p.amount, p.card_brand, p.card_last4, p.provider_reference, p.failure_code, p.paid_at';
const SLIP_COLUMNS = `s.invoice_id, to_char(i.billing_month, 'YYYY-MM') AS billing_month, s.collection_agency_number,
  s.customer_number, s.confirmation_number, s.amount, to_char(s.expires_on, 'YYYY-MM-DD') AS expires_on`;

type NotPayable = 'NOT_CONFIRMED' | 'NOTHING_TO_PAY';

type InvoiceBlock =
  | { kind: 'not-found' }
  | { kind: 'already-paid' }
  | { kind: 'not-payable'; reason: NotPayable }
  | { kind: 'invalid'; issues: PolicyIssue[] };

export type CardPaymentOutcome =
  | InvoiceBlock
  | { kind: 'succeeded'; invoice: InvoiceRow; receipt: PaymentRow }
  | { kind: 'declined'; code: DeclineCode }
  | { kind: 'failed'; code: string; retryable: boolean };

export type PayEasyOutcome = InvoiceBlock | { kind: 'issued'; slip: PayEasySlipRow };

export type RecordOutcome =
  | { kind: 'account-not-found' }
  | { kind: 'not-found' }
  | { kind: 'already-paid' }
  | { kind: 'not-payable'; reason: 'NOT_CONFIRMED' }
  | { kind: 'amount-mismatch'; expected: number }
  | { kind: 'invalid'; issues: PolicyIssue[] }
  | { kind: 'recorded'; invoice: InvoiceRow; receipt: PaymentRow };

type RecordStep =
  | Exclude<RecordOutcome, { kind: 'recorded' }>
  | { kind: 'committed'; accountId: string; receipt: PaymentRow };

function payability(invoice: PayableInvoice): InvoiceBlock | null {
  if (invoice.payment_status === 'PAID') return { kind: 'already-paid' };
  // A provisional (速報) amount may still change; paying it would leave a difference to settle.
  if (invoice.status !== 'CONFIRMED') return { kind: 'not-payable', reason: 'NOT_CONFIRMED' };
  if (invoice.billing_amount <= 0) return { kind: 'not-payable', reason: 'NOTHING_TO_PAY' };
  return null;
}

/** The attempt already made under this idempotency key, if any; a key used for another bill is refused. */
async function earlierAttempt(
  tx: EntityManager,
  key: string,
  invoiceId: string,
): Promise<PaymentRow | 'key-reused' | null> {
  const [previous]: PaymentRow[] = await tx.query(
    `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.idempotency_key = $1`,
    [key],
  );
  if (!previous) return null;
  return previous.invoice_id === invoiceId ? previous : 'key-reused';
}

const keyReused = () => ({
  kind: 'invalid' as const,
  issues: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
});

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === UNIQUE_VIOLATION;

/**
 * Paying bills (SPEC §3): by card through a PaymentProvider, by Pay-easy numbers, and payments an
 * integrator reports. Every path locks the invoice row first, so two attempts on one bill run one after
 * the other: the second sees the first's payment (same idempotency key: its result; another key: the
 * bill already paid) and the gateway is never asked twice. The unique indexes on payment stay as the
 * last line of defence.
 *
 * `billing` reads the primary (a payment's answer shows the bill as just written); receipts and slips
 * are read for the bill screens through `reads`, after a payment or a slip has waited for the standbys.
 */
export class PaymentService {
  constructor(
    private readonly db: DataSource,
    private readonly billing: BillingService,
    private readonly reads: ReadReplicas,
    private readonly invoices: InvoiceLifecycleService,
    readonly provider: PaymentProvider,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'payments'>,
    private readonly clock: Clock,
  ) {}

  async payByCard(
    who: { billingAccountId: string; subscriberId: string; clientAddress?: string | null },
    input: CardInput & { billingMonth: string; idempotencyKey: string },
  ): Promise<CardPaymentOutcome> {
    const today = this.todayInJapan();
    const { issues, card } = checkCard(input, today);
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey ?? '')) {
      issues.push({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_INVALID' });
    }
    if (!this.inRange(input.billingMonth)) return { kind: 'not-found' };
    // Keys are the client's choice: scoped per account, one subscriber's key can never meet another's.
    const key = `card:${who.billingAccountId}:${input.idempotencyKey}`;

    const attempt = () =>
      this.db.transaction(
        async (tx): Promise<CardPaymentOutcome | { kind: 'committed'; receipt: PaymentRow }> => {
          const invoice = await this.invoices.lockForPayment(tx, who.billingAccountId, input.billingMonth);
          if (!invoice) return { kind: 'not-found' };
          const previous = await earlierAttempt(tx, key, invoice.id);
          if (previous === 'key-reused') return keyReused();
          if (previous) return this.replay(previous);
          const blocked = payability(invoice);
          if (blocked) return blocked;
          if (issues.length > 0 || !card) return { kind: 'invalid', issues };

          // The gateway round trip happens under the invoice lock on purpose (see the class comment); it
          // is short, and a second tab paying the same bill is better made to wait than charged.
          const outcome = await this.provider.charge({
            amount: invoice.billing_amount,
            card,
            idempotencyKey: key,
            description: `Web Billing ${invoice.billing_month}`,
          });
          const now = this.clock.now();
          const status =
            outcome.kind === 'succeeded' ? 'SUCCEEDED' : outcome.kind === 'declined' ? 'DECLINED' : 'FAILED';
          const [row]: PaymentRow[] = await tx.query(
            `INSERT INTO payment AS p (invoice_id, method, status, amount, card_brand, card_last4, provider_reference,
                                  failure_code, idempotency_key, paid_at, created_at)
           VALUES ($1, 'CARD', $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING ${PAYMENT_COLUMNS}`,
            [
              invoice.id,
              status,
              invoice.billing_amount,
              outcome.brand,
              outcome.last4,
              outcome.kind === 'succeeded' ? outcome.reference : null,
              outcome.kind === 'succeeded' ? null : outcome.code,
              key,
              outcome.kind === 'succeeded' ? now : null,
              now,
            ],
          );
          if (outcome.kind === 'succeeded')
            await this.invoices.markPaid(tx, invoice.id, {
              paidAt: now,
              amount: invoice.billing_amount,
              method: 'CARD',
              cardBrand: outcome.brand,
              cardLast4: outcome.last4,
            });
          await this.audit.record(
            {
              event: AuditEventType.PAYMENT_ATTEMPTED,
              outcome: status,
              billingAccountId: who.billingAccountId,
              subscriberId: who.subscriberId,
              clientAddress: who.clientAddress ?? null,
              // Brand only: the payment row holds the last four; no card data belongs in the audit log.
              detail: {
                paymentId: row.id,
                billingMonth: invoice.billing_month,
                amount: invoice.billing_amount,
                method: 'CARD',
                cardBrand: outcome.brand,
                ...(outcome.kind === 'succeeded' ? {} : { failureCode: outcome.code }),
              },
            },
            tx,
          );
          return this.replay(row);
        },
      );

    const result = await this.retryOnUniqueViolation(attempt);
    if (result.kind !== 'committed') return result;
    // The subscriber's next screen (maybe from another instance) must show the bill paid.
    await this.reads.awaitReplay();
    return {
      kind: 'succeeded',
      receipt: result.receipt,
      invoice: await this.invoiceRow(who.billingAccountId, input.billingMonth),
    };
  }

  /** A stored attempt as its outcome; a success is completed with the fresh invoice after commit. */
  private replay(row: PaymentRow): CardPaymentOutcome | { kind: 'committed'; receipt: PaymentRow } {
    switch (row.status) {
      case 'SUCCEEDED':
        return { kind: 'committed', receipt: row };
      case 'DECLINED':
        return { kind: 'declined', code: (row.failure_code ?? 'CARD_DECLINED') as DeclineCode };
      case 'FAILED':
        return { kind: 'failed', code: row.failure_code ?? 'PROCESSING_ERROR', retryable: true };
    }
  }

  /**
   * Pay-easy numbers for one bill. Issued once and returned unchanged on every later call while they
   * are payable; once past their expiry (or if the amount changed) the confirmation number, amount and
   * expiry are renewed under the same customer number.
   */
  async issuePayEasySlip(
    who: { billingAccountId: string; subscriberId: string; clientAddress?: string | null },
    billingMonth: string,
  ): Promise<PayEasyOutcome> {
    if (!this.inRange(billingMonth)) return { kind: 'not-found' };
    const outcome = await this.db.transaction(async (tx): Promise<PayEasyOutcome> => {
      const invoice = await this.invoices.lockForPayment(tx, who.billingAccountId, billingMonth);
      if (!invoice) return { kind: 'not-found' };
      const blocked = payability(invoice);
      if (blocked) return blocked;
      const now = this.clock.now();
      const [existing]: (PayEasySlipRow & { current: boolean })[] = await tx.query(
        `SELECT ${SLIP_COLUMNS},
                (s.expires_on >= ($2::timestamptz AT TIME ZONE 'Asia/Tokyo')::date AND s.amount = i.billing_amount) AS current
           FROM payeasy_slip s JOIN invoice i ON i.id = s.invoice_id WHERE s.invoice_id = $1`,
        [invoice.id, now],
      );
      if (existing?.current) {
        const { current: _, ...slip } = existing;
        return { kind: 'issued', slip };
      }
      // Payable until the due date, and never for less than the configured days from today.
      const expiry = `GREATEST(i.due_date, ($2::timestamptz AT TIME ZONE 'Asia/Tokyo')::date + $3::int)`;
      const { payEasyCollectionAgencyNumber: agency, payEasyValidDays: days } = this.config.payments;
      if (existing) {
        await tx.query(
          `UPDATE payeasy_slip s SET confirmation_number = $4, amount = i.billing_amount, expires_on = ${expiry},
                  collection_agency_number = $5
             FROM invoice i WHERE i.id = s.invoice_id AND s.invoice_id = $1`,
          [invoice.id, now, days, newPayEasyConfirmationNumber(), agency],
        );
      } else {
        // A random customer number can collide with another bill's; try another (ON CONFLICT keeps the
        // transaction usable, which a caught unique violation would not).
        for (let tries = 0; ; tries++) {
          const inserted: unknown[] = await tx.query(
            `INSERT INTO payeasy_slip (invoice_id, collection_agency_number, customer_number, confirmation_number,
                                       amount, expires_on, created_at)
             SELECT i.id, $4, $5, $6, i.billing_amount, ${expiry}, $2 FROM invoice i WHERE i.id = $1
             ON CONFLICT (customer_number) DO NOTHING RETURNING invoice_id`,
            [invoice.id, now, days, agency, newPayEasyCustomerNumber(), newPayEasyConfirmationNumber()],
          );
          if (inserted.length > 0) break;
          if (tries > 10) throw new Error('could not allocate a unique Pay-easy customer number');
        }
      }
      const [slip]: PayEasySlipRow[] = await tx.query(
        `SELECT ${SLIP_COLUMNS} FROM payeasy_slip s JOIN invoice i ON i.id = s.invoice_id WHERE s.invoice_id = $1`,
        [invoice.id],
      );
      await this.audit.record(
        {
          event: AuditEventType.PAYEASY_ISSUED,
          outcome: existing ? 'RENEWED' : 'ISSUED',
          billingAccountId: who.billingAccountId,
          subscriberId: who.subscriberId,
          clientAddress: who.clientAddress ?? null,
          detail: { billingMonth, amount: slip.amount, expiresOn: slip.expires_on },
        },
        tx,
      );
      return { kind: 'issued', slip };
    });
    // The bill screen shows the slip (Invoice.payEasySlip, read through `reads`).
    if (outcome.kind === 'issued') await this.reads.awaitReplay();
    return outcome;
  }

  /** An integrator reports money received (a Pay-easy payment, a bank transfer) for one bill. */
  async recordPayment(
    apiKeyId: string,
    input: {
      customerNumber: string;
      billingMonth: string;
      amount: number;
      method: 'PAYEASY' | 'OTHER';
      reference: string;
      paidAt?: Date | null;
      idempotencyKey: string;
    },
  ): Promise<RecordOutcome> {
    const now = this.clock.now();
    const customerNumber = (input.customerNumber ?? '').normalize('NFKC').replace(/[\s-]/g, '');
    const reference = (input.reference ?? '').normalize('NFKC').trim();
    const issues: PolicyIssue[] = [];
    if (!customerNumber) issues.push({ field: 'customerNumber', code: 'REQUIRED' });
    // Only the months kept (15) can be settled here: older bills are beyond what the portal shows.
    if (!this.inRange(input.billingMonth)) issues.push({ field: 'billingMonth', code: 'MONTH_OUT_OF_RANGE' });
    if (!Number.isInteger(input.amount) || input.amount < 1)
      issues.push({ field: 'amount', code: 'AMOUNT_INVALID' });
    if (!reference || reference.length > 100) issues.push({ field: 'reference', code: 'REFERENCE_INVALID' });
    if (input.paidAt && input.paidAt.getTime() > now.getTime() + PAID_AT_SKEW_MS) {
      issues.push({ field: 'paidAt', code: 'PAID_AT_IN_FUTURE' });
    } else if (
      input.paidAt &&
      this.inRange(input.billingMonth) &&
      input.paidAt.getTime() < Date.parse(`${input.billingMonth}-01T00:00:00+09:00`)
    ) {
      // Nothing can be paid before its billing month began (Japan time): a typo or the wrong bill.
      issues.push({ field: 'paidAt', code: 'PAID_AT_BEFORE_BILLING_MONTH' });
    }
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey ?? '')) {
      issues.push({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_INVALID' });
    }
    if (issues.length > 0) return { kind: 'invalid', issues };
    // Per key, like the card flow per account: two integrators cannot trip over each other's keys.
    const key = `api:${apiKeyId}:${input.idempotencyKey}`;

    const attempt = () =>
      this.db.transaction(async (tx): Promise<RecordStep> => {
        const [account]: { id: string }[] = await tx.query(
          'SELECT id FROM billing_account WHERE customer_number = $1',
          [customerNumber],
        );
        if (!account) return { kind: 'account-not-found' };
        const invoice = await this.invoices.lockForPayment(tx, account.id, input.billingMonth);
        if (!invoice) return { kind: 'not-found' };
        const previous = await earlierAttempt(tx, key, invoice.id);
        if (previous === 'key-reused') return keyReused();
        if (previous) return { kind: 'committed', accountId: account.id, receipt: previous };
        if (invoice.payment_status === 'PAID') return { kind: 'already-paid' };
        // As for cards and Pay-easy: a provisional amount may still change, and a bill marked paid
        // would then show a different amount than the one received.
        if (invoice.status !== 'CONFIRMED') return { kind: 'not-payable', reason: 'NOT_CONFIRMED' };
        if (input.amount !== invoice.billing_amount) {
          return { kind: 'amount-mismatch', expected: invoice.billing_amount };
        }
        const paidAt = input.paidAt ?? now;
        const [row]: PaymentRow[] = await tx.query(
          `INSERT INTO payment AS p (invoice_id, method, status, amount, provider_reference, idempotency_key,
                                  recorded_by_api_key_id, paid_at, created_at)
           VALUES ($1, $2, 'SUCCEEDED', $3, $4, $5, $6, $7, $8)
           RETURNING ${PAYMENT_COLUMNS}`,
          [invoice.id, input.method, input.amount, reference, key, apiKeyId, paidAt, now],
        );
        await this.invoices.markPaid(tx, invoice.id, { paidAt, amount: input.amount, method: input.method });
        await this.audit.record(
          {
            event: AuditEventType.PAYMENT_RECORDED,
            outcome: 'SUCCEEDED',
            billingAccountId: account.id,
            apiKeyId,
            detail: {
              paymentId: row.id,
              billingMonth: invoice.billing_month,
              amount: input.amount,
              method: input.method,
              reference,
            },
          },
          tx,
        );
        return { kind: 'committed', accountId: account.id, receipt: row };
      });

    const result = await this.retryOnUniqueViolation(attempt);
    if (result.kind !== 'committed') return result;
    return {
      kind: 'recorded',
      receipt: result.receipt,
      invoice: await this.invoiceRow(result.accountId, input.billingMonth),
    };
  }

  /** Successful payments of several invoices in one statement (the Invoice.receipt loader). */
  async receipts(invoiceIds: readonly string[]): Promise<PaymentRow[]> {
    if (invoiceIds.length === 0) return [];
    const { rows } = await this.reads.query<PaymentRow>({
      name: 'payments-receipts',
      text: `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.invoice_id = ANY($1) AND p.status = 'SUCCEEDED'`,
      values: [invoiceIds],
    });
    return rows;
  }

  /** Issued Pay-easy slips of several invoices in one statement (the Invoice.payEasySlip loader). */
  async slips(invoiceIds: readonly string[]): Promise<PayEasySlipRow[]> {
    if (invoiceIds.length === 0) return [];
    const { rows } = await this.reads.query<PayEasySlipRow>({
      name: 'payments-slips',
      text: `SELECT ${SLIP_COLUMNS} FROM payeasy_slip s JOIN invoice i ON i.id = s.invoice_id WHERE s.invoice_id = ANY($1)`,
      values: [invoiceIds],
    });
    return rows;
  }

  private async invoiceRow(accountId: string, month: string): Promise<InvoiceRow> {
    const found = await this.billing.invoice(accountId, month);
    if (found.kind !== 'found') throw new Error(`invoice ${month} vanished after its payment was recorded`);
    return found.value;
  }

  /**
   * The same idempotency key used on two bills at once passes both invoice locks; the unique index
   * stops the second, and running it again returns the first's verdict.
   */
  private async retryOnUniqueViolation<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return attempt();
    }
  }

  /** Subscribers pay the months they can see (15, the current one included). */
  private inRange(month: string): boolean {
    const r = retention(this.clock);
    return isBillingMonth(month) && month >= r.oldestTotals && month <= r.current;
  }

  private todayInJapan(): { year: number; month: number } {
    const [year, month] = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
    })
      .format(this.clock.now())
      .split('-')
      .map(Number);
    return { year, month };
  }
}
