import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireSession } from '../../graphql/errors';
import { userError } from '../../graphql/user-error';
import type { Lang } from '../../i18n/messages';
import { type BillingService, type InvoiceRow, type ItemRow, type LineRow } from './billing.service';
import {
  BreakdownResult,
  CarrierNotFound,
  DetailsNotRetained,
  InvoiceNotFound,
  InvoiceResult,
  LineNotFound,
  MonthOutOfRange,
} from './dtos/billing.results';
import {
  Billing,
  Breakdown,
  Carrier,
  CarrierBreakdown,
  ChargeItem,
  Invoice,
  InvoiceStatus,
  Line,
  LineBreakdown,
  LinePage,
  Notice,
  PaymentStatus,
  TaxLine,
} from './dtos/billing.types';

const MAX_PAGE = 200;

export function toInvoice(row: InvoiceRow): Invoice {
  const taxes: TaxLine[] = [];
  if (row.taxable_10 !== 0 || row.tax_10 !== 0) {
    taxes.push(
      Object.assign(new TaxLine(), { rate: 10, taxableAmount: row.taxable_10, taxAmount: row.tax_10 }),
    );
  }
  if (row.taxable_8 !== 0 || row.tax_8 !== 0) {
    taxes.push(Object.assign(new TaxLine(), { rate: 8, taxableAmount: row.taxable_8, taxAmount: row.tax_8 }));
  }
  return Object.assign(new Invoice(), {
    id: row.id,
    billingMonth: row.billing_month,
    status: row.status as InvoiceStatus,
    usageAmount: row.usage_amount,
    adjustmentAmount: row.adjustment_amount,
    billingAmount: row.billing_amount,
    taxes,
    nonTaxableAmount: row.non_taxable,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    paymentStatus: row.payment_status as PaymentStatus,
    detailsAvailable: row.details_retained,
  });
}

function toCarrier(
  row: { carrier_code: string; carrier_name_ja: string; carrier_name_en: string },
  lang: Lang,
) {
  return Object.assign(new Carrier(), {
    code: row.carrier_code,
    name: lang === 'ja' ? row.carrier_name_ja : row.carrier_name_en,
  });
}

function toLine(row: LineRow, lang: Lang): Line {
  return Object.assign(new Line(), {
    lineNumber: row.line_number,
    serviceName: row.service_name,
    carrier: toCarrier(row, lang),
  });
}

/**
 * The service hands out the same (cached) items array until the invoice changes, so the tree built from
 * it is kept beside it, per language: re-reading a month builds nothing. Nothing mutates the tree.
 */
const treesByItems = new WeakMap<readonly ItemRow[], Partial<Record<Lang, CarrierBreakdown[]>>>();

function carrierTree(items: readonly ItemRow[], lang: Lang): CarrierBreakdown[] {
  let trees = treesByItems.get(items);
  if (!trees) {
    trees = {};
    treesByItems.set(items, trees);
  }
  trees[lang] ??= buildCarrierTree(items, lang);
  return trees[lang];
}

/** Items arrive sorted by carrier then line: one pass builds carrier → line → items. */
function buildCarrierTree(items: readonly ItemRow[], lang: Lang): CarrierBreakdown[] {
  const carriers: CarrierBreakdown[] = [];
  for (const item of items) {
    let carrier = carriers.at(-1);
    if (carrier?.carrier.code !== item.carrier_code) {
      carrier = Object.assign(new CarrierBreakdown(), {
        carrier: toCarrier(item, lang),
        subtotal: 0,
        lines: [],
      });
      carriers.push(carrier);
    }
    let line = carrier.lines.at(-1);
    if (line?.line.lineNumber !== item.line_number) {
      line = Object.assign(new LineBreakdown(), { line: toLine(item, lang), subtotal: 0, items: [] });
      carrier.lines.push(line);
    }
    line.items.push(
      Object.assign(new ChargeItem(), { name: item.item_name, amount: item.amount, taxRate: item.tax_rate }),
    );
    line.subtotal += item.amount;
    carrier.subtotal += item.amount;
  }
  return carriers;
}

function outOfRange<T extends MonthOutOfRange | DetailsNotRetained>(
  Type: new () => T,
  code: string,
  lang: Lang,
  range: { oldest: string; newest: string },
): T {
  return Object.assign(userError(Type, code, lang), { oldestMonth: range.oldest, newestMonth: range.newest });
}

@Resolver()
export class BillingQueryResolver {
  @Authorized()
  @Query(() => Billing, { description: "The signed-in subscriber's bills (guide 2–3)." })
  billing(@Ctx() ctx: GraphQLContext): Billing {
    const accountId = requireSession(ctx).billingAccountId;
    return Object.assign(new Billing(), { accountId });
  }
}

@Resolver(() => Billing)
export class BillingResolver {
  constructor(private readonly billing: BillingService) {}

  @FieldResolver(() => Invoice, { nullable: true, description: 'The newest bill (top screen).' })
  async latestInvoice(@Root() root: Billing): Promise<Invoice | null> {
    const [row] = await this.billing.invoices(root.accountId, 1);
    return row ? toInvoice(row) : null;
  }

  @FieldResolver(() => [Invoice], {
    description: 'Confirmation of charges: the last 4 months, newest first.',
  })
  async recentInvoices(@Root() root: Billing): Promise<Invoice[]> {
    return (await this.billing.invoices(root.accountId, 4)).map(toInvoice);
  }

  @FieldResolver(() => [Invoice], {
    description: 'The past 15 months, the current one included, newest first.',
  })
  async history(@Root() root: Billing): Promise<Invoice[]> {
    return (await this.billing.invoices(root.accountId, 15)).map(toInvoice);
  }

  @FieldResolver(() => InvoiceResult, { description: 'One month: billing summary.' })
  async invoice(
    @Root() root: Billing,
    @Arg('billingMonth', () => String, { description: 'YYYY-MM' }) billingMonth: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof InvoiceResult> {
    const found = await this.billing.invoice(root.accountId, billingMonth);
    switch (found.kind) {
      case 'out-of-range':
        return outOfRange(MonthOutOfRange, 'MONTH_OUT_OF_RANGE', ctx.lang, found);
      case 'not-found':
        return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', ctx.lang);
      case 'found':
        return toInvoice(found.value);
    }
  }

  @FieldResolver(() => BreakdownResult, {
    description: 'Detailed breakdown of one month, optionally for one line or one carrier.',
  })
  async breakdown(
    @Root() root: Billing,
    @Arg('billingMonth', () => String) billingMonth: string,
    @Arg('lineNumber', () => String, { nullable: true }) lineNumber: string | null,
    @Arg('carrierCode', () => String, { nullable: true }) carrierCode: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof BreakdownResult> {
    const found = await this.billing.breakdown(root.accountId, billingMonth, { lineNumber, carrierCode });
    switch (found.kind) {
      case 'out-of-range':
        return outOfRange(MonthOutOfRange, 'MONTH_OUT_OF_RANGE', ctx.lang, found);
      case 'details-not-retained':
        return outOfRange(DetailsNotRetained, 'DETAILS_NOT_RETAINED', ctx.lang, found);
      case 'not-found':
        return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', ctx.lang);
      case 'line-not-found':
        return userError(LineNotFound, 'LINE_NOT_FOUND', ctx.lang);
      case 'carrier-not-found':
        return userError(CarrierNotFound, 'CARRIER_NOT_FOUND', ctx.lang);
      case 'found': {
        const carriers = carrierTree(found.items, ctx.lang);
        return Object.assign(new Breakdown(), {
          invoice: toInvoice(found.invoice),
          itemsTotal: carriers.reduce((sum, c) => sum + c.subtotal, 0),
          lineNumber: found.items[0] && lineNumber ? found.items[0].line_number : (lineNumber ?? null),
          carrierCode: carrierCode ?? null,
          carriers,
        });
      }
    }
  }

  @FieldResolver(() => LinePage, { description: "The account's lines, by line number, in pages." })
  async lines(
    @Root() root: Billing,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LinePage> {
    const page = await this.billing.lines(root.accountId, Math.min(Math.max(first, 1), MAX_PAGE), after);
    return Object.assign(new LinePage(), {
      lines: page.lines.map((l) => toLine(l, ctx.lang)),
      totalCount: page.totalCount,
      nextCursor: page.nextCursor,
    });
  }

  @FieldResolver(() => Line, {
    nullable: true,
    description: 'Direct entry: exact line number (dashes allowed).',
  })
  async line(
    @Root() root: Billing,
    @Arg('lineNumber', () => String) lineNumber: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Line | null> {
    const row = await this.billing.line(root.accountId, lineNumber);
    return row ? toLine(row, ctx.lang) : null;
  }

  @FieldResolver(() => [Carrier], { description: 'Carriers that bill this account (company picker).' })
  async carriers(@Root() root: Billing, @Ctx() ctx: GraphQLContext): Promise<Carrier[]> {
    return (await this.billing.carriers(root.accountId)).map((c) =>
      Object.assign(new Carrier(), { code: c.code, name: ctx.lang === 'ja' ? c.name_ja : c.name_en }),
    );
  }
}

@Resolver(() => Invoice)
export class InvoiceNoticesResolver {
  @FieldResolver(() => [Notice], { description: 'お知らせ (billing summary).' })
  async notices(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Notice[]> {
    const rows = await ctx.loaders.noticesByInvoice.load(invoice.id);
    return rows.map((r) => Object.assign(new Notice(), { title: r.title, body: r.body }));
  }
}
