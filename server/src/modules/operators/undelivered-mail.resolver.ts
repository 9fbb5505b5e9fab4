import { MaxLength } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Role } from '../../graphql/roles';
import { FieldErrors, UserError, userError } from '../../graphql/user-error';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { UndeliveredMail as Undelivered, UndeliveredMailRow } from '../mail/undelivered-mail';
import { actorOf } from './operator-accounts.resolver';
import { checkReason, REASON_MAX } from './operator-reason';
import { clampFirst } from './postcards.resolver';

@ObjectType({ description: 'A mail the queue gave up on after its retries (SPEC §5: kept, never lost).' })
export class UndeliveredMail {
  @Field(() => ID) id: string;
  @Field(() => String) recipient: string;
  @Field(() => String, { description: 'The template, e.g. reissued-password, security-notice.' })
  template: string;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: 'The last delivery error, as the SMTP side said it.' })
  lastError: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) failedAt: Date | null;
  @Field(() => Boolean, { description: 'False once the password or link it carries has expired.' })
  resendable: boolean;
  @Field(() => String, { nullable: true }) customerNumber: string | null;
  @Field(() => ID, { nullable: true }) accountId: string | null;
}

@InputType()
export class ResendMailInput {
  @Field(() => ID) @MaxLength(40) mailId: string;
  @Field(() => String, { description: 'Why (audited), e.g. "mailbox was full; customer called".' })
  @MaxLength(REASON_MAX)
  reason: string;
}

@ObjectType()
export class MailQueued {
  @Field(() => UndeliveredMail) mail: UndeliveredMail;
}

@ObjectType({ implements: UserError, description: 'No undelivered mail with this id.' })
export class MailNotFound extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'Its password or link has expired: send a new one instead.',
})
export class MailNotResendable extends UserError {}

export const ResendMailResult = createUnionType({
  name: 'ResendMailResult',
  types: () => [MailQueued, MailNotFound, MailNotResendable, FieldErrors] as const,
});

const toMail = (row: UndeliveredMailRow) =>
  Object.assign(new UndeliveredMail(), {
    id: row.id,
    recipient: row.recipient,
    template: row.template,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    failedAt: row.failed_at,
    resendable: row.resendable,
    customerNumber: row.customer_number,
    accountId: row.billing_account_id,
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver()
export class UndeliveredMailResolver {
  constructor(
    private readonly undelivered: Undelivered,
    private readonly audit: AuditService,
  ) {}

  @Authorized(Role.OPERATOR)
  @Query(() => [UndeliveredMail], { description: 'Mail the queue gave up on, newest first (at most 200).' })
  async undeliveredMails(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<UndeliveredMail[]> {
    return (await this.undelivered.newest(clampFirst(first))).map(toMail);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => ResendMailResult, {
    description:
      'Sends an undelivered mail again (the same message: same Message-ID), while its secret is valid.',
  })
  async resendMail(
    @Arg('input', () => ResendMailInput) input: ResendMailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ResendMailResult> {
    const { reason, issues } = checkReason(input.reason);
    if (issues.length > 0) return FieldErrors.of(ctx.lang, issues);
    if (!UUID.test(input.mailId)) return userError(MailNotFound, 'MAIL_NOT_FOUND', ctx.lang);
    const actor = actorOf(ctx);
    const outcome = await this.undelivered.resend(input.mailId, (mail, tx) =>
      this.audit.record(
        {
          event: AuditEventType.MAIL_RESENT,
          outcome: 'QUEUED',
          operatorId: actor.operatorId ?? null,
          subscriberId: mail.subscriber_id,
          billingAccountId: mail.billing_account_id,
          clientAddress: actor.clientAddress,
          detail: { reason, mailId: mail.id, template: mail.template },
        },
        tx,
      ),
    );
    switch (outcome.kind) {
      case 'queued':
        return Object.assign(new MailQueued(), { mail: toMail(outcome.mail) });
      case 'not-found':
        return userError(MailNotFound, 'MAIL_NOT_FOUND', ctx.lang);
      case 'not-resendable':
        return userError(MailNotResendable, 'MAIL_NOT_RESENDABLE', ctx.lang);
    }
  }
}
