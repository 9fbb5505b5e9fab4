/**
 * How a carrier statement's items are stored (migration 1764400000000): the statement lists its lines
 * once (`line_ids`, in order of first appearance) and each item points at its line by 1-based position
 * (`line_refs`). Every writer of statements encodes through here.
 */
export function lineTable<T>(itemLines: readonly T[]): { lines: T[]; lineRefs: number[] } {
  const position = new Map<T, number>();
  const lines: T[] = [];
  const lineRefs: number[] = new Array(itemLines.length);
  let previous: T | undefined;
  let previousRef = 0;
  for (let i = 0; i < itemLines.length; i++) {
    const line = itemLines[i];
    // A line's items are usually consecutive.
    if (i > 0 && line === previous) {
      lineRefs[i] = previousRef;
      continue;
    }
    let ref = position.get(line);
    if (ref === undefined) {
      lines.push(line);
      ref = lines.length;
      position.set(line, ref);
    }
    lineRefs[i] = ref;
    previous = line;
    previousRef = ref;
  }
  return { lines, lineRefs };
}
