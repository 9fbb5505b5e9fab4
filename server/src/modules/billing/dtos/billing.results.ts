import { createUnionType, Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error';
import { Breakdown, Invoice } from './billing.types';

@ObjectType({
  implements: UserError,
  simpleResolvers: true,
  description: 'Outside the months kept (15 for totals).',
})
export class MonthOutOfRange extends UserError {
  @Field(() => String) oldestMonth: string;
  @Field(() => String) newestMonth: string;
}

@ObjectType({
  implements: UserError,
  simpleResolvers: true,
  description: 'Details are kept for the last 4 months only.',
})
export class DetailsNotRetained extends UserError {
  @Field(() => String) oldestMonth: string;
  @Field(() => String) newestMonth: string;
}

@ObjectType({ implements: UserError, simpleResolvers: true, description: 'No bill for that month.' })
export class InvoiceNotFound extends UserError {}

@ObjectType({ implements: UserError, simpleResolvers: true, description: 'No such line on this account.' })
export class LineNotFound extends UserError {}

@ObjectType({ implements: UserError, simpleResolvers: true, description: 'No such carrier.' })
export class CarrierNotFound extends UserError {}

export const InvoiceResult = createUnionType({
  name: 'InvoiceResult',
  types: () => [Invoice, MonthOutOfRange, InvoiceNotFound] as const,
});

export const BreakdownResult = createUnionType({
  name: 'BreakdownResult',
  types: () =>
    [Breakdown, MonthOutOfRange, DetailsNotRetained, InvoiceNotFound, LineNotFound, CarrierNotFound] as const,
});
