import type { Issuer, IssuerFigures } from '../issuers';
import { type Cell, formatYen, type Sheet } from './sheet';

/** Marks an item at the reduced rate, with the legend every document carrying one prints. */
export const REDUCED_MARK = '※';
export const REDUCED_LEGEND = '※は軽減税率（8％）対象';

/** The tax rate column: 10%, 8%※ (reduced), or outside consumption tax. */
export function rateLabel(rate: number): string {
  if (rate === 8) return `8%${REDUCED_MARK}`;
  if (rate === 10) return '10%';
  return '非課税等';
}

/** Label and value, the value right-aligned: the figures of a total block. */
export function amountRow(
  sheet: Sheet,
  label: string,
  value: string,
  options: { weight?: 'regular' | 'bold'; size?: number; indent?: number; rule?: boolean } = {},
): void {
  const indent = options.indent ?? 0;
  const cells: Cell[] = [
    { text: label, x: indent, width: 330 - indent, weight: options.weight, size: options.size },
    {
      text: value,
      x: 330,
      width: sheet.width - 330,
      align: 'right',
      weight: options.weight,
      size: options.size,
    },
  ];
  sheet.row(cells, { rule: options.rule });
}

/** Label and value, left-aligned: the facts of a document (dates, numbers, status). */
export function factRow(sheet: Sheet, label: string, value: string): void {
  sheet.row(
    [
      { text: label, x: 0, width: 150, size: 9.5 },
      { text: value, x: 150, width: sheet.width - 150, size: 9.5 },
    ],
    { rule: true },
  );
}

/**
 * Per-rate taxable totals and their tax, and the non-taxable charges, as a qualified invoice states
 * them (a rate with nothing at it is left out).
 */
export function figureRows(sheet: Sheet, f: IssuerFigures, indent = 0): void {
  if (f.taxable10 !== 0 || f.tax10 !== 0) {
    amountRow(sheet, '10％対象（税抜）', formatYen(f.taxable10), { indent });
    amountRow(sheet, '消費税（10％）', formatYen(f.tax10), { indent });
  }
  if (f.taxable8 !== 0 || f.tax8 !== 0) {
    amountRow(sheet, `8％対象（軽減税率）${REDUCED_MARK}（税抜）`, formatYen(f.taxable8), { indent });
    amountRow(sheet, `消費税（8％）${REDUCED_MARK}`, formatYen(f.tax8), { indent });
  }
  if (f.nonTaxable !== 0) amountRow(sheet, '非課税・不課税', formatYen(f.nonTaxable), { indent });
}

/** A section heading with a rule under it. */
export function heading(sheet: Sheet, text: string, size = 11.5): void {
  sheet.ensure(40);
  sheet.gap(8);
  sheet.row([{ text, x: 0, width: sheet.width, weight: 'bold', size }], { padding: 2 });
  sheet.rule();
}

/** The document's title, and a line of facts at the right (issue date, number). */
export function title(sheet: Sheet, text: string, right: string[]): void {
  sheet.row(
    [
      { text, x: 0, width: 300, weight: 'bold', size: 18 },
      { text: right.join('\n'), x: 300, width: sheet.width - 300, align: 'right', size: 9 },
    ],
    { padding: 0 },
  );
  sheet.gap(10);
}

/** The recipient (the account holder, 様) and the customer number. */
export function recipient(sheet: Sheet, holderName: string, customerNumber: string): void {
  sheet.row([{ text: `${holderName} 様`, x: 0, width: 330, weight: 'bold', size: 13 }], { padding: 1 });
  sheet.rule(0.8, 330);
  sheet.row([{ text: `お客様番号 ${customerNumber}`, x: 0, width: 330, size: 9.5 }], { padding: 1 });
  sheet.gap(8);
}

/** The issuer's legal name, with the name the screens use when that differs. */
export const issuerName = (issuer: Pick<Issuer, 'legalName' | 'name'>): string =>
  issuer.legalName === issuer.name ? issuer.legalName : `${issuer.legalName}（${issuer.name}）`;
