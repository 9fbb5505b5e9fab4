import type { ChargeLine } from './invoice-totals';

/**
 * How a carrier statement's items are stored (migration 1764400000000): the statement lists its lines
 * and its item names once each (`line_ids`, `item_names`, in order of first appearance) and each item
 * points at its line and its name by 1-based position (`line_refs`, `name_refs`). Every writer of
 * statements encodes both columns through here.
 */
export function listOnce<T>(values: readonly T[]): { list: T[]; refs: number[] } {
  const position = new Map<T, number>();
  const list: T[] = [];
  const refs: number[] = new Array(values.length);
  let previous: T | undefined;
  let previousRef = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Equal neighbours are common (a line's items are consecutive).
    if (i > 0 && value === previous) {
      refs[i] = previousRef;
      continue;
    }
    let ref = position.get(value);
    if (ref === undefined) {
      list.push(value);
      ref = list.length;
      position.set(value, ref);
    }
    refs[i] = ref;
    previous = value;
    previousRef = ref;
  }
  return { list, refs };
}

/**
 * A statement's items as stored: PostgreSQL array literals, sent as they are by both writers, with what
 * the invoice totals need.
 */
export interface StoredItems {
  lineIds: string;
  lineRefs: string;
  itemNames: string;
  nameRefs: string;
  amounts: string;
  taxRates: string;
  count: number;
  /** Sum of the items, and their totals per tax rate (issuerTotals taxes each rate's total). */
  amount: number;
  rates: ChargeLine[];
}
