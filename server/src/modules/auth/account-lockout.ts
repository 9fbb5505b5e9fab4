import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import type { OutboxService } from '../mail/outbox.service';

export interface LockoutSubject {
  subscriberId: string;
  billingAccountId: string;
  clientAddress: string;
}

/**
 * The reserving UPDATE of `reserve`, for statements that fold it in (sign-in reads its candidate and
 * reserves in one): `id` and `threshold` are SQL expressions.
 */
export const reserveAttemptSql = (id: string, threshold: string) =>
  `UPDATE subscriber SET failed_login_count = failed_login_count + 1
    WHERE id = ${id} AND locked_at IS NULL AND failed_login_count < ${threshold}
    RETURNING failed_login_count`;

/** The password was right: earlier failures no longer count (`id` is an SQL expression). */
export const resetFailuresSql = (id: string) =>
  `UPDATE subscriber SET failed_login_count = 0 WHERE id = ${id} AND locked_at IS NULL AND failed_login_count <> 0`;

/**
 * The password lock (SPEC §2.2 step 4): every check of an account's password — at sign-in or as the
 * current password of a change — is counted before the check, in one atomic UPDATE, so concurrent
 * wrong passwords cannot pass the threshold; a right one resets the count. The failure that reaches
 * the threshold locks the account, once, with its audit entry and notice mail.
 */
export class AccountLockout {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: Pick<Config, 'lockoutThreshold'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one attempt: its number, or null when the account is locked or attempts (failed or in
   * flight) already reach the threshold — check nothing then.
   */
  async reserve(subscriberId: string): Promise<number | null> {
    const [rows] = (await this.db.query(reserveAttemptSql('$1', '$2'), [
      subscriberId,
      this.config.lockoutThreshold,
    ])) as [{ failed_login_count: number }[], number];
    return rows[0]?.failed_login_count ?? null;
  }

  /** The password was right: earlier failures no longer count. */
  async succeeded(subscriberId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(resetFailuresSql('$1'), [subscriberId]);
  }

  /** Consecutive failures that lock the account. */
  get threshold(): number {
    return this.config.lockoutThreshold;
  }

  /** The password was wrong: true when this failure locked the account. */
  async failed(subject: LockoutSubject, attempt: number): Promise<boolean> {
    if (attempt < this.config.lockoutThreshold) return false;
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      // Not when a right password reset the count meanwhile: the failures were no longer consecutive.
      const [rows] = (await tx.query(
        `UPDATE subscriber SET locked_at = $2
          WHERE id = $1 AND locked_at IS NULL AND failed_login_count >= $3 RETURNING id`,
        [subject.subscriberId, now, this.config.lockoutThreshold],
      )) as [unknown[], number];
      if (rows.length === 0) return false;
      await this.audit.record({ ...subject, event: AuditEventType.ACCOUNT_LOCKED, outcome: 'LOCKED' }, tx);
      await this.outbox.enqueueSecurityNotice(tx, subject.subscriberId, 'ACCOUNT_LOCKED', now);
      return true;
    });
  }
}
