import type { InvoiceStatus, PaymentStatus } from '../gql/graphql';
import { useI18n } from '../i18n';

/** 速報 (provisional) / 確定 (confirmed). */
export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge--${status === 'CONFIRMED' ? 'confirmed' : 'provisional'}`} data-status={status}>
      {status === 'CONFIRMED' ? t('statusConfirmed') : t('statusProvisional')}
    </span>
  );
}

/** お支払済み / 未払い. */
export function PaymentBadge({ status }: { status: PaymentStatus }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge--${status === 'PAID' ? 'paid' : 'unpaid'}`} data-payment={status}>
      {status === 'PAID' ? t('paid') : t('unpaid')}
    </span>
  );
}
