import type { MiddlewareFn } from 'type-graphql';
import { RateLimitedError } from '../shared/rate-limited';
import type { GraphQLContext } from './context';
import { graphQLError } from './errors';

/** Domain exceptions that cut across operations become the public error codes of SPEC §8. */
export const translateErrors: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      throw graphQLError('RATE_LIMITED', context.lang, { retryAfterSeconds: error.retryAfterSeconds });
    }
    throw error;
  }
};
