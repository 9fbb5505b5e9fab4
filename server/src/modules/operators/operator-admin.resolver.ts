import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireOperator } from '../../graphql/errors';
import { Role } from '../../graphql/roles';
import { FieldErrors, userError } from '../../graphql/user-error';
import { ApiKeyError, type ApiKeyService } from '../integrations/api-key.service';
import {
  ApiKeyInfo,
  ApiKeyNotFound,
  ApiKeyRevoked,
  OperatorListing,
  OperatorNotLocked,
  OperatorUnlocked,
  RevokeApiKeyInput,
  RevokeApiKeyResult,
  UnlockOperatorInput,
  UnlockOperatorResult,
} from './dtos/admin.types';
import type { OperatorRoleName } from './dtos/operator.types';
import type { OperatorAuthService } from './operator-auth.service';
import { checkReason, isUuid } from './operator-reason';

/** What only admins do: look after operator accounts and integrator keys. Every change is audited. */
@Resolver()
export class OperatorAdminResolver {
  constructor(
    private readonly operatorAuth: OperatorAuthService,
    private readonly keys: ApiKeyService,
  ) {}

  @Authorized(Role.ADMIN)
  @Query(() => [OperatorListing], { description: 'Admins only: every operator account.' })
  async operators(): Promise<OperatorListing[]> {
    return (await this.operatorAuth.list()).map((o) =>
      Object.assign(new OperatorListing(), { ...o, role: o.role as OperatorRoleName }),
    );
  }

  @Authorized(Role.ADMIN)
  @Query(() => [ApiKeyInfo], { description: 'Admins only: integrator API keys (never the keys themselves).' })
  async apiKeys(): Promise<ApiKeyInfo[]> {
    return (await this.keys.list()).map((k) => Object.assign(new ApiKeyInfo(), k));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UnlockOperatorResult, {
    description: 'Admins only: unlock an operator after failed sign-ins.',
  })
  async unlockOperator(
    @Arg('input', () => UnlockOperatorInput) input: UnlockOperatorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof UnlockOperatorResult> {
    const { reason, issues } = checkReason(input.reason);
    if (issues.length > 0) return FieldErrors.of(ctx.lang, issues);
    const admin = requireOperator(ctx);
    const unlocked =
      isUuid(input.operatorId) &&
      (await this.operatorAuth.unlock(input.operatorId, {
        operatorId: admin.operatorId,
        reason,
        clientAddress: ctx.clientAddress,
      }));
    if (!unlocked) return userError(OperatorNotLocked, 'OPERATOR_NOT_LOCKED', ctx.lang);
    const [operator] = (await this.operatorAuth.list()).filter((o) => o.id === input.operatorId);
    return Object.assign(new OperatorUnlocked(), {
      operator: Object.assign(new OperatorListing(), {
        ...operator,
        role: operator.role as OperatorRoleName,
      }),
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RevokeApiKeyResult, { description: 'Admins only: revoke an API key, at once.' })
  async revokeApiKey(
    @Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof RevokeApiKeyResult> {
    const { reason, issues } = checkReason(input.reason);
    if (issues.length > 0) return FieldErrors.of(ctx.lang, issues);
    if (!isUuid(input.apiKeyId)) return userError(ApiKeyNotFound, 'API_KEY_NOT_FOUND', ctx.lang);
    const admin = requireOperator(ctx);
    try {
      const revoked = await this.keys.revoke(input.apiKeyId, {
        operatorId: admin.operatorId,
        reason,
        clientAddress: ctx.clientAddress,
      });
      return Object.assign(new ApiKeyRevoked(), { apiKey: Object.assign(new ApiKeyInfo(), revoked) });
    } catch (error) {
      if (error instanceof ApiKeyError) return userError(ApiKeyNotFound, 'API_KEY_NOT_FOUND', ctx.lang);
      throw error;
    }
  }
}
