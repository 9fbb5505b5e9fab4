import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import { type MonthItem, type MonthStatement, writeMonth } from './billing.service';
import {
  addMonths,
  type BillingMonth,
  currentBillingMonth,
  DETAIL_MONTHS,
  lastDayOfMonth,
  TOTALS_MONTHS,
} from './billing-month';

export const CARRIER = { NTT_EAST: 1, NTT_WEST: 2, NTT_DOCOMO: 3, NTT_COM: 4, OCN: 5 } as const;

/**
 * Where one line-month sits in the demo: `index` of the line in its account, `back` months before the
 * current one. Amounts and optional items derive from these and a fixed seed, never from the calendar
 * month, so the demo (and every test that reads it) looks the same whichever month it is seeded in.
 */
interface DemoSlot {
  index: number;
  back: number;
}

interface DemoLine {
  number: string;
  carrierId: number;
  service: string;
  /** The service's English name (reference data, like the carrier's). */
  serviceEn: string;
  items(slot: DemoSlot): Omit<MonthItem, 'lineId'>[];
}

const SEED = 20_241;
/** A steady amount between `base` and `base + spread` for one line-month. */
const vary = (base: number, { index, back }: DemoSlot, spread: number) =>
  base + ((SEED + index * 31 + back * 7919) % (spread + 1));

/** Fixed-line calls to other prefectures go through NTT Com on every third line (the first included). */
export const billsNttComCalls = (index: number) => index % 3 === 0;

const FIXED_PHONE = (number: string, carrierId: number): DemoLine => ({
  number,
  carrierId,
  service: '加入電話',
  serviceEn: 'Fixed-line telephone',
  items: (slot) => [
    { carrierId, name: '基本料', amount: 1700, taxRate: 10 },
    { carrierId, name: '通話料（市内）', amount: vary(180, slot, 600), taxRate: 10 },
    { carrierId, name: 'ユニバーサルサービス料', amount: 3, taxRate: 10 },
    { carrierId, name: '電話リレーサービス料', amount: 1, taxRate: 10 },
    ...(billsNttComCalls(slot.index)
      ? [
          {
            carrierId: CARRIER.NTT_COM,
            name: '通話料（県外・OCNドットフォン）',
            amount: vary(90, slot, 300),
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
    serviceEn: 'Mobile phone (ahamo)',
    items: (slot) => [
      { carrierId: CARRIER.NTT_DOCOMO, name: 'ahamo基本料金', amount: 2700, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '通話料（5分超過分）', amount: vary(0, slot, 880), taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: 'ユニバーサルサービス料', amount: 3, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '電話リレーサービス料', amount: 1, taxRate: 10 },
      { carrierId: CARRIER.NTT_DOCOMO, name: '端末等代金分割支払金', amount: 2950, taxRate: 0 },
      // A reduced-rate purchase every other month, the current one included.
      ...(slot.back % 2 === 0
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
    serviceEn: "FLET'S Hikari Cross",
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

export interface DemoMonth extends Omit<MonthStatement, 'items'> {
  month: BillingMonth;
  items: (Omit<MonthItem, 'lineId'> & { lineIndex: number })[];
}

/**
 * Fifteen months of bills for a demo account, as a real combined bill has them: details for the last
 * four months only (retention), the current month provisional, earlier ones confirmed and paid.
 * Pure: the same for every month but for the month labels.
 */
export function demoBilling(kind: 'family' | 'business', current: BillingMonth) {
  const lines = kind === 'family' ? FAMILY_LINES : BUSINESS_LINES;
  const months: DemoMonth[] = [];
  for (let back = TOTALS_MONTHS - 1; back >= 0; back--) {
    const month = addMonths(current, -back);
    months.push({
      month,
      status: back === 0 ? 'PROVISIONAL' : 'CONFIRMED',
      issueDate: `${month}-10`,
      dueDate: lastDayOfMonth(month),
      paymentStatus: back >= 2 ? 'PAID' : 'UNPAID',
      adjustmentAmount: back === 1 ? -110 : 0,
      items: lines.flatMap((line, index) =>
        line.items({ index, back }).map((item) => ({ ...item, lineIndex: index })),
      ),
      keepItems: back < DETAIL_MONTHS,
      notices: back < DETAIL_MONTHS ? NOTICES : [],
    });
  }
  return {
    lines: lines.map(({ number, carrierId, service, serviceEn }) => ({
      number,
      carrierId,
      service,
      serviceEn,
    })),
    months,
  };
}

/** Writes `demoBilling` for the account, in the clock's current month. */
export async function seedDemoBilling(
  db: DataSource,
  clock: Clock,
  accountId: string,
  kind: 'family' | 'business',
) {
  const demo = demoBilling(kind, currentBillingMonth(clock));
  await db.transaction(async (tx) => {
    const ids: { id: string }[] = await tx.query(
      `INSERT INTO line (billing_account_id, line_number, carrier_id, service_name, service_name_en)
       SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[]) RETURNING id`,
      [
        accountId,
        demo.lines.map((l) => l.number),
        demo.lines.map((l) => l.carrierId),
        demo.lines.map((l) => l.service),
        demo.lines.map((l) => l.serviceEn),
      ],
    );
    for (const { month, items, ...statement } of demo.months) {
      await writeMonth(tx, accountId, month, {
        ...statement,
        items: items.map(({ lineIndex, ...item }) => ({ ...item, lineId: ids[lineIndex].id })),
      });
    }
  });
}
