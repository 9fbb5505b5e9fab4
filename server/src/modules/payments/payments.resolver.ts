import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireApiKey, requireSession } from '../../graphql/errors';
import { Scope } from '../../graphql/roles';
import { FieldErrors, userError } from '../../graphql/user-error';
import type { Lang } from '../../i18n/messages';
import { toInvoice } from '../billing/billing.resolver';
import { InvoiceNotFound } from '../billing/dtos/billing.results';
import { Invoice } from '../billing/dtos/billing.types';
import { UnknownCustomerNumber } from '../integrations/dtos/integrations.results';
import { IssuePayEasySlipInput, PayInvoiceByCardInput, RecordPaymentInput } from './dtos/payment.inputs';
import {
  AmountMismatch,
  InvoiceAlreadyPaid,
  InvoiceNotPayable,
  IssuePayEasySlipResult,
  PayInvoiceByCardResult,
  PaymentDeclined,
  PaymentFailed,
  PaymentRecorded,
  PaymentSucceeded,
  RecordPaymentResult,
} from './dtos/payment.results';
import { type CardBrand, PayEasySlip, type PaymentMethod, Receipt } from './dtos/payment.types';
import { payEasyInstructions } from './payeasy';
import type { PayEasySlipRow, PaymentRow, PaymentService } from './payment.service';

function toReceipt(row: PaymentRow): Receipt {
  return Object.assign(new Receipt(), {
    id: row.id,
    method: row.method as PaymentMethod,
    amount: row.amount,
    paidAt: row.paid_at,
    cardBrand: (row.card_brand as CardBrand | null) ?? null,
    cardLast4: row.card_last4,
    reference: row.provider_reference,
  });
}

function toSlip(row: PayEasySlipRow, lang: Lang): PayEasySlip {
  return Object.assign(new PayEasySlip(), {
    billingMonth: row.billing_month,
    collectionAgencyNumber: row.collection_agency_number,
    customerNumber: row.customer_number,
    confirmationNumber: row.confirmation_number,
    amount: row.amount,
    expiresOn: row.expires_on,
    instructions: payEasyInstructions(lang),
  });
}

/** The outcomes every payment path shares; exhaustive over what the service can answer. */
function blocked(
  outcome: { kind: 'not-found' } | { kind: 'already-paid' } | { kind: 'not-payable'; reason: string },
  lang: Lang,
) {
  switch (outcome.kind) {
    case 'not-found':
      return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', lang);
    case 'already-paid':
      return userError(InvoiceAlreadyPaid, 'INVOICE_ALREADY_PAID', lang);
    case 'not-payable':
      return userError(
        InvoiceNotPayable,
        outcome.reason === 'NOT_CONFIRMED' ? 'INVOICE_NOT_CONFIRMED' : 'NOTHING_TO_PAY',
        lang,
      );
  }
}

@Resolver()
export class PaymentsResolver {
  constructor(private readonly payments: PaymentService) {}

  @Authorized()
  @Mutation(() => PayInvoiceByCardResult, {
    description:
      "Pay one of the subscriber's own bills by card. Resubmitting with the same idempotencyKey returns the first result and never charges twice.",
  })
  async payInvoiceByCard(
    @Arg('input', () => PayInvoiceByCardInput) input: PayInvoiceByCardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof PayInvoiceByCardResult> {
    const session = requireSession(ctx);
    const outcome = await this.payments.payByCard(
      {
        billingAccountId: session.billingAccountId,
        subscriberId: session.subscriberId,
        clientAddress: ctx.clientAddress,
      },
      input,
    );
    switch (outcome.kind) {
      case 'succeeded':
        return Object.assign(new PaymentSucceeded(), {
          invoice: toInvoice(outcome.invoice),
          receipt: toReceipt(outcome.receipt),
        });
      case 'declined':
        return Object.assign(
          userError(
            PaymentDeclined,
            outcome.code === 'CARD_DECLINED' ? 'PAYMENT_DECLINED' : `PAYMENT_DECLINED_${outcome.code}`,
            ctx.lang,
          ),
          { code: 'PAYMENT_DECLINED', declineCode: outcome.code },
        );
      case 'failed':
        return Object.assign(userError(PaymentFailed, 'PAYMENT_FAILED', ctx.lang), {
          retryable: outcome.retryable,
        });
      case 'invalid':
        return FieldErrors.of(ctx.lang, outcome.issues);
      default:
        return blocked(outcome, ctx.lang);
    }
  }

  @Authorized()
  @Mutation(() => IssuePayEasySlipResult, {
    description:
      'Pay-easy numbers for one of the own bills; the same numbers on every call while they are payable.',
  })
  async issuePayEasySlip(
    @Arg('input', () => IssuePayEasySlipInput) input: IssuePayEasySlipInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof IssuePayEasySlipResult> {
    const session = requireSession(ctx);
    const outcome = await this.payments.issuePayEasySlip(
      {
        billingAccountId: session.billingAccountId,
        subscriberId: session.subscriberId,
        clientAddress: ctx.clientAddress,
      },
      input.billingMonth,
    );
    if (outcome.kind === 'issued') return toSlip(outcome.slip, ctx.lang);
    if (outcome.kind === 'invalid') return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', ctx.lang);
    return blocked(outcome, ctx.lang);
  }

  @Authorized(Scope.BILLING_WRITE)
  @Mutation(() => RecordPaymentResult, {
    description:
      'Integrators (billing:write): record money received for a bill. A replay with the same idempotencyKey returns the first result.',
  })
  async recordPayment(
    @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof RecordPaymentResult> {
    const outcome = await this.payments.recordPayment(requireApiKey(ctx).apiKeyId, input);
    switch (outcome.kind) {
      case 'recorded':
        return Object.assign(new PaymentRecorded(), {
          invoice: toInvoice(outcome.invoice),
          receipt: toReceipt(outcome.receipt),
        });
      case 'account-not-found':
        return userError(UnknownCustomerNumber, 'ACCOUNT_NOT_FOUND', ctx.lang);
      case 'not-found':
        return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', ctx.lang);
      case 'already-paid':
        return userError(InvoiceAlreadyPaid, 'INVOICE_ALREADY_PAID', ctx.lang);
      case 'not-payable':
        return userError(InvoiceNotPayable, 'INVOICE_NOT_CONFIRMED', ctx.lang);
      case 'amount-mismatch':
        return Object.assign(userError(AmountMismatch, 'AMOUNT_MISMATCH', ctx.lang), {
          expectedAmount: outcome.expected,
        });
      case 'invalid':
        return FieldErrors.of(ctx.lang, outcome.issues);
    }
  }
}

/** Payment fields of a bill, loaded for every invoice of a list in one statement each (ctx.loaders). */
@Resolver(() => Invoice)
export class InvoicePaymentsResolver {
  @FieldResolver(() => Receipt, {
    nullable: true,
    description: 'The payment that settled this bill, if any.',
  })
  async receipt(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Receipt | null> {
    const row = await ctx.loaders.receiptByInvoice.load(invoice.id);
    return row ? toReceipt(row) : null;
  }

  @FieldResolver(() => PayEasySlip, {
    nullable: true,
    description: 'The Pay-easy numbers, if issued and the bill is still unpaid.',
  })
  async payEasySlip(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<PayEasySlip | null> {
    if (invoice.paymentStatus === 'PAID') return null;
    const row = await ctx.loaders.payEasySlipByInvoice.load(invoice.id);
    return row ? toSlip(row, ctx.lang) : null;
  }
}
