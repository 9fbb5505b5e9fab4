import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionTransport } from '../../shared/session';
import type { IssuedSession } from './session.service';

export const SESSION_COOKIE = 'wb_session';

/** Browsers get an httpOnly cookie (never readable by script); other clients send a bearer token. */
export function readSessionToken(request: FastifyRequest): { token: string; via: SessionTransport } | null {
  const bearer = readBearer(request);
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function writeSessionCookie(reply: FastifyReply, session: IssuedSession, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Every answer to a request with a live subscriber session says how many whole seconds remain before
 * the server ends it if no further request comes (the idle end, never past the absolute end). Every
 * request slides the idle end, so the PWA's idle warning follows this header rather than a guess.
 * Seconds left rather than a time of day: the browser's clock need not agree with the server's.
 */
export const SESSION_EXPIRES_IN_HEADER = 'session-expires-in';

export function writeSessionExpiry(reply: FastifyReply, idleExpiresAt: Date, now: Date): void {
  reply.header(SESSION_EXPIRES_IN_HEADER, String(secondsUntil(idleExpiresAt, now)));
}

/** Whole seconds from `now` to `end` (0 once past): rounded down, so a client never waits too long. */
export const secondsUntil = (end: Date, now: Date): number =>
  Math.max(0, Math.floor((end.getTime() - now.getTime()) / 1000));

export function clearSessionExpiry(reply: FastifyReply): void {
  reply.removeHeader(SESSION_EXPIRES_IN_HEADER);
}

export const OPERATOR_COOKIE = 'wb_operator';

/** The bearer token of the request, whatever kind it is (wbs_ subscriber, wbo_ operator, wbk_ API key). */
export function readBearer(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
}

/** Operators sign in to the console with their own cookie (never the subscriber's), or a bearer token. */
export function readOperatorToken(request: FastifyRequest): string | null {
  return readBearer(request) ?? request.cookies?.[OPERATOR_COOKIE] ?? null;
}

export function writeOperatorCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  // Strict: the console is never reached from another site's link while signed in.
  reply.setCookie(OPERATOR_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearOperatorCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(OPERATOR_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
