/** A charge item as billed: tax-exclusive yen (negative for discounts) and its tax rate. */
export interface ChargeLine {
  amount: number;
  taxRate: 0 | 8 | 10;
}

/**
 * One issuer's figures on an invoice: a carrier's statement, as the qualified invoice states them (its
 * taxable total and tax per rate, its non-taxable charges). Stored with the statement
 * (carrier_statement.taxable_10 …), so they outlive the items (details are kept 4 months).
 */
export interface IssuerTotals {
  taxable10: number;
  tax10: number;
  taxable8: number;
  tax8: number;
  nonTaxable: number;
}

export interface InvoiceTotals extends IssuerTotals {
  usageAmount: number;
  adjustmentAmount: number;
  billingAmount: number;
}

/**
 * Consumption tax on a qualified invoice is computed once per rate over the rate's total and rounded
 * down, per issuer: on a combined bill each carrier is an issuer, so each carrier's statement is taxed
 * on its own (adding up per-item rounded tax is not allowed, nor is one rounding over all carriers).
 * Integers throughout: yen never pass through floating point.
 */
export function issuerTotals(items: readonly ChargeLine[]): IssuerTotals {
  let taxable10 = 0;
  let taxable8 = 0;
  let nonTaxable = 0;
  for (const item of items) {
    if (!Number.isInteger(item.amount)) throw new Error(`amount must be whole yen: ${item.amount}`);
    if (item.taxRate === 10) taxable10 += item.amount;
    else if (item.taxRate === 8) taxable8 += item.amount;
    else nonTaxable += item.amount;
  }
  return {
    taxable10,
    tax10: Math.floor((Math.max(taxable10, 0) * 10) / 100),
    taxable8,
    tax8: Math.floor((Math.max(taxable8, 0) * 8) / 100),
    nonTaxable,
  };
}

/** An issuer's total: charges plus tax. */
export const issuerAmount = (t: IssuerTotals): number =>
  t.taxable10 + t.tax10 + t.taxable8 + t.tax8 + t.nonTaxable;

/** The invoice's figures are the sums of its issuers' figures; adjustments apply to the whole bill. */
export function sumIssuers(issuers: readonly IssuerTotals[], adjustmentAmount = 0): InvoiceTotals {
  const sum: IssuerTotals = { taxable10: 0, tax10: 0, taxable8: 0, tax8: 0, nonTaxable: 0 };
  for (const t of issuers) {
    sum.taxable10 += t.taxable10;
    sum.tax10 += t.tax10;
    sum.taxable8 += t.taxable8;
    sum.tax8 += t.tax8;
    sum.nonTaxable += t.nonTaxable;
  }
  const usageAmount = issuerAmount(sum);
  return { ...sum, usageAmount, adjustmentAmount, billingAmount: usageAmount + adjustmentAmount };
}

/** An invoice's totals from its issuers' items: one list of items per carrier. */
export function computeTotals(
  issuers: readonly (readonly ChargeLine[])[],
  adjustmentAmount = 0,
): InvoiceTotals {
  return sumIssuers(issuers.map(issuerTotals), adjustmentAmount);
}
