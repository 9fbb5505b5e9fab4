import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `invoice.version`: a number that every change of an invoice or of its carrier statements (the items
 * live in the statement's row) increases, kept by the database so no writer can forget it or make two
 * changes look alike. Writers never set it. It replaces `updated_at` as what a reader may key a cache
 * by: a timestamp repeats when two writes fall in one millisecond or two instances' clocks differ; a
 * counter bumped under the row lock cannot.
 *
 * - BEFORE UPDATE on invoice: the new row's version is the old one + 1 whenever anything changed (a
 *   no-op update, such as the writers' lock `SET status = invoice.status`, leaves it).
 * - AFTER INSERT/UPDATE/DELETE on carrier_statement, once per SQL statement: each parent invoice
 *   touched gets one more (set-based, so a bulk import's batch costs one UPDATE, not one per row).
 */
export class InvoiceVersion1764500000000 implements MigrationInterface {
  name = 'InvoiceVersion1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE invoice ADD COLUMN version bigint NOT NULL DEFAULT 1');

    await q.query(`
      CREATE FUNCTION invoice_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER invoice_version BEFORE UPDATE ON invoice
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION invoice_bump_version()`);

    // Transition tables allow one event per trigger: three triggers share the function, which reads
    // only the tables its event has.
    await q.query(`
      CREATE FUNCTION carrier_statement_bump_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE invoice SET version = version + 1 WHERE id IN (SELECT invoice_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE invoice SET version = version + 1 WHERE id IN (SELECT invoice_id FROM old_rows);
        ELSE
          UPDATE invoice SET version = version + 1
           WHERE id IN (SELECT invoice_id FROM new_rows UNION SELECT invoice_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER carrier_statement_insert_version AFTER INSERT ON carrier_statement
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION carrier_statement_bump_invoice()`);
    await q.query(`
      CREATE TRIGGER carrier_statement_update_version AFTER UPDATE ON carrier_statement
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION carrier_statement_bump_invoice()`);
    await q.query(`
      CREATE TRIGGER carrier_statement_delete_version AFTER DELETE ON carrier_statement
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION carrier_statement_bump_invoice()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER IF EXISTS carrier_statement_${trigger}_version ON carrier_statement`);
    }
    await q.query('DROP FUNCTION IF EXISTS carrier_statement_bump_invoice()');
    await q.query('DROP TRIGGER IF EXISTS invoice_version ON invoice');
    await q.query('DROP FUNCTION IF EXISTS invoice_bump_version()');
    await q.query('ALTER TABLE invoice DROP COLUMN version');
  }
}
