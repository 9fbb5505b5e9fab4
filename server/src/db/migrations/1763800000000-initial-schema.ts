import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, subscriber credentials, sessions, audit log, postcards and login throttling. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    // Customer numbers are public and printed on bills: sequential, 10 digits, starting 00.
    await q.query('CREATE SEQUENCE customer_number_seq START 10000001');
    await q.query(`
      CREATE TABLE billing_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_number text NOT NULL UNIQUE,
        holder_name text NOT NULL,
        postal_address text NOT NULL DEFAULT '',
        registered_phone_number text NOT NULL CHECK (registered_phone_number ~ '^[0-9]{4,20}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX billing_account_phone_idx ON billing_account (registered_phone_number)');

    await q.query(`
      CREATE TABLE subscriber (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        billing_account_id uuid NOT NULL UNIQUE REFERENCES billing_account (id) ON DELETE CASCADE,
        login_id text,
        password_hash text,
        initial_login_id text,
        initial_password_hash text,
        initial_expires_at timestamptz,
        required_action text NOT NULL DEFAULT 'NONE'
          CHECK (required_action IN ('NONE', 'CHANGE_INITIAL_CREDENTIALS', 'CHANGE_PASSWORD')),
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_at timestamptz,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Login IDs are unique case-insensitively; initial IDs are generated lower-case.
    await q.query('CREATE UNIQUE INDEX subscriber_login_id_key ON subscriber (lower(login_id))');
    await q.query(
      'CREATE UNIQUE INDEX subscriber_initial_login_id_key ON subscriber (lower(initial_login_id))',
    );

    await q.query(`
      CREATE TABLE password_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX password_history_subscriber_idx ON password_history (subscriber_id, id DESC)',
    );

    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_address text,
        user_agent text
      )`);
    await q.query(
      'CREATE INDEX session_subscriber_active_idx ON session (subscriber_id) WHERE revoked_at IS NULL',
    );

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        outcome text NOT NULL,
        subscriber_id uuid,
        billing_account_id uuid,
        client_address text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX audit_event_subscriber_idx ON audit_event (subscriber_id, occurred_at DESC)');
    await q.query('CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC)');

    await q.query(`
      CREATE TABLE postcard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        billing_account_id uuid NOT NULL REFERENCES billing_account (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'MAILED')),
        initial_login_id text NOT NULL,
        initial_password_sealed text,
        created_at timestamptz NOT NULL DEFAULT now(),
        mailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX postcard_pending_idx ON postcard (created_at) WHERE status = 'PENDING'`);

    // Shape required by rate-limiter-flexible's RateLimiterPostgres (created here, not by the library).
    await q.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limit',
      'postcard',
      'audit_event',
      'session',
      'password_history',
      'subscriber',
      'billing_account',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query('DROP SEQUENCE IF EXISTS customer_number_seq');
  }
}
