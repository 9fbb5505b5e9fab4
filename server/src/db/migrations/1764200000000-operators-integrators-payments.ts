import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people who feed and run the system (SPEC §1, §2.2 steps 1 and 7, §3 payment, §6): operator
 * accounts and their own sessions, integrator API keys, who did what in the audit log, postcard kinds,
 * carrier statements (the unit of an idempotent upsert), payments and Pay-easy slips.
 */
export class OperatorsIntegratorsPayments1764200000000 implements MigrationInterface {
  name = 'OperatorsIntegratorsPayments1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE operator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login_id text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('OPERATOR', 'ADMIN')),
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX operator_login_id_key ON operator (lower(login_id))');

    // Separate from subscriber sessions: a subscriber token can never act as an operator or the reverse.
    await q.query(`
      CREATE TABLE operator_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        operator_id uuid NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_address text,
        user_agent text
      )`);
    await q.query('CREATE INDEX operator_session_operator_idx ON operator_session (operator_id)');

    // A key is 256 random bits, so SHA-256 is a sufficient (and fast) hash; `prefix` names it in lists.
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash bytea NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query('ALTER TABLE audit_event ADD COLUMN operator_id uuid, ADD COLUMN api_key_id uuid');
    await q.query(
      'CREATE INDEX audit_event_operator_idx ON audit_event (operator_id, occurred_at DESC) WHERE operator_id IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX audit_event_account_idx ON audit_event (billing_account_id, occurred_at DESC)',
    );
    await q.query('CREATE INDEX audit_event_event_idx ON audit_event (event, occurred_at DESC)');

    // Postcards: the first one (provisioning) or a reissue; a reissue cancels an unmailed older card.
    await q.query(`ALTER TABLE postcard
      ADD COLUMN kind text NOT NULL DEFAULT 'PROVISION' CHECK (kind IN ('PROVISION', 'REISSUE')),
      ADD COLUMN cancelled_at timestamptz,
      DROP CONSTRAINT postcard_status_check,
      ADD CONSTRAINT postcard_status_check CHECK (status IN ('PENDING', 'MAILED', 'CANCELLED'))`);
    await q.query('CREATE INDEX postcard_account_idx ON postcard (billing_account_id, created_at DESC)');

    // For operator search by login ID (case-insensitive, as logins are).
    await q.query('CREATE INDEX subscriber_login_lower_idx ON subscriber (lower(login_id))');
    await q.query('CREATE INDEX subscriber_initial_login_lower_idx ON subscriber (lower(initial_login_id))');
    await q.query('CREATE INDEX line_number_idx ON line (line_number)');

    // One carrier's statement for one account-month: replaying the same payload (same hash) is a no-op.
    await q.query(`
      CREATE TABLE carrier_statement (
        invoice_id uuid NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
        carrier_id smallint NOT NULL REFERENCES carrier (id),
        payload_hash bytea NOT NULL,
        item_count integer NOT NULL,
        amount integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        api_key_id uuid,
        PRIMARY KEY (invoice_id, carrier_id)
      )`);

    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('CARD', 'PAYEASY', 'OTHER')),
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED', 'FAILED')),
        amount integer NOT NULL CHECK (amount > 0),
        card_brand text,
        card_last4 text CHECK (card_last4 ~ '^[0-9]{4}$'),
        provider_reference text,
        failure_code text,
        idempotency_key text,
        recorded_by_api_key_id uuid,
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX payment_invoice_idx ON payment (invoice_id, created_at DESC)');
    // A double submit (same key) returns the first attempt instead of charging twice.
    await q.query('CREATE UNIQUE INDEX payment_idempotency_key ON payment (idempotency_key)');
    // At most one successful payment per invoice.
    await q.query(
      `CREATE UNIQUE INDEX payment_one_success_per_invoice ON payment (invoice_id) WHERE status = 'SUCCEEDED'`,
    );

    await q.query(`
      CREATE TABLE payeasy_slip (
        invoice_id uuid PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
        collection_agency_number text NOT NULL,
        customer_number text NOT NULL UNIQUE,
        confirmation_number text NOT NULL,
        amount integer NOT NULL,
        expires_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['payeasy_slip', 'payment', 'carrier_statement', 'api_key', 'operator_session']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query('DROP TABLE IF EXISTS operator');
    await q.query('DROP INDEX IF EXISTS line_number_idx');
    await q.query('DROP INDEX IF EXISTS subscriber_initial_login_lower_idx');
    await q.query('DROP INDEX IF EXISTS subscriber_login_lower_idx');
    await q.query('DROP INDEX IF EXISTS postcard_account_idx');
    await q.query(`ALTER TABLE postcard DROP CONSTRAINT postcard_status_check,
      ADD CONSTRAINT postcard_status_check CHECK (status IN ('PENDING', 'MAILED')),
      DROP COLUMN cancelled_at, DROP COLUMN kind`);
    await q.query('DROP INDEX IF EXISTS audit_event_event_idx');
    await q.query('DROP INDEX IF EXISTS audit_event_account_idx');
    await q.query('DROP INDEX IF EXISTS audit_event_operator_idx');
    await q.query('ALTER TABLE audit_event DROP COLUMN api_key_id, DROP COLUMN operator_id');
  }
}
