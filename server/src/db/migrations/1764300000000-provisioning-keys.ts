import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An integrator retrying `provisionAccount` after a timeout (or an operator's double click) must not
 * make a second account and a second postcard: the request's idempotency key, scoped to who sent it,
 * is kept on the account it made.
 */
export class ProvisioningKeys1764300000000 implements MigrationInterface {
  name = 'ProvisioningKeys1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE billing_account ADD COLUMN provisioning_key text');
    await q.query(
      'CREATE UNIQUE INDEX billing_account_provisioning_key ON billing_account (provisioning_key) WHERE provisioning_key IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS billing_account_provisioning_key');
    await q.query('ALTER TABLE billing_account DROP COLUMN provisioning_key');
  }
}
