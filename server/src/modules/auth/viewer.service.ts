import type { DataSource } from 'typeorm';
import type { ViewerRow } from '../../shared/session';
import { Viewer } from './dtos/viewer.type';

/** The columns a Viewer is made of; queries that already touch the subscriber select them too. */
export const VIEWER_COLUMNS = `s.id AS subscriber_id, coalesce(s.login_id, s.initial_login_id) AS login_id, s.required_action,
       a.customer_number, a.registered_phone_number, a.holder_name`;

export function toViewer(row: ViewerRow): Viewer {
  return Object.assign(new Viewer(), {
    subscriberId: row.subscriber_id,
    loginId: row.login_id,
    requiredAction: row.required_action,
    customerNumber: row.customer_number,
    registeredPhoneNumber: row.registered_phone_number,
    holderName: row.holder_name,
  });
}

export class ViewerService {
  constructor(private readonly db: DataSource) {}

  /** One query: the subscriber joined to their billing account. */
  async load(subscriberId: string): Promise<Viewer | null> {
    const rows: ViewerRow[] = await this.db.query(
      `SELECT ${VIEWER_COLUMNS}
         FROM subscriber s JOIN billing_account a ON a.id = s.billing_account_id
        WHERE s.id = $1`,
      [subscriberId],
    );
    return rows[0] ? toViewer(rows[0]) : null;
  }
}
