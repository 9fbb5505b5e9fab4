import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { graphQLError, requireSession } from '../../graphql/errors';
import { FieldErrors } from '../../graphql/user-error';
import { RequiredAction } from '../../shared/required-action';
import { writeSessionCookie } from '../auth/session-transport';
import type { ViewerService } from '../auth/viewer.service';
import type { CredentialChangeOutcome, CredentialsService } from './credentials.service';
import { ChangeInitialCredentialsInput } from './dtos/change-initial-credentials.input';
import { ChangePasswordInput } from './dtos/change-password.input';
import { ChangeCredentialsResult, CredentialsChanged } from './dtos/credentials-changed.result';

@Resolver()
export class CredentialsResolver {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly viewers: ViewerService,
  ) {}

  @Authorized(RequiredAction.CHANGE_INITIAL_CREDENTIALS)
  @Mutation(() => ChangeCredentialsResult, {
    description: 'Guide 1-4: replace the postcard pair with your own.',
  })
  async changeInitialCredentials(
    @Arg('input', () => ChangeInitialCredentialsInput) input: ChangeInitialCredentialsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ChangeCredentialsResult> {
    const { subscriberId } = requireSession(ctx);
    return this.present(await this.credentials.changeInitialCredentials(subscriberId, input, ctx), ctx);
  }

  @Authorized(RequiredAction.CHANGE_PASSWORD)
  @Mutation(() => ChangeCredentialsResult, {
    description: 'Menu password change, and the forced change after a reissue.',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ChangeCredentialsResult> {
    const { subscriberId } = requireSession(ctx);
    return this.present(await this.credentials.changePassword(subscriberId, input, ctx), ctx);
  }

  private async present(outcome: CredentialChangeOutcome, ctx: GraphQLContext) {
    switch (outcome.kind) {
      case 'not-applicable':
        throw graphQLError('FORBIDDEN', ctx.lang);
      case 'rejected':
        return FieldErrors.of(ctx.lang, outcome.issues);
      case 'changed': {
        const bearer = ctx.sessionTransport === 'bearer';
        if (!bearer) writeSessionCookie(ctx.reply, outcome.session, ctx.secureCookies);
        const viewer = await this.viewers.load(requireSession(ctx).subscriberId);
        if (!viewer) throw graphQLError('INTERNAL_SERVER_ERROR', ctx.lang);
        return Object.assign(new CredentialsChanged(), {
          viewer,
          sessionToken: bearer ? outcome.session.token : null,
        });
      }
    }
  }
}
