/**
 * PostgreSQL array literals (`{a,b}`), for writing many arrays in one statement: node-postgres sends a
 * JS array of arrays as one multi-dimensional array, which cannot hold rows of different lengths, so
 * set-based writers pass one literal per row (as `text[]`) and cast each (`k.ids::uuid[]`).
 */

/** Numbers and values that never need quoting (uuids). */
export function plainArrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}

// An element needs quotes when it holds a delimiter, brace, quote, backslash or space, is empty, or
// reads as NULL; quoting every element would cost PostgreSQL (and node-postgres, which escapes the
// quotes again when the literal itself travels in an array) about twice as much to parse.
const NEEDS_QUOTES = /[",{}\\\s]|^$|^null$/i;

/** Text, quoted only where needed, `"` and `\` escaped (never NULL: an empty string stays one). */
export function textArrayLiteral(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : v;
  }
  return `${out}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * An array of literals (`{"{a,b}","{c}"}`), as a `text[]` parameter's text: built here in one pass
 * rather than by node-postgres, which escapes every element again. Literals of plainArrayLiteral hold
 * no quote or backslash (`plain`), so only text literals are searched for them.
 */
export function literalArray(literals: readonly string[], plain = false): string {
  let out = '{';
  for (let i = 0; i < literals.length; i++) {
    const v = literals[i];
    if (i > 0) out += ',';
    out += plain || !NEEDS_ESCAPE.test(v) ? `"${v}"` : `"${v.replace(/(["\\])/g, '\\$1')}"`;
  }
  return `${out}}`;
}
