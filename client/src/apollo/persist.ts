// Offline reading of bills (SPEC 7): the results of the billing queries, saved on the device
// (localStorage) for the signed-in account and put back into the Apollo cache when a screen asks
// for them. Every way out of the session (logout, expiry, another account) wipes them.
import { type ApolloClient, ApolloLink, type OperationVariables } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { tap } from 'rxjs';
import type { ViewerFieldsFragment } from '../gql/graphql';
import { getLang } from '../i18n';

const KEY = 'webBilling.saved';
const MAX_OPS = 40;

interface SavedOp {
  at: number;
  data: unknown;
}
interface Snapshot {
  customer: string;
  viewer: ViewerFieldsFragment;
  ops: Record<string, SavedOp>;
}

/** The queries whose results are kept (operation names of the bill screens). */
const SAVED = new Set([
  'TopBilling',
  'RecentInvoices',
  'BillingHistory',
  'InvoiceSummary',
  'Breakdown',
  'BreakdownPicker',
]);

function read(): Snapshot | null {
  try {
    const raw = localStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Snapshot) : null;
    return s?.customer && s.viewer && s.ops ? s : null;
  } catch {
    return null;
  }
}

let snapshot: Snapshot | null = typeof window === 'undefined' ? null : read();
const restored = new Set<string>();

function save(): void {
  if (!snapshot) return;
  const entries = Object.entries(snapshot.ops);
  if (entries.length > MAX_OPS) {
    entries.sort((a, b) => b[1].at - a[1].at);
    snapshot.ops = Object.fromEntries(entries.slice(0, MAX_OPS));
  }
  try {
    localStorage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    /* storage full or disabled: offline reading is simply unavailable */
  }
}

const nameOf = (query: DocumentNode): string => {
  for (const d of query.definitions) if (d.kind === 'OperationDefinition') return d.name?.value ?? '';
  return '';
};
// By language too: the saved answers hold carrier and service names in the language they were read in.
const keyOf = (name: string, variables: OperationVariables | undefined) =>
  `${getLang()}:${name}:${JSON.stringify(variables ?? {})}`;

/** Forgets every saved bill (logout, expired session, another account). */
export function wipeSaved(): void {
  snapshot = null;
  restored.clear();
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}

/**
 * Forgets the saved bills but not who is signed in: after a payment, a reload must not first show
 * the bill as unpaid from the device's copy.
 */
export function forgetSavedBills(): void {
  if (!snapshot) return;
  snapshot.ops = {};
  restored.clear();
  save();
}

/** Drops the bills held in memory (another subscriber, or nobody, is signed in now). */
function forgetBilling(client: ApolloClient): void {
  client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'billing' });
  client.cache.evict({ id: 'Billing:{}' });
  client.cache.gc();
}

/** The signed-in subscriber: bills of any other account, saved or in memory, are dropped. */
export function rememberViewer(viewer: ViewerFieldsFragment, client: ApolloClient): void {
  if (snapshot?.customer !== viewer.customerNumber) {
    restored.clear();
    forgetBilling(client);
    snapshot = { customer: viewer.customerNumber, viewer, ops: {} };
  } else snapshot.viewer = viewer;
  save();
}

/** The last signed-in subscriber, for starting the app offline. */
export const savedViewer = (): ViewerFieldsFragment | null => snapshot?.viewer ?? null;

/** When the saved result of a query was received (ms since epoch), or null. */
export function savedAt(query: DocumentNode, variables?: OperationVariables): number | null {
  return snapshot?.ops[keyOf(nameOf(query), variables)]?.at ?? null;
}

/** Puts a saved result into the cache once (a no-op when the cache already has the data). */
export function restoreSaved(
  client: ApolloClient,
  query: DocumentNode,
  variables?: OperationVariables,
): void {
  const key = keyOf(nameOf(query), variables);
  if (restored.has(key)) return;
  restored.add(key);
  const op = snapshot?.ops[key];
  if (!op) return;
  try {
    if (client.readQuery({ query, variables })) return;
    client.writeQuery({ query, variables, data: op.data as Record<string, unknown> });
  } catch {
    /* saved by an older version of the app: ignore it */
  }
}

/** Records the billing queries' results, and follows `me` (null = signed out: wipe). */
export const persistLink = new ApolloLink((operation, forward) => {
  const name = operation.operationName ?? '';
  if (name !== 'Me' && !SAVED.has(name)) return forward(operation);
  const key = keyOf(name, operation.variables); // in the language it is asked in
  return forward(operation).pipe(
    tap((result) => {
      const data = (result as { data?: Record<string, unknown> | null }).data;
      const errors = (result as { errors?: readonly unknown[] }).errors;
      if (!data || (errors && errors.length > 0)) return;
      if (name === 'Me') {
        const me = data.me as ViewerFieldsFragment | null;
        if (me) rememberViewer(me, operation.client);
        else if (snapshot || restored.size > 0) {
          wipeSaved();
          forgetBilling(operation.client);
        }
        return;
      }
      if (!snapshot) return;
      snapshot.ops[key] = { at: Date.now(), data };
      save();
    }),
  );
});
