import { GraphQLError } from 'graphql';
import { type Lang, message } from '../i18n/messages';
import type { AuthenticatedSession } from '../shared/session';
import type { GraphQLContext } from './context';
import type { ApiKeyPrincipal, OperatorPrincipal } from './roles';

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

/** Why an integrator operation was refused: the code stays the cross-cutting one, the words are theirs. */
export type ApiKeyRefusal =
  | 'API_KEY_REQUIRED'
  | 'API_KEY_INVALID'
  | 'API_KEY_SCOPE_MISSING'
  | 'API_KEY_RATE_LIMITED';

export function apiKeyError(
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED',
  reason: ApiKeyRefusal,
  lang: Lang,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message(lang, reason), { extensions: { code, reason, ...extensions } });
}

/** For resolvers behind @Authorized: the session the auth checker has already admitted. */
export function requireSession(ctx: GraphQLContext): AuthenticatedSession {
  if (!ctx.session) throw graphQLError('UNAUTHENTICATED', ctx.lang);
  return ctx.session;
}

/** For resolvers behind @Authorized(Role.…): the operator the auth checker has already admitted. */
export function requireOperator(ctx: GraphQLContext): OperatorPrincipal {
  if (!ctx.operator) throw graphQLError('UNAUTHENTICATED', ctx.lang);
  return ctx.operator;
}

/** For resolvers behind @Authorized(Scope.…): the API key the auth checker has already admitted. */
export function requireApiKey(ctx: GraphQLContext): ApiKeyPrincipal {
  if (!ctx.apiKey) throw graphQLError('UNAUTHENTICATED', ctx.lang);
  return ctx.apiKey;
}
