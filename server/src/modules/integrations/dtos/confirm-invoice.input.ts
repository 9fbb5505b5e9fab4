import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class ConfirmInvoiceInput {
  @Field(() => String) @MaxLength(40) customerNumber: string;
  @Field(() => String, { description: 'YYYY-MM' }) @MaxLength(7) billingMonth: string;
}
