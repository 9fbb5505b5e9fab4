// Offline reading of bills (SPEC 7): the results of the billing queries, saved on the device
// (localStorage) for the signed-in account and shown when a screen has no answer from the server
// (useSavedQuery). Every way out of the session (logout, expiry, another account) wipes them.
// The copy is written off the critical path (in an idle moment after the result is on screen, several
// results in one write) and bounded: the newest MAX_BREAKDOWNS breakdowns, MAX_CHARS in all, the
// oldest results dropped first. Writing 190k characters on every result cost 13–16 ms each time.
import { type AnyVariables, type DocumentInput, mapExchange } from '@urql/core';
import {
  BillingHistoryDocument,
  BreakdownDocument,
  BreakdownPickerDocument,
  InvoiceSummaryDocument,
  RecentInvoicesDocument,
  TopBillingDocument,
  type ViewerFieldsFragment,
} from '../gql/graphql';
import { getLang, type Lang } from '../i18n';
import { hashOf } from './trusted';

const KEY = 'webBilling.saved';
const MAX_OPS = 40;
/** A 120-line breakdown is ~60k characters; the smaller screens' results are a few thousand. */
const MAX_BREAKDOWNS = 2;
/** Characters of the stored JSON (localStorage quotas are ~5M characters per origin). */
const MAX_CHARS = 150_000;

interface SavedOp {
  at: number;
  data: unknown;
}
interface Snapshot {
  customer: string;
  viewer: ViewerFieldsFragment;
  ops: Record<string, SavedOp>;
}

/** The queries whose results are kept (the bill screens'), by document id, with the names keys carry. */
const SAVED = new Map(
  (
    [
      [TopBillingDocument, 'TopBilling'],
      [RecentInvoicesDocument, 'RecentInvoices'],
      [BillingHistoryDocument, 'BillingHistory'],
      [InvoiceSummaryDocument, 'InvoiceSummary'],
      [BreakdownDocument, 'Breakdown'],
      [BreakdownPickerDocument, 'BreakdownPicker'],
    ] as const
  ).map(([document, name]) => [hashOf(document), name]),
);

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

/** Each result's JSON, kept from one write to the next (only new results are serialised again). */
const serialized = new Map<string, string>();
const jsonOf = (key: string, op: SavedOp): string => {
  let json = serialized.get(key);
  if (json === undefined) {
    json = JSON.stringify(op);
    serialized.set(key, json);
  }
  return json;
};

/** The snapshot as stored: newest results first, as many as the bounds allow. */
function bounded(s: Snapshot): string {
  const head = `{"customer":${JSON.stringify(s.customer)},"viewer":${JSON.stringify(s.viewer)},"ops":{`;
  let size = head.length + 2;
  let breakdowns = 0;
  const parts: string[] = [];
  const kept: Record<string, SavedOp> = {};
  const newestFirst = Object.entries(s.ops).sort((a, b) => b[1].at - a[1].at);
  for (const [key, op] of newestFirst) {
    if (parts.length >= MAX_OPS) break;
    if (operationOf(key) === 'Breakdown' && ++breakdowns > MAX_BREAKDOWNS) continue;
    const part = `${JSON.stringify(key)}:${jsonOf(key, op)}`;
    if (size + part.length + 1 > MAX_CHARS) continue;
    size += part.length + 1;
    parts.push(part);
    kept[key] = op;
  }
  s.ops = kept;
  for (const key of serialized.keys()) if (!(key in kept)) serialized.delete(key);
  return `${head}${parts.join(',')}}}`;
}

let cancelPending: (() => void) | null = null;

/**
 * The requests under way (operation keys). A screen that waits for two answers (the breakdown and its
 * picker) draws nothing until both are in: the write waits for a moment with none under way, so it
 * never takes the main thread between an answer and the screen that shows it.
 */
const inFlight = new Set<number>();
/** Results (or the viewer) not written yet, and since when. */
let dirty = false;
let dirtySince = 0;
/** A write is put off for requests under way this long at most (one may never answer, e.g. aborted). */
const MAX_DEFER_MS = 5000;

function save(): void {
  cancelPending?.();
  cancelPending = null;
  dirty = false;
  if (!snapshot) return;
  try {
    localStorage.setItem(KEY, bounded(snapshot));
  } catch {
    /* storage full or disabled: offline reading is simply unavailable */
  }
}

/**
 * Writes in the next idle moment (within 2 s) with no request under way, once for all the results
 * received until then; put off, it asks again at the next idle moment, for MAX_DEFER_MS at most.
 */
function saveSoon(): void {
  if (!dirty) dirtySince = Date.now();
  dirty = true;
  if (cancelPending) return;
  const write = () => {
    cancelPending = null;
    if (inFlight.size === 0 || Date.now() - dirtySince >= MAX_DEFER_MS) save();
    else saveSoon(); // the next idle moment
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(write, { timeout: 2000 });
    cancelPending = () => cancelIdleCallback(id);
  } else {
    const id = setTimeout(write, 500);
    cancelPending = () => clearTimeout(id);
  }
}

// A tab closed or put away before the idle moment still keeps what was seen.
if (typeof window !== 'undefined') {
  const flush = () => {
    if (dirty) save();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

type Query = DocumentInput<unknown, AnyVariables>;
const nameOf = (query: Query): string => SAVED.get(hashOf(query)) ?? '';
// By language too: the saved answers hold carrier and service names in the language they were read in.
const keyOf = (name: string, variables: AnyVariables | undefined, lang: Lang = getLang()) =>
  `${lang}:${name}:${JSON.stringify(variables ?? {})}`;
/** The operation's name in a key made by keyOf. */
const operationOf = (key: string): string => key.split(':', 2)[1] ?? '';

/** Forgets every saved bill (logout, expired session, another account). */
export function wipeSaved(): void {
  cancelPending?.();
  cancelPending = null;
  dirty = false;
  snapshot = null;
  serialized.clear();
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
  save();
}

/**
 * The signed-in subscriber: another account's saved bills leave the device at once. (Bills in memory
 * belong to the GraphQL client, which is replaced at every sign-out and expiry.)
 */
export function rememberViewer(viewer: ViewerFieldsFragment): void {
  if (snapshot?.customer !== viewer.customerNumber) {
    serialized.clear();
    snapshot = { customer: viewer.customerNumber, viewer, ops: {} };
    save();
  } else {
    snapshot.viewer = viewer;
    saveSoon();
  }
}

/** The last signed-in subscriber, for starting the app offline. */
export const savedViewer = (): ViewerFieldsFragment | null => snapshot?.viewer ?? null;

/** When the saved result of a query was received (ms since epoch), or null. */
export function savedAt(query: Query, variables?: AnyVariables): number | null {
  return snapshot?.ops[keyOf(nameOf(query), variables)]?.at ?? null;
}

/** The saved result of a query, for when the server has not answered (offline, or not yet). */
export function savedData<D>(query: DocumentInput<D, AnyVariables>, variables?: AnyVariables): D | undefined {
  return snapshot?.ops[keyOf(nameOf(query as Query), variables)]?.data as D | undefined;
}

/** Records the billing queries' results as the server sends them (in `lang`, the client's language). */
export const persistExchange = (lang: Lang) =>
  mapExchange({
    onOperation(operation) {
      if (operation.kind === 'teardown') inFlight.delete(operation.key);
      else inFlight.add(operation.key);
    },
    onResult(result) {
      inFlight.delete(result.operation.key);
      if (!snapshot || !result.data || result.error) return;
      const name = nameOf(result.operation.query);
      if (!name) return;
      const key = keyOf(name, result.operation.variables, lang);
      snapshot.ops[key] = { at: Date.now(), data: result.data };
      serialized.delete(key);
      saveSoon();
    },
  });
