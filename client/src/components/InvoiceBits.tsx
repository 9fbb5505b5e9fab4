import { fill, formatDate } from '../format';
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

/**
 * 支払期限超過 (the server's `overdue`: unpaid after the due date, Japan time), with the due date. Beside
 * the payment badge, never instead of it; a filled badge with a mark, not a colour alone.
 */
export function OverdueFlag({ invoice }: { invoice: { overdue: boolean; dueDate: string } }) {
  const { t, lang } = useI18n();
  if (!invoice.overdue) return null;
  return (
    <span class="badge badge--overdue" data-testid="overdue-flag">
      <span class="badge__mark" aria-hidden="true">
        !
      </span>
      {fill(t('overdueDue'), { date: formatDate(invoice.dueDate, lang) })}
    </span>
  );
}
