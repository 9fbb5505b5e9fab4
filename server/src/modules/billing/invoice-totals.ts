/** A charge item as billed: tax-exclusive yen (negative for discounts) and its tax rate. */
export interface ChargeLine {
  amount: number;
  taxRate: 0 | 8 | 10;
}

export interface InvoiceTotals {
  taxable10: number;
  tax10: number;
  taxable8: number;
  tax8: number;
  nonTaxable: number;
  usageAmount: number;
  adjustmentAmount: number;
  billingAmount: number;
}

/**
 * Japanese invoices compute consumption tax once per rate over the rate's total (rounded down), not
 * per item. Integers throughout: yen never pass through floating point.
 */
export function computeTotals(items: readonly ChargeLine[], adjustmentAmount = 0): InvoiceTotals {
  let taxable10 = 0;
  let taxable8 = 0;
  let nonTaxable = 0;
  for (const item of items) {
    if (!Number.isInteger(item.amount)) throw new Error(`amount must be whole yen: ${item.amount}`);
    if (item.taxRate === 10) taxable10 += item.amount;
    else if (item.taxRate === 8) taxable8 += item.amount;
    else nonTaxable += item.amount;
  }
  const tax10 = Math.floor((Math.max(taxable10, 0) * 10) / 100);
  const tax8 = Math.floor((Math.max(taxable8, 0) * 8) / 100);
  const usageAmount = taxable10 + tax10 + taxable8 + tax8 + nonTaxable;
  return {
    taxable10,
    tax10,
    taxable8,
    tax8,
    nonTaxable,
    usageAmount,
    adjustmentAmount,
    billingAmount: usageAmount + adjustmentAmount,
  };
}
