import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the migration did, logged by runMigrations (db/database.ts) once it has run. */
export interface TaxPerIssuerReport {
  statementsWithFigures: number;
  /** Statements of purged invoices with several carriers: their split per rate is gone. */
  statementsWithoutFigures: number;
  invoicesRetotalled: number;
  confirmedRetotalled: number;
  paidRetotalled: number;
  /** Sum over the re-totalled invoices of (new billing amount − old), in yen (never positive). */
  billingAmountChange: number;
}

/**
 * Tax per issuer (issue 16): on a combined bill each carrier is a qualified-invoice issuer, so its
 * consumption tax is rounded down once per rate over its own statement, and the invoice's figures are
 * the sums of the carriers'. Each statement keeps its figures (taxable total and tax per rate,
 * non-taxable) beside its items, so they outlive the items' 4-month retention.
 *
 * Existing statements get their figures from their items when their invoice's details are kept, or
 * the invoice's own figures when it has only that one statement (one issuer: both rules agree).
 * Statements of purged invoices with several carriers cannot be split after the fact: their figures
 * stay NULL (unknown), and such an invoice lists no issuers. Then every invoice whose statements all
 * have figures is re-totalled as their sum where that changes anything (never upwards: the sum of
 * floors is at most the floor of the sum). Set-based: three UPDATEs, whatever the number of invoices.
 *
 * This rule mirrors issuerTotals (invoice-totals.ts) in SQL, frozen as of this migration.
 */
export class TaxPerIssuer1765200000000 implements MigrationInterface {
  name = 'TaxPerIssuer1765200000000';
  report: TaxPerIssuerReport | undefined;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE carrier_statement
        ADD COLUMN taxable_10 integer, ADD COLUMN tax_10 integer, ADD COLUMN taxable_8 integer,
        ADD COLUMN tax_8 integer, ADD COLUMN non_taxable integer,
        ADD CONSTRAINT carrier_statement_figures_check
          CHECK (num_nulls(taxable_10, tax_10, taxable_8, tax_8, non_taxable) IN (0, 5))`);

    const [, fromItems] = (await q.query(`
      WITH rates AS (
        SELECT cs.invoice_id, cs.carrier_id,
               COALESCE(sum(u.amount) FILTER (WHERE u.tax_rate = 10), 0) AS taxable_10,
               COALESCE(sum(u.amount) FILTER (WHERE u.tax_rate = 8), 0) AS taxable_8,
               COALESCE(sum(u.amount) FILTER (WHERE u.tax_rate = 0), 0) AS non_taxable
          FROM carrier_statement cs
          JOIN invoice i ON i.id = cs.invoice_id AND i.details_purged_at IS NULL
          LEFT JOIN LATERAL unnest(cs.tax_rates, cs.amounts) AS u (tax_rate, amount) ON true
         GROUP BY cs.invoice_id, cs.carrier_id
      )
      UPDATE carrier_statement cs
         SET taxable_10 = r.taxable_10, tax_10 = (greatest(r.taxable_10, 0) * 10) / 100,
             taxable_8 = r.taxable_8, tax_8 = (greatest(r.taxable_8, 0) * 8) / 100, non_taxable = r.non_taxable
        FROM rates r
       WHERE cs.invoice_id = r.invoice_id AND cs.carrier_id = r.carrier_id`)) as [unknown, number];

    const [, single] = (await q.query(`
      UPDATE carrier_statement cs
         SET taxable_10 = i.taxable_10, tax_10 = i.tax_10, taxable_8 = i.taxable_8, tax_8 = i.tax_8,
             non_taxable = i.non_taxable
        FROM invoice i
       WHERE i.id = cs.invoice_id AND i.details_purged_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM carrier_statement o WHERE o.invoice_id = cs.invoice_id
                                                            AND o.carrier_id <> cs.carrier_id)`)) as [
      unknown,
      number,
    ];

    const [unknown] = (await q.query(
      'SELECT count(*)::int AS n FROM carrier_statement WHERE taxable_10 IS NULL',
    )) as { n: number }[];

    const [changed] = (await q.query(`
      WITH sums AS (
        SELECT invoice_id, sum(taxable_10)::int AS taxable_10, sum(tax_10)::int AS tax_10,
               sum(taxable_8)::int AS taxable_8, sum(tax_8)::int AS tax_8, sum(non_taxable)::int AS non_taxable
          FROM carrier_statement
         GROUP BY invoice_id
        HAVING bool_and(taxable_10 IS NOT NULL)
      ), diff AS (
        SELECT i.id, i.billing_amount AS old_billing_amount,
               s.taxable_10, s.tax_10, s.taxable_8, s.tax_8, s.non_taxable,
               s.taxable_10 + s.tax_10 + s.taxable_8 + s.tax_8 + s.non_taxable AS usage_amount
          FROM invoice i JOIN sums s ON s.invoice_id = i.id
         WHERE (i.taxable_10, i.tax_10, i.taxable_8, i.tax_8, i.non_taxable)
               IS DISTINCT FROM (s.taxable_10, s.tax_10, s.taxable_8, s.tax_8, s.non_taxable)
      ), updated AS (
        UPDATE invoice i
           SET taxable_10 = d.taxable_10, tax_10 = d.tax_10, taxable_8 = d.taxable_8, tax_8 = d.tax_8,
               non_taxable = d.non_taxable, usage_amount = d.usage_amount,
               billing_amount = d.usage_amount + i.adjustment_amount,
               updated_at = greatest(now(), i.updated_at + interval '1 millisecond')
          FROM diff d
         WHERE i.id = d.id
        RETURNING i.status, i.payment_status, i.billing_amount - d.old_billing_amount AS change
      )
      SELECT count(*)::int AS invoices,
             (count(*) FILTER (WHERE status = 'CONFIRMED'))::int AS confirmed,
             (count(*) FILTER (WHERE payment_status = 'PAID'))::int AS paid,
             COALESCE(sum(change), 0)::int AS change
        FROM updated`)) as {
      invoices: number;
      confirmed: number;
      paid: number;
      change: number;
    }[];

    this.report = {
      statementsWithFigures: fromItems + single,
      statementsWithoutFigures: unknown.n,
      invoicesRetotalled: changed.invoices,
      confirmedRetotalled: changed.confirmed,
      paidRetotalled: changed.paid,
      billingAmountChange: changed.change,
    };
  }

  async down(q: QueryRunner): Promise<void> {
    // Invoice totals stay as re-totalled: the per-issuer rule is the correct one.
    await q.query(`
      ALTER TABLE carrier_statement DROP CONSTRAINT carrier_statement_figures_check,
        DROP COLUMN taxable_10, DROP COLUMN tax_10, DROP COLUMN taxable_8, DROP COLUMN tax_8, DROP COLUMN non_taxable`);
  }
}
