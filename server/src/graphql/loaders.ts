import DataLoader from 'dataloader';
import type { NoticeRow } from '../modules/billing/billing.service';
import type { PayEasySlipRow, PaymentRow } from '../modules/payments/payment.service';
import type { Services } from '../services';

/** Per-request batching: a list of invoices loads all their notices in one statement (no N+1). */
export function createLoaders(services: Pick<Services, 'billing' | 'payments'>) {
  return {
    receiptByInvoice: new DataLoader<string, PaymentRow | null>(async (ids) => {
      const rows = await services.payments.receipts(ids);
      return ids.map((id) => rows.find((r) => r.invoice_id === id) ?? null);
    }),
    payEasySlipByInvoice: new DataLoader<string, PayEasySlipRow | null>(async (ids) => {
      const rows = await services.payments.slips(ids);
      return ids.map((id) => rows.find((r) => r.invoice_id === id) ?? null);
    }),
    noticesByInvoice: new DataLoader<string, NoticeRow[]>(async (ids) => {
      const rows = await services.billing.notices(ids);
      return ids.map((id) => rows.filter((r) => r.invoice_id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
