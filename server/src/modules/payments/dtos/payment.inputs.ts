import { MaxLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { RecordedPaymentMethod } from './payment.types';

// Lengths are capped here only against abuse; the rules a person can break come back as FieldErrors.

@InputType()
export class PayInvoiceByCardInput {
  @Field(() => String, { description: 'YYYY-MM' }) @MaxLength(7) billingMonth: string;
  @Field(() => String, { description: 'Spaces, dashes and full-width digits are accepted.' })
  @MaxLength(40)
  cardNumber: string;
  @Field(() => Int) expiryMonth: number;
  @Field(() => Int, { description: 'YYYY or YY.' }) expiryYear: number;
  @Field(() => String) @MaxLength(8) cvc: string;
  @Field(() => String, { nullable: true }) @MaxLength(200) holderName?: string | null;
  @Field(() => String, {
    description: 'Chosen by the client once per attempt: a resubmit with the same key never charges twice.',
  })
  @MaxLength(200)
  idempotencyKey: string;
}

@InputType()
export class IssuePayEasySlipInput {
  @Field(() => String, { description: 'YYYY-MM' }) @MaxLength(7) billingMonth: string;
}

@InputType()
export class RecordPaymentInput {
  @Field(() => String, { description: "The billing account's customer number (お客様番号 on the postcard)." })
  @MaxLength(40)
  customerNumber: string;
  @Field(() => String, { description: 'YYYY-MM' }) @MaxLength(7) billingMonth: string;
  @Field(() => Int, { description: 'Yen received; must equal the billing amount.' }) amount: number;
  @Field(() => RecordedPaymentMethod) method: RecordedPaymentMethod;
  @Field(() => String, { description: "The bank's or collection agency's reference." })
  @MaxLength(200)
  reference: string;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When the customer paid; now if omitted.',
  })
  paidAt?: Date | null;
  @Field(() => String, { description: 'A replay with the same key returns the first result.' })
  @MaxLength(200)
  idempotencyKey: string;
}
