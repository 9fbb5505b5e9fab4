import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireSession } from '../../graphql/errors';
import { Billing } from '../billing/dtos/billing.types';
import { confirmResult, registerResult } from '../mail/pending-address.results';
import type { BillingNotificationService } from './billing-notification.service';
import {
  BillingNotificationEmailRegistered,
  BillingNotificationEmailStatus,
  type BillingNotificationEmailType,
  ConfirmBillingNotificationEmailInput,
  ConfirmBillingNotificationEmailResult,
  RegisterBillingNotificationEmailInput,
  RegisterBillingNotificationEmailResult,
} from './dtos/billing-notification.types';

@Resolver()
export class BillingNotificationResolver {
  constructor(private readonly notifications: BillingNotificationService) {}

  @Authorized()
  @Mutation(() => RegisterBillingNotificationEmailResult, {
    description: 'Guide 4: temporary registration; mails a link valid 24 h. Also changes the address.',
  })
  async registerBillingNotificationEmail(
    @Arg('input', () => RegisterBillingNotificationEmailInput) input: RegisterBillingNotificationEmailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof RegisterBillingNotificationEmailResult> {
    const { billingAccountId } = requireSession(ctx);
    const outcome = await this.notifications.register(billingAccountId, input, ctx.lang, ctx.clientAddress);
    return registerResult(outcome, ctx.lang);
  }

  @Mutation(() => ConfirmBillingNotificationEmailResult, {
    description: 'The link page: formal registration with the registered phone number.',
  })
  async confirmBillingNotificationEmail(
    @Arg('input', () => ConfirmBillingNotificationEmailInput) input: ConfirmBillingNotificationEmailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ConfirmBillingNotificationEmailResult> {
    const outcome = await this.notifications.confirm(input, {
      billingAccountId: ctx.session?.billingAccountId ?? null,
      clientAddress: ctx.clientAddress,
    });
    return confirmResult(outcome, ctx.lang, (registered) =>
      Object.assign(new BillingNotificationEmailRegistered(), {
        email: registered.email,
        emailType: registered.emailType as BillingNotificationEmailType,
      }),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Stop billing-amount mails (and drop a pending change).' })
  deleteBillingNotificationEmail(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.notifications.delete(requireSession(ctx).billingAccountId, ctx.clientAddress);
  }
}

@Resolver(() => Billing)
export class BillingNotificationFieldResolver {
  constructor(private readonly notifications: BillingNotificationService) {}

  @FieldResolver(() => BillingNotificationEmailStatus, { nullable: true })
  async notificationEmail(@Root() root: Billing): Promise<BillingNotificationEmailStatus | null> {
    const state = await this.notifications.state(root.accountId);
    return state ? Object.assign(new BillingNotificationEmailStatus(), state) : null;
  }
}
