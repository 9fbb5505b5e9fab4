import { AuditEvent } from './modules/audit/audit-event.entity';
import { Session } from './modules/auth/session.entity';
import { BillingAccount } from './modules/billing/billing-account.entity';
import { PasswordHistory } from './modules/credentials/password-history.entity';
import { Subscriber } from './modules/credentials/subscriber.entity';
import { Postcard } from './modules/operators/postcard.entity';

/** Every module's TypeORM entities, for the data source (the db layer imports no module). */
export const entities = [BillingAccount, Subscriber, PasswordHistory, Session, AuditEvent, Postcard];
