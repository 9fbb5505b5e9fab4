import type { StatementRow } from '../billing/billing.service';
import type { IssuerRow } from '../billing/billing-export';
import { computeTotals } from '../billing/invoice-totals';

/** A charge item as a document prints it. */
export interface DocumentItem {
  name: string;
  amount: number;
  taxRate: number;
}

export interface DocumentLine {
  lineNumber: string;
  serviceName: string;
  items: DocumentItem[];
  subtotal: number;
}

/** One issuer's figures on an invoice: taxable amount and tax per rate, and the non-taxable charges. */
export interface IssuerFigures {
  taxable10: number;
  tax10: number;
  taxable8: number;
  tax8: number;
  nonTaxable: number;
}

/**
 * One carrier on a combined bill, as the qualified invoice states it: the issuer's name and
 * registration number, its per-rate figures, its total, and (within the details window) its items.
 */
export interface Issuer {
  code: string;
  /** The carrier's name as the bill screens show it. */
  name: string;
  /** The issuer's legal name (the carrier's name until one is set). */
  legalName: string;
  /** `T` + 13 digits; null when the carrier's number has not been set. */
  registrationNumber: string | null;
  /** Tax-exclusive sum of the items. */
  amount: number;
  /** Null when neither the statement nor its items give them (details purged, no stored figures). */
  figures: IssuerFigures | null;
  /** Charges plus tax; the tax-exclusive amount when the figures are not known. */
  total: number;
  /** By line number, items in printed order; null beyond the details window. */
  lines: DocumentLine[] | null;
}

/** Lines and items of one statement, by line number (as the breakdown screen lists them). */
function linesOf(s: StatementRow): DocumentLine[] {
  const byRef = new Map<number, DocumentItem[]>();
  for (let i = 0; i < s.line_refs.length; i++) {
    const item = { name: s.item_names[s.name_refs[i] - 1], amount: s.amounts[i], taxRate: s.tax_rates[i] };
    const items = byRef.get(s.line_refs[i]);
    if (items) items.push(item);
    else byRef.set(s.line_refs[i], [item]);
  }
  const lines: DocumentLine[] = [];
  for (const [ref, lineNumber, serviceName] of s.lines ?? []) {
    const items = byRef.get(ref);
    if (!items) continue;
    lines.push({ lineNumber, serviceName, items, subtotal: items.reduce((sum, i) => sum + i.amount, 0) });
  }
  return lines;
}

/**
 * The seam where issuer details come from: the carrier's legal name and registration number from its
 * reference data, and its per-rate figures. Until statements store their own figures, they are
 * computed here from the items (tax once per rate over the carrier's items, rounded down), and are
 * unknown beyond the details window.
 */
export function issuersOf(rows: readonly IssuerRow[], statements: readonly StatementRow[] | null): Issuer[] {
  const byCode = new Map(statements?.map((s) => [s.carrier_code, s]));
  return rows.map((row) => {
    const statement = byCode.get(row.carrier_code);
    const lines = statement ? linesOf(statement) : null;
    const figures = lines
      ? pickFigures(
          computeTotals(
            lines.flatMap((l) =>
              l.items.map((i) => ({ amount: i.amount, taxRate: i.taxRate as 0 | 8 | 10 })),
            ),
          ),
        )
      : null;
    return {
      code: row.carrier_code,
      name: row.carrier_name_ja,
      legalName: row.legal_name ?? row.carrier_name_ja,
      registrationNumber: row.registration_number,
      amount: row.amount,
      figures,
      total: figures ? totalOf(figures) : row.amount,
      lines: statements ? (lines ?? []) : null,
    };
  });
}

const pickFigures = (t: IssuerFigures): IssuerFigures => ({
  taxable10: t.taxable10,
  tax10: t.tax10,
  taxable8: t.taxable8,
  tax8: t.tax8,
  nonTaxable: t.nonTaxable,
});

/** Charges plus tax. */
export const totalOf = (f: IssuerFigures): number =>
  f.taxable10 + f.tax10 + f.taxable8 + f.tax8 + f.nonTaxable;
