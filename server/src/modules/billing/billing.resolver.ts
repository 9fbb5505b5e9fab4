import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireSession } from '../../graphql/errors';
import { userError } from '../../graphql/user-error';
import { type Lang, localName } from '../../i18n/messages';
import {
  type BillingService,
  type CarrierColumns,
  type InvoiceRow,
  type IssuerRow,
  type LineRow,
  type StatementRow,
} from './billing.service';
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
  InvoiceIssuer,
  InvoiceStatus,
  Line,
  LineBreakdown,
  LinePage,
  Notice,
  PaymentStatus,
  TaxLine,
} from './dtos/billing.types';

const MAX_PAGE = 200;

/** Tax lines of the rates with charges (or tax), highest rate first: the invoice's and each issuer's. */
function taxLines(f: { taxable_10: number; tax_10: number; taxable_8: number; tax_8: number }): TaxLine[] {
  const taxes: TaxLine[] = [];
  if (f.taxable_10 !== 0 || f.tax_10 !== 0) {
    taxes.push(Object.assign(new TaxLine(), { rate: 10, taxableAmount: f.taxable_10, taxAmount: f.tax_10 }));
  }
  if (f.taxable_8 !== 0 || f.tax_8 !== 0) {
    taxes.push(Object.assign(new TaxLine(), { rate: 8, taxableAmount: f.taxable_8, taxAmount: f.tax_8 }));
  }
  return taxes;
}

export function toInvoice(row: InvoiceRow): Invoice {
  const taxes = taxLines(row);
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

function toCarrier(row: CarrierColumns, lang: Lang) {
  return Object.assign(new Carrier(), {
    code: row.carrier_code,
    name: localName(lang, row.carrier_name_ja, row.carrier_name_en),
    legalName: row.carrier_legal_name,
    registrationNumber: row.carrier_registration_number,
  });
}

/**
 * An invoice's issuers from its statements' figures. None when any statement's figures are unknown
 * (purged before they were kept): a partial list would not add up to the invoice.
 */
function toIssuers(rows: readonly IssuerRow[], lang: Lang): InvoiceIssuer[] {
  const issuers: InvoiceIssuer[] = [];
  for (const row of rows) {
    const { taxable_10, tax_10, taxable_8, tax_8, non_taxable } = row;
    if (
      taxable_10 === null ||
      tax_10 === null ||
      taxable_8 === null ||
      tax_8 === null ||
      non_taxable === null
    )
      return [];
    issuers.push(
      Object.assign(new InvoiceIssuer(), {
        carrier: toCarrier(row, lang),
        taxes: taxLines({ taxable_10, tax_10, taxable_8, tax_8 }),
        nonTaxableAmount: non_taxable,
        totalAmount: taxable_10 + tax_10 + taxable_8 + tax_8 + non_taxable,
      }),
    );
  }
  return issuers;
}

function toLine(row: LineRow, lang: Lang): Line {
  return Object.assign(new Line(), {
    lineNumber: row.line_number,
    serviceName: localName(lang, row.service_name, row.service_name_en),
    carrier: toCarrier(row, lang),
  });
}

/**
 * Carrier → line → items from the carriers' statements (by carrier, lines by line number): each line's
 * items in the statement's printed order. A carrier with no items shown is left out.
 */
function carrierTree(statements: readonly StatementRow[], lang: Lang): CarrierBreakdown[] {
  const carriers: CarrierBreakdown[] = [];
  for (const s of statements) {
    if (!s.lines || s.lines.length === 0) continue;
    const carrier = toCarrier(s, lang);
    // Items by their line's ref (1-based), in printed order.
    const byRef: ChargeItem[][] = [];
    const sums: number[] = [];
    for (let i = 0; i < s.line_refs.length; i++) {
      const ref = s.line_refs[i];
      const item = new ChargeItem();
      item.name = s.item_names[s.name_refs[i] - 1];
      item.amount = s.amounts[i];
      item.taxRate = s.tax_rates[i];
      const items = byRef[ref];
      if (items) {
        items.push(item);
        sums[ref] += item.amount;
      } else {
        byRef[ref] = [item];
        sums[ref] = item.amount;
      }
    }
    const breakdown = new CarrierBreakdown();
    breakdown.carrier = carrier;
    breakdown.subtotal = 0;
    breakdown.lines = [];
    for (const [ref, lineNumber, serviceName, serviceNameEn] of s.lines) {
      const items = byRef[ref];
      if (!items) continue;
      const line = new Line();
      line.lineNumber = lineNumber;
      line.serviceName = localName(lang, serviceName, serviceNameEn);
      line.carrier = carrier;
      const lineBreakdown = new LineBreakdown();
      lineBreakdown.line = line;
      lineBreakdown.subtotal = sums[ref];
      lineBreakdown.items = items;
      breakdown.lines.push(lineBreakdown);
      breakdown.subtotal += sums[ref];
    }
    if (breakdown.lines.length > 0) carriers.push(breakdown);
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
        const carriers = carrierTree(found.statements, ctx.lang);
        const first = carriers[0]?.lines[0]?.line;
        return Object.assign(new Breakdown(), {
          invoice: toInvoice(found.invoice),
          itemsTotal: carriers.reduce((sum, c) => sum + c.subtotal, 0),
          lineNumber: first && lineNumber ? first.lineNumber : (lineNumber ?? null),
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
    return (await this.billing.carriers(root.accountId)).map((c) => toCarrier(c, ctx.lang));
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

@Resolver(() => Invoice)
export class InvoiceIssuersResolver {
  @FieldResolver(() => [InvoiceIssuer], {
    description:
      'Each carrier on the bill as a qualified-invoice issuer, by carrier: its per-rate totals and tax. The ' +
      'invoice’s taxes, non-taxable and usage amounts are their sums. Empty when the split by carrier is not ' +
      'known (a bill whose details were purged before per-issuer figures were kept).',
  })
  async issuers(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<InvoiceIssuer[]> {
    return toIssuers(
      await ctx.loaders.issuersByInvoice.load({ id: invoice.id, month: invoice.billingMonth }),
      ctx.lang,
    );
  }
}

@Resolver(() => Invoice)
export class InvoiceOverdueResolver {
  constructor(private readonly billing: BillingService) {}

  @FieldResolver(() => Boolean, {
    description:
      'Unpaid and past its due date in Japan time (from the day after the due date), by the server clock.',
  })
  overdue(@Root() invoice: Invoice): boolean {
    return this.billing.isOverdue(invoice);
  }
}
