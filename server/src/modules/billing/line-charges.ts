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
    after: 'sort_amount < $5 OR (sort_amount = $5 AND line_number > $6)',
  },
  AMOUNT_ASC: { by: 'sort_amount, line_number', after: '(sort_amount, line_number) > ($5, $6)' },
  // Its cursors carry no amount ($5 is null: named so every variant types it).
  LINE_NUMBER: { by: 'line_number', after: 'line_number > $6 AND $5::int IS NULL' },
};

// The statement has one column per detail month.
const FOUR: 4 = DETAIL_MONTHS;

/**
 * $1 account, $2 a line number to find, $3 a service name to find, $4 the page size + 1, $5 and $6 the
 * cursor's amount and line number. Amounts are tax-exclusive yen like the breakdown's subtotals.
 *
 * The 4 months (oldest first) are literals, not parameters: they come from the clock, not the caller,
 * and a plan that knows them prunes the monthly partitions when it is made. So the named statement's
 * generic plan costs what a custom one does and PostgreSQL keeps it after five runs, instead of
 * planning every request (~1 ms); the text changes once a month.
 *
 * Each statement's per-line totals are unnested in the select list (streamed; a FROM-clause unnest
 * stores its rows first) and summed per line. The planner cannot tell how many lines a statement has
 * and guesses a few, which for a 1,000-line account meant sorting 4,000 rows to group them and then
 * looking each line up by id, 1,000 times. `guess`, a generate_series as long as the statement,
 * makes it expect 1,000 (a set-returning call whose length it cannot work out counts as its declared
 * 1,000 rows, and the select list's longest one sets the row count), so it hashes the sums and hash
 * joins the account's lines, read through their index on the account (~6 → ~2.5 ms of the database's
 * time for a page of 1,000 lines).
 *
 * A name search folds (see searchTerms) each of the account's distinct service names once, not each
 * line's; the line number is stored normalised already. Carriers come once for the page, lines carry
 * their ids.
 */
const lineChargesSql = (sort: LineChargeSort, months: readonly string[]) => {
  const [m0, m1, m2, m3] = months.map((m) => {
    if (!/^\d{4}-\d{2}-01$/.test(m)) throw new Error(`not a month's first day: ${m}`);
    return `'${m}'::date`;
  });
  return `
  WITH per_line AS (
    SELECT u.line_id,
           sum(u.amount) FILTER (WHERE u.billing_month = ${m0})::int AS m0,
           sum(u.amount) FILTER (WHERE u.billing_month = ${m1})::int AS m1,
           sum(u.amount) FILTER (WHERE u.billing_month = ${m2})::int AS m2,
           sum(u.amount) FILTER (WHERE u.billing_month = ${m3})::int AS m3,
           array_agg(u.carrier_id) AS carrier_ids
      FROM (SELECT unnest(cs.line_ids) AS line_id, unnest(cs.line_amounts) AS amount,
                   generate_series(1, cardinality(cs.line_ids)) AS guess, cs.carrier_id, cs.billing_month
              FROM invoice i
              JOIN carrier_statement cs ON cs.invoice_id = i.id AND cs.billing_month = i.billing_month
             WHERE i.billing_account_id = $1 AND i.billing_month BETWEEN ${m0} AND ${m3}
               AND cs.billing_month BETWEEN ${m0} AND ${m3}
               AND i.details_purged_at IS NULL) u
     GROUP BY u.line_id
  ), names AS MATERIALIZED (
    SELECT DISTINCT l.service_name, l.service_name_en FROM line l
     WHERE $3::text IS NOT NULL AND l.billing_account_id = $1
  ), found_names AS (
    SELECT service_name, service_name_en FROM names
     WHERE strpos(lower(normalize(service_name, NFKC) COLLATE "C"), $3::text) > 0
        OR strpos(lower(normalize(service_name_en, NFKC) COLLATE "C"), $3::text) > 0
  ), matched AS (
    SELECT l.line_number, l.service_name, l.service_name_en, l.carrier_id, p.carrier_ids, p.m0, p.m1, p.m2, p.m3,
           coalesce(p.m3, 0) AS sort_amount
      FROM line l JOIN per_line p ON p.line_id = l.id
     WHERE l.billing_account_id = $1
       AND (($2::text IS NULL AND $3::text IS NULL)
            OR strpos(l.line_number, $2::text) > 0
            -- A hashed lookup; no English name is '' here (line_service_name_en_check refuses '').
            OR (l.service_name, coalesce(l.service_name_en, '')) IN (
                 SELECT service_name, coalesce(service_name_en, '') FROM found_names))
  ), page AS (
    SELECT * FROM matched WHERE $6::text IS NULL OR (${ORDER[sort].after}) ORDER BY ${ORDER[sort].by} LIMIT $4
  )
  SELECT (SELECT count(*)::int FROM matched) AS total,
         (SELECT coalesce(json_agg(json_build_array(line_number, service_name, service_name_en, carrier_id, carrier_ids,
                                                    json_build_array(m0, m1, m2, m3)) ORDER BY ${ORDER[sort].by}), '[]')
            FROM page) AS lines,
         (SELECT coalesce(json_agg(json_build_array(c.id, c.code, c.name_ja, c.name_en)), '[]') FROM carrier c
           WHERE c.id IN (SELECT carrier_id FROM page UNION SELECT unnest(carrier_ids) FROM page)) AS carriers`;
};

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
  const [row] = (await read(lineChargesSql(query.sort, months.map(monthStart)), [
    accountId,
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
