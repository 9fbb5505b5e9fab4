/**
 * A fresh idempotency key for one attempt of a mutation that must not happen twice (a payment, a
 * provisioning): kept while the attempt may be resent after a network error, replaced once an answer
 * has arrived.
 */
export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
