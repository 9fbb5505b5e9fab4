import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { translateErrors } from '../../graphql/error-translation.middleware';
import { requireSession } from '../../graphql/errors';
import { stepUpOrThrow } from '../../graphql/step-up.result';
import { FieldErrors } from '../../graphql/user-error';
import { message } from '../../i18n/messages';
import type { StepUp } from '../../security/step-up';
import { Viewer } from '../auth/dtos/viewer.type';
import { confirmResult, registerResult } from '../mail/pending-address.results';
import type { UndeliveredMail } from '../mail/undelivered-mail';
import { ConfirmReissueEmailInput } from './dtos/confirm-reissue-email.input';
import { RegisterReissueEmailInput } from './dtos/register-reissue-email.input';
import {
  ConfirmReissueEmailResult,
  RegisterReissueEmailResult,
  ReissueEmailRegistered,
  ReissueRequested,
  RequestPasswordReissueResult,
} from './dtos/reissue.results';
import { ReissueEmailStatus } from './dtos/reissue-email-status.type';
import { RequestPasswordReissueInput } from './dtos/request-password-reissue.input';
import { SecretQuestion } from './dtos/secret-question.type';
import type { PasswordReissueService } from './password-reissue.service';
import type { ReissueEmailService } from './reissue-email.service';
import { SECRET_QUESTIONS, secretQuestionText } from './secret-questions';

@Resolver()
export class ReissueResolver {
  constructor(
    private readonly emails: ReissueEmailService,
    private readonly reissue: PasswordReissueService,
    private readonly stepUp: StepUp,
  ) {}

  @Query(() => [SecretQuestion], { description: 'The fixed list of secret questions.' })
  secretQuestions(@Ctx() ctx: GraphQLContext): SecretQuestion[] {
    return SECRET_QUESTIONS.map((q) => Object.assign(new SecretQuestion(), { id: q.id, text: q[ctx.lang] }));
  }

  @Authorized()
  @Mutation(() => RegisterReissueEmailResult, {
    description: 'Register or change the reissue address: mails a confirmation link valid 24 h.',
  })
  async registerReissueEmail(
    @Arg('input', () => RegisterReissueEmailInput) input: RegisterReissueEmailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof RegisterReissueEmailResult> {
    const { subscriberId } = requireSession(ctx);
    const outcome = await this.emails.register(subscriberId, input, ctx.lang, ctx.clientAddress);
    return registerResult(outcome, ctx.lang);
  }

  @Mutation(() => ConfirmReissueEmailResult, {
    description: 'The link page: the token from the mail, and the secret question and answer again.',
  })
  async confirmReissueEmail(
    @Arg('input', () => ConfirmReissueEmailInput) input: ConfirmReissueEmailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ConfirmReissueEmailResult> {
    const outcome = await this.emails.confirm(input, {
      subscriberId: ctx.session?.subscriberId ?? null,
      clientAddress: ctx.clientAddress,
    });
    return confirmResult(outcome, ctx.lang, (registered) =>
      Object.assign(new ReissueEmailRegistered(), { email: registered.email }),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Remove the reissue address (and any pending change). True if one was active.',
  })
  deleteReissueEmail(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.emails.delete(requireSession(ctx).subscriberId, ctx.clientAddress);
  }

  @UseMiddleware(translateErrors)
  @Mutation(() => RequestPasswordReissueResult, {
    description: 'Forgot the password: the same answer whether or not anything matched.',
  })
  async requestPasswordReissue(
    @Arg('input', () => RequestPasswordReissueInput) input: RequestPasswordReissueInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof RequestPasswordReissueResult> {
    let outcome: Awaited<ReturnType<PasswordReissueService['request']>>;
    try {
      outcome = await this.reissue.request(input, ctx.clientAddress);
    } catch (error) {
      return stepUpOrThrow(error, ctx, this.stepUp);
    }
    if (outcome.kind === 'rejected') return FieldErrors.of(ctx.lang, outcome.issues);
    return Object.assign(new ReissueRequested(), { message: message(ctx.lang, 'REISSUE_REQUESTED') });
  }
}

@ObjectType({ description: 'A mail to the signed-in subscriber that could not be delivered (last 30 days).' })
export class UndeliveredMailNotice {
  @Field(() => String, { description: 'reissued-password, reissue-email-confirmation, security-notice, …' })
  template: string;
  @Field(() => String) recipient: string;
  @Field(() => Date, { nullable: true }) failedAt: Date | null;
}

@Resolver()
export class UndeliveredMailNoticeResolver {
  constructor(private readonly undelivered: UndeliveredMail) {}

  @Authorized()
  @Query(() => [UndeliveredMailNotice], {
    description:
      "The signed-in subscriber's mail that could not be delivered in the last 30 days (at most 5, newest first): their screens say so, and what to do.",
  })
  async myUndeliveredMails(@Ctx() ctx: GraphQLContext): Promise<UndeliveredMailNotice[]> {
    const rows = await this.undelivered.ofSubscriber(requireSession(ctx).subscriberId);
    return rows.map((row) =>
      Object.assign(new UndeliveredMailNotice(), {
        template: row.template,
        recipient: row.recipient,
        failedAt: row.failed_at,
      }),
    );
  }
}

@Resolver(() => Viewer)
export class ViewerReissueEmailResolver {
  constructor(private readonly emails: ReissueEmailService) {}

  @FieldResolver(() => ReissueEmailStatus, {
    nullable: true,
    description: 'The reissue address, or null when none is registered or pending.',
  })
  async reissueEmail(@Root() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<ReissueEmailStatus | null> {
    const state = await this.emails.state(viewer.subscriberId);
    if (!state) return null;
    const question = state.secretQuestionId
      ? Object.assign(new SecretQuestion(), {
          id: state.secretQuestionId,
          text: secretQuestionText(state.secretQuestionId, ctx.lang) ?? '',
        })
      : null;
    return Object.assign(new ReissueEmailStatus(), { ...state, secretQuestion: question });
  }
}
