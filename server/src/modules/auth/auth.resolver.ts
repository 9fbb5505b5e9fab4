import { Arg, Authorized, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { Clock } from '../../clock';
import type { GraphQLContext } from '../../graphql/context';
import { translateErrors } from '../../graphql/error-translation.middleware';
import { graphQLError, requireSession } from '../../graphql/errors';
import { stepUpOrThrow } from '../../graphql/step-up.result';
import { FieldErrors, userError } from '../../graphql/user-error';
import type { StepUp } from '../../security/step-up';
import { RequiredAction } from '../../shared/required-action';
import type { AuthService } from './auth.service';
import { ExtendSessionResult, SessionExtended, SessionLimitReached } from './dtos/extend-session.result';
import { LoginInput } from './dtos/login.input';
import {
  AccountLocked,
  CredentialsExpired,
  InvalidCredentials,
  LoginResult,
  LoginSuccess,
} from './dtos/login.result';
import { Viewer } from './dtos/viewer.type';
import {
  clearSessionCookie,
  clearSessionExpiry,
  secondsUntil,
  writeSessionCookie,
  writeSessionExpiry,
} from './session-transport';
import { toViewer } from './viewer.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly stepUp: StepUp,
    private readonly clock: Clock,
  ) {}

  @Query(() => Viewer, { nullable: true, description: 'The signed-in subscriber, or null.' })
  me(@Ctx() ctx: GraphQLContext): Viewer | null {
    return ctx.session ? toViewer(ctx.session.viewer) : null;
  }

  // Only here, not as a global middleware: a global one wraps every field of every object and
  // costs a function call per field (measured: most of a 1,200-item breakdown's time).
  @UseMiddleware(translateErrors)
  @Mutation(() => LoginResult)
  async login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof LoginResult> {
    let outcome: Awaited<ReturnType<AuthService['login']>>;
    try {
      outcome = await this.auth.login(input, ctx, ctx.session?.sessionId);
    } catch (error) {
      return stepUpOrThrow(error, ctx, this.stepUp);
    }
    switch (outcome.kind) {
      case 'missing-fields':
        return FieldErrors.of(
          ctx.lang,
          outcome.fields.map((field) => ({ field, code: 'REQUIRED' })),
        );
      case 'invalid-credentials':
        return userError(InvalidCredentials, 'INVALID_CREDENTIALS', ctx.lang);
      case 'locked':
        return userError(AccountLocked, 'ACCOUNT_LOCKED', ctx.lang);
      case 'expired':
        return userError(
          CredentialsExpired,
          outcome.secret === 'reissued' ? 'REISSUED_PASSWORD_EXPIRED' : 'CREDENTIALS_EXPIRED',
          ctx.lang,
        );
      case 'success': {
        if (!input.bearer) writeSessionCookie(ctx.reply, outcome.session, ctx.secureCookies);
        writeSessionExpiry(ctx.reply, outcome.session.idleExpiresAt, this.clock.now());
        return Object.assign(new LoginSuccess(), {
          requiredAction: outcome.requiredAction,
          viewer: toViewer(outcome.viewer),
          sessionToken: input.bearer ? outcome.session.token : null,
          sessionExpiresAt: outcome.session.expiresAt,
        });
      }
    }
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. True if there was one.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    clearSessionCookie(ctx.reply, ctx.secureCookies);
    clearSessionExpiry(ctx.reply);
    if (!ctx.session) return false;
    await this.auth.logout(ctx.session.sessionId, ctx.session.subscriberId, ctx);
    return true;
  }

  // The forced change screens are long forms too: their sessions may stay signed in as well.
  @Authorized(RequiredAction.CHANGE_INITIAL_CREDENTIALS, RequiredAction.CHANGE_PASSWORD)
  @Mutation(() => ExtendSessionResult, {
    description:
      'Stay signed in (the idle warning): the idle period starts again, never past the absolute end. A session that has ended (logged out, idle too long) is not revived: UNAUTHENTICATED.',
  })
  async extendSession(@Ctx() ctx: GraphQLContext): Promise<typeof ExtendSessionResult> {
    const extended = await this.auth.extendSession(requireSession(ctx).sessionId);
    if (!extended) {
      // Ended between the lookup of this request and now (a logout racing it).
      clearSessionExpiry(ctx.reply);
      throw graphQLError('UNAUTHENTICATED', ctx.lang);
    }
    const now = this.clock.now();
    writeSessionExpiry(ctx.reply, extended.idleExpiresAt, now);
    if (extended.idleExpiresAt.getTime() >= extended.expiresAt.getTime()) {
      return Object.assign(userError(SessionLimitReached, 'SESSION_LIMIT_REACHED', ctx.lang), {
        expiresIn: secondsUntil(extended.expiresAt, now),
        expiresAt: extended.expiresAt,
      });
    }
    return Object.assign(new SessionExtended(), {
      idleExpiresAt: extended.idleExpiresAt,
      expiresIn: secondsUntil(extended.idleExpiresAt, now),
      expiresAt: extended.expiresAt,
    });
  }
}
