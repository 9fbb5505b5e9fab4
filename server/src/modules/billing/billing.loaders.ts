import DataLoader from 'dataloader';
import type { BillingService, NoticeRow } from './billing.service';

declare module '../../graphql/loaders' {
  interface Loaders {
    noticesByInvoice: DataLoader<string, NoticeRow[]>;
  }
}

/** Billing's per-request loaders (see graphql/loaders.ts). */
export function billingLoaders(billing: BillingService) {
  return {
    noticesByInvoice: new DataLoader<string, NoticeRow[]>(async (ids) => {
      const rows = await billing.notices(ids);
      return ids.map((id) => rows.filter((r) => r.invoice_id === id));
    }),
  };
}
