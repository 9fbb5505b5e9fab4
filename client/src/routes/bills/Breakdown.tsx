import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { OverdueFlag, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { OfflineDataNotice } from '../../components/OfflineDataNotice';
import { errorMessage } from '../../data/errors';
import { useClient } from '../../data/hooks';
import { trusted } from '../../data/trusted';
import { useSavedQuery } from '../../data/useSavedQuery';
import { fill, formatMonth, formatYen } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import {
  type BreakdownQuery as BreakdownData,
  BreakdownDocument,
  BreakdownPickerDocument,
  InvoiceCardFieldsFragmentDoc,
} from '../../gql/graphql';
import { type Lang, langOfName, useI18n } from '../../i18n';
import { formatPhone } from '../../phone';
import { Link } from '../../router';
import { BillMessage, NotificationEntry, QueryGate, settled, TaxRows } from './shared';

type Breakdown = Extract<BreakdownData['billing']['breakdown'], { __typename: 'Breakdown' }>;
type CarrierPart = Breakdown['carriers'][number];
type LinePart = CarrierPart['lines'][number];

interface Selection {
  lineNumber?: string;
  carrierCode?: string;
}

const DIRECT_ID = 'f-directLineNumber';

function ItemsTableImpl({ id, line, lang }: { id: string; line: LinePart; lang: Lang }) {
  const { t } = useI18n();
  return (
    <table class="table items" id={id}>
      <caption class="visually-hidden">
        {fill(t('itemsCaption'), { line: formatPhone(line.line.lineNumber) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('itemName')}</th>
          <th scope="col" class="num">
            {t('amountCol')}
          </th>
          <th scope="col" class="num">
            {t('taxRateCol')}
          </th>
        </tr>
      </thead>
      <tbody>
        {line.items.map((item, i) => (
          <tr key={`${item.name}-${i}`} data-testid="charge-item">
            {/* As the carrier wrote it, in Japanese whatever the UI language. */}
            <th scope="row" lang="ja">
              {item.name}
            </th>
            <td class={item.amount < 0 ? 'num num--minus' : 'num'}>{formatYen(item.amount, lang)}</td>
            <td class="num">{item.taxRate > 0 ? `${item.taxRate}%` : t('taxExempt')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
const ItemsTable = memo(ItemsTableImpl);

/** The estimated height of an open line (see `.line` in styles.css): its title, the table's head and rows. */
const openLineRem = (items: number) => 4.125 + 2.75 * (items + 1);

/** One line of a carrier: its disclosure, and its items once open (and reached by the rendering). */
const LineSection = memo(function LineSection({
  code,
  line,
  open,
  lang,
  subtotalLabel,
  onToggle,
}: {
  code: string;
  line: LinePart;
  /** Open and reached by the rendering (see BreakdownView): the button says so only once it is. */
  open: boolean;
  lang: Lang;
  /** Passed down rather than read from the context: 120 lines made 120 context subscriptions. */
  subtotalLabel: string;
  onToggle: (key: string, open: boolean) => void;
}) {
  const number = line.line.lineNumber;
  // A line billed by two carriers appears under each: the panel's id names both.
  const panelId = `items-${code}-${number}`;
  return (
    <div
      class="line"
      data-testid="line-section"
      data-line={number}
      style={open ? { containIntrinsicSize: `auto ${openLineRem(line.items.length)}rem` } : undefined}
    >
      <h3 class="line__title">
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => onToggle(`${code}/${number}`, open)}
        >
          <span class="disclosure__label">
            {formatPhone(number)}
            <span class="line__service" lang={langOfName(line.line.serviceName, lang)}>
              {line.line.serviceName}
            </span>
          </span>
          <span class="disclosure__amount">
            <span class="visually-hidden">{subtotalLabel} </span>
            {formatYen(line.subtotal, lang)}
          </span>
        </button>
      </h3>
      {open ? <ItemsTable id={panelId} line={line} lang={lang} /> : null}
    </div>
  );
});

/**
 * "Open all" on 120 lines adds ~3,000 elements: rendered in one task that took 1.2 s to the next paint
 * at 4× CPU. The first lines' items are rendered at once and the rest in idle slices after it, in
 * document order, so the first paint comes quickly, screen readers meet the items in their places
 * (a line's button says expanded once its items are there; the carrier is aria-busy until then) and
 * find-in-page finds each part once it is rendered. Virtualising was not chosen: it would take
 * off-screen items out of the DOM (and out of find-in-page and the reading order) for good.
 * Off-screen lines also skip style, layout and paint (content-visibility, styles.css).
 */
const FIRST_SLICE = 4;
const SLICE = 16;
const whenIdle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
};

const toggled = (set: ReadonlySet<string>, key: string, on = !set.has(key)) => {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

function BreakdownView({ breakdown, month }: { breakdown: Breakdown; month: string }) {
  const { t, lang } = useI18n();
  const [openLines, setOpenLines] = useState<ReadonlySet<string>>(new Set());
  const [closedCarriers, setClosedCarriers] = useState<ReadonlySet<string>>(new Set());
  // How many open lines (in document order) have their items rendered; Infinity outside "open all".
  const [limit, setLimit] = useState(Number.POSITIVE_INFINITY);
  const inv = { ...breakdown.invoice, ...getFragmentData(InvoiceCardFieldsFragmentDoc, breakdown.invoice) };
  const lineKeys = useMemo(
    () => breakdown.carriers.flatMap((c) => c.lines.map((l) => `${c.carrier.code}/${l.line.lineNumber}`)),
    [breakdown],
  );
  const allOpen = closedCarriers.size === 0 && lineKeys.length > 0 && lineKeys.every((k) => openLines.has(k));
  const filtered = breakdown.lineNumber != null || breakdown.carrierCode != null;
  // Lines opened one by one while "open all" is still rendering show at once.
  const [eager, setEager] = useState<ReadonlySet<string>>(new Set());
  const onToggleLine = useCallback((key: string, open: boolean) => {
    setOpenLines((s) => toggled(s, key, !open));
    if (!open) setEager((s) => toggled(s, key, true));
  }, []);
  const openCount = openLines.size;
  const rendering = limit < openCount;

  useEffect(() => {
    if (!rendering) return;
    return whenIdle(() => setLimit((n) => n + SLICE));
  }, [rendering, limit]);

  let seen = 0; // open lines met so far, in document order
  const subtotalLabel = t('subtotal');

  return (
    <>
      <section class="card breakdown-total" aria-labelledby="total-title" data-testid="breakdown-total">
        <h2 id="total-title" class="card__title bill-head">
          {t('totalTitle')}
          <StatusBadge status={inv.status} />
          <OverdueFlag invoice={inv} />
        </h2>
        <dl class="props props--amounts">
          <div class="props__total">
            <dt>{t('billingAmount')}</dt>
            <dd class="amount" data-testid="breakdown-billing">
              {formatYen(inv.billingAmount, lang)}
            </dd>
          </div>
          <div>
            <dt>{t('usageAmount')}</dt>
            <dd class="amount">{formatYen(inv.usageAmount, lang)}</dd>
          </div>
          {inv.adjustmentAmount !== 0 ? (
            <div>
              <dt>{t('adjustmentAmount')}</dt>
              <dd class="amount">{formatYen(inv.adjustmentAmount, lang)}</dd>
            </div>
          ) : null}
          <TaxRows invoice={inv} />
          {filtered ? (
            <div>
              <dt>{t('itemsTotal')}</dt>
              <dd class="amount" data-testid="items-total">
                {formatYen(breakdown.itemsTotal, lang)}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <div class="breakdown-tools">
        <p class="hint">{t('amountsExclTax')}</p>
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={allOpen}
          data-testid="open-all"
          onClick={() => {
            setClosedCarriers(new Set());
            setOpenLines(allOpen ? new Set() : new Set(lineKeys));
            setLimit(allOpen ? Number.POSITIVE_INFINITY : FIRST_SLICE);
            setEager(new Set());
          }}
        >
          {allOpen ? t('closeAll') : t('openAll')}
        </button>
      </div>
      <p class="visually-hidden" role="status" data-testid="breakdown-rendering">
        {rendering ? t('breakdownRendering') : ''}
      </p>

      {breakdown.carriers.length === 0 ? <p class="note">{t('noItems')}</p> : null}
      {breakdown.carriers.map((c) => {
        const code = c.carrier.code;
        const open = !closedCarriers.has(code);
        const first = seen;
        const lines = open
          ? c.lines.map((l) => {
              const key = `${code}/${l.line.lineNumber}`;
              const lineOpen = openLines.has(key);
              const shown = lineOpen && (seen < limit || eager.has(key));
              if (lineOpen) seen++;
              // A line still waiting stays closed (its button included) until its slice comes.
              return (
                <LineSection
                  key={l.line.lineNumber}
                  code={code}
                  line={l}
                  open={shown}
                  lang={lang}
                  subtotalLabel={subtotalLabel}
                  onToggle={onToggleLine}
                />
              );
            })
          : null;
        return (
          <section
            key={code}
            class="carrier"
            data-testid="carrier-section"
            data-code={code}
            aria-busy={seen > limit && first < seen ? true : undefined}
          >
            <h2 class="carrier__title">
              <button
                type="button"
                class="disclosure disclosure--carrier"
                aria-expanded={open}
                aria-controls={open ? `carrier-${code}` : undefined}
                onClick={() => setClosedCarriers((s) => toggled(s, code))}
              >
                <span class="disclosure__label" lang={langOfName(c.carrier.name, lang)}>
                  {c.carrier.name}
                </span>
                <span class="disclosure__amount">
                  <span class="visually-hidden">{t('subtotal')} </span>
                  {formatYen(c.subtotal, lang)}
                </span>
              </button>
            </h2>
            {open ? (
              <div id={`carrier-${code}`} class="carrier__lines">
                {lines}
              </div>
            ) : null}
          </section>
        );
      })}
      <div class="actions">
        <Link href={`/bills/${month}/summary`} class="button button--secondary" data-testid="summary-link">
          {t('summaryLink')}
        </Link>
      </div>
      <NotificationEntry />
    </>
  );
}

/** Guide 3 B and "Switching the line to view": total → carriers → lines → items, with the picker. */
export function BreakdownPage({ month }: { month: string }) {
  const { t, lang } = useI18n();
  const client = useClient();
  // A link may name the line to show (`?line=`, from the lines view).
  const [selection, setSelection] = useState<Selection>(() => {
    const line = new URLSearchParams(window.location.search).get('line');
    return line ? { lineNumber: line } : {};
  });
  const [picked, setPicked] = useState('');
  const [direct, setDirect] = useState('');
  const [directErrors, setDirectErrors] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const directRef = useRef<HTMLInputElement>(null);

  const variables = { billingMonth: month, ...selection };
  const query = useSavedQuery(BreakdownDocument, variables);
  const { data, loading, error, refetch, stale, savedAt } = query;
  const picker = useSavedQuery(BreakdownPickerDocument, {});
  // The picker card sits above the breakdown: both are drawn in the same pass, once both queries have
  // answered the first time, so that neither pushes the other (layout shift).
  const firstPass = useRef(true);
  if (settled(query) && settled(picker)) firstPass.current = false;
  const result = data?.billing.breakdown;
  const lines = picker.data?.billing.lines;
  const carriers = picker.data?.billing.carriers ?? [];
  const canPick = result?.__typename === 'Breakdown' || selection.lineNumber || selection.carrierCode;

  const onPick = (e: Event) => {
    e.preventDefault();
    setDirectErrors([]);
    if (picked.startsWith('c:')) setSelection({ carrierCode: picked.slice(2) });
    else if (picked.startsWith('l:')) setSelection({ lineNumber: picked.slice(2) });
    else setSelection({});
  };

  const onDirect = async (e: Event) => {
    e.preventDefault();
    setDirectErrors([]);
    const lineNumber = direct.trim();
    if (!lineNumber) {
      setDirectErrors([t('fieldRequired')]);
      directRef.current?.focus();
      return;
    }
    setChecking(true);
    try {
      const r = await client
        .query(
          trusted(BreakdownDocument),
          { billingMonth: month, lineNumber },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (r.error) throw r.error;
      const b = r.data?.billing.breakdown;
      if (b && b.__typename !== 'Breakdown') {
        setDirectErrors([b.message]);
        directRef.current?.focus();
      } else {
        setPicked('');
        // The number as the server read it (０６６１… typed → 0661…), not as typed.
        setSelection({ lineNumber: b?.lineNumber ?? lineNumber });
      }
    } catch (err) {
      setDirectErrors([errorMessage(err, t)]);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Layout title={fill(t('breakdownTitle'), { month: formatMonth(month, lang) })} menu>
      <OfflineDataNotice stale={stale} savedAt={savedAt} />
      {firstPass.current ? (
        <p class="loading" role="status" aria-live="polite">
          {t('loading')}
        </p>
      ) : null}
      {!firstPass.current && canPick && picker.data ? (
        <section class="card picker" aria-labelledby="picker-title">
          <h2 id="picker-title" class="card__title">
            {t('pickerTitle')}
          </h2>
          <form class="picker__row" onSubmit={onPick}>
            <label class="visually-hidden" for="f-linePicker">
              {t('pickerTitle')}
            </label>
            <select
              id="f-linePicker"
              class="input select"
              value={picked}
              onChange={(e) => setPicked((e.currentTarget as HTMLSelectElement).value)}
              data-testid="line-picker"
            >
              <option value="">{t('pickerAll')}</option>
              <optgroup label={t('pickerCarriers')}>
                {carriers.map((c) => (
                  <option key={c.code} value={`c:${c.code}`} lang={langOfName(c.name, lang)}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('pickerLines')}>
                {(lines?.lines ?? []).map((l) => (
                  <option
                    key={l.lineNumber}
                    value={`l:${l.lineNumber}`}
                    lang={langOfName(l.serviceName + l.carrier.name, lang)}
                  >
                    {/* Service names carry their own brackets (携帯電話（ahamo）): the carrier follows a slash. */}
                    {`${formatPhone(l.lineNumber)} ${l.serviceName} ／ ${l.carrier.name}`}
                  </option>
                ))}
              </optgroup>
            </select>
            <button type="submit" class="button button--primary" data-testid="picker-submit">
              {t('viewButton')}
            </button>
          </form>
          {lines && lines.totalCount > 50 ? (
            <form class="picker__direct" onSubmit={onDirect} noValidate>
              <div class={directErrors.length > 0 ? 'field field--invalid' : 'field'}>
                <label class="field__label" for={DIRECT_ID}>
                  {t('directLineLabel')}
                </label>
                <p class="field__hint" id={`${DIRECT_ID}-hint`}>
                  {fill(t('directLineHint'), { count: String(lines.totalCount) })}
                </p>
                <div class="picker__row">
                  <input
                    ref={directRef}
                    id={DIRECT_ID}
                    class="input"
                    type="text"
                    inputMode="tel"
                    autoComplete="off"
                    value={direct}
                    onInput={(e) => setDirect((e.currentTarget as HTMLInputElement).value)}
                    aria-invalid={directErrors.length > 0 ? true : undefined}
                    aria-describedby={
                      directErrors.length > 0 ? `${DIRECT_ID}-error ${DIRECT_ID}-hint` : `${DIRECT_ID}-hint`
                    }
                    data-testid="direct-line-input"
                  />
                  <BusyButton
                    type="submit"
                    class="button button--primary"
                    busy={checking}
                    data-testid="direct-line-submit"
                  >
                    {t('viewButton')}
                  </BusyButton>
                </div>
                <div
                  role="alert"
                  id={`${DIRECT_ID}-error`}
                  class="field__errors"
                  data-testid="direct-line-error"
                >
                  {directErrors.map((m) => (
                    <p key={m}>{m}</p>
                  ))}
                </div>
              </div>
            </form>
          ) : null}
          <p class="picker__current" aria-live="polite">
            {fill(t('pickerShowing'), {
              what: selection.lineNumber
                ? formatPhone(selection.lineNumber)
                : selection.carrierCode
                  ? (carriers.find((c) => c.code === selection.carrierCode)?.name ?? selection.carrierCode)
                  : t('pickerAll'),
            })}
          </p>
        </section>
      ) : null}
      {firstPass.current ? null : (
        <QueryGate hasData={!!result} loading={loading} error={error} retry={() => void refetch()}>
          {() => {
            if (!result) return null;
            if (result.__typename !== 'Breakdown') {
              return (
                <>
                  <BillMessage code={result.code} message={result.message} />
                  {result.__typename === 'DetailsNotRetained' ? (
                    <div class="actions">
                      <Link
                        href={`/bills/${month}/summary`}
                        class="button button--secondary"
                        data-testid="summary-link"
                      >
                        {t('summaryLink')}
                      </Link>
                    </div>
                  ) : null}
                </>
              );
            }
            return <BreakdownView key={JSON.stringify(selection)} breakdown={result} month={month} />;
          }}
        </QueryGate>
      )}
      {firstPass.current ? null : (
        <p class="links">
          <Link href="/bills">{t('backToBills')}</Link>
        </p>
      )}
    </Layout>
  );
}
