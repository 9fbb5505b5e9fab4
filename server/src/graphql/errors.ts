import { GraphQLError } from 'graphql';
import { type Lang, message } from '../i18n/messages';
import type { AuthenticatedSession } from '../modules/auth/session.service';
import type { GraphQLContext } from './context';

/** The cross-cutting failures of SPEC §8; everything expected is a union member instead. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CREDENTIAL_CHANGE_REQUIRED'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'INTERNAL_SERVER_ERROR';

export function graphQLError(
  code: ErrorCode,
  lang: Lang,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message(lang, code), { extensions: { code, ...extensions } });
}

/** For resolvers behind @Authorized: the session the auth checker has already admitted. */
export function requireSession(ctx: GraphQLContext): AuthenticatedSession {
  if (!ctx.session) throw graphQLError('UNAUTHENTICATED', ctx.lang);
  return ctx.session;
}
