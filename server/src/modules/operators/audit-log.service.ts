import type { DataSource } from 'typeorm';
import { normalizeIdentifier } from '../../shared/identifiers';
import { encodeCursor, isUuid, sortKeySql } from './operator-reason';

export interface AuditEntryRow {
  id: string;
  occurredAt: Date;
  event: string;
  outcome: string;
  accountId: string | null;
  customerNumber: string | null;
  operatorLoginId: string | null;
  apiKeyName: string | null;
  clientAddress: string | null;
  detail: string;
}

export interface AuditQuery {
  customerNumber?: string | null;
  accountId?: string | null;
  operatorLoginId?: string | null;
  event?: string | null;
  from?: Date | null;
  to?: Date | null;
}

interface Row {
  id: string;
  occurred_at: Date;
  sort_key: string;
  event: string;
  outcome: string;
  billing_account_id: string | null;
  customer_number: string | null;
  operator_login_id: string | null;
  api_key_name: string | null;
  client_address: string | null;
  detail: Record<string, unknown>;
}

const SELECT = `SELECT e.id::text AS id, e.occurred_at, ${sortKeySql('e.occurred_at')} AS sort_key, e.event, e.outcome,
                       e.billing_account_id, a.customer_number, o.login_id AS operator_login_id,
                       k.name AS api_key_name, e.client_address, e.detail
                  FROM audit_event e
                  LEFT JOIN billing_account a ON a.id = e.billing_account_id
                  LEFT JOIN operator o ON o.id = e.operator_id
                  LEFT JOIN api_key k ON k.id = e.api_key_id`;

const toEntry = (row: Row): AuditEntryRow => ({
  id: row.id,
  occurredAt: row.occurred_at,
  event: row.event,
  outcome: row.outcome,
  accountId: row.billing_account_id,
  customerNumber: row.customer_number,
  operatorLoginId: row.operator_login_id,
  apiKeyName: row.api_key_name,
  clientAddress: row.client_address,
  detail: JSON.stringify(row.detail ?? {}),
});

/**
 * The audit log viewer (issue 5: filters by account, operator, event, date). Newest first, keyset paged
 * on (occurred_at, id) so each filter walks its own index (account, operator, event, time) instead of
 * counting past an offset.
 */
export class AuditLogService {
  constructor(private readonly db: DataSource) {}

  async page(
    filter: AuditQuery,
    first: number,
    after: [string, string] | null,
  ): Promise<{ events: AuditEntryRow[]; nextCursor: string | null }> {
    // Malformed ids match nothing (rather than failing in SQL).
    if ((filter.accountId && !isUuid(filter.accountId)) || (after && !/^[0-9]{1,19}$/.test(after[1]))) {
      return { events: [], nextCursor: null };
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.customerNumber?.trim()) {
      const digits = filter.customerNumber.normalize('NFKC').replace(/[\s-]/g, '');
      const customerNumber = /^[0-9]{1,10}$/.test(digits) ? digits.padStart(10, '0') : digits;
      where.push(
        `e.billing_account_id = (SELECT id FROM billing_account WHERE customer_number = ${bind(customerNumber)})`,
      );
    }
    if (filter.accountId) where.push(`e.billing_account_id = ${bind(filter.accountId)}::uuid`);
    if (filter.operatorLoginId?.trim()) {
      where.push(
        `e.operator_id = (SELECT id FROM operator WHERE lower(login_id) = lower(${bind(normalizeIdentifier(filter.operatorLoginId))}))`,
      );
    }
    if (filter.event?.trim()) where.push(`e.event = ${bind(filter.event.trim().toUpperCase())}`);
    if (filter.from) where.push(`e.occurred_at >= ${bind(filter.from)}`);
    if (filter.to) where.push(`e.occurred_at < ${bind(filter.to)}`);
    if (after)
      where.push(`(e.occurred_at, e.id) < (${bind(after[0])}::timestamptz, ${bind(after[1])}::bigint)`);
    const limit = bind(first + 1);
    const rows: Row[] = await this.db.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit}`,
      params,
    );
    const more = rows.length > first;
    const page = more ? rows.slice(0, first) : rows;
    const last = page[page.length - 1];
    return {
      events: page.map(toEntry),
      nextCursor: more && last ? encodeCursor(last.sort_key, last.id) : null,
    };
  }

  async recentForAccount(accountId: string, limit = 20): Promise<AuditEntryRow[]> {
    const rows: Row[] = await this.db.query(
      `${SELECT} WHERE e.billing_account_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2`,
      [accountId, limit],
    );
    return rows.map(toEntry);
  }
}
