import 'reflect-metadata';
import { buildSchema, type GraphQLSchema, getOperationAST, parse, print } from 'graphql';
import { BreakdownDocument } from '../../client/src/gql/graphql';
import { jitGateway } from '../../server/src/graphql/jit-executor';
import { planRender, versioned } from '../../server/src/graphql/rendered-responses';
import { createSchema } from '../../server/src/graphql/schema';

describe('which operations may be sent as stored bytes', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema(null);
  });
  const renderable = (source: string) => planRender(schema, parse(source)) !== null;

  it("accepts the PWA's own breakdown query (fragments, unions, the UserError interface)", () => {
    const plan = planRender(schema, BreakdownDocument);
    // The probe runs just the resolvers the response depends on, with the same arguments.
    expect(plan && print(plan.probe).replace(/\s+/g, ' ')).toBe(
      'query Breakdown($billingMonth: String!, $lineNumber: String, $carrierCode: String) { billing { ' +
        'breakdown( billingMonth: $billingMonth lineNumber: $lineNumber carrierCode: $carrierCode ) { __typename } } }',
    );
    expect(
      renderable(`query($m: String!) { billing { breakdown(billingMonth: $m) { __typename
        ... on Breakdown { itemsTotal carriers { lines { items { name amount taxRate } } } } } } }`),
    ).toBe(true);
  });

  it('refuses anything that runs a resolver not versioned, and every mutation', () => {
    // Notices and payments are loaded by resolvers of their own: not covered by the invoice's version.
    expect(
      renderable(
        'query($m: String!) { billing { breakdown(billingMonth: $m) { ... on Breakdown { invoice { notices { title } } } } } }',
      ),
    ).toBe(false);
    expect(
      renderable(
        'query($m: String!) { me { loginId } billing { breakdown(billingMonth: $m) { __typename } } }',
      ),
    ).toBe(false);
    expect(renderable('{ billing { latestInvoice { billingAmount } } }')).toBe(false);
    expect(renderable('{ __schema { types { name } } }')).toBe(false);
    expect(renderable('mutation($i: LoginInput!) { login(input: $i) { __typename } }')).toBe(false);
  });
});

describe('a stored response', () => {
  // A small schema: `account` is versioned by what it returns; `clock` is not versioned at all.
  const schema = buildSchema(`
    type Query { account(id: String!): Account, clock: String }
    type Account { id: String!, name: String! }
  `);
  const accounts = new Map([
    ['a', { id: 'a', name: 'Yamada', version: 1 }],
    ['b', { id: 'b', name: 'Sato', version: 1 }],
  ]);
  const accountField = schema.getQueryType()?.getFields().account;
  if (!accountField) throw new Error('no account field');
  accountField.extensions = { versioned: true };
  const clockField = schema.getQueryType()?.getFields().clock;
  if (clockField) clockField.resolve = () => new Date().toISOString();
  let resolved = 0;
  accountField.resolve = (_source, args: { id: string }) => {
    resolved++;
    const a = accounts.get(args.id);
    return a ? versioned({ ...a }, `${a.id}@${a.version}`) : null;
  };

  async function gateway() {
    const jit = jitGateway(schema);
    const { executor } = await jit.gateway.load({ apollo: {} } as never);
    if (!executor) throw new Error('the gateway has no executor');
    return { jit, executor };
  }

  async function run(
    setup: Awaited<ReturnType<typeof gateway>>,
    source: string,
    variables: Record<string, unknown>,
  ) {
    const document = parse(source);
    // What the gateway reads of a Fastify reply: the request's headers (identity: no Accept-Encoding).
    const reply = { request: { headers: {} } } as never;
    const result = await setup.executor({
      queryHash: source,
      operationName: null,
      document,
      operation: getOperationAST(document),
      request: { variables },
      context: { reply, lang: 'ja' },
    } as never);
    const text = setup.jit.stringifyResult(result as never);
    return { text, payload: setup.jit.renderedPayload(reply, text) };
  }

  it('is reused only while every version is the same, and never across accounts', async () => {
    const query = 'query($id: String!) { account(id: $id) { id name } }';
    const setup = await gateway();
    const calls = resolved;
    const first = await run(setup, query, { id: 'a' });
    expect(resolved).toBe(calls + 1); // probe and execution share one resolver call
    expect(first.text).toBe('{"data":{"account":{"id":"a","name":"Yamada"}}}\n');
    expect(Buffer.isBuffer(first.payload)).toBe(true);
    expect(String(first.payload)).toBe(first.text);

    const before = resolved;
    const again = await run(setup, query, { id: 'a' });
    expect(resolved).toBe(before + 1); // the resolver still runs on every request
    expect(again.payload).toBe(first.payload); // the same stored bytes

    const other = await run(setup, query, { id: 'b' });
    expect(String(other.payload)).toContain('Sato');

    const a = accounts.get('a');
    if (a) Object.assign(a, { name: 'Yamada Taro', version: 2 });
    const changed = await run(setup, query, { id: 'a' });
    expect(String(changed.payload)).toContain('Yamada Taro');
  });

  it('is never kept for a missing (unversioned) result or an unversioned field', async () => {
    const query = 'query($id: String!) { account(id: $id) { id } }';
    const setup = await gateway();
    const missing = await run(setup, query, { id: 'nobody' });
    expect(missing.text).toBe('{"data":{"account":null}}\n');
    expect(typeof missing.payload).toBe('string');
    const mixed = 'query($id: String!) { account(id: $id) { id } clock }';
    const withClock = await run(setup, mixed, { id: 'a' });
    expect(typeof withClock.payload).toBe('string');
  });
});
