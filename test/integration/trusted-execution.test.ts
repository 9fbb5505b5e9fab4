// biome-ignore-all lint/suspicious/noExplicitAny: the tests compare response trees as sent
import { compileQuery } from 'graphql-jit';
import { addMonths, currentBillingMonth } from '../../server/src/modules/billing/billing-month';
import { seedDemo } from '../../server/src/modules/operators/demo-seed';
import { Browser } from '../support/graphql-client';
import { claimCard } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { idOf, manifest } from '../support/trusted-documents';

// Our clients' documents run compiled by graphql-jit (graphql/trusted-execution.ts); everything else
// runs on graphql-js. The compiled answer must be the interpreter's, byte for byte, and only trusted
// documents may ever be compiled.

// The real compiler, watched: how often the app compiles is the invariant under test.
jest.mock('graphql-jit', () => {
  const real = jest.requireActual('graphql-jit');
  return { ...real, compileQuery: jest.fn(real.compileQuery) };
});
const compile = compileQuery as jest.MockedFunction<typeof compileQuery>;

/**
 * The same operation by id (compiled) and as text (graphql-js): status and body as sent. The text
 * carries a comment, so it is not the trusted text (whose hash would find the compiled query).
 */
async function both(
  url: string,
  name: string,
  variables: Record<string, unknown>,
  cookie?: string | null,
  operationName?: string,
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': 'ja',
    'apollo-require-preflight': 'true',
  };
  if (cookie) headers.cookie = cookie;
  const id = idOf(name);
  const post = async (body: unknown) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };
  return {
    compiled: await post({
      variables,
      operationName,
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    }),
    interpreted: await post({ query: `${manifest[id]}\n# sent as text`, variables, operationName }),
  };
}

let t: TestApp;
let household: Browser;
let business: Browser;
let current: string;

const signIn = (card: { initialLoginId: string; initialPassword: string }, loginId: string) =>
  claimCard(t, card, loginId, 'Sakura#2024x', 'ja');

beforeAll(async () => {
  t = await startTestApp();
  const [h, b] = await seedDemo(t.services);
  household = await signIn(h, `jit${process.pid % 1000}h`);
  business = await signIn(b, `jit${process.pid % 1000}b`);
  current = currentBillingMonth(t.clock);
});
afterAll(async () => {
  await t?.close();
});

describe('trusted documents run compiled (graphql-jit), answering as graphql-js does', () => {
  it('answers every billing screen’s query identically, whole or filtered, found or not', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['Me', {}],
      ['TopBilling', {}],
      ['RecentInvoices', {}],
      ['BillingHistory', {}],
      ['BreakdownPicker', {}],
      ['Membership', {}],
      ['NotificationEmail', {}],
      ['ReissueEmailStatus', {}],
      ['SecretQuestions', {}],
      ['InvoiceSummary', { billingMonth: current }],
      ['InvoiceSummary', { billingMonth: addMonths(current, -20) }],
      ['PayInvoice', { billingMonth: current }],
      ['Breakdown', { billingMonth: current }],
      ['Breakdown', { billingMonth: addMonths(current, -1) }],
      ['Breakdown', { billingMonth: addMonths(current, -6) }], // details no longer kept
      ['Breakdown', { billingMonth: addMonths(current, -20) }], // out of range
      ['Breakdown', { billingMonth: 'not a month' }],
      ['Breakdown', { billingMonth: current, carrierCode: 'NOPE' }],
      ['Breakdown', { billingMonth: current, lineNumber: '000-0000-0000' }],
      ['LineCharges', { sort: 'AMOUNT_DESC', first: 50 }],
      ['LineCharges', { sort: 'LINE_NUMBER', first: 2, search: '06-6100' }],
      ['LineCharges', { sort: 'AMOUNT_ASC', first: 101 }], // FieldErrors
      ['LineCharges', { sort: 'LINE_NUMBER', first: 5, after: 'not a cursor' }],
    ];
    let compared = 0;
    for (const subscriber of [household, business]) {
      const { data } = await subscriber.gql(
        `{ billing { lines(first: 2) { lines { lineNumber carrier { code } } } } }`,
      );
      const line = data?.billing.lines.lines[0];
      const all = [
        ...cases,
        ['Breakdown', { billingMonth: current, lineNumber: line.lineNumber }],
        ['Breakdown', { billingMonth: current, carrierCode: line.carrier.code }],
      ] as [string, Record<string, unknown>][];
      for (const [name, variables] of all) {
        const { compiled, interpreted } = await both(t.url, name, variables, subscriber.cookie);
        expect({ name, variables, ...compiled }).toEqual({ name, variables, ...interpreted });
        expect(compiled.status).toBe(200);
        compared++;
      }
    }
    const big = await both(t.url, 'Breakdown', { billingMonth: current }, business.cookie);
    expect(JSON.parse(big.compiled.text).data.billing.breakdown.__typename).toBe('Breakdown');
    expect(compared).toBeGreaterThan(30);
    expect(compile.mock.calls.length).toBeGreaterThanOrEqual(10); // the ids above were compiled
  });

  it('answers refusals and bad variables identically: signed out, wrong variable types, missing ones', async () => {
    for (const [name, variables, cookie] of [
      ['TopBilling', {}, null],
      ['Breakdown', { billingMonth: current }, null],
      ['Breakdown', { billingMonth: 202601 }, household.cookie],
      ['Breakdown', {}, household.cookie],
      ['CurrentOperator', {}, null],
      ['SearchAccounts', { query: 'x' }, household.cookie],
    ] as [string, Record<string, unknown>, string | null][]) {
      const { compiled, interpreted } = await both(t.url, name, variables, cookie);
      // A text's bad variables are found by the cost check before execution, which reports no
      // source location; all else is the same.
      const withoutLocations = ({ status, text }: { status: number; text: string }) => {
        const body = JSON.parse(text);
        for (const error of body.errors ?? []) delete error.locations;
        return { name, status, body };
      };
      expect(withoutLocations(compiled)).toEqual(withoutLocations(interpreted));
    }
    const unknown = await both(t.url, 'Me', {}, household.cookie, 'NotMe');
    expect(unknown.compiled).toEqual(unknown.interpreted);
    expect(unknown.compiled.status).toBe(400);
  });

  it('compiles trusted documents only, each once, whatever text callers send', async () => {
    compile.mockClear();
    for (let i = 0; i < 20; i++) {
      // Distinct documents as text: run by graphql-js, never compiled.
      const res = await household.gql(
        `{ me { loginId } billing { latestInvoice { billingMonth } } a${i}: __typename }`,
      );
      expect(res.data?.me).toBeTruthy();
    }
    expect(compile).not.toHaveBeenCalled();
    // An operation no test here has run yet: compiled when first run, then never again.
    for (let i = 0; i < 3; i++) {
      const { compiled, interpreted } = await both(t.url, 'AdminLists', {}, household.cookie);
      expect(compiled).toEqual(interpreted); // refused: not an operator
    }
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
