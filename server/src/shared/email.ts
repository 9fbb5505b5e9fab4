import type { PolicyIssue } from './policy-issue';

// Pragmatic shape check (local@domain.tld, one-byte after NFKC); deliverability is proven by the link.
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Full-width input is folded (ＡＢＣ＠ｅｘａｍｐｌｅ．ｊｐ → abc@example.jp); the domain is case-insensitive. */
export function normalizeEmail(input: string): string {
  const folded = input.normalize('NFKC').trim();
  const at = folded.lastIndexOf('@');
  return at < 0 ? folded : `${folded.slice(0, at)}@${folded.slice(at + 1).toLowerCase()}`;
}

/** An address someone types (reissue, billing notification, membership contact). */
export function checkEmail(email: string, field: string): PolicyIssue[] {
  if (!email) return [{ field, code: 'REQUIRED' }];
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) return [{ field, code: 'EMAIL_INVALID' }];
  return [];
}
