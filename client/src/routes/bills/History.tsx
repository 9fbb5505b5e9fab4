import { OverdueFlag, PaymentBadge, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { OfflineDataNotice } from '../../components/OfflineDataNotice';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useSavedQuery } from '../../data/useSavedQuery';
import { fill, formatMonth, formatYen } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import {
  BillingHistoryDocument,
  type InvoiceCardFieldsFragment,
  InvoiceCardFieldsFragmentDoc,
} from '../../gql/graphql';
import { type Lang, useI18n } from '../../i18n';
import { Link } from '../../router';
import { QueryGate, settled } from './shared';

// User units of the viewBox. The chart is never narrower than 16.875rem (styles.css), so its
// 16-unit text is never drawn smaller than 16 × 16.875rem / 360 = 0.75rem: at large text it grows
// with the reader's setting and the chart scrolls in its own region instead of shrinking.
const W = 360;
const H = 210;
const TOP = 26;
const BOTTOM = 48;
const LEFT = 6;

/** Plain-SVG bar chart, oldest month on the left. The table below is the real data. */
function HistoryChart({
  invoices,
  lang,
  label,
}: {
  invoices: InvoiceCardFieldsFragment[];
  lang: Lang;
  label: string;
}) {
  const months = [...invoices].reverse();
  const max = Math.max(1, ...months.map((i) => i.billingAmount));
  const slot = (W - LEFT * 2) / Math.max(months.length, 1);
  const plot = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plot - (Math.max(v, 0) / max) * plot;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="history-chart"
      preserveAspectRatio="xMidYMid meet"
    >
      <defs>
        {/* Provisional bars are hatched and outlined: told apart from confirmed ones without colour. */}
        <pattern
          id="chart-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" class="chart__hatch-bg" />
          <line x1="1" y1="0" x2="1" y2="6" class="chart__hatch" />
        </pattern>
      </defs>
      <line x1={LEFT} x2={W - LEFT} y1={y(max)} y2={y(max)} class="chart__grid" />
      <text x={W - LEFT} y={y(max) - 6} class="chart__axis" text-anchor="end">
        {formatYen(max, lang)}
      </text>
      <line x1={LEFT} x2={W - LEFT} y1={y(0)} y2={y(0)} class="chart__base" />
      {months.map((inv, i) => {
        const x = LEFT + i * slot;
        const [year, month] = inv.billingMonth.split('-');
        const top = y(inv.billingAmount);
        // From the bar's left edge (the first one would start left of the chart if centred); the first
        // year is left out when a January right after it would overlap it.
        const showYear = month === '01' || (i === 0 && months[1]?.billingMonth.slice(5) !== '01');
        return (
          <g key={inv.billingMonth}>
            <rect
              x={x + slot * 0.18}
              y={top}
              width={slot * 0.64}
              height={y(0) - top}
              class={inv.status === 'CONFIRMED' ? 'chart__bar' : 'chart__bar chart__bar--provisional'}
            />
            <text x={x + slot / 2} y={H - BOTTOM + 18} class="chart__label" text-anchor="middle">
              {Number(month)}
            </text>
            {showYear ? (
              <text x={x + slot * 0.18} y={H - BOTTOM + 38} class="chart__year">
                {year}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function chartSummary(invoices: InvoiceCardFieldsFragment[], lang: Lang, template: string): string {
  if (invoices.length === 0) return '';
  const oldest = invoices[invoices.length - 1];
  const newest = invoices[0];
  const hi = invoices.reduce((a, b) => (b.billingAmount > a.billingAmount ? b : a));
  const lo = invoices.reduce((a, b) => (b.billingAmount < a.billingAmount ? b : a));
  return fill(template, {
    from: formatMonth(oldest.billingMonth, lang),
    to: formatMonth(newest.billingMonth, lang),
    maxMonth: formatMonth(hi.billingMonth, lang),
    max: formatYen(hi.billingAmount, lang),
    minMonth: formatMonth(lo.billingMonth, lang),
    min: formatYen(lo.billingAmount, lang),
    latest: formatYen(newest.billingAmount, lang),
  });
}

/** Guide 3 (5): the past 15 months (current month included) as a chart and a table. */
export function HistoryPage() {
  const { t, lang } = useI18n();
  const query = useSavedQuery(BillingHistoryDocument, {});
  const { data, loading, error, refetch, stale, savedAt } = query;
  const invoices = getFragmentData(InvoiceCardFieldsFragmentDoc, data?.billing.history ?? []);

  return (
    <Layout title={t('historyTitle')} menu>
      <p class="lead">{t('historyPromptBody')}</p>
      <OfflineDataNotice stale={stale} savedAt={savedAt} />
      <QueryGate hasData={!!data} loading={loading} error={error} retry={() => void refetch()}>
        {() =>
          invoices.length === 0 ? (
            <p class="note">{t('noInvoice')}</p>
          ) : (
            <div class="history">
              <figure class="card history__chart">
                <ScrollRegion label={t('historyChartName')} class="chart-scroll">
                  <HistoryChart
                    invoices={invoices}
                    lang={lang}
                    label={chartSummary(invoices, lang, t('historyChartLabel'))}
                  />
                </ScrollRegion>
                <figcaption class="chart__legend">
                  <span class="legend legend--confirmed">{t('statusConfirmed')}</span>
                  <span class="legend legend--provisional">{t('statusProvisional')}</span>
                </figcaption>
              </figure>
              <ScrollRegion label={t('historyTableCaption')}>
                <table class="table history__table" data-testid="history-table">
                  <caption class="visually-hidden">{t('historyTableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('billingMonthLabel')}</th>
                      <th scope="col" class="num">
                        {t('billingAmount')}
                      </th>
                      <th scope="col">{t('statusLabel')}</th>
                      <th scope="col">{t('paymentLabel')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invoices.map((inv) => (
                      <tr key={inv.billingMonth} data-month={inv.billingMonth}>
                        <th scope="row">
                          {inv.detailsAvailable ? (
                            <Link
                              href={`/bills/${inv.billingMonth}/breakdown`}
                              data-testid="history-breakdown-link"
                            >
                              {formatMonth(inv.billingMonth, lang)}
                            </Link>
                          ) : (
                            <Link href={`/bills/${inv.billingMonth}/summary`}>
                              {formatMonth(inv.billingMonth, lang)}
                            </Link>
                          )}
                        </th>
                        <td class="num">{formatYen(inv.billingAmount, lang)}</td>
                        <td>
                          <StatusBadge status={inv.status} />
                        </td>
                        <td>
                          <PaymentBadge status={inv.paymentStatus} /> <OverdueFlag invoice={inv} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <p class="hint">{t('historyLinkHint')}</p>
            </div>
          )
        }
      </QueryGate>
      {settled(query) ? (
        <p class="links">
          <Link href="/bills">{t('backToBills')}</Link>
        </p>
      ) : null}
    </Layout>
  );
}
