import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { BillingNotificationService } from '../notifications/billing-notification.service';

/** Invoice state changes that start other work (SPEC §4: a confirmed invoice is announced by mail). */
export class InvoiceLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly notifications: BillingNotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * PROVISIONAL → CONFIRMED, and the notification scheduled in the same transaction. Idempotent.
   * `by` names who confirmed (an integrator's key, an operator) for the audit trail.
   */
  async confirm(
    invoiceId: string,
    by: { apiKeyId?: string; operatorId?: string } = {},
  ): Promise<'confirmed' | 'already-confirmed' | 'not-found'> {
    return this.db.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE invoice SET status = 'CONFIRMED', confirmed_at = $2, updated_at = $2
          WHERE id = $1 AND status = 'PROVISIONAL'
        RETURNING billing_account_id, to_char(due_date, 'YYYY-MM-DD') AS due_date`,
        [invoiceId, this.clock.now()],
      )) as [{ billing_account_id: string; due_date: string }[], number];
      const updated = rows[0];
      if (!updated) {
        const exists: unknown[] = await tx.query('SELECT 1 FROM invoice WHERE id = $1', [invoiceId]);
        return exists.length > 0 ? 'already-confirmed' : 'not-found';
      }
      await this.notifications.schedule(tx, invoiceId, updated.due_date);
      await this.audit.record(
        {
          event: AuditEventType.INVOICE_CONFIRMED,
          outcome: 'SUCCESS',
          billingAccountId: updated.billing_account_id,
          detail: { invoiceId },
          apiKeyId: by.apiKeyId ?? null,
          operatorId: by.operatorId ?? null,
        },
        tx,
      );
      return 'confirmed';
    });
  }
}
