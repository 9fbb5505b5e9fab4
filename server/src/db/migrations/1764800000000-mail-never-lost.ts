import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail is never lost: a mail whose retries ran out (FAILED) keeps its sealed secret until the secret's
 * own expiry (`secret_expires_at`: a reissued password's or a link's validity), so an operator can
 * send it again from the console; `failed_at` says when it gave up. The queue of failed mail is read
 * newest first.
 */
export class MailNeverLost1764800000000 implements MigrationInterface {
  name = 'MailNeverLost1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE mail_outbox ADD COLUMN secret_expires_at timestamptz, ADD COLUMN failed_at timestamptz',
    );
    await q.query(
      `CREATE INDEX mail_outbox_failed_idx ON mail_outbox (failed_at DESC, id) WHERE status = 'FAILED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX mail_outbox_failed_idx');
    await q.query('ALTER TABLE mail_outbox DROP COLUMN secret_expires_at, DROP COLUMN failed_at');
  }
}
