/**
 * Line numbers as people type them: full-width, dashes, spaces (SPEC §2.1). Phone numbers become
 * digits; service IDs such as CAF1234567 keep their letters, upper-cased.
 */
export function normalizeLineNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―−ー()（）]/g, '')
    .toUpperCase();
}
