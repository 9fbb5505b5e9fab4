/**
 * PostgreSQL array literals (`{a,b}`), for writing many arrays in one statement: node-postgres sends a
 * JS array of arrays as one multi-dimensional array, which cannot hold rows of different lengths, so
 * set-based writers pass one literal per row (as `text[]`) and cast each (`k.ids::uuid[]`).
 */

/** Numbers and values that never need quoting (uuids). */
export function plainArrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/** Text: every element quoted, `"` and `\` escaped (never NULL: an empty string stays one). */
export function textArrayLiteral(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += NEEDS_ESCAPE.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : `"${v}"`;
  }
  return `${out}}`;
}
