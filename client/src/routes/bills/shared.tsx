import type { ComponentChildren } from 'preact';
import { FormErrors } from '../../components/FormErrors';
import { errorMessage } from '../../data/errors';
import { fill, formatYen } from '../../format';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

/** Loading, or a thrown error with a retry, before a bill query has any data. */
export function QueryGate({
  hasData,
  loading,
  error,
  retry,
  children,
}: {
  hasData: boolean;
  loading: boolean;
  error: unknown;
  retry: () => void;
  children: () => ComponentChildren;
}) {
  const { t } = useI18n();
  if (hasData) return <>{children()}</>;
  if (error) {
    return (
      <>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={retry}>
          {t('retry')}
        </button>
      </>
    );
  }
  return (
    <p class="loading" role="status" aria-live="polite">
      {loading ? t('loading') : ''}
    </p>
  );
}

/**
 * Whether a query has answered (data or an error): what follows a gated part of a screen waits for
 * it, so that nothing already drawn is pushed down when the answer arrives (layout shift).
 */
export const settled = (q: { data?: unknown; error?: unknown; loading: boolean }) =>
  q.data !== undefined || !!q.error || !q.loading;

/** A UserError result (MonthOutOfRange, DetailsNotRetained, InvoiceNotFound…): the server's message. */
export function BillMessage({ code, message }: { code: string; message: string }) {
  return (
    <div class="alert alert--error" role="alert" data-testid="billing-error" data-code={code}>
      <p>{message}</p>
    </div>
  );
}

/** Guide 3 (7) / 4 (1): the way from a bill to the billing-amount notification settings. */
export function NotificationEntry() {
  const { t } = useI18n();
  return (
    <p class="links">
      <Link href="/bills/notification" data-testid="notification-link">
        {t('notificationLink')}
      </Link>
    </p>
  );
}

interface TaxedInvoice {
  taxes: readonly { rate: number; taxAmount: number; taxableAmount: number }[];
  nonTaxableAmount: number;
}

/**
 * Tax per rate (with the amount it was computed on) and the non-taxable amount, as rows of a
 * `props--amounts` list; the breakdown and the summary show the same rows (kept in the bills chunk,
 * out of the initial bundle). `testIds` marks the
 * summary's rows for the browser tests.
 */
export function TaxRows({ invoice, testIds = false }: { invoice: TaxedInvoice; testIds?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <>
      {invoice.taxes.map((tax) => (
        <div
          key={tax.rate}
          data-testid={testIds ? 'summary-tax' : undefined}
          data-rate={testIds ? tax.rate : undefined}
        >
          <dt>{fill(t('taxLine'), { rate: String(tax.rate) })}</dt>
          <dd class="amount">
            {formatYen(tax.taxAmount, lang)}
            <span class="amount__sub">
              {fill(t('taxableOf'), { amount: formatYen(tax.taxableAmount, lang) })}
            </span>
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('nonTaxable')}</dt>
        <dd class="amount" data-testid={testIds ? 'summary-non-taxable' : undefined}>
          {formatYen(invoice.nonTaxableAmount, lang)}
        </dd>
      </div>
    </>
  );
}
