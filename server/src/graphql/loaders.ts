import DataLoader from 'dataloader';
import type { NoticeRow } from '../modules/billing/billing.service';
import type { Services } from '../services';

/** Per-request batching: a list of invoices loads all their notices in one statement (no N+1). */
export function createLoaders(services: Pick<Services, 'billing'>) {
  return {
    noticesByInvoice: new DataLoader<string, NoticeRow[]>(async (ids) => {
      const rows = await services.billing.notices(ids);
      return ids.map((id) => rows.filter((r) => r.invoice_id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
