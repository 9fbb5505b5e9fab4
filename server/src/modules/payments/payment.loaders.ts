import DataLoader from 'dataloader';
import type { PayEasySlipRow, PaymentRow, PaymentService } from './payment.service';

declare module '../../graphql/loaders' {
  interface Loaders {
    receiptByInvoice: DataLoader<string, PaymentRow | null>;
    payEasySlipByInvoice: DataLoader<string, PayEasySlipRow | null>;
  }
}

/** Payments' per-request loaders (see graphql/loaders.ts). */
export function paymentLoaders(payments: PaymentService) {
  return {
    receiptByInvoice: new DataLoader<string, PaymentRow | null>(async (ids) => {
      const rows = await payments.receipts(ids);
      return ids.map((id) => rows.find((r) => r.invoice_id === id) ?? null);
    }),
    payEasySlipByInvoice: new DataLoader<string, PayEasySlipRow | null>(async (ids) => {
      const rows = await payments.slips(ids);
      return ids.map((id) => rows.find((r) => r.invoice_id === id) ?? null);
    }),
  };
}
