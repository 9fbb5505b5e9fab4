import DataLoader from 'dataloader';
import type { BillingService, InvoiceKey, IssuerRow, NoticeRow } from './billing.service';

declare module '../../graphql/loaders' {
  interface Loaders {
    noticesByInvoice: DataLoader<string, NoticeRow[]>;
    issuersByInvoice: DataLoader<InvoiceKey, IssuerRow[], string>;
  }
}

/** Rows of several invoices, grouped by invoice id in the order the ids were asked for. */
function byInvoice<T extends { invoice_id: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.invoice_id)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Billing's per-request loaders (see graphql/loaders.ts). */
export function billingLoaders(billing: BillingService) {
  return {
    noticesByInvoice: new DataLoader<string, NoticeRow[]>(async (ids) =>
      byInvoice(ids, await billing.notices(ids)),
    ),
    issuersByInvoice: new DataLoader<InvoiceKey, IssuerRow[], string>(
      async (keys) =>
        byInvoice(
          keys.map((k) => k.id),
          await billing.issuers(keys),
        ),
      { cacheKeyFn: (k) => k.id },
    ),
  };
}
