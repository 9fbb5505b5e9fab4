import { createHash } from 'node:crypto';
import type { Clock } from '../../clock';
import type { AuthenticatedSession } from '../../shared/session';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { BillingService } from '../billing/billing.service';
import type { BillingExport } from '../billing/billing-export';
import { type BillingMonth, isBillingMonth, retention, tokyoToday } from '../billing/billing-month';
import type { PaymentService } from '../payments/payment.service';
import { breakdownCsv } from './breakdown-csv';
import { issuersOf } from './issuers';
import { renderBillPdf } from './pdf/bill-pdf';
import { renderCertificatePdf } from './pdf/certificate-pdf';
import { methodText, renderReceiptPdf } from './pdf/receipt-pdf';

/** What a caller can be told is missing; the same answer whether the month is someone else's or none. */
export type MissingCode =
  | 'INVOICE_NOT_FOUND'
  | 'MONTH_OUT_OF_RANGE'
  | 'DETAILS_NOT_RETAINED'
  | 'RECEIPT_NOT_FOUND'
  | 'NO_PAYMENTS_IN_PERIOD';

export type DocumentOutcome<T> = { kind: 'found'; value: T } | { kind: 'missing'; code: MissingCode };

export type PeriodOutcome<T> =
  | DocumentOutcome<T>
  | { kind: 'invalid'; code: 'PERIOD_INVALID' | 'MONTH_OUT_OF_RANGE' };

/** The signed-in subscriber a document is for. */
export interface DocumentReader {
  session: AuthenticatedSession;
  clientAddress: string;
}

export type DocumentKind = 'BILL_PDF' | 'RECEIPT_PDF' | 'PAYMENT_CERTIFICATE_PDF' | 'BREAKDOWN_CSV';

/**
 * A receipt's number, derived from its payment (a SHA-256 of the payment's id): the same on every
 * download, different for every payment, and stored nowhere.
 */
export function receiptNumber(paymentId: string, billingMonth: string): string {
  const digest = createHash('sha256').update(`receipt:${paymentId}`).digest('hex').slice(0, 10).toUpperCase();
  return `R${billingMonth.replace('-', '')}-${digest}`;
}

const found = <T>(value: T): DocumentOutcome<T> => ({ kind: 'found', value });
const missing = (code: MissingCode) => ({ kind: 'missing' as const, code });

/**
 * The subscriber's bills as documents (issue 16): PDFs of the bill, the receipt and a payment
 * certificate, and the breakdown as CSV. Reads through billing's and payments' services, scoped to the
 * session's own account; writes nothing but the audit line of each download.
 */
export class DocumentsService {
  constructor(
    private readonly billing: BillingService,
    private readonly exports: BillingExport,
    private readonly payments: PaymentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async billPdf(reader: DocumentReader, month: BillingMonth): Promise<DocumentOutcome<Buffer>> {
    const accountId = reader.session.billingAccountId;
    const lookup = await this.billing.invoice(accountId, month);
    if (lookup.kind === 'out-of-range') return missing('MONTH_OUT_OF_RANGE');
    if (lookup.kind === 'not-found') return missing('INVOICE_NOT_FOUND');
    const invoice = lookup.value;
    const [statements, issuerRows, notices] = await Promise.all([
      this.statementsOf(accountId, month, invoice.details_retained),
      this.billing.issuers([{ id: invoice.id, month: invoice.billing_month }]),
      this.billing.notices([invoice.id]),
    ]);
    const pdf = await renderBillPdf({
      holderName: reader.session.viewer.holder_name,
      customerNumber: reader.session.viewer.customer_number,
      invoice,
      overdue: this.billing.isOverdue({ dueDate: invoice.due_date, paymentStatus: invoice.payment_status }),
      issuers: issuersOf(issuerRows, statements),
      notices,
      createdAt: this.clock.now(),
    });
    await this.record(reader, 'BILL_PDF', { billingMonth: month });
    return found(pdf);
  }

  async receiptPdf(reader: DocumentReader, month: BillingMonth): Promise<DocumentOutcome<Buffer>> {
    const accountId = reader.session.billingAccountId;
    const lookup = await this.billing.invoice(accountId, month);
    if (lookup.kind === 'out-of-range') return missing('MONTH_OUT_OF_RANGE');
    if (lookup.kind === 'not-found') return missing('INVOICE_NOT_FOUND');
    const invoice = lookup.value;
    if (invoice.payment_status !== 'PAID') return missing('RECEIPT_NOT_FOUND');
    const [payment] = await this.payments.receipts([invoice.id]);
    // A bill settled outside this system (no payment recorded here) has no receipt to give.
    if (!payment?.paid_at) return missing('RECEIPT_NOT_FOUND');
    const [statements, issuerRows] = await Promise.all([
      this.statementsOf(accountId, month, invoice.details_retained),
      this.billing.issuers([{ id: invoice.id, month: invoice.billing_month }]),
    ]);
    const number = receiptNumber(payment.id, invoice.billing_month);
    const pdf = await renderReceiptPdf({
      receiptNumber: number,
      holderName: reader.session.viewer.holder_name,
      customerNumber: reader.session.viewer.customer_number,
      invoice,
      payment: {
        amount: payment.amount,
        paidAt: payment.paid_at,
        method: payment.method,
        cardBrand: payment.card_brand,
        cardLast4: payment.card_last4,
        reference: payment.provider_reference,
      },
      issuers: issuersOf(issuerRows, statements),
      issueDate: tokyoToday(this.clock),
      createdAt: this.clock.now(),
    });
    await this.record(reader, 'RECEIPT_PDF', { billingMonth: month, receiptNumber: number });
    return found(pdf);
  }

  async paymentCertificatePdf(
    reader: DocumentReader,
    from: string | undefined,
    to: string | undefined,
  ): Promise<PeriodOutcome<Buffer>> {
    if (!from || !to || !isBillingMonth(from) || !isBillingMonth(to) || from > to)
      return { kind: 'invalid', code: 'PERIOD_INVALID' };
    const r = retention(this.clock);
    if (from < r.oldestTotals || to > r.current) return { kind: 'invalid', code: 'MONTH_OUT_OF_RANGE' };
    const invoices = await this.exports.invoicesBetween(reader.session.billingAccountId, from, to);
    const paid = invoices.filter((i) => i.payment_status === 'PAID');
    if (paid.length === 0) return missing('NO_PAYMENTS_IN_PERIOD');
    const payments = new Map(
      (await this.payments.receipts(paid.map((i) => i.id))).map((p) => [p.invoice_id, p]),
    );
    const pdf = await renderCertificatePdf({
      holderName: reader.session.viewer.holder_name,
      customerNumber: reader.session.viewer.customer_number,
      from,
      to,
      rows: invoices.map((i) => {
        const payment = payments.get(i.id);
        return {
          month: i.billing_month,
          billingAmount: i.billing_amount,
          paid: i.payment_status === 'PAID',
          paidAt: payment?.paid_at ?? i.paid_at,
          method: payment
            ? methodText({
                method: payment.method,
                cardBrand: payment.card_brand,
                cardLast4: payment.card_last4,
              })
            : null,
        };
      }),
      issueDate: tokyoToday(this.clock),
      createdAt: this.clock.now(),
    });
    await this.record(reader, 'PAYMENT_CERTIFICATE_PDF', { from, to });
    return found(pdf);
  }

  /**
   * The breakdown's CSV as chunks streamed from the database (nothing is held but one batch), for a
   * month within the details window. The download is audited when it starts.
   */
  async breakdownCsv(
    reader: DocumentReader,
    month: BillingMonth,
  ): Promise<DocumentOutcome<AsyncGenerator<string>>> {
    const lookup = await this.billing.invoice(reader.session.billingAccountId, month);
    if (lookup.kind === 'out-of-range') return missing('MONTH_OUT_OF_RANGE');
    if (lookup.kind === 'not-found') return missing('INVOICE_NOT_FOUND');
    if (!lookup.value.details_retained) return missing('DETAILS_NOT_RETAINED');
    await this.record(reader, 'BREAKDOWN_CSV', { billingMonth: month });
    return found(breakdownCsv(this.exports.items(lookup.value.id)));
  }

  /** Statements with their items, within the details window only. */
  private async statementsOf(accountId: string, month: BillingMonth, retained: boolean) {
    if (!retained) return null;
    const breakdown = await this.billing.breakdown(accountId, month);
    return breakdown.kind === 'found' ? breakdown.statements : null;
  }

  private record(
    reader: DocumentReader,
    document: DocumentKind,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      event: AuditEventType.DOCUMENT_DOWNLOADED,
      outcome: 'SUCCESS',
      subscriberId: reader.session.subscriberId,
      billingAccountId: reader.session.billingAccountId,
      clientAddress: reader.clientAddress,
      detail: { document, ...detail },
    });
  }
}
