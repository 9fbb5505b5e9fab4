/**
 * Whether an error means the database cannot be reached right now (refused, dropped, shutting down,
 * starting, or the pool timed out connecting), as opposed to a fault in a query. Callers answer the
 * former with 503 and Retry-After: trying again later will work.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || code.startsWith('08') || SERVER_GONE.has(code)) return true;
    const text = typeof e.message === 'string' ? e.message : '';
    if (GONE_MESSAGES.some((m) => text.includes(m))) return true;
    // TypeORM's driverError, Error.cause, GraphQL's originalError, graphql-js's wrapper of non-Errors.
    e = (e.driverError ?? e.cause ?? e.originalError ?? e.thrownValue) as Record<string, unknown> | undefined;
  }
  return false;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now (PostgreSQL's SQLSTATE class 57P). */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03']);
/** node-postgres says these without a code. */
const GONE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/** Seconds a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
