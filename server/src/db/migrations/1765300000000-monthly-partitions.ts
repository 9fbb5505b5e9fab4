import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly partitions (issue 17) for the tables that grow by one month's worth every month: `invoice`
 * and `carrier_statement` (the statements with their items) by `billing_month`, `audit_event` by the
 * Japan-time month of `occurred_at`. Retention then drops a whole month (DETACH + DROP) instead of
 * deleting rows in batches, and a bill screen's reads, which always name the month or a month range,
 * touch only those months' partitions.
 *
 * Keys: a primary key or unique constraint of a partitioned table must contain the partition key, and
 * a foreign key must point at one, so
 * - `invoice`: primary key (id, billing_month); (billing_account_id, billing_month) stays unique;
 * - `carrier_statement` gains `billing_month` (the writers set it from the invoice): primary key
 *   (invoice_id, carrier_id, billing_month), foreign key (invoice_id, billing_month) → invoice;
 * - the small tables that point at an invoice (payment, payeasy_slip, billing_notification_sent,
 *   invoice_notice) stay whole (payment and payeasy_slip have unique keys of their own that a month
 *   cannot join) and gain `billing_month` for the same composite foreign key, filled by a trigger from
 *   the invoice so their writers keep naming only the invoice;
 * - `audit_event`: primary key (id, occurred_at).
 *
 * No DEFAULT partition: creating a month's partition would have to scan it, and fail if it held rows of
 * that month (moving them out means deleting and re-inserting invoices under their foreign keys).
 * Instead a partition exists for every month a writer can write: `ensure_month_partitions` creates the
 * missing ones, here for the months present and a window around now, and at start-up and nightly by
 * the job queue (PartitionService) for the retention window and the months ahead. A row for a month
 * with no partition is refused loudly rather than kept where retention would never find it.
 */
export class MonthlyPartitions1765300000000 implements MigrationInterface {
  name = 'MonthlyPartitions1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // Partitions are named <table>_YYYY_MM; audit_event's bounds are midnight in Japan (the bills' calendar).
    // One creator at a time per table (advisory lock): two instances find the same months missing.
    await q.query(`
      CREATE FUNCTION ensure_month_partitions(parent regclass, from_month date, to_month date)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        key_type regtype;
        base text;
        month date := date_trunc('month', from_month)::date;
        made integer := 0;
        lower_bound text;
        upper_bound text;
      BEGIN
        SELECT a.atttypid::regtype, c.relname INTO key_type, base
          FROM pg_partitioned_table p
          JOIN pg_class c ON c.oid = p.partrelid
          JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
         WHERE p.partrelid = parent;
        IF key_type IS NULL THEN
          RAISE EXCEPTION '% is not partitioned', parent;
        END IF;
        PERFORM pg_advisory_xact_lock(727002, hashtext(base));
        WHILE month <= to_month LOOP
          IF to_regclass(format('%I', base || to_char(month, '_YYYY_MM'))) IS NULL THEN
            IF key_type = 'timestamp with time zone'::regtype THEN
              lower_bound := quote_literal((month::timestamp AT TIME ZONE 'Asia/Tokyo')::text);
              upper_bound := quote_literal(((month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Tokyo')::text);
            ELSE
              lower_bound := quote_literal(month::text);
              upper_bound := quote_literal((month + interval '1 month')::date::text);
            END IF;
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %s FOR VALUES FROM (%s) TO (%s)',
                           base || to_char(month, '_YYYY_MM'), parent, lower_bound, upper_bound);
            made := made + 1;
          END IF;
          month := (month + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END $$`);

    // The tables that point at an invoice get its month, for the composite foreign key.
    await q.query(`
      CREATE FUNCTION invoice_month_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.billing_month IS NULL THEN
          NEW.billing_month := (SELECT billing_month FROM invoice WHERE id = NEW.invoice_id);
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of SATELLITES) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_invoice_id_fkey, ADD COLUMN billing_month date`,
      );
      await q.query(
        `UPDATE ${table} t SET billing_month = i.billing_month FROM invoice i WHERE i.id = t.invoice_id`,
      );
      await q.query(`ALTER TABLE ${table} ALTER COLUMN billing_month SET NOT NULL`);
      await q.query(`
        CREATE TRIGGER ${table}_invoice_month BEFORE INSERT OR UPDATE OF invoice_id ON ${table}
          FOR EACH ROW EXECUTE FUNCTION invoice_month_of_row()`);
    }

    await q.query('DROP VIEW charge_item');
    await q.query('ALTER TABLE invoice RENAME TO invoice_unpartitioned');
    await q.query('ALTER TABLE carrier_statement RENAME TO carrier_statement_unpartitioned');
    await q.query('ALTER TABLE audit_event RENAME TO audit_event_unpartitioned');

    const like = 'INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY';
    await q.query(
      `CREATE TABLE invoice (LIKE invoice_unpartitioned ${like}) PARTITION BY RANGE (billing_month)`,
    );
    await q.query(`
      CREATE TABLE carrier_statement (LIKE carrier_statement_unpartitioned ${like}, billing_month date NOT NULL)
        PARTITION BY RANGE (billing_month)`);
    await q.query(
      `CREATE TABLE audit_event (LIKE audit_event_unpartitioned ${like}) PARTITION BY RANGE (occurred_at)`,
    );

    // The months present, and from 14 months back to 3 ahead of now (the job keeps that window later).
    const window = `(SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo') - interval '14 months')::date AS oldest,
                            date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo')::date AS current,
                            (date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo') + interval '3 months')::date AS ahead) w`;
    for (const table of ['invoice', 'carrier_statement']) {
      await q.query(`
        SELECT ensure_month_partitions('${table}',
                 least((SELECT min(billing_month) FROM invoice_unpartitioned), w.oldest),
                 greatest((SELECT max(billing_month) FROM invoice_unpartitioned), w.ahead))
          FROM ${window}`);
    }
    await q.query(`
      SELECT ensure_month_partitions('audit_event',
               least((SELECT min(occurred_at AT TIME ZONE 'Asia/Tokyo') FROM audit_event_unpartitioned)::date, w.current),
               greatest((SELECT max(occurred_at AT TIME ZONE 'Asia/Tokyo') FROM audit_event_unpartitioned)::date, w.ahead))
        FROM ${window}`);

    await q.query('INSERT INTO invoice SELECT * FROM invoice_unpartitioned');
    const [{ columns }] = (await q.query(`
      SELECT string_agg(format('cs.%I', attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
       WHERE attrelid = 'carrier_statement_unpartitioned'::regclass AND attnum > 0 AND NOT attisdropped
         AND attgenerated = ''`)) as { columns: string }[];
    await q.query(`
      INSERT INTO carrier_statement (${columns.replaceAll('cs.', '')}, billing_month)
      SELECT ${columns}, i.billing_month FROM carrier_statement_unpartitioned cs JOIN invoice_unpartitioned i ON i.id = cs.invoice_id`);
    await q.query('INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM audit_event_unpartitioned');
    await q.query(
      `SELECT setval(pg_get_serial_sequence('audit_event', 'id'), max(id)) FROM audit_event HAVING max(id) > 0`,
    );

    await q.query(
      'DROP TABLE carrier_statement_unpartitioned, invoice_unpartitioned, audit_event_unpartitioned',
    );
    await addKeysAndIndexes(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW charge_item');
    for (const table of SATELLITES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_invoice_id_fkey`);
    }
    await q.query('ALTER TABLE invoice RENAME TO invoice_partitioned');
    await q.query('ALTER TABLE carrier_statement RENAME TO carrier_statement_partitioned');
    await q.query('ALTER TABLE audit_event RENAME TO audit_event_partitioned');
    const like = 'INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY';
    await q.query(`CREATE TABLE invoice (LIKE invoice_partitioned ${like})`);
    await q.query(`CREATE TABLE carrier_statement (LIKE carrier_statement_partitioned ${like})`);
    await q.query('ALTER TABLE carrier_statement DROP COLUMN billing_month');
    await q.query(`CREATE TABLE audit_event (LIKE audit_event_partitioned ${like})`);
    await q.query('INSERT INTO invoice SELECT * FROM invoice_partitioned');
    const [{ columns }] = (await q.query(`
      SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
       WHERE attrelid = 'carrier_statement_partitioned'::regclass AND attnum > 0 AND NOT attisdropped
         AND attgenerated = '' AND attname <> 'billing_month'`)) as { columns: string }[];
    await q.query(
      `INSERT INTO carrier_statement (${columns}) SELECT ${columns} FROM carrier_statement_partitioned`,
    );
    await q.query('INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM audit_event_partitioned');
    await q.query(
      `SELECT setval(pg_get_serial_sequence('audit_event', 'id'), max(id)) FROM audit_event HAVING max(id) > 0`,
    );
    await q.query('DROP TABLE carrier_statement_partitioned, invoice_partitioned, audit_event_partitioned');

    await q.query('ALTER TABLE invoice ADD PRIMARY KEY (id)');
    await q.query(
      'ALTER TABLE invoice ADD CONSTRAINT invoice_account_month_key UNIQUE (billing_account_id, billing_month)',
    );
    await q.query(
      'ALTER TABLE invoice ADD FOREIGN KEY (billing_account_id) REFERENCES billing_account (id) ON DELETE CASCADE',
    );
    await q.query('CREATE INDEX invoice_month_idx ON invoice (billing_month)');
    await q.query(`
      ALTER TABLE carrier_statement ADD PRIMARY KEY (invoice_id, carrier_id),
        ADD FOREIGN KEY (invoice_id) REFERENCES invoice (id) ON DELETE CASCADE,
        ADD FOREIGN KEY (carrier_id) REFERENCES carrier (id)`);
    for (const table of SATELLITES) {
      await q.query(`DROP TRIGGER ${table}_invoice_month ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN billing_month,
        ADD FOREIGN KEY (invoice_id) REFERENCES invoice (id) ON DELETE CASCADE`);
    }
    await q.query('DROP FUNCTION invoice_month_of_row()');
    await q.query(`CREATE OR REPLACE FUNCTION carrier_statement_bump_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await addTriggersAndView(q);
    await q.query('ALTER TABLE audit_event ADD PRIMARY KEY (id)');
    await addAuditIndexes(q);
    await q.query('DROP FUNCTION ensure_month_partitions(regclass, date, date)');
  }
}

const SATELLITES = ['payment', 'payeasy_slip', 'billing_notification_sent', 'invoice_notice'];

async function addKeysAndIndexes(q: QueryRunner): Promise<void> {
  await q.query('ALTER TABLE invoice ADD PRIMARY KEY (id, billing_month)');
  await q.query(
    'ALTER TABLE invoice ADD CONSTRAINT invoice_account_month_key UNIQUE (billing_account_id, billing_month)',
  );
  await q.query(
    'ALTER TABLE invoice ADD FOREIGN KEY (billing_account_id) REFERENCES billing_account (id) ON DELETE CASCADE',
  );
  // Within a month's partition billing_month is constant; what the nightly detail purge looks for is the
  // few invoices whose details are still kept, so only those are indexed.
  await q.query(
    'CREATE INDEX invoice_details_kept_idx ON invoice (billing_month) WHERE details_purged_at IS NULL',
  );
  await q.query(`
    ALTER TABLE carrier_statement ADD PRIMARY KEY (invoice_id, carrier_id, billing_month),
      ADD CONSTRAINT carrier_statement_invoice_id_fkey FOREIGN KEY (invoice_id, billing_month)
        REFERENCES invoice (id, billing_month) ON DELETE CASCADE,
      ADD FOREIGN KEY (carrier_id) REFERENCES carrier (id)`);
  for (const table of SATELLITES) {
    await q.query(`
      ALTER TABLE ${table} ADD CONSTRAINT ${table}_invoice_id_fkey FOREIGN KEY (invoice_id, billing_month)
        REFERENCES invoice (id, billing_month) ON DELETE CASCADE`);
  }
  // The version bump names the invoice's month too, so it touches one partition per invoice.
  await q.query(`CREATE OR REPLACE FUNCTION carrier_statement_bump_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE invoice SET version = version + 1
         WHERE (id, billing_month) IN (SELECT invoice_id, billing_month FROM new_rows);
      ELSIF TG_OP = 'DELETE' THEN
        UPDATE invoice SET version = version + 1
         WHERE (id, billing_month) IN (SELECT invoice_id, billing_month FROM old_rows);
      ELSE
        UPDATE invoice SET version = version + 1
         WHERE (id, billing_month) IN (SELECT invoice_id, billing_month FROM new_rows
                                       UNION SELECT invoice_id, billing_month FROM old_rows);
      END IF;
      RETURN NULL;
    END $$`);
  await addTriggersAndView(q);
  await q.query('ALTER TABLE audit_event ADD PRIMARY KEY (id, occurred_at)');
  await addAuditIndexes(q);
}

async function addTriggersAndView(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TRIGGER invoice_version BEFORE UPDATE ON invoice
      FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION invoice_bump_version()`);
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
  // As in migration 1764400000000.
  await q.query(`
    CREATE VIEW charge_item AS
    SELECT cs.invoice_id, cs.carrier_id, cs.line_ids[k.line_ref] AS line_id, cs.item_names[k.name_ref] AS item_name,
           k.amount, k.tax_rate, (k.n - 1)::integer AS sort_order
      FROM carrier_statement cs
     CROSS JOIN LATERAL unnest(cs.line_refs, cs.name_refs, cs.amounts, cs.tax_rates)
           WITH ORDINALITY AS k (line_ref, name_ref, amount, tax_rate, n)`);
}

async function addAuditIndexes(q: QueryRunner): Promise<void> {
  await q.query('CREATE INDEX audit_event_subscriber_idx ON audit_event (subscriber_id, occurred_at DESC)');
  await q.query('CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC)');
  await q.query(
    'CREATE INDEX audit_event_operator_idx ON audit_event (operator_id, occurred_at DESC) WHERE operator_id IS NOT NULL',
  );
  await q.query('CREATE INDEX audit_event_account_idx ON audit_event (billing_account_id, occurred_at DESC)');
  await q.query('CREATE INDEX audit_event_event_idx ON audit_event (event, occurred_at DESC)');
}
