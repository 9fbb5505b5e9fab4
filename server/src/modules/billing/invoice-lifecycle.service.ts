import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { type BillingMonth, monthStart } from './billing-month';

/** An invoice as a payment sees it, locked for the payment's transaction. */
export interface PayableInvoice {
  id: string;
  billing_month: string;
  status: 'PROVISIONAL' | 'CONFIRMED';
  billing_amount: number;
  payment_status: 'UNPAID' | 'PAID';
}

/** What a confirmation tells its listeners, inside the confirming transaction. */
export interface ConfirmedInvoice {
  id: string;
  billingAccountId: string;
  dueDate: string;
}

/** Work that must commit or roll back with the confirmation (the notification mail's job). */
export type ConfirmationListener = (tx: EntityManager, invoice: ConfirmedInvoice) => Promise<void>;

/** What a payment tells its listeners, inside the paying transaction. */
export interface PaidInvoice {
  id: string;
  billingAccountId: string;
  billingMonth: string;
  amount: number;
  paidAt: Date;
  method: string;
  cardBrand: string | null;
  cardLast4: string | null;
}

/** Work that must commit or roll back with the payment (the receipt mail). */
export type PaymentListener = (tx: EntityManager, invoice: PaidInvoice) => Promise<void>;

const LOCK_FOR_PAYMENT = `SELECT id, to_char(billing_month, 'YYYY-MM') AS billing_month, status, billing_amount, payment_status
   FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date FOR UPDATE`;

/**
 * Invoice state changes: confirmation (SPEC §4: a confirmed invoice is announced by mail) and payment.
 * Other modules change an invoice's state only through here.
 */
export class InvoiceLifecycleService {
  private readonly confirmationListeners: ConfirmationListener[] = [];
  private readonly paymentListeners: PaymentListener[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Registered at composition (services.ts): billing knows nothing of who reacts to a confirmation,
   * so notifications may depend on billing and not the other way round.
   */
  onConfirmed(listener: ConfirmationListener): void {
    this.confirmationListeners.push(listener);
  }

  /** As onConfirmed, for payments (the receipt mail): run in the paying transaction. */
  onPaid(listener: PaymentListener): void {
    this.paymentListeners.push(listener);
  }

  /**
   * PROVISIONAL → CONFIRMED, and the listeners (the notification mail) run in the same transaction.
   * Idempotent. `by` names who confirmed (an integrator's key, an operator) for the audit trail.
   */
  async confirm(
    invoiceId: string,
    by: { apiKeyId?: string; operatorId?: string } = {},
  ): Promise<'confirmed' | 'already-confirmed' | 'not-found'> {
    return this.db.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE invoice SET status = 'CONFIRMED', confirmed_at = $2, updated_at = $2
          WHERE id = $1 AND status = 'PROVISIONAL'
        RETURNING billing_account_id, to_char(due_date, 'YYYY-MM-DD') AS due_date`,
        [invoiceId, this.clock.now()],
      )) as [{ billing_account_id: string; due_date: string }[], number];
      const updated = rows[0];
      if (!updated) {
        const exists: unknown[] = await tx.query('SELECT 1 FROM invoice WHERE id = $1', [invoiceId]);
        return exists.length > 0 ? 'already-confirmed' : 'not-found';
      }
      for (const listener of this.confirmationListeners) {
        await listener(tx, {
          id: invoiceId,
          billingAccountId: updated.billing_account_id,
          dueDate: updated.due_date,
        });
      }
      await this.audit.record(
        {
          event: AuditEventType.INVOICE_CONFIRMED,
          outcome: 'SUCCESS',
          billingAccountId: updated.billing_account_id,
          detail: { invoiceId },
          apiKeyId: by.apiKeyId ?? null,
          operatorId: by.operatorId ?? null,
        },
        tx,
      );
      return 'confirmed';
    });
  }

  /**
   * The account's invoice of a month, locked until the caller's transaction ends: two payments of one
   * bill run one after the other.
   */
  async lockForPayment(
    tx: EntityManager,
    accountId: string,
    month: BillingMonth,
  ): Promise<PayableInvoice | undefined> {
    const [invoice]: PayableInvoice[] = await tx.query(LOCK_FOR_PAYMENT, [accountId, monthStart(month)]);
    return invoice;
  }

  /**
   * UNPAID → PAID in the caller's transaction (which holds the lock and records the payment); the
   * listeners (the receipt mail) run in it too.
   */
  async markPaid(
    tx: EntityManager,
    invoiceId: string,
    payment: {
      paidAt: Date;
      amount: number;
      method: string;
      cardBrand?: string | null;
      cardLast4?: string | null;
    },
  ): Promise<void> {
    const [[row]] = (await tx.query(
      `UPDATE invoice SET payment_status = 'PAID', paid_at = $2, updated_at = greatest($3, updated_at + interval '1 millisecond')
        WHERE id = $1
        RETURNING billing_account_id, to_char(billing_month, 'YYYY-MM') AS billing_month`,
      [invoiceId, payment.paidAt, this.clock.now()],
    )) as [{ billing_account_id: string; billing_month: string }[], number];
    const paid: PaidInvoice = {
      id: invoiceId,
      billingAccountId: row.billing_account_id,
      billingMonth: row.billing_month,
      amount: payment.amount,
      paidAt: payment.paidAt,
      method: payment.method,
      cardBrand: payment.cardBrand ?? null,
      cardLast4: payment.cardLast4 ?? null,
    };
    for (const listener of this.paymentListeners) await listener(tx, paid);
  }
}
