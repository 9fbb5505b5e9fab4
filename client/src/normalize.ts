// Typed input as the server will use it, so a review screen echoes what is really sent. Only the
// lazy address screens import this module: it stays out of the initial bundle.

/**
 * An email address: full-width folded (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ → taro@example.jp), trimmed, the
 * domain lower-cased. The same rule as the server's normalizeEmail (server/src/shared/email.ts):
 * change both together.
 */
export function normalizeEmail(input: string): string {
  const folded = input.normalize('NFKC').trim();
  const at = folded.lastIndexOf('@');
  return at < 0 ? folded : `${folded.slice(0, at)}@${folded.slice(at + 1).toLowerCase()}`;
}
