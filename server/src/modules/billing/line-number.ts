const PLAIN = /^[0-9A-Z]+$/;

/**
 * Line numbers as people type them: full-width, dashes, spaces (SPEC §2.1). Phone numbers become
 * digits; service IDs such as CAF1234567 keep their letters, upper-cased.
 */
export function normalizeLineNumber(input: string): string {
  // Most numbers arrive already plain (imports: millions of rows); those need no Unicode work.
  if (PLAIN.test(input)) return input;
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―−ー()（）]/g, '')
    .toUpperCase();
}
