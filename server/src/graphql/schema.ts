import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import {
  BillingQueryResolver,
  BillingResolver,
  InvoiceNoticesResolver,
} from '../modules/billing/billing.resolver';
import { MembershipResolver } from '../modules/billing/membership';
import { CredentialsResolver } from '../modules/credentials/credentials.resolver';
import {
  BillingNotificationFieldResolver,
  BillingNotificationResolver,
} from '../modules/notifications/billing-notification.resolver';
import { ReissueResolver, ViewerReissueEmailResolver } from '../modules/reissue/reissue.resolver';
import type { Services } from '../services';
import { authChecker } from './auth-checker';

export const resolvers = [
  AuthResolver,
  CredentialsResolver,
  ReissueResolver,
  ViewerReissueEmailResolver,
  BillingQueryResolver,
  BillingResolver,
  InvoiceNoticesResolver,
  BillingNotificationResolver,
  BillingNotificationFieldResolver,
  MembershipResolver,
] as const;

/** Resolvers get their services through the constructor; this maps each class to its instance. */
function containerFor(services: Services | null): ContainerType {
  const instances = new Map<unknown, unknown>(
    services
      ? [
          [AuthResolver, new AuthResolver(services.auth)],
          [CredentialsResolver, new CredentialsResolver(services.credentials, services.viewers)],
          [ReissueResolver, new ReissueResolver(services.reissueEmails, services.passwordReissue)],
          [ViewerReissueEmailResolver, new ViewerReissueEmailResolver(services.reissueEmails)],
          [BillingQueryResolver, new BillingQueryResolver()],
          [BillingResolver, new BillingResolver(services.billing)],
          [InvoiceNoticesResolver, new InvoiceNoticesResolver()],
          [MembershipResolver, new MembershipResolver(services.membership)],
          [BillingNotificationResolver, new BillingNotificationResolver(services.billingNotifications)],
          [
            BillingNotificationFieldResolver,
            new BillingNotificationFieldResolver(services.billingNotifications),
          ],
        ]
      : [],
  );
  return { get: (cls) => instances.get(cls) };
}

/** `services` null builds the schema only (for emitting schema.graphql). */
export function createSchema(services: Services | null): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    container: containerFor(services),
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}
