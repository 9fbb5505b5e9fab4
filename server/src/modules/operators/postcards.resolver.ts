import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { graphQLError } from '../../graphql/errors';
import { Role } from '../../graphql/roles';
import { FieldErrors } from '../../graphql/user-error';
import { MarkPostcardsMailedInput } from './dtos/operator-actions.inputs';
import { MarkPostcardsMailedResult, PostcardsMarkedMailed } from './dtos/operator-actions.results';
import { PostcardPage, PostcardStatus } from './dtos/postcard.types';
import { actorOf } from './operator-accounts.resolver';
import { decodeCursor } from './operator-reason';
import type { PostcardService } from './postcard.service';

/** Page sizes are clamped, so no request can ask for the whole table. */
export const clampFirst = (first: number) => Math.min(Math.max(Math.trunc(first) || 1, 1), 200);

export function cursorArg(after: string | null | undefined, ctx: GraphQLContext): [string, string] | null {
  const decoded = decodeCursor(after);
  if (decoded === undefined) throw graphQLError('BAD_USER_INPUT', ctx.lang, { argument: 'after' });
  return decoded;
}

@Resolver()
export class PostcardsResolver {
  constructor(private readonly queue: PostcardService) {}

  @Authorized(Role.OPERATOR)
  @Query(() => PostcardPage, {
    description:
      'The print queue (PENDING) or its history. Credentials are only in /ops/postcards/sheet and /ops/postcards/export.csv.',
  })
  async postcards(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => PostcardStatus, { defaultValue: PostcardStatus.PENDING }) status: PostcardStatus,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<PostcardPage> {
    return this.queue.page(status, clampFirst(first), cursorArg(after, ctx));
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => MarkPostcardsMailedResult, {
    description: 'Pending postcards become MAILED; their printed password is wiped from the server.',
  })
  async markPostcardsMailed(
    @Arg('input', () => MarkPostcardsMailedInput) input: MarkPostcardsMailedInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof MarkPostcardsMailedResult> {
    const outcome = await this.queue.markMailed(input.postcardIds, input.reason, actorOf(ctx));
    if (outcome.kind === 'invalid') return FieldErrors.of(ctx.lang, outcome.issues);
    return Object.assign(new PostcardsMarkedMailed(), { count: outcome.count });
  }
}
