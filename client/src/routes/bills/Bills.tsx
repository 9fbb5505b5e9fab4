import { OverdueFlag, PaymentBadge, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { OfflineDataNotice } from '../../components/OfflineDataNotice';
import { useSavedQuery } from '../../data/useSavedQuery';
import { fill, formatDate, formatMonth, formatYen } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import { InvoiceCardFieldsFragmentDoc, RecentInvoicesDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { QueryGate, settled } from './shared';

/** Guide 3 (2)–(5): the last 4 months, each with its breakdown, and the way to the 15 months. */
export function BillsPage() {
  const { t, lang } = useI18n();
  const query = useSavedQuery(RecentInvoicesDocument, {});
  const { data, loading, error, refetch, stale, savedAt } = query;
  const invoices = getFragmentData(InvoiceCardFieldsFragmentDoc, data?.billing.recentInvoices ?? []);

  return (
    <Layout title={t('billsTitle')} menu>
      <p class="lead">{t('billsLead')}</p>
      <OfflineDataNotice stale={stale} savedAt={savedAt} />
      <section aria-labelledby="recent-title">
        <h2 id="recent-title" class="section-title">
          {t('recentTitle')}
        </h2>
        <QueryGate hasData={!!data} loading={loading} error={error} retry={() => void refetch()}>
          {() =>
            invoices.length === 0 ? (
              <p class="note">{t('noInvoice')}</p>
            ) : (
              <ul class="invoice-cards">
                {invoices.map((inv) => (
                  <li
                    key={inv.billingMonth}
                    class="card invoice-card"
                    data-testid="recent-invoice"
                    data-month={inv.billingMonth}
                  >
                    <h3 class="invoice-card__month">
                      {fill(t('monthBill'), { month: formatMonth(inv.billingMonth, lang) })}
                      <StatusBadge status={inv.status} />
                    </h3>
                    <p class="invoice-card__amount amount">
                      <span class="visually-hidden">{t('billingAmount')} </span>
                      {formatYen(inv.billingAmount, lang)}
                    </p>
                    <dl class="props props--compact">
                      <div>
                        <dt>{t('dueDate')}</dt>
                        <dd>{formatDate(inv.dueDate, lang)}</dd>
                      </div>
                      <div>
                        <dt>{t('paymentLabel')}</dt>
                        <dd>
                          <PaymentBadge status={inv.paymentStatus} /> <OverdueFlag invoice={inv} />
                        </dd>
                      </div>
                    </dl>
                    <div class="invoice-card__actions">
                      {inv.detailsAvailable ? (
                        <Link
                          href={`/bills/${inv.billingMonth}/breakdown`}
                          class="button button--primary"
                          data-testid="breakdown-button"
                          aria-label={`${formatMonth(inv.billingMonth, lang)} ${t('breakdownButton')}`}
                        >
                          {t('breakdownButton')}
                        </Link>
                      ) : null}
                      <Link
                        href={`/bills/${inv.billingMonth}/summary`}
                        class="button button--secondary"
                        aria-label={`${formatMonth(inv.billingMonth, lang)} ${t('summaryLink')}`}
                      >
                        {t('summaryLink')}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryGate>
      </section>
      {settled(query) ? (
        <>
          <section class="card history-prompt" aria-labelledby="history-prompt-title">
            <h2 id="history-prompt-title" class="card__title">
              {t('historyTitle')}
            </h2>
            <p>{t('historyPromptBody')}</p>
            <Link href="/bills/history" class="button button--secondary" data-testid="history-button">
              {t('viewButton')}
            </Link>
          </section>
          <section class="card history-prompt" aria-labelledby="lines-prompt-title">
            <h2 id="lines-prompt-title" class="card__title">
              {t('linesPromptTitle')}
            </h2>
            <p>{t('linesPromptBody')}</p>
            <Link
              href="/bills/lines"
              class="button button--secondary"
              data-testid="lines-button"
              aria-label={`${t('linesPromptTitle')} ${t('viewButton')}`}
            >
              {t('viewButton')}
            </Link>
          </section>
          <p class="links">
            <Link href="/top">{t('backToTop')}</Link>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
