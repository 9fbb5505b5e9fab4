import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { MAX_STATEMENT_ITEMS } from '../carrier-statement';

// Lengths here are only guard rails against oversized requests; the rules a statement must meet are
// checked by the service and come back as FieldErrors (every bad item at once, with its index).

@InputType({ description: 'One charge item as the carrier bills it.' })
export class CarrierChargeItemInput {
  @Field(() => String, { description: 'A line of the account (dashes, full-width digits allowed).' })
  @MaxLength(40)
  lineNumber: string;

  @Field(() => String) @MaxLength(400) itemName: string;

  @Field(() => Int, { description: 'Tax-exclusive yen; negative for discounts.' }) amount: number;

  @Field(() => Int, { description: '10, 8 or 0 (not taxable).' }) taxRate: number;
}

@InputType({
  description:
    "One carrier's charges of one month for one account. Replaces that carrier's items on the month's " +
    'invoice; sending the same statement again changes nothing.',
})
export class UpsertCarrierChargesInput {
  @Field(() => String) @MaxLength(40) customerNumber: string;
  @Field(() => String, { description: 'YYYY-MM, within the last 15 months.' })
  @MaxLength(7)
  billingMonth: string;
  @Field(() => String, { description: 'e.g. NTT_EAST, OCN.' }) @MaxLength(40) carrierCode: string;

  @Field(() => [CarrierChargeItemInput], { description: 'In printed order; may be empty.' })
  @ArrayMaxSize(MAX_STATEMENT_ITEMS)
  @ValidateNested({ each: true })
  items: CarrierChargeItemInput[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; a new invoice defaults to the 10th.' })
  @MaxLength(10)
  issueDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD; a new invoice defaults to the month's end.",
  })
  @MaxLength(10)
  dueDate?: string | null;
}
