import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { FieldErrors, UserError } from '../../../graphql/user-error';
import { CarrierNotFound, InvoiceNotFound, MonthOutOfRange } from '../../billing/dtos/billing.results';
import { Carrier, Invoice } from '../../billing/dtos/billing.types';

@ObjectType({ description: "The month's invoice after the statement, totals recomputed over every carrier." })
export class CarrierChargesUpserted {
  @Field(() => String) customerNumber: string;
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => Boolean, { description: 'False when the same statement had already been stored (a replay).' })
  changed: boolean;
}

@ObjectType({ description: 'The carrier as stored after the upsert.' })
export class CarrierUpserted {
  @Field(() => Carrier) carrier: Carrier;
  @Field(() => String, { description: 'Display name in Japanese.' }) nameJa: string;
  @Field(() => String, { description: 'Display name in English.' }) nameEn: string;
  @Field(() => Boolean, { description: 'Whether the carrier was new.' }) created: boolean;
  @Field(() => Boolean, { description: 'False when it already had exactly these values.' }) changed: boolean;
}

@ObjectType({ description: 'The invoice is confirmed and its notification mail scheduled.' })
export class InvoiceConfirmed {
  @Field(() => String) customerNumber: string;
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => Boolean, { description: 'False when it was confirmed already.' }) changed: boolean;
}

@ObjectType({ implements: UserError, description: 'No billing account has this customer number.' })
export class UnknownCustomerNumber extends UserError {}

@ObjectType({
  implements: UserError,
  description:
    'Lines named by items are not on the account (lines are provisioned, never created by charges).',
})
export class LinesNotOnAccount extends UserError {
  @Field(() => [String]) lineNumbers: string[];
}

@ObjectType({ implements: UserError, description: 'A confirmed invoice’s charges cannot change.' })
export class InvoiceAlreadyConfirmed extends UserError {}

@ObjectType({ description: "One carrier's latest statement on an invoice.", simpleResolvers: true })
export class CarrierStatementSummary {
  @Field(() => String) carrierCode: string;
  @Field(() => Int) itemCount: number;
  @Field(() => Int, { description: 'Sum of the items (tax-exclusive yen).' }) amount: number;
  @Field(() => DateTimeISOResolver) receivedAt: Date;
}

@ObjectType({ description: 'An invoice as an accounting system reconciles it.', simpleResolvers: true })
export class AccountInvoice {
  @Field(() => String) customerNumber: string;
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => DateTimeISOResolver, { nullable: true }) confirmedAt: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) paidAt: Date | null;
  @Field(() => [CarrierStatementSummary]) carrierStatements: CarrierStatementSummary[];
}

@ObjectType({ description: "An account's invoices within the 15-month window, newest first." })
export class CustomerInvoices {
  @Field(() => String) customerNumber: string;
  @Field(() => [AccountInvoice]) invoices: AccountInvoice[];
}

export const UpsertCarrierChargesResult = createUnionType({
  name: 'UpsertCarrierChargesResult',
  types: () =>
    [
      CarrierChargesUpserted,
      FieldErrors,
      MonthOutOfRange,
      UnknownCustomerNumber,
      CarrierNotFound,
      LinesNotOnAccount,
      InvoiceAlreadyConfirmed,
    ] as const,
});

export const ConfirmInvoiceResult = createUnionType({
  name: 'ConfirmInvoiceResult',
  types: () =>
    [InvoiceConfirmed, FieldErrors, MonthOutOfRange, UnknownCustomerNumber, InvoiceNotFound] as const,
});

export const UpsertCarrierResult = createUnionType({
  name: 'UpsertCarrierResult',
  types: () => [CarrierUpserted, FieldErrors] as const,
});

export const InvoicesByCustomerNumberResult = createUnionType({
  name: 'InvoicesByCustomerNumberResult',
  types: () => [CustomerInvoices, UnknownCustomerNumber] as const,
});
