import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import { seedDemoBilling } from '../billing/demo-billing';
import { generateOperatorPassword, type OperatorAuthService } from './operator-auth.service';
import type { ProvisionedAccount, ProvisioningService } from './provisioning.service';

/** What seeding uses of the services (main.ts and the CLI pass them all). */
export interface DemoSeedServices {
  db: DataSource;
  clock: Clock;
  provisioning: ProvisioningService;
  operatorAuth: OperatorAuthService;
}

/** A first-run account so a newcomer can log in at once; only when no account exists yet. */
export async function seedDemoIfEmpty(services: DemoSeedServices): Promise<ProvisionedAccount[] | null> {
  const [{ count }]: { count: string }[] = await services.db.query('SELECT count(*) FROM billing_account');
  if (Number(count) > 0) return null;
  return seedDemo(services);
}

/**
 * Two subscribers with 15 months of bills: a household with 3 lines (phone, mobile, fibre) and a
 * business with 120 lines (the line picker's direct-entry case). Returns the household's postcard
 * first.
 */
export async function seedDemo(services: DemoSeedServices): Promise<ProvisionedAccount[]> {
  const household = await services.provisioning.provision(
    {
      holderName: '山田 太郎',
      registeredPhoneNumber: '03-1234-5678',
      postalAddress: '東京都港区芝浦1-2-3 シーバンスN館',
    },
    { via: 'seed-demo' },
  );
  await seedDemoBilling(services.db, services.clock, household.accountId, 'family');
  const business = await services.provisioning.provision(
    {
      holderName: '株式会社なにわ商事',
      registeredPhoneNumber: '06-6100-0001',
      postalAddress: '大阪府大阪市北区梅田1-1-1',
    },
    { via: 'seed-demo' },
  );
  await seedDemoBilling(services.db, services.clock, business.accountId, 'business');
  return [household, business];
}

/** The postcard, as a terminal can show it. The password is printed here on purpose: it is the demo's. */
export function formatPostcard(account: ProvisionedAccount, publicUrl: string): string {
  return [
    '┌──────────── Web Billing postcard ────────────',
    `│ Customer number     ${account.customerNumber}`,
    `│ Initial login ID    ${account.initialLoginId}`,
    `│ Initial password    ${account.initialPassword}`,
    `│ Login at            ${publicUrl}/login`,
    '└──────────────────────────────────────────────',
  ].join('\n');
}

export const DEMO_OPERATOR_LOGIN_ID = 'demo-admin';

/**
 * A first-run admin for the operator console (/ops), only while no operator exists. Its generated
 * password is returned to be printed once, like the demo postcards (never outside development).
 */
export async function seedDemoOperatorIfNone(
  services: DemoSeedServices,
): Promise<{ loginId: string; password: string } | null> {
  const [{ count }]: { count: string }[] = await services.db.query('SELECT count(*) FROM operator');
  if (Number(count) > 0) return null;
  const password = generateOperatorPassword(DEMO_OPERATOR_LOGIN_ID);
  await services.operatorAuth.create({
    loginId: DEMO_OPERATOR_LOGIN_ID,
    displayName: 'デモ管理者',
    role: 'ADMIN',
    password,
  });
  return { loginId: DEMO_OPERATOR_LOGIN_ID, password };
}
