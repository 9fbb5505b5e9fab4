import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators are locked for a while, not for good (Keycloak's temporary lockout): `locked_until` is when
 * a lock lifts by itself, and `lockouts` counts the locks since the last successful sign-in, so each
 * one waits twice as long (1 min, 2, 4 … at most 15). An administrator can still unlock at once. Locks
 * set before this migration have no end: they wait for an administrator, as before.
 */
export class OperatorTemporaryLockout1764900000000 implements MigrationInterface {
  name = 'OperatorTemporaryLockout1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE operator ADD COLUMN locked_until timestamptz, ADD COLUMN lockouts integer NOT NULL DEFAULT 0',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE operator DROP COLUMN locked_until, DROP COLUMN lockouts');
  }
}
