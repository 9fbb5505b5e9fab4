import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox, reissue-address registrations, the reissued one-time password, and the job queue's
 * own schema (pg-boss), created here like everything else rather than by the library at start-up.
 * A pg-boss upgrade that changes its schema gets a migration running PgBoss.getMigrationPlans().
 */
export class MailAndReissue1763900000000 implements MigrationInterface {
  name = 'MailAndReissue1763900000000';
  // pg-boss's plan manages its own transaction (BEGIN … COMMIT with an advisory lock).
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(PgBoss.getConstructionPlans('pgboss'));
    await q.query('BEGIN');
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        lang text NOT NULL CHECK (lang IN ('ja', 'en')),
        template text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        secret_sealed text,
        subscriber_id uuid REFERENCES subscriber (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query('CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, created_at)');
    await q.query('CREATE INDEX mail_outbox_subscriber_idx ON mail_outbox (subscriber_id, created_at DESC)');

    await q.query(`
      CREATE TABLE reissue_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
        email text NOT NULL,
        lang text NOT NULL CHECK (lang IN ('ja', 'en')),
        secret_question_id text NOT NULL,
        secret_answer_hash text NOT NULL,
        token_hash bytea UNIQUE,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUPERSEDED', 'DELETED')),
        confirm_failures integer NOT NULL DEFAULT 0,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        ended_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX reissue_email_one_active ON reissue_email (subscriber_id) WHERE status = 'ACTIVE'`,
    );
    await q.query(
      'CREATE INDEX reissue_email_subscriber_idx ON reissue_email (subscriber_id, created_at DESC)',
    );

    await q.query(
      'ALTER TABLE subscriber ADD COLUMN reissue_password_hash text, ADD COLUMN reissue_expires_at timestamptz',
    );
    await q.query('COMMIT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE subscriber DROP COLUMN reissue_password_hash, DROP COLUMN reissue_expires_at');
    await q.query('DROP TABLE IF EXISTS reissue_email');
    await q.query('DROP TABLE IF EXISTS mail_outbox');
    await q.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  }
}
