import { DataSource, type DataSourceOptions } from 'typeorm';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { MailAndReissue1763900000000 } from './migrations/1763900000000-mail-and-reissue';
import { Billing1764000000000 } from './migrations/1764000000000-billing';
import { BillingNotifications1764100000000 } from './migrations/1764100000000-billing-notifications';
import { OperatorsIntegratorsPayments1764200000000 } from './migrations/1764200000000-operators-integrators-payments';
import { ProvisioningKeys1764300000000 } from './migrations/1764300000000-provisioning-keys';
import { ItemsInStatements1764400000000 } from './migrations/1764400000000-items-in-statements';
import { InvoiceVersion1764500000000 } from './migrations/1764500000000-invoice-version';
import { AttemptKeys1764600000000 } from './migrations/1764600000000-attempt-keys';
import { LoginIdClaims1764700000000 } from './migrations/1764700000000-login-id-claims';
import { MailNeverLost1764800000000 } from './migrations/1764800000000-mail-never-lost';
import { OperatorTemporaryLockout1764900000000 } from './migrations/1764900000000-operator-temporary-lockout';
import { ServiceNamesEn1765000000000 } from './migrations/1765000000000-service-names-en';
import { CarrierIssuers1765100000000 } from './migrations/1765100000000-carrier-issuers';
import { StatementLineAmounts1765116000000 } from './migrations/1765116000000-statement-line-amounts';
import { TaxPerIssuer1765200000000 } from './migrations/1765200000000-tax-per-issuer';
import { MonthlyPartitions1765300000000 } from './migrations/1765300000000-monthly-partitions';

/** The modules' TypeORM entities; the composition root lists them (server/src/entities.ts). */
export type Entities = DataSourceOptions['entities'];
export const migrations = [
  InitialSchema1763800000000,
  MailAndReissue1763900000000,
  Billing1764000000000,
  BillingNotifications1764100000000,
  OperatorsIntegratorsPayments1764200000000,
  ProvisioningKeys1764300000000,
  ItemsInStatements1764400000000,
  InvoiceVersion1764500000000,
  AttemptKeys1764600000000,
  LoginIdClaims1764700000000,
  MailNeverLost1764800000000,
  OperatorTemporaryLockout1764900000000,
  ServiceNamesEn1765000000000,
  CarrierIssuers1765100000000,
  StatementLineAmounts1765116000000,
  TaxPerIssuer1765200000000,
  MonthlyPartitions1765300000000,
];

/**
 * Schema changes happen only through migrations (never `synchronize`). `entities` come from the
 * composition root (the db layer knows no module); a data source without them still runs SQL.
 */
export function createDataSource(
  url: string,
  options: { entities?: Entities; poolSize?: number; onQuery?: (sql: string) => void } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: options.entities ?? [],
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Only tests listen (to count statements per request); production logs no SQL.
    logging: options.onQuery ? ['query'] : false,
    logger: options.onQuery
      ? {
          logQuery: (sql: string) => options.onQuery?.(sql),
          logQueryError: () => {},
          logQuerySlow: () => {},
          logSchemaBuild: () => {},
          logMigration: () => {},
          log: () => {},
        }
      : undefined,
    // A database that does not answer fails requests in 5 s (503) instead of holding them open.
    extra: { max: options.poolSize ?? 20, application_name: 'web-billing', connectionTimeoutMillis: 5_000 },
  });
}
