import { GraphQLError } from 'graphql';
import { type Lang, message } from '../i18n/messages';

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
