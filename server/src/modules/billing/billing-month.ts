import type { Clock } from '../../clock';

/** Billing months are 'YYYY-MM' strings in Japan time: the bill's own calendar. */
export type BillingMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const tokyoMonth = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
});

// Every bill request asks; Japan's offset is whole hours, so a month always turns on a minute boundary
// and the answer can be kept for the minute.
let lastMinute = { minute: Number.NaN, month: '' };

export function currentBillingMonth(clock: Clock): BillingMonth {
  const now = clock.now().getTime();
  const minute = Math.floor(now / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, month: tokyoMonth.format(now).slice(0, 7) };
  return lastMinute.month;
}

const tokyoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
let lastDayMinute = { minute: Number.NaN, day: '' };

/** Today in Japan time, 'YYYY-MM-DD' (the server's clock: the client's is not trusted). */
export function tokyoToday(clock: Clock): string {
  const now = clock.now().getTime();
  const minute = Math.floor(now / 60_000);
  if (minute !== lastDayMinute.minute) lastDayMinute = { minute, day: tokyoDay.format(now) };
  return lastDayMinute.day;
}

export function isBillingMonth(value: string): boolean {
  return MONTH.test(value);
}

/** `month` moved by `delta` months ('2026-01', -1 → '2025-12'). */
export function addMonths(month: BillingMonth, delta: number): BillingMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** First day, as PostgreSQL `date` text. */
export function monthStart(month: BillingMonth): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: BillingMonth): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Totals are kept for 15 months and details for 4, the current month included (SPEC §3). */
export const TOTALS_MONTHS = 15;
export const DETAIL_MONTHS = 4;

export interface Retention {
  current: BillingMonth;
  oldestTotals: BillingMonth;
  oldestDetails: BillingMonth;
}

// Every bill request asks; the answer changes only with the month.
let lastRetention: Retention = { current: '', oldestTotals: '', oldestDetails: '' };

export function retention(clock: Clock): Retention {
  const current = currentBillingMonth(clock);
  if (current !== lastRetention.current) {
    lastRetention = Object.freeze({
      current,
      oldestTotals: addMonths(current, -(TOTALS_MONTHS - 1)),
      oldestDetails: addMonths(current, -(DETAIL_MONTHS - 1)),
    });
  }
  return lastRetention;
}
