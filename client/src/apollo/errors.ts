import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { I18n } from '../i18n';

/** The `extensions.code` values the server throws (SPEC 8); anything else is treated as internal. */
export type ThrownCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CREDENTIAL_CHANGE_REQUIRED'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'OFFLINE'
  | 'UNKNOWN';

const KNOWN = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CREDENTIAL_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'INTERNAL_SERVER_ERROR',
]);

function codeFromBody(bodyText: string): string | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: { extensions?: { code?: unknown } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Classifies any error coming out of Apollo (thrown GraphQL error, HTTP error, network failure). */
export function errorCode(error: unknown): ThrownCode {
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const code = e.extensions?.code;
      if (typeof code === 'string' && KNOWN.has(code)) return code as ThrownCode;
    }
    return 'INTERNAL_SERVER_ERROR';
  }
  if (ServerError.is(error)) {
    const code = codeFromBody(error.bodyText);
    if (code && KNOWN.has(code)) return code as ThrownCode;
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
    if (error.statusCode === 429) return 'RATE_LIMITED';
    if (error.statusCode === 400) return 'BAD_USER_INPUT';
    return 'INTERNAL_SERVER_ERROR';
  }
  if (ServerParseError.is(error)) return 'INTERNAL_SERVER_ERROR';
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'OFFLINE';
  if (error instanceof TypeError) return 'NETWORK'; // fetch() rejects with TypeError on network failure
  return 'UNKNOWN';
}

/**
 * A refused attempt says which budget and when (the server's words, already in the reader's language,
 * with `retryAfterSeconds`): shown as they are, with the wait.
 */
function rateLimitedMessage(error: unknown, t: I18n['t']): string {
  const thrown = CombinedGraphQLErrors.is(error)
    ? error.errors.find((e) => e.extensions?.code === 'RATE_LIMITED')
    : undefined;
  if (!thrown) return t('errRateLimited');
  const seconds = Number(thrown.extensions?.retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return thrown.message;
  const minutes = String(Math.max(1, Math.ceil(seconds / 60)));
  return `${thrown.message} ${t('errRetryAfter').replace('{minutes}', minutes)}`;
}

/** A clear, localised message for a thrown error. */
export function errorMessage(error: unknown, t: I18n['t']): string {
  switch (errorCode(error)) {
    case 'UNAUTHENTICATED':
      return t('errUnauthenticated');
    case 'FORBIDDEN':
      return t('errForbidden');
    case 'CREDENTIAL_CHANGE_REQUIRED':
      return t('errCredentialChangeRequired');
    case 'RATE_LIMITED':
      return rateLimitedMessage(error, t);
    case 'BAD_USER_INPUT':
      return t('errBadUserInput');
    case 'INTERNAL_SERVER_ERROR':
      return t('errInternal');
    case 'NETWORK':
      return t('errNetwork');
    case 'OFFLINE':
      return t('errOffline');
    default:
      return t('errUnknown');
  }
}
