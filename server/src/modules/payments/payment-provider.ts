import type { CardBrand, CardDetails } from './card';

/**
 * The seam between billing and a card gateway. A provider must honour the idempotency key the way
 * real gateways do: a charge retried with the same key (a timeout, a crash between charging and
 * recording) returns the first outcome and never charges again.
 */
export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
}

export interface ChargeRequest {
  /** Yen; JPY has no minor unit. */
  amount: number;
  card: CardDetails;
  idempotencyKey: string;
  /** Shown on the gateway's dashboard, e.g. "Web Billing 2025-04". */
  description: string;
}

export type ChargeOutcome =
  | { kind: 'succeeded'; reference: string; brand: CardBrand; last4: string }
  /** The issuer said no; `code` is the gateway's decline reason (retrying the same card will not help). */
  | { kind: 'declined'; code: DeclineCode; brand: CardBrand; last4: string }
  /** The gateway could not process it; nothing was charged and a later retry may succeed. */
  | { kind: 'failed'; code: string; retryable: boolean; brand: CardBrand; last4: string };

export type DeclineCode = 'CARD_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'INCORRECT_CVC';
