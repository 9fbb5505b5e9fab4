import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { authChecker } from './graphql/auth-checker';
import { AuthResolver } from './modules/auth/auth.resolver';
import {
  BillingQueryResolver,
  BillingResolver,
  InvoiceIssuersResolver,
  InvoiceNoticesResolver,
  InvoiceOverdueResolver,
} from './modules/billing/billing.resolver';
import { LineChargesResolver } from './modules/billing/line-charges.resolver';
import { MembershipResolver } from './modules/billing/membership';
import { CredentialsResolver } from './modules/credentials/credentials.resolver';
import { IntegrationsResolver } from './modules/integrations/integrations.resolver';
import {
  BillingNotificationFieldResolver,
  BillingNotificationResolver,
} from './modules/notifications/billing-notification.resolver';
import { AuditLogResolver } from './modules/operators/audit-log.resolver';
import { OperatorAccountsResolver } from './modules/operators/operator-accounts.resolver';
import { OperatorAdminResolver } from './modules/operators/operator-admin.resolver';
import { OperatorAuthResolver } from './modules/operators/operator-auth.resolver';
import { PostcardsResolver } from './modules/operators/postcards.resolver';
import { UndeliveredMailResolver } from './modules/operators/undelivered-mail.resolver';
import { InvoicePaymentsResolver, PaymentsResolver } from './modules/payments/payments.resolver';
import {
  ReissueResolver,
  UndeliveredMailNoticeResolver,
  ViewerReissueEmailResolver,
} from './modules/reissue/reissue.resolver';
import type { Services } from './services';

export const resolvers = [
  AuthResolver,
  CredentialsResolver,
  ReissueResolver,
  UndeliveredMailNoticeResolver,
  ViewerReissueEmailResolver,
  BillingQueryResolver,
  BillingResolver,
  InvoiceNoticesResolver,
  InvoiceIssuersResolver,
  InvoiceOverdueResolver,
  LineChargesResolver,
  BillingNotificationResolver,
  BillingNotificationFieldResolver,
  MembershipResolver,
  OperatorAuthResolver,
  OperatorAccountsResolver,
  PostcardsResolver,
  UndeliveredMailResolver,
  AuditLogResolver,
  OperatorAdminResolver,
  IntegrationsResolver,
  PaymentsResolver,
  InvoicePaymentsResolver,
] as const;

/** Resolvers get their services through the constructor; this maps each class to its instance. */
function containerFor(services: Services | null): ContainerType {
  const instances = new Map<unknown, unknown>(
    services
      ? [
          [AuthResolver, new AuthResolver(services.auth, services.stepUp, services.clock)],
          [CredentialsResolver, new CredentialsResolver(services.credentials, services.viewers)],
          [
            ReissueResolver,
            new ReissueResolver(services.reissueEmails, services.passwordReissue, services.stepUp),
          ],
          [ViewerReissueEmailResolver, new ViewerReissueEmailResolver(services.reissueEmails)],
          [UndeliveredMailNoticeResolver, new UndeliveredMailNoticeResolver(services.undeliveredMail)],
          [BillingQueryResolver, new BillingQueryResolver()],
          [BillingResolver, new BillingResolver(services.billing)],
          [InvoiceNoticesResolver, new InvoiceNoticesResolver()],
          [InvoiceIssuersResolver, new InvoiceIssuersResolver()],
          [InvoiceOverdueResolver, new InvoiceOverdueResolver(services.billing)],
          [LineChargesResolver, new LineChargesResolver(services.billing)],
          [MembershipResolver, new MembershipResolver(services.membership)],
          [
            OperatorAuthResolver,
            new OperatorAuthResolver(services.operatorAuth, services.throttle, services.stepUp),
          ],
          [OperatorAccountsResolver, new OperatorAccountsResolver(services.operatorAccounts)],
          [PostcardsResolver, new PostcardsResolver(services.postcards)],
          [UndeliveredMailResolver, new UndeliveredMailResolver(services.undeliveredMail, services.audit)],
          [AuditLogResolver, new AuditLogResolver(services.auditLog)],
          [OperatorAdminResolver, new OperatorAdminResolver(services.operatorAuth, services.apiKeys)],
          [IntegrationsResolver, new IntegrationsResolver(services.charges, services.carriers)],
          [PaymentsResolver, new PaymentsResolver(services.payments)],
          [InvoicePaymentsResolver, new InvoicePaymentsResolver()],
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
    // A refused input is not echoed back in the error (`target` is the whole input: card number, CVC,
    // passwords); the property and the rule it broke are enough.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
}
