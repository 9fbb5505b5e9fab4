import type { DataSource } from 'typeorm';
import type { RequiredAction } from '../credentials/required-action.enum';
import { Viewer } from './dtos/viewer.type';

export class ViewerService {
  constructor(private readonly db: DataSource) {}

  /** One query: the subscriber joined to their billing account. */
  async load(subscriberId: string): Promise<Viewer | null> {
    const rows: {
      login_id: string;
      required_action: RequiredAction;
      customer_number: string;
      registered_phone_number: string;
      holder_name: string;
    }[] = await this.db.query(
      `SELECT coalesce(s.login_id, s.initial_login_id) AS login_id, s.required_action,
              a.customer_number, a.registered_phone_number, a.holder_name
         FROM subscriber s JOIN billing_account a ON a.id = s.billing_account_id
        WHERE s.id = $1`,
      [subscriberId],
    );
    const row = rows[0];
    if (!row) return null;
    return Object.assign(new Viewer(), {
      loginId: row.login_id,
      requiredAction: row.required_action,
      customerNumber: row.customer_number,
      registeredPhoneNumber: row.registered_phone_number,
      holderName: row.holder_name,
    });
  }
}
