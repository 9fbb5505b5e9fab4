import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login IDs are never reused by another account: every ID an account is ever given or chooses — the
 * postcard's initial ID, a chosen login ID — is claimed for that account for good in `login_id_claim`
 * (lower case, the namespace is case-insensitive). The database keeps the claims, so no writer can
 * forget: an AFTER trigger on subscriber claims both columns on every insert and change, and refuses
 * (unique_violation, 23505, as the unique indexes do) an ID another account has ever claimed. The same
 * account may take its own ID back. Existing IDs are claimed by their current holders.
 */
export class LoginIdClaims1764700000000 implements MigrationInterface {
  name = 'LoginIdClaims1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_id_claim (
        login_id text PRIMARY KEY,
        subscriber_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO login_id_claim (login_id, subscriber_id)
      SELECT lower(u.claimed), s.id FROM subscriber s, unnest(ARRAY[s.login_id, s.initial_login_id]) AS u (claimed)
       WHERE u.claimed IS NOT NULL
      ON CONFLICT (login_id) DO NOTHING`);
    await q.query(`
      CREATE FUNCTION claim_login_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        wanted text;
      BEGIN
        FOREACH wanted IN ARRAY ARRAY[lower(NEW.login_id), lower(NEW.initial_login_id)] LOOP
          CONTINUE WHEN wanted IS NULL;
          INSERT INTO login_id_claim (login_id, subscriber_id) VALUES (wanted, NEW.id)
            ON CONFLICT (login_id) DO NOTHING;
          IF NOT EXISTS (SELECT 1 FROM login_id_claim WHERE login_id = wanted AND subscriber_id = NEW.id) THEN
            RAISE EXCEPTION 'login ID already claimed by another account' USING ERRCODE = 'unique_violation';
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER subscriber_claims_login_ids
        AFTER INSERT OR UPDATE OF login_id, initial_login_id ON subscriber
        FOR EACH ROW EXECUTE FUNCTION claim_login_ids()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER subscriber_claims_login_ids ON subscriber');
    await q.query('DROP FUNCTION claim_login_ids()');
    await q.query('DROP TABLE login_id_claim');
  }
}
