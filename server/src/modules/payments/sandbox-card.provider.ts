import { randomBytes } from 'node:crypto';
import type { CardBrand } from './card';
import { lastFour, luhnValid } from './card';
import type { ChargeOutcome, ChargeRequest, DeclineCode, PaymentProvider } from './payment-provider';

/**
 * Test card numbers, as a real gateway's test mode documents them (the same numbers as Stripe's, so
 * testers need not learn new ones). Any expiry in the future and any CVC of the right length work.
 *
 * | number              | outcome                                 |
 * |---------------------|-----------------------------------------|
 * | 4242 4242 4242 4242 | succeeds (Visa)                         |
 * | 5555 5555 5555 4444 | succeeds (Mastercard)                   |
 * | 3566 0020 2036 0505 | succeeds (JCB)                          |
 * | 3782 822463 10005   | succeeds (American Express)             |
 * | 3056 9309 0259 04   | succeeds (Diners Club)                  |
 * | 4000 0000 0000 0002 | declined: CARD_DECLINED                 |
 * | 4000 0000 0000 9995 | declined: INSUFFICIENT_FUNDS            |
 * | 4000 0000 0000 0069 | declined: EXPIRED_CARD                  |
 * | 4000 0000 0000 0127 | declined: INCORRECT_CVC                 |
 * | 4000 0000 0000 0119 | fails: PROCESSING_ERROR (retryable)     |
 *
 * Any other number is declined, as test modes refuse real cards: a real card number typed into a
 * sandbox is never "charged" by accident of a pattern.
 */
export const SANDBOX_TEST_CARDS: Readonly<Record<string, SandboxBehaviour>> = {
  '4242424242424242': { kind: 'succeeds' },
  '5555555555554444': { kind: 'succeeds' },
  '3566002020360505': { kind: 'succeeds' },
  '378282246310005': { kind: 'succeeds' },
  '30569309025904': { kind: 'succeeds' },
  '4000000000000002': { kind: 'declines', code: 'CARD_DECLINED' },
  '4000000000009995': { kind: 'declines', code: 'INSUFFICIENT_FUNDS' },
  '4000000000000069': { kind: 'declines', code: 'EXPIRED_CARD' },
  '4000000000000127': { kind: 'declines', code: 'INCORRECT_CVC' },
  '4000000000000119': { kind: 'fails', code: 'PROCESSING_ERROR' },
};

type SandboxBehaviour =
  | { kind: 'succeeds' }
  | { kind: 'declines'; code: DeclineCode }
  | { kind: 'fails'; code: string };

/** What the sandbox "dashboard" shows of a charge: never the card number. */
export interface SandboxCharge {
  reference: string;
  amount: number;
  brand: CardBrand;
  last4: string;
  idempotencyKey: string;
  outcome: ChargeOutcome['kind'];
}

/**
 * A gateway's test mode, in process: the documented numbers above decide the outcome, and outcomes are
 * remembered by idempotency key like a gateway does (a replay returns the first outcome and is not a
 * new charge). Memory only: a restart forgets, which a sandbox may.
 */
export class SandboxCardProvider implements PaymentProvider {
  readonly name = 'sandbox';
  /** Every attempt the gateway processed (replays excluded), for the operator's eye and for tests. */
  readonly charges: SandboxCharge[] = [];
  private readonly byKey = new Map<string, ChargeOutcome>();

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const replay = this.byKey.get(request.idempotencyKey);
    if (replay) return replay;
    const { card } = request;
    const last4 = lastFour(card.number);
    const brand = card.brand;
    const behaviour: SandboxBehaviour = luhnValid(card.number)
      ? (SANDBOX_TEST_CARDS[card.number] ?? { kind: 'declines', code: 'CARD_DECLINED' })
      : { kind: 'declines', code: 'CARD_DECLINED' };
    let outcome: ChargeOutcome;
    switch (behaviour.kind) {
      case 'succeeds':
        outcome = { kind: 'succeeded', reference: `sbx_ch_${randomBytes(12).toString('hex')}`, brand, last4 };
        break;
      case 'declines':
        outcome = { kind: 'declined', code: behaviour.code, brand, last4 };
        break;
      case 'fails':
        outcome = { kind: 'failed', code: behaviour.code, retryable: true, brand, last4 };
        break;
    }
    this.byKey.set(request.idempotencyKey, outcome);
    this.charges.push({
      reference: outcome.kind === 'succeeded' ? outcome.reference : '',
      amount: request.amount,
      brand,
      last4,
      idempotencyKey: request.idempotencyKey,
      outcome: outcome.kind,
    });
    return outcome;
  }
}

export function createPaymentProvider(name: 'sandbox'): PaymentProvider {
  switch (name) {
    case 'sandbox':
      return new SandboxCardProvider();
  }
}
