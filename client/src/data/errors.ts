import { CombinedError } from '@urql/core';
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

const byStatus: Record<number, ThrownCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  429: 'RATE_LIMITED',
};

/** Classifies any error of a request (thrown GraphQL error, HTTP error, network failure). */
export function errorCode(error: unknown): ThrownCode {
  if (error instanceof CombinedError) {
    // urql reads the body of a non-2xx answer: the server's own code, when it gave one, wins.
    for (const e of error.graphQLErrors) {
      const code = e.extensions?.code;
      if (typeof code === 'string' && KNOWN.has(code)) return code as ThrownCode;
    }
    if (error.graphQLErrors.length > 0) return 'INTERNAL_SERVER_ERROR';
    const status = (error.response as Response | undefined)?.status;
    if (status !== undefined && status > 0) return byStatus[status] ?? 'INTERNAL_SERVER_ERROR';
    return networkCode(error.networkError);
  }
  return networkCode(error);
}

function networkCode(error: unknown): ThrownCode {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'OFFLINE';
  if (error instanceof TypeError) return 'NETWORK'; // fetch() rejects with TypeError on network failure
  if (error instanceof SyntaxError) return 'INTERNAL_SERVER_ERROR'; // an answer that is not JSON
  return 'UNKNOWN';
}

/**
 * A refused attempt says which budget and when (the server's words, already in the reader's language,
 * with `retryAfterSeconds`): shown as they are, with the wait.
 */
function rateLimitedMessage(error: unknown, t: I18n['t']): string {
  const thrown =
    error instanceof CombinedError
      ? error.graphQLErrors.find((e) => e.extensions?.code === 'RATE_LIMITED')
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
