import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { message } from '../i18n/messages';
import { RateLimitedError } from '../shared/rate-limited';
import type { GraphQLContext } from './context';

/** Domain exceptions that cut across operations become the public error codes of SPEC §8. */
export const translateErrors: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      // The code stays RATE_LIMITED; the words and `reason` say which budget, `retryAfterSeconds` when.
      const { reason, retryAfterSeconds } = error;
      throw new GraphQLError(message(context.lang, `RATE_LIMITED_${reason}`), {
        extensions: { code: 'RATE_LIMITED', reason, retryAfterSeconds },
      });
    }
    throw error;
  }
};
