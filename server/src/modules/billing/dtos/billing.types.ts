import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

// Plain data types are built as `simpleResolvers`: their fields are read straight off the object, with
// no per-field middleware wrapper (they have no auth or middleware of their own). A 120-line breakdown
// resolves ~5,000 such fields, so the wrapper alone was a visible share of its time.

export enum InvoiceStatus {
  PROVISIONAL = 'PROVISIONAL',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: '速報 (provisional) or 確定 (confirmed).',
});

export enum PaymentStatus {
  UNPAID = 'UNPAID',
  PAID = 'PAID',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

@ObjectType({
  description: 'A carrier company whose charges are combined into the bill.',
  simpleResolvers: true,
})
export class Carrier {
  @Field(() => String) code: string;
  @Field(() => String, { description: "In the request's language (Accept-Language)." }) name: string;
  @Field(() => String, {
    description: 'The issuer’s legal name as registered (e.g. 株式会社NTTドコモ), in every language.',
  })
  legalName: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Qualified-invoice issuer registration number (登録番号): T and 13 digits. Null when none is set.',
  })
  registrationNumber: string | null;
}

@ObjectType({
  description: 'A line (phone number or service ID) billed to the account.',
  simpleResolvers: true,
})
export class Line {
  @Field(() => String) lineNumber: string;
  @Field(() => String, {
    description: "In the request's language (Accept-Language); Japanese when it has no English name.",
  })
  serviceName: string;
  @Field(() => Carrier) carrier: Carrier;
}

@ObjectType({
  description: 'Consumption tax of one rate, computed once over the rate total.',
  simpleResolvers: true,
})
export class TaxLine {
  @Field(() => Int) rate: number;
  @Field(() => Int, { description: 'Tax-exclusive yen at this rate.' }) taxableAmount: number;
  @Field(() => Int) taxAmount: number;
}

@ObjectType({
  description:
    "One carrier's statement on an invoice, as the qualified invoice (適格請求書) states it: the carrier is " +
    'the issuer, its consumption tax rounded down once per rate over its own charges. The invoice’s taxes ' +
    'and amounts are the sums of its issuers’.',
  simpleResolvers: true,
})
export class InvoiceIssuer {
  @Field(() => Carrier, { description: 'The issuer: name, legal name, registration number.' })
  carrier: Carrier;
  @Field(() => [TaxLine], { description: 'Per tax rate (10, 8) with charges at that rate, highest first.' })
  taxes: TaxLine[];
  @Field(() => Int, { description: 'Charges outside consumption tax.' }) nonTaxableAmount: number;
  @Field(() => Int, { description: 'Charges plus tax: what this issuer bills on the invoice.' })
  totalAmount: number;
}

@ObjectType({ description: 'お知らせ printed on the bill.', simpleResolvers: true })
export class Notice {
  @Field(() => String) title: string;
  @Field(() => String) body: string;
}

@ObjectType({ description: 'One month of the combined bill. Yen are integers.', simpleResolvers: true })
export class Invoice {
  /** Not exposed: the notices field loads by it. */
  id: string;

  @Field(() => String, { description: 'YYYY-MM (Japan time).' }) billingMonth: string;
  @Field(() => InvoiceStatus) status: InvoiceStatus;
  @Field(() => Int, { description: 'ご利用額: charges plus tax.' }) usageAmount: number;
  @Field(() => Int, { description: '調整額: carry-overs, discounts, refunds (negative lowers the bill).' })
  adjustmentAmount: number;
  @Field(() => Int, { description: 'ご請求額: usage plus adjustments.' }) billingAmount: number;
  @Field(() => [TaxLine]) taxes: TaxLine[];
  @Field(() => Int, { description: 'Charges outside consumption tax.' }) nonTaxableAmount: number;
  @Field(() => String, { description: 'YYYY-MM-DD' }) issueDate: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueDate: string;
  @Field(() => PaymentStatus) paymentStatus: PaymentStatus;
  @Field(() => Boolean, { description: 'Whether the detailed breakdown is still kept (4 months).' })
  detailsAvailable: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ChargeItem {
  @Field(() => String) name: string;
  @Field(() => Int, { description: 'Tax-exclusive yen; negative for discounts.' }) amount: number;
  @Field(() => Int, { description: '10, 8 or 0 (not taxable).' }) taxRate: number;
}

@ObjectType({ simpleResolvers: true })
export class LineBreakdown {
  @Field(() => Line) line: Line;
  @Field(() => Int, { description: 'Sum of the items (tax-exclusive).' }) subtotal: number;
  @Field(() => [ChargeItem]) items: ChargeItem[];
}

@ObjectType({ simpleResolvers: true })
export class CarrierBreakdown {
  @Field(() => Carrier) carrier: Carrier;
  @Field(() => Int, { description: 'Sum of the items (tax-exclusive).' }) subtotal: number;
  @Field(() => [LineBreakdown]) lines: LineBreakdown[];
}

@ObjectType({ description: 'Total → per carrier → per line → items (guide 3 B).', simpleResolvers: true })
export class Breakdown {
  @Field(() => Invoice) invoice: Invoice;
  @Field(() => Int, { description: 'Sum of the items shown (tax-exclusive).' }) itemsTotal: number;
  @Field(() => String, { nullable: true }) lineNumber: string | null;
  @Field(() => String, { nullable: true }) carrierCode: string | null;
  @Field(() => [CarrierBreakdown]) carriers: CarrierBreakdown[];
}

@ObjectType()
export class LinePage {
  @Field(() => [Line]) lines: Line[];
  @Field(() => Int) totalCount: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) nextCursor:
    | string
    | null;
}

@ObjectType({ description: "The signed-in subscriber's bills; every field is scoped to their own account." })
export class Billing {
  /** Not exposed. */
  accountId: string;
}
