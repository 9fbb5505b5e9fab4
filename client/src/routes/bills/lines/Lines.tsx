import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../../components/BusyButton';
import { FormErrors } from '../../../components/FormErrors';
import { Layout } from '../../../components/Layout';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { errorMessage } from '../../../data/errors';
import { useQuery } from '../../../data/hooks';
import { useNextPages } from '../../../data/next-page';
import { fill, formatMonth, formatYen } from '../../../format';
import { type LineChargeSort, LineChargesDocument, type LineChargesQuery } from '../../../gql/graphql';
import { type Lang, langOfName, useI18n } from '../../../i18n';
import { formatPhone } from '../../../phone';
import { Link } from '../../../router';
import { QueryGate, settled } from '../shared';
import { linesText } from './strings';

type Page = Extract<LineChargesQuery['billing']['lineCharges'], { __typename: 'LineChargePage' }>;
type Row = Page['lines'][number];

const PAGE = 50;
/** Up to this many lines, a list needs no search or sort. */
const FEW_LINES = 5;
const SORTS: readonly LineChargeSort[] = ['AMOUNT_DESC', 'AMOUNT_ASC', 'LINE_NUMBER'];
const SEARCH_MAX = 100;

const pageOf = (data: LineChargesQuery) => {
  const r = data.billing.lineCharges;
  return r.__typename === 'LineChargePage' ? { items: r.lines, nextCursor: r.nextCursor } : null;
};

/** "9月" / "Sep": the year is in the caption and in each header's full name. */
const shortMonth = (month: string, lang: Lang) => {
  const full = formatMonth(month, lang);
  return lang === 'ja' ? `${Number(month.slice(5))}月` : full.slice(0, 3);
};

/** A change with its sign: +300円, -500円, ±0円. */
const signedYen = (amount: number, lang: Lang) =>
  amount > 0
    ? `+${formatYen(amount, lang)}`
    : amount === 0
      ? `±${formatYen(0, lang)}`
      : formatYen(amount, lang);

function LineRow({ row, months }: { row: Row; months: readonly string[] }) {
  const { lang, s } = useI18n(linesText);
  const number = row.line.lineNumber;
  // The breakdown of the newest month the line was billed in (the view lists only billed lines).
  let last = row.amounts.length - 1;
  while (last > 0 && row.amounts[last] == null) last--;
  const month = months[last];
  const carriers = row.carriers.map((c) => c.name).join('、');
  return (
    <tr data-testid="line-row" data-line={number}>
      <th scope="row">
        <Link
          href={`/bills/${month}/breakdown?line=${encodeURIComponent(number)}`}
          class="lines__link"
          aria-label={fill(s.lineLink, { line: formatPhone(number), month: formatMonth(month, lang) })}
          data-testid="line-link"
        >
          {formatPhone(number)}
        </Link>
        <span class="lines__service" lang={langOfName(row.line.serviceName, lang)}>
          {row.line.serviceName}
        </span>
        <span class="lines__carriers" lang={langOfName(carriers, lang)}>
          {carriers}
        </span>
      </th>
      {row.amounts.map((amount, i) => (
        <td key={months[i]} class="num">
          {amount == null ? (
            <>
              <span aria-hidden="true">—</span>
              <span class="visually-hidden">{s.notBilled}</span>
            </>
          ) : (
            formatYen(amount, lang)
          )}
        </td>
      ))}
      <td class="num" data-testid="line-change" data-status={row.changeStatus}>
        {signedYen(row.change, lang)}
        {row.changeStatus === 'NEW' || row.changeStatus === 'ENDED' ? (
          <span class={`badge lines__badge lines__badge--${row.changeStatus.toLowerCase()}`}>
            {row.changeStatus === 'NEW' ? s.changeNEW : s.changeENDED}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** Issue 16: each line's charges over the 4 detail months, searched, sorted and paged. */
export function LinesPage() {
  const { t, lang, s } = useI18n(linesText);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<LineChargeSort>('AMOUNT_DESC');
  const searchRef = useRef<HTMLInputElement>(null);
  const variables = { search: search || null, sort, first: PAGE, after: null };
  const query = useQuery(LineChargesDocument, { variables, requestPolicy: 'cache-and-network' });
  const { data, loading, error, refetch } = query;
  const paged = useNextPages(LineChargesDocument, variables, data, pageOf);
  // After "more", the focus goes to the first line added (the button may be gone: it was the last page).
  const table = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);
  const shown = paged.items.length;
  if (paged.error) focusRow.current = null;
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || shown <= index) return;
    focusRow.current = null;
    table.current?.querySelectorAll<HTMLElement>('[data-testid="line-link"]')[index]?.focus();
  }, [shown]);
  const result = data?.billing.lineCharges;
  // Search and sort show once the account is known to have more than a few lines, and stay.
  const manyLines = useRef(false);
  if (result?.__typename === 'LineChargePage' && (result.totalCount > FEW_LINES || search))
    manyLines.current = true;
  const many = manyLines.current;

  const onSearch = (e: Event) => {
    e.preventDefault();
    setSearch(typed.trim());
  };
  const onClear = () => {
    setTyped('');
    setSearch('');
    searchRef.current?.focus();
  };

  return (
    <Layout title={s.title} menu>
      <p class="lead">{s.lead}</p>
      {many ? (
        <section class="card lines__tools" aria-label={s.searchLabel}>
          <form class="lines__search" onSubmit={onSearch} noValidate>
            <div class="field">
              <label class="field__label" for="f-lineSearch">
                {s.searchLabel}
              </label>
              <p class="field__hint" id="f-lineSearch-hint">
                {s.searchHint}
              </p>
              <div class="picker__row">
                <input
                  ref={searchRef}
                  id="f-lineSearch"
                  class="input"
                  type="search"
                  autoComplete="off"
                  maxLength={SEARCH_MAX}
                  value={typed}
                  onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
                  aria-describedby="f-lineSearch-hint"
                  data-testid="line-search"
                />
                <button type="submit" class="button button--primary" data-testid="line-search-submit">
                  {s.searchButton}
                </button>
              </div>
            </div>
          </form>
          <div class="field lines__sort">
            <label class="field__label" for="f-lineSort">
              {s.sortLabel}
            </label>
            <select
              id="f-lineSort"
              class="input select"
              value={sort}
              onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as LineChargeSort)}
              data-testid="line-sort"
            >
              {SORTS.map((o) => (
                <option key={o} value={o}>
                  {s[`sort${o}`]}
                </option>
              ))}
            </select>
          </div>
          {search ? (
            <button type="button" class="button button--secondary" onClick={onClear} data-testid="line-clear">
              {s.clearButton}
            </button>
          ) : null}
        </section>
      ) : null}

      <QueryGate hasData={!!result} loading={loading} error={error} retry={() => void refetch()}>
        {() => {
          if (!result) return null;
          if (result.__typename !== 'LineChargePage') {
            return <FormErrors messages={result.errors.map((e) => e.message)} />;
          }
          const rows = paged.items;
          const months = result.months;
          return (
            <>
              <p class="lines__status" role="status" data-testid="lines-status">
                {result.totalCount === 0
                  ? search
                    ? fill(s.noMatch, { search })
                    : s.noLines
                  : fill(search ? s.showingSearch : s.showing, {
                      total: String(result.totalCount),
                      shown: String(rows.length),
                      search,
                    })}
              </p>
              {rows.length > 0 ? (
                <div ref={table}>
                  <ScrollRegion label={s.tableName}>
                    <table class="table lines__table" data-testid="lines-table">
                      <caption class="visually-hidden">
                        {`${s.tableName} ${formatMonth(months[0], lang)}～${formatMonth(months[months.length - 1], lang)}`}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{s.lineCol}</th>
                          {months.map((m) => (
                            <th key={m} scope="col" class="num">
                              <span aria-hidden="true">{shortMonth(m, lang)}</span>
                              <span class="visually-hidden">{formatMonth(m, lang)}</span>
                            </th>
                          ))}
                          <th scope="col" class="num">
                            {s.changeCol}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((row) => (
                          <LineRow key={row.line.lineNumber} row={row} months={months} />
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                </div>
              ) : null}
              {paged.error ? <FormErrors messages={[errorMessage(paged.error, t)]} /> : null}
              {paged.cursor ? (
                <div class="actions">
                  <BusyButton
                    type="button"
                    class="button button--secondary"
                    busy={paged.loading}
                    onClick={() => {
                      focusRow.current = rows.length;
                      void paged.loadMore();
                    }}
                    data-testid="lines-more"
                  >
                    {fill(s.more, { count: String(result.totalCount - rows.length) })}
                  </BusyButton>
                </div>
              ) : null}
              {rows.length > 0 ? <p class="hint">{s.linkHint}</p> : null}
            </>
          );
        }}
      </QueryGate>
      {settled(query) ? (
        <p class="links">
          <Link href="/bills">{t('backToBills')}</Link>
        </p>
      ) : null}
    </Layout>
  );
}
