import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * English service names (issue 15): a line's service name is reference data written with the line
 * (provisioning), so its English name sits next to it; none means the Japanese name is shown in both
 * languages. Carriers already have theirs (`carrier.name_en`). Lines of the shipped demo services get
 * their English names here, so existing demo accounts read in English too.
 */
export class ServiceNamesEn1765000000000 implements MigrationInterface {
  name = 'ServiceNamesEn1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE line ADD COLUMN service_name_en text CONSTRAINT line_service_name_en_check CHECK (service_name_en <> '')`,
    );
    await q.query(`
      UPDATE line SET service_name_en = m.en
        FROM (VALUES ('加入電話', 'Fixed-line telephone'),
                     ('携帯電話（ahamo）', 'Mobile phone (ahamo)'),
                     ('フレッツ光クロス', 'FLET''S Hikari Cross')) AS m (ja, en)
       WHERE line.service_name = m.ja`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE line DROP COLUMN service_name_en');
  }
}
