import type { Loaders } from './graphql/loaders';
import { billingLoaders } from './modules/billing/billing.loaders';
import { paymentLoaders } from './modules/payments/payment.loaders';
import type { Services } from './services';

/** Every module's per-request loaders, made fresh for each request's context (app.ts). */
export function createLoaders(services: Pick<Services, 'billing' | 'payments'>): Loaders {
  return { ...billingLoaders(services.billing), ...paymentLoaders(services.payments) };
}
