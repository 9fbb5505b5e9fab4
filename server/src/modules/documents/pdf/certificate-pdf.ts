import { factRow, heading, recipient, title } from './parts';
import { type Cell, formatDate, formatDateTime, formatMonth, formatYen, Sheet } from './sheet';

export interface CertificateRow {
  month: string;
  billingAmount: number;
  paid: boolean;
  paidAt: Date | null;
  method: string | null;
}

export interface CertificateDocument {
  holderName: string;
  customerNumber: string;
  from: string;
  to: string;
  /** Oldest month first. */
  rows: CertificateRow[];
  /** Today in Japan, YYYY-MM-DD. */
  issueDate: string;
  createdAt: Date;
}

const COL = { month: 0, amount: 90, paidAt: 200, method: 320 };

/** 料金支払証明書: the bills of a period, what was paid and when, and the total paid. */
export function renderCertificatePdf(d: CertificateDocument): Promise<Buffer> {
  const period = `${formatMonth(d.from)}分～${formatMonth(d.to)}分`;
  const sheet = new Sheet({ title: `料金支払証明書 ${period}`, createdAt: d.createdAt });
  title(sheet, '料金支払証明書', [`発行日 ${formatDate(d.issueDate)}`]);
  recipient(sheet, d.holderName, d.customerNumber);
  factRow(sheet, '対象期間', period);
  const paid = d.rows.filter((r) => r.paid);
  const total = paid.reduce((sum, r) => sum + r.billingAmount, 0);
  factRow(sheet, 'お支払済み', `${paid.length}か月分 合計 ${formatYen(total)}（税込）`);

  heading(sheet, 'お支払いの明細');
  const heads = () =>
    sheet.row(
      [
        { text: 'ご請求月', x: COL.month, width: COL.amount - COL.month, size: 8 },
        {
          text: 'ご請求額（税込）',
          x: COL.amount,
          width: COL.paidAt - COL.amount - 10,
          align: 'right',
          size: 8,
        },
        { text: 'お支払日時', x: COL.paidAt, width: COL.method - COL.paidAt, size: 8 },
        { text: 'お支払方法', x: COL.method, width: sheet.width - COL.method, size: 8 },
      ],
      { rule: true, padding: 2 },
    );
  heads();
  sheet.runningHeader = heads;
  for (const r of d.rows) {
    const cells: Cell[] = [
      { text: `${formatMonth(r.month)}分`, x: COL.month, width: COL.amount - COL.month },
      {
        text: formatYen(r.billingAmount),
        x: COL.amount,
        width: COL.paidAt - COL.amount - 10,
        align: 'right',
      },
      {
        text: r.paid ? (r.paidAt ? formatDateTime(r.paidAt) : 'お支払い済み') : '未払い',
        x: COL.paidAt,
        width: COL.method - COL.paidAt,
      },
      { text: r.paid ? (r.method ?? '—') : '—', x: COL.method, width: sheet.width - COL.method },
    ];
    sheet.row(cells, { rule: true });
  }
  sheet.runningHeader = null;
  sheet.gap(6);
  sheet.row(
    [
      { text: 'お支払い済み合計（税込）', x: 0, width: 330, weight: 'bold', size: 10.5 },
      {
        text: formatYen(total),
        x: 330,
        width: sheet.width - 330,
        align: 'right',
        weight: 'bold',
        size: 10.5,
      },
    ],
    { rule: true },
  );
  sheet.gap(10);
  sheet.paragraph('上記のとおり、通信料金をお支払いいただいたことを証明します。', { size: 9.5 });
  sheet.paragraph('Webビリング（通信料金請求取りまとめ）', { size: 9.5, align: 'right' });
  return sheet.finish(`Webビリング 料金支払証明書 ${period} お客様番号 ${d.customerNumber}`);
}
