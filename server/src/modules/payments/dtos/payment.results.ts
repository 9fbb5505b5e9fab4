import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { FieldErrors, UserError } from '../../../graphql/user-error';
import { InvoiceNotFound } from '../../billing/dtos/billing.results';
import { Invoice } from '../../billing/dtos/billing.types';
// The integrator API's one answer for an unknown customer number, shared with the charge upserts.
import { UnknownCustomerNumber } from '../../integrations/dtos/integrations.results';
import { PayEasySlip, Receipt } from './payment.types';

@ObjectType({ description: 'Charged: the bill is now paid.' })
export class PaymentSucceeded {
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => Receipt) receipt: Receipt;
}

@ObjectType({
  implements: UserError,
  description: 'The card issuer said no. Nothing was charged; another card may work.',
})
export class PaymentDeclined extends UserError {
  @Field(() => String, {
    description: 'CARD_DECLINED, INSUFFICIENT_FUNDS, EXPIRED_CARD or INCORRECT_CVC.',
  })
  declineCode: string;
}

@ObjectType({
  implements: UserError,
  description: 'The payment gateway could not process the card. Nothing was charged.',
})
export class PaymentFailed extends UserError {
  @Field(() => Boolean, { description: 'Whether trying again later (with a new idempotency key) may work.' })
  retryable: boolean;
}

@ObjectType({ implements: UserError, description: 'The bill is already paid; nothing was charged.' })
export class InvoiceAlreadyPaid extends UserError {}

@ObjectType({
  implements: UserError,
  description:
    'The bill cannot be paid: INVOICE_NOT_CONFIRMED (the amount is provisional) or NOTHING_TO_PAY (zero or a credit).',
})
export class InvoiceNotPayable extends UserError {}

@ObjectType({ implements: UserError, description: 'The amount received differs from the billing amount.' })
export class AmountMismatch extends UserError {
  @Field(() => Int) expectedAmount: number;
}

@ObjectType({ description: 'The payment is recorded and the bill is paid.' })
export class PaymentRecorded {
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => Receipt) receipt: Receipt;
}

export const PayInvoiceByCardResult = createUnionType({
  name: 'PayInvoiceByCardResult',
  types: () =>
    [
      PaymentSucceeded,
      PaymentDeclined,
      PaymentFailed,
      InvoiceAlreadyPaid,
      InvoiceNotPayable,
      InvoiceNotFound,
      FieldErrors,
    ] as const,
});

export const IssuePayEasySlipResult = createUnionType({
  name: 'IssuePayEasySlipResult',
  types: () => [PayEasySlip, InvoiceAlreadyPaid, InvoiceNotPayable, InvoiceNotFound] as const,
});

export const RecordPaymentResult = createUnionType({
  name: 'RecordPaymentResult',
  types: () =>
    [
      PaymentRecorded,
      UnknownCustomerNumber,
      InvoiceNotFound,
      AmountMismatch,
      InvoiceAlreadyPaid,
      InvoiceNotPayable,
      FieldErrors,
    ] as const,
});
