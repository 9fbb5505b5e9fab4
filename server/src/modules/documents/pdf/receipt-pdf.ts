import type { InvoiceRow } from '../../billing/billing.service';
import type { Issuer } from '../issuers';
import {
  amountRow,
  factRow,
  figureRows,
  heading,
  issuerName,
  REDUCED_LEGEND,
  recipient,
  title,
} from './parts';
import { formatDate, formatDateTime, formatMonth, formatYen, Sheet } from './sheet';

export interface ReceiptPayment {
  amount: number;
  paidAt: Date;
  method: 'CARD' | 'PAYEASY' | 'OTHER';
  cardBrand: string | null;
  cardLast4: string | null;
  reference: string | null;
}

export interface ReceiptDocument {
  receiptNumber: string;
  holderName: string;
  customerNumber: string;
  invoice: InvoiceRow;
  payment: ReceiptPayment;
  issuers: Issuer[];
  /** Today in Japan, YYYY-MM-DD. */
  issueDate: string;
  createdAt: Date;
}

const BRANDS: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  JCB: 'JCB',
  AMEX: 'American Express',
  DINERS: 'Diners Club',
};

export function methodText(p: Pick<ReceiptPayment, 'method' | 'cardBrand' | 'cardLast4'>): string {
  if (p.method === 'CARD') {
    const card = p.cardBrand ? `（${BRANDS[p.cardBrand] ?? p.cardBrand} 下4桁 ${p.cardLast4 ?? ''}）` : '';
    return `クレジットカード${card}`;
  }
  return p.method === 'PAYEASY' ? 'Pay-easy（ペイジー）' : 'その他（銀行振込等）';
}

/**
 * The 領収書 of a paid bill: the amount received, when and how, its consumption tax per rate, and each
 * carrier's issuer details. The receipt number belongs to the payment and never changes.
 */
export function renderReceiptPdf(d: ReceiptDocument): Promise<Buffer> {
  const month = formatMonth(d.invoice.billing_month);
  const sheet = new Sheet({ title: `領収書 ${month}分`, createdAt: d.createdAt });
  title(sheet, '領収書', [`領収書番号 ${d.receiptNumber}`, `発行日 ${formatDate(d.issueDate)}`]);
  recipient(sheet, d.holderName, d.customerNumber);

  amountRow(sheet, '領収金額（税込）', formatYen(d.payment.amount), { weight: 'bold', size: 15, rule: true });
  sheet.paragraph(`但し ${month}ご利用分の通信料金として。上記の金額を正に領収いたしました。`, { size: 9.5 });
  sheet.gap(6);
  factRow(sheet, '領収日時', formatDateTime(d.payment.paidAt));
  factRow(sheet, 'お支払方法', methodText(d.payment));
  if (d.payment.reference) factRow(sheet, '受付番号', d.payment.reference);
  factRow(sheet, 'ご請求月', `${month}分（お支払期限 ${formatDate(d.invoice.due_date)}）`);

  heading(sheet, '内訳（消費税）');
  figureRows(sheet, {
    taxable10: d.invoice.taxable_10,
    tax10: d.invoice.tax_10,
    taxable8: d.invoice.taxable_8,
    tax8: d.invoice.tax_8,
    nonTaxable: d.invoice.non_taxable,
  });
  if (d.invoice.adjustment_amount !== 0) amountRow(sheet, '調整額', formatYen(d.invoice.adjustment_amount));
  sheet.paragraph(REDUCED_LEGEND, { size: 8 });

  heading(sheet, '適格請求書発行事業者');
  for (const issuer of d.issuers) {
    sheet.row(
      [
        { text: issuerName(issuer), x: 0, width: 330, weight: 'bold', size: 9.5 },
        {
          text: `登録番号 ${issuer.registrationNumber ?? '未登録'}`,
          x: 330,
          width: sheet.width - 330,
          align: 'right',
          size: 9.5,
        },
      ],
      { padding: 2 },
    );
    if (issuer.figures) {
      figureRows(sheet, issuer.figures, 14);
      amountRow(sheet, '合計（税込）', formatYen(issuer.total), { indent: 14, rule: true });
    }
  }
  return sheet.finish(`Webビリング 領収書 ${d.receiptNumber} お客様番号 ${d.customerNumber}`);
}
