import type { PolicyIssue } from '../credentials/password-policy';

export const REASON_MAX = 500;

/**
 * Every operator action states why (SPEC §2.4: the audit trail must explain each action).
 * NFKC and trimmed, so a reason of spaces is no reason.
 */
export function checkReason(
  raw: string | null | undefined,
  fallback?: string,
): { reason: string; issues: PolicyIssue[] } {
  const reason = (raw ?? '').normalize('NFKC').trim();
  if (!reason) {
    return fallback
      ? { reason: fallback, issues: [] }
      : { reason, issues: [{ field: 'reason', code: 'REASON_REQUIRED' }] };
  }
  if (reason.length > REASON_MAX) return { reason, issues: [{ field: 'reason', code: 'REASON_TOO_LONG' }] };
  return { reason, issues: [] };
}

/** `t***@example.jp`: enough for a caller to recognise their address, not enough to learn it. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from clients are checked before they reach SQL, where a malformed uuid would be a 500. */
export const isUuid = (value: string) => UUID.test(value);

/** Opaque keyset cursors: the sort key as PostgreSQL prints it (microseconds kept) and the row id. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/** null when absent; undefined when malformed (the caller answers BAD_USER_INPUT). */
export function decodeCursor(cursor: string | null | undefined): [string, string] | null | undefined {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0], value[1]];
    }
  } catch {
    // malformed: below
  }
  return undefined;
}
