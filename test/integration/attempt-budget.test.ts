import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { AttemptBudget } from '../../server/src/security/attempt-budget';
import { RateLimitedError } from '../../server/src/shared/rate-limited';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * AttemptBudget's own statements (one upsert for any number of budgets, one settle), on real
 * PostgreSQL: spent before the check however many race, refunds that never become credit, windows.
 */
let t: TestApp;
let pool: Pool;
const key = randomBytes(32);
let budgets = 0;
const budget = (limit: number, windowSeconds = 900) =>
  new AttemptBudget(pool, key, { name: `test-${++budgets}`, limit, windowSeconds });

beforeAll(async () => {
  t = await startTestApp({}, { workers: false });
  pool = (t.db.driver as unknown as { master: Pool }).master;
});
afterAll(async () => {
  await t?.close();
});

test('spends up to the limit, then refuses with the wait until the window ends', async () => {
  const b = budget(3, 600);
  expect([await b.spend('s'), await b.spend('s'), await b.spend('s')]).toEqual([1, 2, 3]);
  const refused = await b.spend('s').catch((error) => error);
  expect(refused).toBeInstanceOf(RateLimitedError);
  expect(refused.retryAfterSeconds).toBeGreaterThan(590);
  expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
  // Another subject has its own budget.
  expect(await b.spend('other')).toBe(1);
});

test('50 concurrent spends of a budget of 5: exactly 5 go through', async () => {
  const b = budget(5);
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => b.spend('raced')));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  expect(
    results.every(
      (r) => r.status === 'fulfilled' || (r as PromiseRejectedResult).reason instanceof RateLimitedError,
    ),
  ).toBe(true);
});

test('spendEach answers per budget from one statement; refused budgets keep counting', async () => {
  const small = budget(1);
  const large = budget(10);
  const first = await AttemptBudget.spendEach([
    [small, 'x'],
    [large, 'x'],
  ]);
  expect(first.map((s) => [s.spent, s.retryAfterSeconds])).toEqual([
    [1, null],
    [1, null],
  ]);
  const second = await AttemptBudget.spendEach([
    [small, 'x'],
    [large, 'x'],
  ]);
  expect(second[0].retryAfterSeconds).toBeGreaterThan(0);
  expect(second[1]).toMatchObject({ spent: 2, retryAfterSeconds: null });
});

test('a refund gives back a spent attempt, never a credit beyond the budget', async () => {
  const b = budget(2);
  // Nothing spent: nothing to give back (no negative count, no row for a window yet to come).
  await b.refund('r');
  await b.refund('r');
  expect(await b.spend('r')).toBe(1);
  await b.refund('r');
  expect(await b.spend('r')).toBe(1);
  expect(await b.spend('r')).toBe(2);
  await expect(b.spend('r')).rejects.toBeInstanceOf(RateLimitedError);
});

test('settle refunds one budget and clears another in one statement', async () => {
  const address = budget(5);
  const login = budget(5);
  for (let i = 0; i < 3; i++)
    await AttemptBudget.spendEach([
      [address, 'a'],
      [login, 'l'],
    ]);
  await AttemptBudget.settle({ refund: [[address, 'a']], clear: [[login, 'l']] });
  expect(await address.spend('a')).toBe(3);
  expect(await login.spend('l')).toBe(1);
});

test('a window that ended starts afresh', async () => {
  const b = budget(1, 1);
  await b.spend('w');
  await expect(b.spend('w')).rejects.toBeInstanceOf(RateLimitedError);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // windows are the wall clock's
  expect(await b.spend('w')).toBe(1);
});

test('what is counted is stored under an HMAC, never as typed', async () => {
  const b = budget(5);
  await b.spend('Sakura#2024-typed-into-the-id-field');
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM rate_limit WHERE key LIKE $1', [
    `${b.options.name}:%`,
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0].key).not.toContain('Sakura');
  expect(rows[0].key).toMatch(/^test-\d+:[\w-]{43}$/);
});
