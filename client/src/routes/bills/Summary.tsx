import { BillDocuments } from '../../components/DocumentLink';
import { OverdueFlag, PaymentBadge, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { OfflineDataNotice } from '../../components/OfflineDataNotice';
import { useSavedQuery } from '../../data/useSavedQuery';
import { fill, formatDate, formatMonth, formatYen } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import { InvoiceCardFieldsFragmentDoc, InvoiceSummaryDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ReceiptCard } from '../pay/Receipt';
import { IssuerTable } from './Issuers';
import { BillMessage, NotificationEntry, QueryGate, settled, TaxRows } from './shared';

/**
 * Guide 3 "View Billing summary": usage, adjustments, billing amount, taxes (and by carrier, as each
 * carrier's qualified invoice states them), dates, notices.
 */
export function SummaryPage({ month }: { month: string }) {
  const { t, lang } = useI18n();
  const query = useSavedQuery(InvoiceSummaryDocument, { billingMonth: month });
  const { data, loading, error, refetch, stale, savedAt } = query;
  const result = data?.billing.invoice;

  return (
    <Layout title={fill(t('summaryTitle'), { month: formatMonth(month, lang) })} menu>
      <OfflineDataNotice stale={stale} savedAt={savedAt} />
      <QueryGate hasData={!!result} loading={loading} error={error} retry={() => void refetch()}>
        {() => {
          if (!result) return null;
          if (result.__typename !== 'Invoice')
            return <BillMessage code={result.code} message={result.message} />;
          const inv = { ...result, ...getFragmentData(InvoiceCardFieldsFragmentDoc, result) };
          return (
            <>
              <section class="card" aria-labelledby="summary-amounts-title">
                <h2 id="summary-amounts-title" class="card__title bill-head">
                  {t('summaryAmountsTitle')}
                  <StatusBadge status={inv.status} />
                  <OverdueFlag invoice={inv} />
                </h2>
                <dl class="props props--amounts">
                  <div>
                    <dt>{t('usageAmount')}</dt>
                    <dd class="amount" data-testid="summary-usage">
                      {formatYen(inv.usageAmount, lang)}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('adjustmentAmount')}</dt>
                    <dd class="amount" data-testid="summary-adjustment">
                      {formatYen(inv.adjustmentAmount, lang)}
                    </dd>
                  </div>
                  <div class="props__total">
                    <dt>{t('billingAmount')}</dt>
                    <dd class="amount" data-testid="summary-billing">
                      {formatYen(inv.billingAmount, lang)}
                    </dd>
                  </div>
                </dl>
              </section>
              <section class="card" aria-labelledby="summary-tax-title">
                <h2 id="summary-tax-title" class="card__title">
                  {t('taxTitle')}
                </h2>
                <dl class="props props--amounts">
                  <TaxRows invoice={inv} testIds />
                </dl>
              </section>
              {/* A copy saved on the device by an earlier version has no issuers. */}
              <IssuerTable issuers={inv.issuers ?? []} />
              <section class="card" aria-labelledby="summary-dates-title">
                <h2 id="summary-dates-title" class="card__title">
                  {t('billDatesTitle')}
                </h2>
                <dl class="props">
                  <div>
                    <dt>{t('issueDate')}</dt>
                    <dd data-testid="summary-issue-date">{formatDate(inv.issueDate, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t('dueDate')}</dt>
                    <dd data-testid="summary-due-date">{formatDate(inv.dueDate, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t('paymentLabel')}</dt>
                    <dd>
                      <PaymentBadge status={inv.paymentStatus} />
                    </dd>
                  </div>
                </dl>
                {inv.paymentStatus === 'UNPAID' && inv.status === 'CONFIRMED' ? (
                  <div class="actions">
                    <Link
                      href={`/bills/${month}/pay`}
                      class="button button--primary"
                      data-testid="summary-pay"
                    >
                      {t('payButton')}
                    </Link>
                  </div>
                ) : null}
              </section>
              <BillDocuments month={month} detailsAvailable={inv.detailsAvailable} />
              {inv.receipt ? <ReceiptCard receipt={inv.receipt} month={month} /> : null}
              <section aria-labelledby="notices-title">
                <h2 id="notices-title" class="section-title">
                  {t('noticesTitle')}
                </h2>
                {inv.notices.length === 0 ? (
                  <p class="note">{t('noNotices')}</p>
                ) : (
                  <ul class="notices">
                    {/* Notices are written in Japanese only. */}
                    {inv.notices.map((n) => (
                      <li key={n.title} class="note" data-testid="notice" lang="ja">
                        <h3 class="note__title">{n.title}</h3>
                        <p>{n.body}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              {inv.detailsAvailable ? (
                <div class="actions">
                  <Link
                    href={`/bills/${month}/breakdown`}
                    class="button button--primary"
                    data-testid="breakdown-link"
                  >
                    {t('breakdownLink')}
                  </Link>
                </div>
              ) : (
                <p class="hint">{t('detailsGone')}</p>
              )}
            </>
          );
        }}
      </QueryGate>
      {settled(query) ? (
        <>
          <NotificationEntry />
          <p class="links">
            <Link href="/bills">{t('backToBills')}</Link>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
