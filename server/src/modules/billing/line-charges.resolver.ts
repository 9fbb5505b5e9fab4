import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { FieldErrors } from '../../graphql/user-error';
import { type Lang, localName } from '../../i18n/messages';
import type { BillingService } from './billing.service';
import { Billing, Carrier, Line } from './dtos/billing.types';
import {
  LineChangeStatus,
  LineChargePage,
  LineChargeSort,
  LineCharges,
  LineChargesInput,
  LineChargesResult,
} from './dtos/line-charges.types';
import type { LineChargeRow } from './line-charges';

const carrierOf = ([code, ja, en]: [string, string, string], lang: Lang) =>
  Object.assign(new Carrier(), { code, name: localName(lang, ja, en) });

function toLineCharges(row: LineChargeRow, lang: Lang): LineCharges {
  const newest = row.amounts[row.amounts.length - 1];
  const previous = row.amounts[row.amounts.length - 2];
  const status =
    newest === null
      ? previous === null
        ? LineChangeStatus.NOT_BILLED
        : LineChangeStatus.ENDED
      : previous === null
        ? LineChangeStatus.NEW
        : LineChangeStatus.CONTINUING;
  return Object.assign(new LineCharges(), {
    line: Object.assign(new Line(), {
      lineNumber: row.lineNumber,
      serviceName: localName(lang, row.serviceName, row.serviceNameEn),
      carrier: carrierOf(row.carrier, lang),
    }),
    carriers: row.carriers.map((c) => carrierOf(c, lang)),
    amounts: row.amounts,
    change: (newest ?? 0) - (previous ?? 0),
    changeStatus: status,
  });
}

@Resolver(() => Billing)
export class LineChargesResolver {
  constructor(private readonly billing: BillingService) {}

  @FieldResolver(() => LineChargesResult, {
    description:
      'The lines view for accounts with many lines: each line billed in the 4 detail months with its amount per month and the month-on-month change; searched, sorted and paged (keyset).',
  })
  async lineCharges(
    @Root() root: Billing,
    @Arg('input', () => LineChargesInput, { nullable: true }) input: LineChargesInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof LineChargesResult> {
    const found = await this.billing.lineCharges(root.accountId, {
      search: input?.search ?? null,
      sort: input?.sort ?? LineChargeSort.AMOUNT_DESC,
      first: input?.first ?? 50,
      after: input?.after ?? null,
    });
    if (found.kind === 'invalid') return FieldErrors.of(ctx.lang, found.issues);
    return Object.assign(new LineChargePage(), {
      months: found.page.months,
      lines: found.page.lines.map((l) => toLineCharges(l, ctx.lang)),
      totalCount: found.page.totalCount,
      nextCursor: found.page.nextCursor,
    });
  }
}
