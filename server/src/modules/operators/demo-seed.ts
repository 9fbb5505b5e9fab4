import type { Services } from '../../services';
import type { ProvisionedAccount } from './provisioning.service';

/** A first-run account so a newcomer can log in at once; only when no account exists yet. */
export async function seedDemoIfEmpty(services: Services): Promise<ProvisionedAccount | null> {
  const [{ count }]: { count: string }[] = await services.db.query('SELECT count(*) FROM billing_account');
  if (Number(count) > 0) return null;
  return seedDemo(services);
}

export function seedDemo(services: Services): Promise<ProvisionedAccount> {
  return services.provisioning.provision(
    {
      holderName: '山田 太郎',
      registeredPhoneNumber: '03-1234-5678',
      postalAddress: '東京都港区芝浦1-2-3 シーバンスN館',
    },
    { via: 'seed-demo' },
  );
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
