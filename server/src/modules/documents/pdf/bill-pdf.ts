import type { InvoiceRow, NoticeRow } from '../../billing/billing.service';
import { lastDayOfMonth } from '../../billing/billing-month';
import type { Issuer } from '../issuers';
import {
  amountRow,
  factRow,
  figureRows,
  heading,
  issuerName,
  REDUCED_LEGEND,
  REDUCED_MARK,
  rateLabel,
  recipient,
  title,
} from './parts';
import { formatDate, formatMonth, formatYen, Sheet } from './sheet';

export interface BillDocument {
  holderName: string;
  customerNumber: string;
  invoice: InvoiceRow;
  overdue: boolean;
  issuers: Issuer[];
  notices: Pick<NoticeRow, 'title' | 'body'>[];
  createdAt: Date;
}

export function paymentStatusText(invoice: Pick<InvoiceRow, 'payment_status'>, overdue: boolean): string {
  if (invoice.payment_status === 'PAID') return 'お支払い済み';
  return overdue ? '未払い（お支払期限を過ぎています）' : '未払い';
}

/**
 * The 請求書 of one month as a qualified invoice (適格請求書): the recipient, the transaction month,
 * and per carrier (each an issuer on the combined bill) its name, registration number, items with the
 * reduced rate marked, per-rate taxable totals and tax, and its total; then the bill's own figures,
 * which are the screen's.
 */
export function renderBillPdf(d: BillDocument): Promise<Buffer> {
  const inv = d.invoice;
  const month = formatMonth(inv.billing_month);
  const sheet = new Sheet({ title: `請求書 ${month}分`, createdAt: d.createdAt });
  title(sheet, '請求書（適格請求書）', [`発行日 ${formatDate(inv.issue_date)}`, `${month}ご利用分`]);
  recipient(sheet, d.holderName, d.customerNumber);

  factRow(
    sheet,
    'ご利用年月（取引年月）',
    `${month}（${formatDate(`${inv.billing_month}-01`)}～${formatDate(lastDayOfMonth(inv.billing_month))}）`,
  );
  factRow(sheet, '請求書発行日', formatDate(inv.issue_date));
  factRow(sheet, 'お支払期限', formatDate(inv.due_date));
  factRow(sheet, 'お支払状況', paymentStatusText(inv, d.overdue));
  factRow(sheet, 'ご請求額の状態', inv.status === 'CONFIRMED' ? '確定' : '速報（確定前の金額です）');

  heading(sheet, 'ご請求金額');
  amountRow(sheet, 'ご請求額（税込）', formatYen(inv.billing_amount), {
    weight: 'bold',
    size: 13,
    rule: true,
  });
  amountRow(sheet, 'ご利用額（税込）', formatYen(inv.usage_amount));
  amountRow(sheet, '調整額', formatYen(inv.adjustment_amount));
  figureRows(sheet, {
    taxable10: inv.taxable_10,
    tax10: inv.tax_10,
    taxable8: inv.taxable_8,
    tax8: inv.tax_8,
    nonTaxable: inv.non_taxable,
  });
  sheet.paragraph(
    `消費税は通信事業者（適格請求書発行事業者）ごとに税率ごとの合計額から計算しています（1円未満切り捨て）。${REDUCED_LEGEND}`,
    { size: 8 },
  );

  for (const issuer of d.issuers) issuerSection(sheet, issuer);

  if (d.notices.length > 0) {
    heading(sheet, 'お知らせ');
    for (const n of d.notices) {
      sheet.paragraph(n.title, { weight: 'bold', size: 9 });
      sheet.paragraph(n.body, { size: 8.5 });
      sheet.gap(3);
    }
  }
  return sheet.finish(`Webビリング 請求書 ${month}分 お客様番号 ${d.customerNumber}`);
}

const ITEM = { name: 14, rate: 360, amount: 410 };

function issuerSection(sheet: Sheet, issuer: Issuer): void {
  heading(sheet, issuerName(issuer));
  sheet.paragraph(`登録番号 ${issuer.registrationNumber ?? '未登録'}`, { size: 9.5 });
  sheet.gap(2);
  if (issuer.lines) {
    const heads = () =>
      sheet.row(
        [
          { text: '回線番号・サービス／内訳', x: 0, width: ITEM.rate, size: 8 },
          { text: '税率', x: ITEM.rate, width: ITEM.amount - ITEM.rate, align: 'center', size: 8 },
          { text: '金額（税抜）', x: ITEM.amount, width: sheet.width - ITEM.amount, align: 'right', size: 8 },
        ],
        { rule: true, padding: 2 },
      );
    heads();
    sheet.runningHeader = () => {
      sheet.paragraph(`${issuer.legalName}（つづき）`, { size: 8 });
      heads();
    };
    let reduced = false;
    for (const line of issuer.lines) {
      sheet.row(
        [
          {
            text: `${line.lineNumber}　${line.serviceName}`,
            x: 0,
            width: ITEM.amount,
            weight: 'bold',
            size: 8.5,
          },
          {
            text: formatYen(line.subtotal),
            x: ITEM.amount,
            width: sheet.width - ITEM.amount,
            align: 'right',
            weight: 'bold',
            size: 8.5,
          },
        ],
        { shade: true, padding: 2 },
      );
      for (const item of line.items) {
        if (item.taxRate === 8) reduced = true;
        sheet.row(
          [
            {
              text: item.taxRate === 8 ? `${item.name} ${REDUCED_MARK}` : item.name,
              x: ITEM.name,
              width: ITEM.rate - ITEM.name,
              size: 8.5,
            },
            {
              text: rateLabel(item.taxRate),
              x: ITEM.rate,
              width: ITEM.amount - ITEM.rate,
              align: 'center',
              size: 8.5,
            },
            {
              text: formatYen(item.amount),
              x: ITEM.amount,
              width: sheet.width - ITEM.amount,
              align: 'right',
              size: 8.5,
            },
          ],
          { padding: 1.5 },
        );
      }
    }
    sheet.runningHeader = null;
    sheet.rule(0.4);
    if (reduced) sheet.paragraph(REDUCED_LEGEND, { size: 8 });
  } else {
    sheet.paragraph(
      'この月のご利用明細は保存期間（当月を含む4か月）を過ぎたため、事業者ごとの合計を記載しています。',
      {
        size: 8,
      },
    );
  }
  if (issuer.figures) {
    figureRows(sheet, issuer.figures, 14);
    amountRow(sheet, `${issuer.name} 合計（税込）`, formatYen(issuer.total), {
      weight: 'bold',
      indent: 14,
      rule: true,
    });
  }
}
