import { DataSource } from 'typeorm';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Session } from '../modules/auth/session.entity';
import { BillingAccount } from '../modules/billing/billing-account.entity';
import { PasswordHistory } from '../modules/credentials/password-history.entity';
import { Subscriber } from '../modules/credentials/subscriber.entity';
import { Postcard } from '../modules/operators/postcard.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { MailAndReissue1763900000000 } from './migrations/1763900000000-mail-and-reissue';

export const entities = [BillingAccount, Subscriber, PasswordHistory, Session, AuditEvent, Postcard];
export const migrations = [InitialSchema1763800000000, MailAndReissue1763900000000];

/** Schema changes happen only through migrations (never `synchronize`). */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { max: options.poolSize ?? 20, application_name: 'web-billing' },
  });
}
