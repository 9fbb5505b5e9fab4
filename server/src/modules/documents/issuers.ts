import type { IssuerRow, StatementRow } from '../billing/billing.service';

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
  /** The carrier's name as the bill screens show it (Japanese). */
  name: string;
  /** The issuer's legal name as registered. */
  legalName: string;
  /** `T` + 13 digits; null when the carrier's number has not been set. */
  registrationNumber: string | null;
  /**
   * The statement's figures (rounded down once per rate over this carrier's charges); null when they
   * are not known (a bill purged before statements kept them): then no issuer's figures are printed.
   */
  figures: IssuerFigures | null;
  /** Charges plus tax (0 when the figures are not known). */
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
 * The invoice's issuers from their statements (BillingService.issuers: the carrier's legal name and
 * registration number, the figures the statement keeps), with their lines and items when the month's
 * details are kept. As on the summary screen, when one statement's figures are unknown none are given:
 * a partial split would not add up to the invoice.
 */
export function issuersOf(rows: readonly IssuerRow[], statements: readonly StatementRow[] | null): Issuer[] {
  const byCode = new Map(statements?.map((s) => [s.carrier_code, s]));
  const known = rows.every((r) => r.taxable_10 !== null);
  return rows.map((row) => {
    const statement = byCode.get(row.carrier_code);
    const figures: IssuerFigures | null = known
      ? {
          taxable10: row.taxable_10 ?? 0,
          tax10: row.tax_10 ?? 0,
          taxable8: row.taxable_8 ?? 0,
          tax8: row.tax_8 ?? 0,
          nonTaxable: row.non_taxable ?? 0,
        }
      : null;
    return {
      code: row.carrier_code,
      name: row.carrier_name_ja,
      legalName: row.carrier_legal_name,
      registrationNumber: row.carrier_registration_number,
      figures,
      total: figures ? totalOf(figures) : 0,
      lines: statements ? (statement ? linesOf(statement) : []) : null,
    };
  });
}

/** Charges plus tax. */
export const totalOf = (f: IssuerFigures): number =>
  f.taxable10 + f.tax10 + f.taxable8 + f.tax8 + f.nonTaxable;
