import { createUnionType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FieldErrors } from '../../../graphql/user-error';
import { Carrier, Line } from './billing.types';

export enum LineChargeSort {
  AMOUNT_DESC = 'AMOUNT_DESC',
  AMOUNT_ASC = 'AMOUNT_ASC',
  LINE_NUMBER = 'LINE_NUMBER',
}
registerEnumType(LineChargeSort, {
  name: 'LineChargeSort',
  description: "By the newest month's amount (a line not billed in it counts as 0), or by line number.",
});

export enum LineChangeStatus {
  NEW = 'NEW',
  ENDED = 'ENDED',
  CONTINUING = 'CONTINUING',
  NOT_BILLED = 'NOT_BILLED',
}
registerEnumType(LineChangeStatus, {
  name: 'LineChangeStatus',
  description: 'The newest month against the one before it.',
  valuesConfig: {
    NEW: { description: 'Billed in the newest month, not in the one before.' },
    ENDED: { description: 'Billed in the month before the newest, not in the newest.' },
    CONTINUING: { description: 'Billed in both.' },
    NOT_BILLED: { description: 'Billed in neither (only in older months of the four).' },
  },
});

@InputType()
export class LineChargesInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A line number or part of one (dashes, spaces and full-width digits are fine) or part of a service name (either language, case-insensitive). At most 100 characters.',
  })
  search?: string | null;

  @Field(() => LineChargeSort, { defaultValue: LineChargeSort.AMOUNT_DESC })
  sort: LineChargeSort;

  @Field(() => Int, { defaultValue: 50, description: '1 to 100.' })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "A page's `nextCursor`, for the page after it (same sort).",
  })
  after?: string | null;
}

@ObjectType({ description: 'One line over the 4 detail months.', simpleResolvers: true })
export class LineCharges {
  @Field(() => Line) line: Line;
  @Field(() => [Carrier], { description: 'The carriers that billed the line in these months.' })
  carriers: Carrier[];
  @Field(() => [Int], {
    nullable: 'items',
    description:
      "Tax-exclusive yen per month of the page's `months`, oldest first; null where the line was not billed.",
  })
  amounts: (number | null)[];
  @Field(() => Int, { description: 'Newest month minus the one before (a month not billed counts as 0).' })
  change: number;
  @Field(() => LineChangeStatus) changeStatus: LineChangeStatus;
}

@ObjectType({ simpleResolvers: true })
export class LineChargePage {
  @Field(() => [String], {
    description: 'The 4 detail months (YYYY-MM), oldest first: the columns of `amounts`.',
  })
  months: string[];
  @Field(() => [LineCharges]) lines: LineCharges[];
  @Field(() => Int, { description: 'Lines matching the search (all pages).' }) totalCount: number;
  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last.',
  })
  nextCursor: string | null;
}

export const LineChargesResult = createUnionType({
  name: 'LineChargesResult',
  types: () => [LineChargePage, FieldErrors] as const,
});
