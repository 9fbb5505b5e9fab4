import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import { type MonthItem, writeMonth } from './billing.service';
import {
  addMonths,
  type BillingMonth,
  currentBillingMonth,
  DETAIL_MONTHS,
  lastDayOfMonth,
  TOTALS_MONTHS,
} from './billing-month';

const CARRIER = { NTT_EAST: 1, NTT_WEST: 2, NTT_DOCOMO: 3, NTT_COM: 4, OCN: 5 } as const;

interface DemoLine {
  number: string;
  carrierId: number;
  service: string;
  /** Items of one month for this line; `n` varies amounts from month to month. */
  items(n: number): Omit<MonthItem, 'lineId'>[];
}

const vary = (base: number, n: number, spread: number) => base + ((n * 7919) % (spread + 1));

const FIXED_PHONE = (number: string, carrierId: number): DemoLine => ({
  number,
  carrierId,
  service: '加入電話',
  items: (n) => [
    { carrierId, name: '基本料', amount: 1700, taxRate: 10 },
    { carrierId, name: '通話料（市内）', amount: vary(180, n, 600), taxRate: 10 },
    { carrierId, name: 'ユニバーサルサービス料', amount: 3, taxRate: 10 },
    { carrierId, name: '電話リレーサービス料', amount: 1, taxRate: 10 },
    ...(n % 3 === 0
      ? [
          {
            carrierId: CARRIER.NTT_COM,
            name: '通話料（県外・OCNドットフォン）',
            amount: vary(90, n, 300),
            taxRate: 10 as const,
          },
        ]
      : []),
  ],
});

const FAMILY_LINES: DemoLine[] = [
  FIXED_PHONE('0312345678', CARRIER.NTT_EAST),
  {
    number: '09012345678',
    carrierId: CARRIER.NTT_DOCOMO,
    service: '携帯電話（ahamo）',
    items: (n) => [
      { carrierId: CARRIER.NTT_DOCOMO, name: 'ahamo基本料金', amount: 2700, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '通話料（5分超過分）', amount: vary(0, n, 880), taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: 'ユニバーサルサービス料', amount: 3, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '電話リレーサービス料', amount: 1, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '端末等代金分割支払金', amount: 2950, taxRate: 0 },
      ...(n % 4 === 1
        ? [
            {
              carrierId: CARRIER.NTT_DOCOMO,
              name: 'dショッピング（軽減税率対象）',
              amount: 1280,
              taxRate: 8 as const,
            },
          ]
        : []),
    ],
  },
  {
    number: 'CAF1234567',
    carrierId: CARRIER.NTT_EAST,
    service: 'フレッツ光クロス',
    items: () => [
      { carrierId: CARRIER.NTT_EAST, name: 'フレッツ光クロス 回線利用料', amount: 6050, taxRate: 10 },
      { carrierId: CARRIER.NTT_EAST, name: 'ひかり電話 基本料', amount: 500, taxRate: 10 },
      { carrierId: CARRIER.NTT_EAST, name: '光はじめ割', amount: -1100, taxRate: 10 },
      { carrierId: CARRIER.OCN, name: 'OCN光 プロバイダ利用料', amount: 1100, taxRate: 10 },
    ],
  },
];

const BUSINESS_LINES: DemoLine[] = Array.from({ length: 120 }, (_, i) =>
  FIXED_PHONE(`06${String(61000001 + i).padStart(8, '0')}`, CARRIER.NTT_WEST),
);

const NOTICES = [
  {
    title: '電話リレーサービス料について',
    body: '電話リレーサービス制度に基づき、電話番号1番号あたり月額1円（税抜）を電話リレーサービス料としてご請求しています。',
  },
  {
    title: 'ご請求書の発行について',
    body: 'Webビリングをご利用のお客さまには紙のご請求書を発行しておりません。毎月のご請求額はWebビリングでご確認ください。',
  },
];

/**
 * Fifteen months of bills for a demo account, as a real combined bill has them: details for the last
 * four months only (retention), the current month provisional, earlier ones confirmed and paid.
 */
export async function seedDemoBilling(
  db: DataSource,
  clock: Clock,
  accountId: string,
  kind: 'family' | 'business',
) {
  const lines = kind === 'family' ? FAMILY_LINES : BUSINESS_LINES;
  const current = currentBillingMonth(clock);
  await db.transaction(async (tx) => {
    const ids: { id: string }[] = await tx.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name)
       SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::text[]) RETURNING id`,
      [accountId, lines.map((l) => l.number), lines.map((l) => l.carrierId), lines.map((l) => l.service)],
    );
    for (let back = TOTALS_MONTHS - 1; back >= 0; back--) {
      const month: BillingMonth = addMonths(current, -back);
      const n = Number(month.replace('-', ''));
      const items = lines.flatMap((line, i) =>
        line.items(n + i).map((item) => ({ ...item, lineId: ids[i].id })),
      );
      await writeMonth(tx, accountId, month, {
        status: back === 0 ? 'PROVISIONAL' : 'CONFIRMED',
        issueDate: `${month}-10`,
        dueDate: lastDayOfMonth(month),
        paymentStatus: back >= 2 ? 'PAID' : 'UNPAID',
        adjustmentAmount: back === 1 ? -110 : 0,
        items,
        keepItems: back < DETAIL_MONTHS,
        notices: back < DETAIL_MONTHS ? NOTICES : [],
      });
    }
  });
}
