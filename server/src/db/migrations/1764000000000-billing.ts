import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing reference (SPEC §3): carriers, lines, monthly invoices with their totals and taxes, charge
 * items (details, kept 4 months) and notices. Yen are integers. Every index serves a screen's query.
 */
export class Billing1764000000000 implements MigrationInterface {
  name = 'Billing1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE carrier (
        id smallint PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name_ja text NOT NULL,
        name_en text NOT NULL
      )`);
    // Reference data: integrators name carriers by code.
    await q.query(`
      INSERT INTO carrier (id, code, name_ja, name_en) VALUES
        (1, 'NTT_EAST', 'NTT東日本', 'NTT East'),
        (2, 'NTT_WEST', 'NTT西日本', 'NTT West'),
        (3, 'NTT_DOCOMO', 'NTTドコモ', 'NTT Docomo'),
        (4, 'NTT_COM', 'NTTコミュニケーションズ', 'NTT Communications'),
        (5, 'OCN', 'OCN（インターネット接続サービス）', 'OCN (Internet service provider)')`);

    await q.query(`
      CREATE TABLE line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        billing_account_id uuid NOT NULL REFERENCES billing_account (id) ON DELETE CASCADE,
        line_number text NOT NULL,
        carrier_id smallint NOT NULL REFERENCES carrier (id),
        service_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT line_account_number_key UNIQUE (billing_account_id, line_number)
      )`);

    await q.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        billing_account_id uuid NOT NULL REFERENCES billing_account (id) ON DELETE CASCADE,
        billing_month date NOT NULL CHECK (extract(day FROM billing_month) = 1),
        status text NOT NULL CHECK (status IN ('PROVISIONAL', 'CONFIRMED')),
        usage_amount integer NOT NULL,
        adjustment_amount integer NOT NULL DEFAULT 0,
        billing_amount integer NOT NULL,
        taxable_10 integer NOT NULL DEFAULT 0,
        tax_10 integer NOT NULL DEFAULT 0,
        taxable_8 integer NOT NULL DEFAULT 0,
        tax_8 integer NOT NULL DEFAULT 0,
        non_taxable integer NOT NULL DEFAULT 0,
        issue_date date NOT NULL,
        due_date date NOT NULL,
        payment_status text NOT NULL DEFAULT 'UNPAID' CHECK (payment_status IN ('UNPAID', 'PAID')),
        paid_at timestamptz,
        confirmed_at timestamptz,
        details_purged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invoice_account_month_key UNIQUE (billing_account_id, billing_month)
      )`);
    // The unique index (account, month) serves "this account's months, newest first".
    await q.query('CREATE INDEX invoice_month_idx ON invoice (billing_month)'); // retention purge

    await q.query(`
      CREATE TABLE charge_item (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
        line_id uuid NOT NULL REFERENCES line (id) ON DELETE CASCADE,
        carrier_id smallint NOT NULL REFERENCES carrier (id),
        item_name text NOT NULL,
        amount integer NOT NULL,
        tax_rate smallint NOT NULL CHECK (tax_rate IN (0, 8, 10)),
        sort_order smallint NOT NULL DEFAULT 0
      )`);
    await q.query('CREATE INDEX charge_item_invoice_idx ON charge_item (invoice_id, carrier_id, line_id)');
    await q.query('CREATE INDEX charge_item_line_idx ON charge_item (line_id)');

    await q.query(`
      CREATE TABLE invoice_notice (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        sort_order smallint NOT NULL DEFAULT 0
      )`);
    await q.query('CREATE INDEX invoice_notice_invoice_idx ON invoice_notice (invoice_id, sort_order)');

    // Membership information (guide 2, "Change of membership information").
    await q.query(
      `ALTER TABLE billing_account ADD COLUMN contact_phone_number text, ADD COLUMN contact_email text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE billing_account DROP COLUMN contact_phone_number, DROP COLUMN contact_email');
    for (const table of ['invoice_notice', 'charge_item', 'invoice', 'line', 'carrier']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
