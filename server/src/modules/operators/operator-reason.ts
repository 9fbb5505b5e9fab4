import type { PolicyIssue } from '../../shared/policy-issue';

export const REASON_MAX = 500;

/** Who acts on an account from outside it: an operator or an integrator's key, from an address. */
export interface OperatorActor {
  operatorId?: string | null;
  apiKeyId?: string | null;
  clientAddress: string;
}

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

/** Opaque keyset cursors: the sort key (sortKeySql, microseconds kept) and the row id. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/**
 * A cursor's sort key: a timestamptz in one fixed form (UTC, microseconds), whatever the session's
 * DateStyle, so it can be checked here before PostgreSQL would refuse it with an error (a 500).
 */
export const sortKeySql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const SORT_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
function isSortKey(text: string): boolean {
  const m = SORT_KEY.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return y >= 1 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** null when absent; undefined when malformed, sort key included (the caller answers BAD_USER_INPUT). */
export function decodeCursor(cursor: string | null | undefined): [string, string] | null | undefined {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => typeof v === 'string') &&
      isSortKey(value[0])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // malformed: below
  }
  return undefined;
}
