import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IssuedSession } from './session.service';

export const SESSION_COOKIE = 'wb_session';

export type SessionTransport = 'cookie' | 'bearer';

/** Browsers get an httpOnly cookie (never readable by script); other clients send a bearer token. */
export function readSessionToken(request: FastifyRequest): { token: string; via: SessionTransport } | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
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
