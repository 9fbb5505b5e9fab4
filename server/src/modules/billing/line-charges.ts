import type { PolicyIssue } from '../../shared/policy-issue';
import { addMonths, type BillingMonth, DETAIL_MONTHS, monthStart, type Retention } from './billing-month';
import { normalizeLineNumber } from './line-number';

/**
 * The lines view (issue 16): every line of an account billed in the 4 detail months, with its amount
 * per month, searched, sorted and paged by keyset. One statement a page, whatever the number of lines:
 * each carrier statement's per-line totals (`line_amounts`, migration 1765116000000) summed per line
 * and month, joined to the account's lines, filtered, counted and cut after the cursor.
 */

export type LineChargeSort = 'AMOUNT_DESC' | 'AMOUNT_ASC' | 'LINE_NUMBER';
export const LINE_CHARGE_SORTS: readonly LineChargeSort[] = ['AMOUNT_DESC', 'AMOUNT_ASC', 'LINE_NUMBER'];

export const LINE_CHARGES_MAX_PAGE = 100;
export const LINE_CHARGES_MAX_SEARCH = 100;

export interface LineChargesQuery {
  search?: string | null;
  sort: LineChargeSort;
  first: number;
  after?: string | null;
}

type CarrierTuple = [code: string, nameJa: string, nameEn: string];

export interface LineChargeRow {
  lineNumber: string;
  serviceName: string;
  serviceNameEn: string | null;
  /** The line's own carrier. */
  carrier: CarrierTuple;
  /** Every carrier that billed the line in the 4 months, by carrier id. */
  carriers: CarrierTuple[];
  /** Per month of `months`, oldest first; null where the line was not billed that month. */
  amounts: (number | null)[];
}

export interface LineChargesPage {
  months: BillingMonth[];
  lines: LineChargeRow[];
  totalCount: number;
  nextCursor: string | null;
}

export type LineChargesLookup =
  | { kind: 'found'; page: LineChargesPage }
  | { kind: 'invalid'; issues: PolicyIssue[] };

/** Where a page ends, in its sort's terms: the amount it sorts by (none by line number) and the line. */
interface Position {
  amount: number | null;
  lineNumber: string;
}

// Cursors are opaque to clients, but only position a read within the caller's own lines: nothing in
// one needs to be secret or signed. It names its sort, so a cursor of another order is refused.
const CURSOR_LINE = /^[0-9A-Z]{1,40}$/;
const INT4 = 2 ** 31;

export function encodeLineCursor(sort: LineChargeSort, at: Position): string {
  return Buffer.from(JSON.stringify([sort, at.amount, at.lineNumber])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this sort gave out. */
export function decodeLineCursor(sort: LineChargeSort, cursor: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [named, amount, lineNumber] = value;
    if (named !== sort || typeof lineNumber !== 'string' || !CURSOR_LINE.test(lineNumber)) return undefined;
    if (sort === 'LINE_NUMBER' ? amount !== null : !Number.isSafeInteger(amount) || Math.abs(amount) >= INT4)
      return undefined;
    return { amount, lineNumber };
  } catch {
    return undefined;
  }
}

/**
 * What a search matches: a line number (as people type them: dashes, spaces, full width) anywhere in
 * the number, or the service name (either language) as a case-insensitive substring. Letters are
 * compared after NFKC (full-width ａｈａｍｏ is ahamo) with ASCII case folded, in SQL and here alike.
 */
export function searchTerms(search: string | null | undefined): {
  number: string | null;
  name: string | null;
} {
  const text = search?.trim() ?? '';
  if (!text) return { number: null, name: null };
  const number = normalizeLineNumber(text);
  return {
    number: /^[0-9A-Z]+$/.test(number) ? number : null,
    name: text.normalize('NFKC').replace(/[A-Z]/g, (c) => c.toLowerCase()),
  };
}

const ORDER: Record<LineChargeSort, { by: string; after: string }> = {
  AMOUNT_DESC: {
    by: 'sort_amount DESC, line_number',
    after: 'sort_amount < $9 OR (sort_amount = $9 AND line_number > $10)',
  },
  AMOUNT_ASC: { by: 'sort_amount, line_number', after: '(sort_amount, line_number) > ($9, $10)' },
  // Its cursors carry no amount ($9 is null: named so every variant types it).
  LINE_NUMBER: { by: 'line_number', after: 'line_number > $10 AND $9::int IS NULL' },
};

// The statement has one column per detail month.
const FOUR: 4 = DETAIL_MONTHS;

/**
 * $1 account, $2–$5 the 4 months oldest first, $6 a line number to find, $7 a service name to find,
 * $8 the page size + 1, $9 and $10 the cursor's amount and line number. Per-line sums come first
 * (materialised: ~1,000 rows the planner cannot estimate through unnest, so it hashes them), amounts
 * are tax-exclusive yen like the breakdown's subtotals. A name search folds (see searchTerms) each of
 * the account's distinct service names once, not each line's; the line number is stored normalised
 * already. Carriers come once for the page, lines carry their ids.
 */
const lineChargesSql = (sort: LineChargeSort) => `
  WITH per_line AS MATERIALIZED (
    SELECT u.line_id,
           sum(u.amount) FILTER (WHERE i.billing_month = $2::date)::int AS m0,
           sum(u.amount) FILTER (WHERE i.billing_month = $3::date)::int AS m1,
           sum(u.amount) FILTER (WHERE i.billing_month = $4::date)::int AS m2,
           sum(u.amount) FILTER (WHERE i.billing_month = $5::date)::int AS m3,
           array_agg(cs.carrier_id) AS carrier_ids
      FROM invoice i
      JOIN carrier_statement cs ON cs.invoice_id = i.id AND cs.billing_month = i.billing_month
     CROSS JOIN LATERAL unnest(cs.line_ids, cs.line_amounts) AS u (line_id, amount)
     WHERE i.billing_account_id = $1 AND i.billing_month BETWEEN $2::date AND $5::date
       AND cs.billing_month BETWEEN $2::date AND $5::date
       AND i.details_purged_at IS NULL
     GROUP BY u.line_id
  ), names AS MATERIALIZED (
    SELECT DISTINCT l.service_name, l.service_name_en FROM line l
     WHERE $7::text IS NOT NULL AND l.billing_account_id = $1
  ), found_names AS (
    SELECT service_name, service_name_en FROM names
     WHERE strpos(lower(normalize(service_name, NFKC) COLLATE "C"), $7::text) > 0
        OR strpos(lower(normalize(service_name_en, NFKC) COLLATE "C"), $7::text) > 0
  ), matched AS (
    SELECT l.line_number, l.service_name, l.service_name_en, l.carrier_id, p.carrier_ids, p.m0, p.m1, p.m2, p.m3,
           coalesce(p.m3, 0) AS sort_amount
      FROM line l JOIN per_line p ON p.line_id = l.id
     WHERE l.billing_account_id = $1
       AND (($6::text IS NULL AND $7::text IS NULL)
            OR strpos(l.line_number, $6::text) > 0
            -- A hashed lookup; no English name is '' here (line_service_name_en_check refuses '').
            OR (l.service_name, coalesce(l.service_name_en, '')) IN (
                 SELECT service_name, coalesce(service_name_en, '') FROM found_names))
  ), page AS (
    SELECT * FROM matched WHERE $10::text IS NULL OR (${ORDER[sort].after}) ORDER BY ${ORDER[sort].by} LIMIT $8
  )
  SELECT (SELECT count(*)::int FROM matched) AS total,
         (SELECT coalesce(json_agg(json_build_array(line_number, service_name, service_name_en, carrier_id, carrier_ids,
                                                    json_build_array(m0, m1, m2, m3)) ORDER BY ${ORDER[sort].by}), '[]')
            FROM page) AS lines,
         (SELECT coalesce(json_agg(json_build_array(c.id, c.code, c.name_ja, c.name_en)), '[]') FROM carrier c
           WHERE c.id IN (SELECT carrier_id FROM page UNION SELECT unnest(carrier_ids) FROM page)) AS carriers`;

const SQL = Object.fromEntries(LINE_CHARGE_SORTS.map((s) => [s, lineChargesSql(s)])) as Record<
  LineChargeSort,
  string
>;

type Read = (text: string, values: unknown[]) => Promise<unknown[]>;

/** One page of the lines view, or the input's issues (nothing is read then). */
export async function readLineCharges(
  read: Read,
  r: Retention,
  accountId: string,
  query: LineChargesQuery,
): Promise<LineChargesLookup> {
  const issues: PolicyIssue[] = [];
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > LINE_CHARGES_MAX_PAGE)
    issues.push({ field: 'first', code: 'PAGE_SIZE_INVALID' });
  if ((query.search ?? '').length > LINE_CHARGES_MAX_SEARCH)
    issues.push({ field: 'search', code: 'SEARCH_TOO_LONG' });
  const after = query.after ? decodeLineCursor(query.sort, query.after) : null;
  if (after === undefined) issues.push({ field: 'after', code: 'CURSOR_INVALID' });
  if (issues.length > 0 || after === undefined) return { kind: 'invalid', issues };

  const months = Array.from({ length: FOUR }, (_, i) => addMonths(r.oldestDetails, i));
  const terms = searchTerms(query.search);
  const [row] = (await read(SQL[query.sort], [
    accountId,
    ...months.map(monthStart),
    terms.number,
    terms.name,
    query.first + 1,
    after?.amount ?? null,
    after?.lineNumber ?? null,
  ])) as {
    total: number;
    lines: [string, string, string | null, number, number[], (number | null)[]][];
    carriers: [number, string, string, string][];
  }[];
  const carriers = new Map(row.carriers.map(([id, ...carrier]) => [id, carrier]));
  const carrier = (id: number) => carriers.get(id) as CarrierTuple;
  const lines = row.lines.map(
    ([lineNumber, serviceName, serviceNameEn, carrierId, carrierIds, amounts]): LineChargeRow => ({
      lineNumber,
      serviceName,
      serviceNameEn,
      carrier: carrier(carrierId),
      carriers: [...new Set(carrierIds)].sort((a, b) => a - b).map(carrier),
      amounts,
    }),
  );
  const page = lines.slice(0, query.first);
  const last = page[page.length - 1];
  return {
    kind: 'found',
    page: {
      months,
      lines: page,
      totalCount: row.total,
      nextCursor:
        lines.length > query.first && last
          ? encodeLineCursor(query.sort, {
              amount: query.sort === 'LINE_NUMBER' ? null : (last.amounts[DETAIL_MONTHS - 1] ?? 0),
              lineNumber: last.lineNumber,
            })
          : null,
    },
  };
}
