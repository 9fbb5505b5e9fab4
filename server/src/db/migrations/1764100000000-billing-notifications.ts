import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Billing-amount notification mail (SPEC §4): the registered address and the once-per-invoice ledger. */
export class BillingNotifications1764100000000 implements MigrationInterface {
  name = 'BillingNotifications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_notification_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        billing_account_id uuid NOT NULL REFERENCES billing_account (id) ON DELETE CASCADE,
        email_type text NOT NULL CHECK (email_type IN ('MOBILE', 'INTERNET')),
        email text NOT NULL,
        lang text NOT NULL CHECK (lang IN ('ja', 'en')),
        token_hash bytea UNIQUE,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUPERSEDED', 'DELETED')),
        confirm_failures integer NOT NULL DEFAULT 0,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        ended_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX billing_notification_email_one_active ON billing_notification_email (billing_account_id)
        WHERE status = 'ACTIVE'`,
    );
    await q.query(
      'CREATE INDEX billing_notification_email_account_idx ON billing_notification_email (billing_account_id, created_at DESC)',
    );
    // Exactly one mail per invoice and address, however many jobs or instances try (SPEC §4).
    await q.query(`
      CREATE TABLE billing_notification_sent (
        invoice_id uuid NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
        email text NOT NULL,
        mail_id uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (invoice_id, email)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS billing_notification_sent');
    await q.query('DROP TABLE IF EXISTS billing_notification_email');
  }
}
