import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A carrier's monthly statement is what carriers send, replace and get billed by: always whole (SPEC §6).
 * Its charge items now live in the statement's row as parallel arrays in printed order instead of one
 * row each: each item's amount and tax rate, and its line and item name as 1-based positions in the
 * statement's `line_ids` and `item_names`, which list each line and each name once (a line has ~10
 * items a month; every line of a statement has the same few item names). Writing a million items was
 * bound by per-row costs (three foreign keys and three indexes per item: ~43,000 rows/s here, against
 * ~800,000 rows/s for COPY); a statement row carries ~25 items and needs one key, and the lists spare
 * parsing a uuid and a name per item. Reads were always by invoice, which the primary key serves.
 *
 * `charge_item` stays as a view with the old columns (SPEC §3's model: line, carrier, item name, amount,
 * tax rate), so queries and reports read items as rows. Line ids in an array cannot have a foreign key:
 * every writer resolves them from the statement's own account first, and lines are never deleted (an
 * account's deletion takes its invoices and statements with it).
 */
export class ItemsInStatements1764400000000 implements MigrationInterface {
  name = 'ItemsInStatements1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A statement made by demo or load data was never received, so it has no payload hash: the first
    // statement a carrier sends for it replaces it.
    await q.query(`
      ALTER TABLE carrier_statement
        ALTER COLUMN payload_hash DROP NOT NULL,
        ADD COLUMN line_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN line_refs smallint[] NOT NULL DEFAULT '{}',
        ADD COLUMN item_names text[] NOT NULL DEFAULT '{}',
        ADD COLUMN name_refs smallint[] NOT NULL DEFAULT '{}',
        ADD COLUMN amounts integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN tax_rates smallint[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT carrier_statement_items_check CHECK (
          cardinality(name_refs) = cardinality(line_refs)
          AND cardinality(amounts) = cardinality(line_refs)
          AND cardinality(tax_rates) = cardinality(line_refs)
          AND array_position(line_ids, NULL) IS NULL
          AND array_position(item_names, NULL) IS NULL
          AND array_position(amounts, NULL) IS NULL
          AND 1 <= ALL (line_refs) AND cardinality(line_ids) >= ALL (line_refs)
          AND 1 <= ALL (name_refs) AND cardinality(item_names) >= ALL (name_refs)
          AND tax_rates <@ '{0,8,10}'::smallint[]
        )`);
    await q.query(`
      WITH items AS (
        SELECT ci.*, row_number() OVER (PARTITION BY invoice_id, carrier_id ORDER BY sort_order, id) AS n
          FROM charge_item ci
      ), lines AS (
        SELECT invoice_id, carrier_id, line_id,
               row_number() OVER (PARTITION BY invoice_id, carrier_id ORDER BY min(n)) AS ref
          FROM items GROUP BY invoice_id, carrier_id, line_id
      ), names AS (
        SELECT invoice_id, carrier_id, item_name,
               row_number() OVER (PARTITION BY invoice_id, carrier_id ORDER BY min(n)) AS ref
          FROM items GROUP BY invoice_id, carrier_id, item_name
      ), lists AS (
        SELECT invoice_id, carrier_id,
               (SELECT array_agg(l.line_id ORDER BY l.ref) FROM lines l
                 WHERE l.invoice_id = s.invoice_id AND l.carrier_id = s.carrier_id) AS line_ids,
               (SELECT array_agg(m.item_name ORDER BY m.ref) FROM names m
                 WHERE m.invoice_id = s.invoice_id AND m.carrier_id = s.carrier_id) AS item_names
          FROM (SELECT DISTINCT invoice_id, carrier_id FROM items) s
      )
      INSERT INTO carrier_statement (invoice_id, carrier_id, payload_hash, item_count, amount,
                                     line_ids, line_refs, item_names, name_refs, amounts, tax_rates)
      SELECT i.invoice_id, i.carrier_id, NULL, count(*), sum(i.amount), ls.line_ids,
             array_agg(l.ref ORDER BY i.n), ls.item_names, array_agg(m.ref ORDER BY i.n),
             array_agg(i.amount ORDER BY i.n), array_agg(i.tax_rate ORDER BY i.n)
        FROM items i
        JOIN lines l USING (invoice_id, carrier_id, line_id)
        JOIN names m USING (invoice_id, carrier_id, item_name)
        JOIN lists ls USING (invoice_id, carrier_id)
       GROUP BY i.invoice_id, i.carrier_id, ls.line_ids, ls.item_names
      ON CONFLICT (invoice_id, carrier_id) DO UPDATE
        SET line_ids = EXCLUDED.line_ids, line_refs = EXCLUDED.line_refs, item_names = EXCLUDED.item_names,
            name_refs = EXCLUDED.name_refs, amounts = EXCLUDED.amounts, tax_rates = EXCLUDED.tax_rates`);
    await q.query('DROP TABLE charge_item');
    await q.query(`
      CREATE VIEW charge_item AS
      SELECT cs.invoice_id, cs.carrier_id, cs.line_ids[k.line_ref] AS line_id, cs.item_names[k.name_ref] AS item_name,
             k.amount, k.tax_rate, (k.n - 1)::integer AS sort_order
        FROM carrier_statement cs
       CROSS JOIN LATERAL unnest(cs.line_refs, cs.name_refs, cs.amounts, cs.tax_rates)
             WITH ORDINALITY AS k (line_ref, name_ref, amount, tax_rate, n)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER VIEW charge_item RENAME TO charge_item_view');
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
    await q.query(`
      INSERT INTO charge_item (invoice_id, line_id, carrier_id, item_name, amount, tax_rate, sort_order)
      SELECT invoice_id, line_id, carrier_id, item_name, amount, tax_rate, sort_order FROM charge_item_view`);
    await q.query('CREATE INDEX charge_item_invoice_idx ON charge_item (invoice_id, carrier_id, line_id)');
    await q.query('CREATE INDEX charge_item_line_idx ON charge_item (line_id)');
    await q.query('DROP VIEW charge_item_view');
    await q.query('DELETE FROM carrier_statement WHERE payload_hash IS NULL');
    await q.query(`
      ALTER TABLE carrier_statement DROP CONSTRAINT carrier_statement_items_check,
        DROP COLUMN line_ids, DROP COLUMN line_refs, DROP COLUMN item_names, DROP COLUMN name_refs, DROP COLUMN amounts, DROP COLUMN tax_rates,
        ALTER COLUMN payload_hash SET NOT NULL`);
  }
}
