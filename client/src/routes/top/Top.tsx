import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { OverdueFlag, PaymentBadge, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { OfflineDataNotice } from '../../components/OfflineDataNotice';
import { errorMessage } from '../../data/errors';
import type { Viewer } from '../../data/session';
import { useLogout } from '../../data/useLogout';
import { useSavedQuery } from '../../data/useSavedQuery';
import { fill, formatDate, formatMonth, formatYen } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import { InvoiceCardFieldsFragmentDoc, TopBillingDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { formatPhone } from '../../phone';
import { Link } from '../../router';

type TopBilling = ReturnType<typeof useTopBilling>;
const useTopBilling = () => useSavedQuery(TopBillingDocument, {});

/** Guide 2 【ご請求額】: the newest bill, and the way to 【ご請求内容】. */
function LatestInvoice({ query }: { query: TopBilling }) {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch, stale, savedAt } = query;
  const invoice = getFragmentData(InvoiceCardFieldsFragmentDoc, data?.billing.latestInvoice) ?? null;
  // An earlier confirmed bill still unpaid (the newest is often provisional): payable from here too.
  const outstanding = getFragmentData(
    InvoiceCardFieldsFragmentDoc,
    data?.billing.recentInvoices ?? [],
  ).filter(
    (i) =>
      i.status === 'CONFIRMED' && i.paymentStatus === 'UNPAID' && i.billingMonth !== invoice?.billingMonth,
  );

  let body = null;
  if (!data && loading) {
    body = (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  } else if (!data && error) {
    body = (
      <>
        <FormErrors messages={[errorMessage(error, t)]} testId="latest-error" />
        <button type="button" class="button button--secondary" onClick={() => void refetch()}>
          {t('retry')}
        </button>
      </>
    );
  } else if (!invoice) {
    body = <p data-testid="latest-none">{t('noInvoice')}</p>;
  } else {
    body = (
      <>
        <p class="bill-head">
          <span data-testid="latest-month">
            {fill(t('monthBill'), { month: formatMonth(invoice.billingMonth, lang) })}
          </span>
          <StatusBadge status={invoice.status} />
          <OverdueFlag invoice={invoice} />
        </p>
        <p class="card__big amount" data-testid="latest-billing-amount">
          {formatYen(invoice.billingAmount, lang)}
        </p>
        <dl class="props">
          <div>
            <dt>{t('dueDate')}</dt>
            <dd data-testid="latest-due-date">{formatDate(invoice.dueDate, lang)}</dd>
          </div>
          <div>
            <dt>{t('paymentLabel')}</dt>
            <dd data-testid="latest-payment-status">
              <PaymentBadge status={invoice.paymentStatus} />
            </dd>
          </div>
        </dl>
      </>
    );
  }

  return (
    <section class="card" aria-labelledby="latest-title" data-testid="latest-invoice">
      <h2 id="latest-title" class="card__title">
        {t('latestTitle')}
      </h2>
      <OfflineDataNotice stale={stale} savedAt={savedAt} />
      {body}
      <div class="actions">
        {invoice && invoice.paymentStatus === 'UNPAID' && invoice.status === 'CONFIRMED' ? (
          <Link
            href={`/bills/${invoice.billingMonth}/pay`}
            class="button button--primary"
            data-testid="latest-pay"
          >
            {t('payButton')}
          </Link>
        ) : null}
        <Link href="/bills" class="button button--primary" data-testid="to-bills">
          {t('billsButton')}
        </Link>
      </div>
      {outstanding.length > 0 ? (
        <div class="outstanding" data-testid="outstanding">
          <h3 class="note__title">{t('outstandingTitle')}</h3>
          <ul class="outstanding__list">
            {outstanding.map((i) => (
              <li key={i.billingMonth} class="outstanding__item" data-testid="outstanding-invoice">
                <span class="bill-head">
                  {fill(t('monthBill'), { month: formatMonth(i.billingMonth, lang) })}
                  <PaymentBadge status={i.paymentStatus} />
                  <OverdueFlag invoice={i} />
                </span>
                <span class="amount">{formatYen(i.billingAmount, lang)}</span>
                <Link href={`/bills/${i.billingMonth}/pay`} class="button button--secondary">
                  {fill(t('payMonthButton'), { month: formatMonth(i.billingMonth, lang) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Guide 2: registered phone/contract number, holder, and the menu. */
export function TopPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { logout, busy } = useLogout();
  const billing = useTopBilling();
  // The menu waits for the bill (or its failure): shown earlier, the bill's card would push it down.
  const settled = !!billing.data || !!billing.error || !billing.loading;

  return (
    <Layout title={t('topTitle')} menu>
      <section class="card" aria-labelledby="viewer-title" data-testid="viewer">
        <h2 id="viewer-title" class="card__title">
          {t('registeredPhoneNumber')}
        </h2>
        <p class="card__big" data-testid="registered-phone-number">
          {formatPhone(viewer.registeredPhoneNumber)}
        </p>
        <dl class="props">
          <div>
            <dt>{t('holderName')}</dt>
            <dd data-testid="holder-name" lang="ja">
              {viewer.holderName}
              {t('honorific') ? ` ${t('honorific')}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('customerNumber')}</dt>
            <dd data-testid="customer-number">{viewer.customerNumber}</dd>
          </div>
          <div>
            <dt>{t('loginId')}</dt>
            <dd data-testid="login-id">{viewer.loginId}</dd>
          </div>
        </dl>
      </section>
      <LatestInvoice query={billing} />
      {settled ? <TopMenu logout={logout} busy={busy} /> : null}
    </Layout>
  );
}

function TopMenu({ logout, busy }: { logout: () => Promise<void>; busy: boolean }) {
  const { t } = useI18n();
  return (
    <nav aria-labelledby="menu-title" class="top-menu">
      <h2 id="menu-title" class="section-title">
        {t('menuTitle')}
      </h2>
      <ul class="menu">
        <li>
          <Link href="/bills" class="menu__item" data-testid="menu-bills">
            {t('menuBills')}
          </Link>
        </li>
        <li>
          <Link href="/bills/notification" class="menu__item" data-testid="notification-link">
            {t('notificationLink')}
          </Link>
        </li>
        <li>
          <Link href="/membership" class="menu__item" data-testid="menu-membership">
            {t('menuMembership')}
          </Link>
        </li>
        <li>
          <Link href="/password" class="menu__item" data-testid="menu-change-password">
            {t('menuChangePassword')}
          </Link>
        </li>
        <li>
          <Link href="/reissue-email" class="menu__item" data-testid="menu-reissue-email">
            {t('menuReissueEmail')}
          </Link>
        </li>
        <li>
          <BusyButton
            type="button"
            class="menu__item menu__item--logout"
            onClick={logout}
            busy={busy}
            data-testid="logout"
          >
            {t('logout')}
          </BusyButton>
        </li>
      </ul>
    </nav>
  );
}
