import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { graphQLError } from '../../graphql/errors';
import { Role, Scope } from '../../graphql/roles';
import { FieldErrors, userError } from '../../graphql/user-error';
import { AccountSummary, OperatorAccountView } from './dtos/account.types';
import {
  LiftReissueBlockInput,
  ProvisionAccountInput,
  ReissueCredentialsByPostcardInput,
  UnlockAccountInput,
} from './dtos/operator-actions.inputs';
import {
  AccountNotFound,
  AccountProvisioned,
  AccountUnlocked,
  LiftReissueBlockResult,
  NotBlocked,
  NotLocked,
  PostcardQueued,
  ProvisionAccountResult,
  ReissueBlockLifted,
  ReissueCredentialsByPostcardResult,
  UnlockAccountResult,
} from './dtos/operator-actions.results';
import type { OperatorAccountsService } from './operator-accounts.service';
import type { OperatorActor } from './operator-reason';

/** The acting operator or integrator key, as the auth checker admitted it. */
export function actorOf(ctx: GraphQLContext): OperatorActor {
  if (ctx.operator) return { operatorId: ctx.operator.operatorId, clientAddress: ctx.clientAddress };
  if (ctx.apiKey) return { apiKeyId: ctx.apiKey.apiKeyId, clientAddress: ctx.clientAddress };
  throw graphQLError('UNAUTHENTICATED', ctx.lang);
}

@Resolver()
export class OperatorAccountsResolver {
  constructor(private readonly accounts: OperatorAccountsService) {}

  @Authorized(Role.OPERATOR)
  @Query(() => [AccountSummary], {
    description:
      'One box: customer number, registered phone number, line number (dashes and full-width accepted) or login ID / initial login ID (any case). At most 50.',
  })
  searchAccounts(@Arg('query', () => String) query: string): Promise<AccountSummary[]> {
    return this.accounts.search(query);
  }

  @Authorized(Role.OPERATOR)
  @Query(() => OperatorAccountView, { nullable: true, description: 'Null if there is no such account.' })
  operatorAccount(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OperatorAccountView | null> {
    return this.accounts.view(id, ctx.lang);
  }

  @Authorized(Role.OPERATOR, Scope.ACCOUNTS_WRITE)
  @Mutation(() => ProvisionAccountResult, {
    description:
      'Create a billing account with its lines, issue initial credentials and queue the postcard. The credentials are only ever on the postcard.',
  })
  async provisionAccount(
    @Arg('input', () => ProvisionAccountInput) input: ProvisionAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ProvisionAccountResult> {
    const outcome = await this.accounts.provision(input, actorOf(ctx));
    if (outcome.kind === 'invalid') return FieldErrors.of(ctx.lang, outcome.issues);
    return Object.assign(new AccountProvisioned(), { account: outcome.account, postcard: outcome.postcard });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => ReissueCredentialsByPostcardResult, {
    description:
      'New initial login ID and password by postcard; the old login ID and password stop working at once and every session ends.',
  })
  async reissueCredentialsByPostcard(
    @Arg('input', () => ReissueCredentialsByPostcardInput) input: ReissueCredentialsByPostcardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ReissueCredentialsByPostcardResult> {
    const outcome = await this.accounts.reissueByPostcard(input.accountId, input.reason, actorOf(ctx));
    switch (outcome.kind) {
      case 'invalid':
        return FieldErrors.of(ctx.lang, outcome.issues);
      case 'not-found':
        return userError(AccountNotFound, 'NO_SUCH_ACCOUNT', ctx.lang);
      case 'queued':
        return Object.assign(new PostcardQueued(), {
          account: outcome.account,
          postcard: outcome.postcard,
          sessionsRevoked: outcome.sessionsRevoked,
          postcardsCancelled: outcome.postcardsCancelled,
        });
    }
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UnlockAccountResult, { description: 'Clear the password lock and the failure counts.' })
  async unlockAccount(
    @Arg('input', () => UnlockAccountInput) input: UnlockAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof UnlockAccountResult> {
    const outcome = await this.accounts.unlock(input.accountId, input.reason, actorOf(ctx));
    switch (outcome.kind) {
      case 'invalid':
        return FieldErrors.of(ctx.lang, outcome.issues);
      case 'not-found':
        return userError(AccountNotFound, 'NO_SUCH_ACCOUNT', ctx.lang);
      case 'not-locked':
        return userError(NotLocked, 'ACCOUNT_NOT_LOCKED', ctx.lang);
      case 'unlocked':
        return Object.assign(new AccountUnlocked(), { account: outcome.account });
    }
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => LiftReissueBlockResult, {
    description: 'Lift the 24-hour suspension of self-service password reissue.',
  })
  async liftReissueBlock(
    @Arg('input', () => LiftReissueBlockInput) input: LiftReissueBlockInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof LiftReissueBlockResult> {
    const outcome = await this.accounts.liftReissueBlock(input.accountId, input.reason, actorOf(ctx));
    switch (outcome.kind) {
      case 'invalid':
        return FieldErrors.of(ctx.lang, outcome.issues);
      case 'not-found':
        return userError(AccountNotFound, 'NO_SUCH_ACCOUNT', ctx.lang);
      case 'not-blocked':
        return userError(NotBlocked, 'REISSUE_NOT_BLOCKED', ctx.lang);
      case 'lifted':
        return Object.assign(new ReissueBlockLifted(), { account: outcome.account });
    }
  }
}
