import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { translateErrors } from '../../graphql/error-translation.middleware';
import type { OperatorPrincipal } from '../../graphql/roles';
import { stepUpOrThrow } from '../../graphql/step-up.result';
import { FieldErrors, userError } from '../../graphql/user-error';
import type { StepUp } from '../../security/step-up';
import { normalizeIdentifier } from '../../shared/identifiers';
import { AccountLocked, InvalidCredentials } from '../auth/dtos/login.result';
import type { LoginThrottle } from '../auth/login-throttle';
import { clearOperatorCookie, writeOperatorCookie } from '../auth/session-transport';
import {
  Operator,
  OperatorLoginInput,
  OperatorLoginResult,
  OperatorLoginSuccess,
  type OperatorRoleName,
} from './dtos/operator.types';
import type { OperatorAuthService } from './operator-auth.service';

export function toOperator(principal: OperatorPrincipal): Operator {
  return Object.assign(new Operator(), {
    id: principal.operatorId,
    loginId: principal.loginId,
    displayName: principal.displayName,
    role: principal.role as OperatorRoleName,
  });
}

/** Operators' throttle keys never meet subscribers' (operator login IDs cannot contain ':'). */
const throttleKey = (loginId: string) => `operator:${loginId}`;

@Resolver()
export class OperatorAuthResolver {
  constructor(
    private readonly operatorAuth: OperatorAuthService,
    private readonly throttle: LoginThrottle,
    private readonly stepUp: StepUp,
  ) {}

  @Query(() => Operator, { nullable: true, description: 'The signed-in operator, or null.' })
  currentOperator(@Ctx() ctx: GraphQLContext): Operator | null {
    return ctx.operator ? toOperator(ctx.operator) : null;
  }

  @UseMiddleware(translateErrors)
  @Mutation(() => OperatorLoginResult, {
    description: 'Operator console sign-in; sets the operator cookie (separate from the subscriber one).',
  })
  async operatorLogin(
    @Arg('input', () => OperatorLoginInput) input: OperatorLoginInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof OperatorLoginResult> {
    const loginId = normalizeIdentifier(input.loginId ?? '');
    const missing = [...(loginId ? [] : ['loginId']), ...(input.password ? [] : ['password'])];
    if (missing.length > 0) {
      return FieldErrors.of(
        ctx.lang,
        missing.map((field) => ({ field, code: 'REQUIRED' })),
      );
    }
    // Spent before the password is checked; throws RateLimitedError (RATE_LIMITED) when this address
    // or this ID has no attempts left.
    try {
      await this.throttle.spend(ctx.clientAddress, throttleKey(loginId), input.proof);
    } catch (error) {
      return stepUpOrThrow(error, ctx, this.stepUp);
    }
    const outcome = await this.operatorAuth.login({ loginId, password: input.password }, ctx);
    switch (outcome.kind) {
      case 'invalid-credentials':
        return userError(InvalidCredentials, 'OPERATOR_INVALID_CREDENTIALS', ctx.lang);
      case 'locked':
        return userError(AccountLocked, 'OPERATOR_LOCKED', ctx.lang);
      case 'success': {
        await this.throttle.succeeded(ctx.clientAddress, throttleKey(loginId));
        // Rotation: a console session the browser already held ends with this sign-in.
        if (ctx.operator) await this.operatorAuth.logout(ctx.operator.sessionId);
        if (!input.bearer) writeOperatorCookie(ctx.reply, outcome, ctx.secureCookies);
        return Object.assign(new OperatorLoginSuccess(), {
          operator: toOperator(outcome.operator),
          sessionToken: input.bearer ? outcome.token : null,
          sessionExpiresAt: outcome.expiresAt,
        });
      }
    }
  }

  @Mutation(() => Boolean, { description: 'Ends the operator session. True if there was one.' })
  async operatorLogout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    clearOperatorCookie(ctx.reply, ctx.secureCookies);
    if (!ctx.operator) return false;
    await this.operatorAuth.logout(ctx.operator.sessionId);
    return true;
  }
}
