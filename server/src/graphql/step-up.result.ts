import { Field, Int, ObjectType } from 'type-graphql';
import type { StepUp } from '../security/step-up';
import { RateLimitedError } from '../shared/rate-limited';
import type { GraphQLContext } from './context';
import { UserError, userError } from './user-error';

@ObjectType({
  implements: UserError,
  description:
    'Too many failures came from this network address (shared addresses: carrier NAT, offices). Solve ' +
    '`challenge` (an ALTCHA proof-of-work challenge, JSON; our clients do it in the browser) and send the ' +
    'same request again with `proof`, the base64 JSON of `{ challenge, solution }`. Offered to our own ' +
    'clients; others get RATE_LIMITED with reason ADDRESS.',
})
export class StepUpRequired extends UserError {
  @Field(() => String, { simple: true })
  challenge: string;

  @Field(() => Int, { description: 'When the address may try without a proof again.', simple: true })
  retryAfterSeconds: number;
}

/**
 * An address over its budget: a browser running our own (trusted) documents is offered a challenge; any
 * other caller, and every other refusal, gets the error (RATE_LIMITED with its reason and wait).
 */
export async function stepUpOrThrow(
  error: unknown,
  ctx: GraphQLContext,
  stepUp: StepUp,
): Promise<StepUpRequired> {
  if (!(error instanceof RateLimitedError) || error.reason !== 'ADDRESS') throw error;
  if (ctx.request.graphqlDocumentOrigin !== 'trusted') throw error;
  return Object.assign(userError(StepUpRequired, 'STEP_UP_REQUIRED', ctx.lang), {
    challenge: JSON.stringify(await stepUp.challenge()),
    retryAfterSeconds: error.retryAfterSeconds,
  });
}
