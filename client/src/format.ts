import type { Lang } from './i18n/lang';

/** The Intl locale of each UI language (British English: day before month, 24-hour clock). */
export const LOCALE: Readonly<Record<Lang, string>> = { ja: 'ja-JP', en: 'en-GB' };

/** A date-time from the server (ISO 8601, UTC), shown in Japan time as the guides do. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(d);
  return lang === 'ja' ? text : `${text} JST`;
}

/** Replaces `{name}` placeholders in a dictionary string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
}

/**
 * Thousands separators for integer yen, as ja-JP writes them. Not Intl.NumberFormat: building the first
 * one loads the locale's ICU data, ~80 ms of the first page's main thread on a mid-range phone.
 */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Integer yen: "1,234円" (ja) or "¥1,234" (en); discounts keep their minus sign. */
export function formatYen(amount: number, lang: Lang): string {
  if (lang === 'ja') return `${amount < 0 ? '-' : ''}${grouped(Math.abs(amount))}円`;
  return `${amount < 0 ? '-' : ''}¥${grouped(Math.abs(amount))}`;
}

/** A billing month 'YYYY-MM': "2026年11月" (ja) or "Nov 2026" (en). */
export function formatMonth(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const n = Number(m[2]);
  return lang === 'ja' ? `${m[1]}年${n}月` : `${MONTHS_EN[n - 1]} ${m[1]}`;
}

/** A calendar date 'YYYY-MM-DD': "2026年11月30日" (ja) or "30 Nov 2026" (en). */
export function formatDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return lang === 'ja' ? `${m[1]}年${mo}月${d}日` : `${d} ${MONTHS_EN[mo - 1]} ${m[1]}`;
}
