/**
 * How a carrier statement's items are stored (migration 1764400000000): the statement lists its lines
 * once (`line_ids`, in order of first appearance) and each item points at its line by 1-based position
 * (`line_refs`). Every writer of statements encodes through here.
 */
export function lineTable(itemLineIds: readonly string[]): { lineIds: string[]; lineRefs: number[] } {
  const position = new Map<string, number>();
  const lineIds: string[] = [];
  const lineRefs: number[] = new Array(itemLineIds.length);
  for (let i = 0; i < itemLineIds.length; i++) {
    let ref = position.get(itemLineIds[i]);
    if (ref === undefined) {
      lineIds.push(itemLineIds[i]);
      ref = lineIds.length;
      position.set(itemLineIds[i], ref);
    }
    lineRefs[i] = ref;
  }
  return { lineIds, lineRefs };
}
