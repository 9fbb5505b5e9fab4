import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempt budgets now store an HMAC of their subject (`login-id:<hmac>`), never what was typed (a
 * password typed into the ID field rested here in clear). Rows keyed the old way are dropped: their
 * counts start afresh once, on upgrade. API key budgets are keyed by id and stay.
 */
export class AttemptKeys1764600000000 implements MigrationInterface {
  name = 'AttemptKeys1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM rate_limit WHERE key LIKE 'login-id:%' OR key LIKE 'login-addr:%' OR key LIKE 'reissue-id:%'`,
    );
  }

  async down(): Promise<void> {
    // Nothing to restore: the counts were dropped on purpose.
  }
}
