import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/availability';
import { type Lang, langFromAcceptLanguage, message } from '../i18n/messages';
import type { GraphQLContext } from './context';

const retryAfter = () => new Map([['retry-after', String(DATABASE_RETRY_AFTER_SECONDS)]]);

/** A failure while authenticating the request (before Apollo has a context), already worded for the caller. */
export class ContextFailure extends GraphQLError {}

/**
 * For errors thrown while building the context: Apollo answers them without plugins, so they are
 * worded here, where the caller's language is known. A database that cannot be reached is a 503.
 */
export function contextFailure(error: unknown, lang: Lang, log: FastifyBaseLogger): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, 'database unreachable');
    return new ContextFailure(message(lang, 'SERVICE_UNAVAILABLE'), {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: retryAfter() } },
    });
  }
  log.error({ err: error }, 'unexpected error while authenticating a request');
  return new ContextFailure(message(lang, 'INTERNAL_SERVER_ERROR'), {
    extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 500 } },
  });
}

/**
 * Apollo's formatError: unexpected failures are logged with their cause and answered with a code only
 * (never the cause's text); the plugin below words them in the caller's language.
 */
export function maskUnexpected(log: FastifyBaseLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (error instanceof ContextFailure) return formatted;
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const unavailable = isDatabaseUnavailable(original);
    if (unavailable) log.warn({ err: original, path: formatted.path }, 'database unreachable');
    else log.error({ err: original, path: formatted.path }, 'unexpected GraphQL error');
    const masked = unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    return { message: message('ja', masked), path: formatted.path, extensions: { code: masked } };
  };
}

/** Masked errors in the caller's language; while the database is unreachable, 503 with Retry-After. */
export function errorResponsesPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, request }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const lang =
            contextValue?.lang ?? langFromAcceptLanguage(request.http?.headers.get('accept-language'));
          let unavailable = false;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => {
            const code = e.extensions?.code;
            if (code !== 'INTERNAL_SERVER_ERROR' && code !== 'SERVICE_UNAVAILABLE') return e;
            unavailable ||= code === 'SERVICE_UNAVAILABLE';
            return { ...e, message: message(lang, code) };
          });
          if (unavailable) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
