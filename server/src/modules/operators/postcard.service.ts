import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { SecretSeal } from '../../security/secret-seal';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { checkReason, encodeCursor, isUuid, type OperatorActor, sortKeySql } from './operator-reason';
import type { PostcardKind, PostcardStatus } from './postcard.entity';

export interface PostcardRow {
  id: string;
  accountId: string;
  kind: PostcardKind;
  status: PostcardStatus;
  createdAt: Date;
  mailedAt: Date | null;
  cancelledAt: Date | null;
  customerNumber: string;
  holderName: string;
  postalAddress: string;
}

/** A postcard with its credentials, for the printable sheet and the mail-house CSV only. */
export interface PrintablePostcard extends PostcardRow {
  initialLoginId: string;
  initialPassword: string;
}

/** Columns for toPostcard; `p` is the postcard, `a` its billing account. */
export const POSTCARD_COLUMNS = `p.id, p.billing_account_id, p.kind, p.status, p.created_at, p.mailed_at, p.cancelled_at,
  a.customer_number, a.holder_name, a.postal_address`;

interface PostcardSqlRow {
  id: string;
  billing_account_id: string;
  kind: PostcardKind;
  status: PostcardStatus;
  created_at: Date;
  mailed_at: Date | null;
  cancelled_at: Date | null;
  customer_number: string;
  holder_name: string;
  postal_address: string;
}

export function toPostcard(row: PostcardSqlRow): PostcardRow {
  return {
    id: row.id,
    accountId: row.billing_account_id,
    kind: row.kind,
    status: row.status,
    createdAt: row.created_at,
    mailedAt: row.mailed_at,
    cancelledAt: row.cancelled_at,
    customerNumber: row.customer_number,
    holderName: row.holder_name,
    postalAddress: row.postal_address,
  };
}

/** At most this many cards in one sheet or CSV: a print run, not the whole history. */
export const PRINT_BATCH_MAX = 1000;

/**
 * The postcard print queue (SPEC §2.2 step 1): list, print or export, mark mailed. The initial password
 * is unsealed only to print or export it, and is wiped for good once the card is mailed or cancelled.
 */
export class PostcardService {
  constructor(
    private readonly db: DataSource,
    private readonly seal: SecretSeal,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Oldest first (the print order), keyset paged on (created_at, id). */
  async page(
    status: PostcardStatus,
    first: number,
    after: [string, string] | null,
  ): Promise<{ postcards: PostcardRow[]; totalCount: number; nextCursor: string | null }> {
    const validAfter = after && isUuid(after[1]) ? after : null;
    const [rows, [{ count }]] = await Promise.all([
      this.db.query(
        `SELECT ${POSTCARD_COLUMNS}, ${sortKeySql('p.created_at')} AS sort_key
           FROM postcard p JOIN billing_account a ON a.id = p.billing_account_id
          WHERE p.status = $1 AND ($2::timestamptz IS NULL OR (p.created_at, p.id) > ($2::timestamptz, $3::uuid))
          ORDER BY p.created_at, p.id LIMIT $4`,
        [status, validAfter?.[0] ?? null, validAfter?.[1] ?? null, first + 1],
      ) as Promise<(PostcardSqlRow & { sort_key: string })[]>,
      this.db.query('SELECT count(*)::int AS count FROM postcard WHERE status = $1', [status]) as Promise<
        { count: number }[]
      >,
    ]);
    const more = rows.length > first;
    const page = more ? rows.slice(0, first) : rows;
    const last = page[page.length - 1];
    return {
      postcards: page.map(toPostcard),
      totalCount: count,
      nextCursor: more && last ? encodeCursor(last.sort_key, last.id) : null,
    };
  }

  /** Pending cards become MAILED and lose their sealed password; one audit line per card. */
  async markMailed(
    ids: readonly string[],
    rawReason: string,
    actor: OperatorActor,
  ): Promise<{ kind: 'invalid'; issues: PolicyIssue[] } | { kind: 'mailed'; count: number }> {
    const { reason, issues } = checkReason(rawReason);
    if (issues.length > 0) return { kind: 'invalid', issues };
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return { kind: 'mailed', count: 0 };
    const count = await this.db.transaction(async (tx) => {
      const now = this.clock.now();
      // TypeORM answers UPDATE … RETURNING with [rows, affected].
      const [mailed]: [{ id: string; billing_account_id: string }[], number] = await tx.query(
        `UPDATE postcard SET status = 'MAILED', mailed_at = $2, initial_password_sealed = NULL
          WHERE id = ANY($1::uuid[]) AND status = 'PENDING' RETURNING id, billing_account_id`,
        [valid, now],
      );
      for (const card of mailed) {
        await this.audit.record(
          {
            event: AuditEventType.POSTCARD_MAILED,
            outcome: 'SUCCESS',
            billingAccountId: card.billing_account_id,
            operatorId: actor.operatorId,
            clientAddress: actor.clientAddress,
            detail: { reason, postcardId: card.id },
          },
          tx,
        );
      }
      return mailed.length;
    });
    return { kind: 'mailed', count };
  }

  /**
   * The pending cards to print or export (the given ones, else the whole queue), with their passwords
   * unsealed. Audited per card (ids only): who saw which credentials, and when.
   */
  async takeForPrint(
    ids: readonly string[] | null,
    purpose: 'print' | 'export',
    actor: OperatorActor,
  ): Promise<PrintablePostcard[]> {
    const wanted = ids ? [...new Set(ids.filter(isUuid))] : null;
    if (wanted && wanted.length === 0) return [];
    const rows: (PostcardSqlRow & { initial_login_id: string; initial_password_sealed: string })[] =
      await this.db.query(
        `SELECT ${POSTCARD_COLUMNS}, p.initial_login_id, p.initial_password_sealed
           FROM postcard p JOIN billing_account a ON a.id = p.billing_account_id
          WHERE p.status = 'PENDING' AND p.initial_password_sealed IS NOT NULL
            AND ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[]))
          ORDER BY p.created_at, p.id LIMIT $2`,
        [wanted, PRINT_BATCH_MAX],
      );
    if (rows.length > 0) {
      await this.db.transaction(async (tx) => {
        for (const row of rows) {
          await this.audit.record(
            {
              event: purpose === 'print' ? AuditEventType.POSTCARD_PRINTED : AuditEventType.POSTCARD_EXPORTED,
              outcome: 'SUCCESS',
              billingAccountId: row.billing_account_id,
              operatorId: actor.operatorId,
              clientAddress: actor.clientAddress,
              detail: { postcardId: row.id },
            },
            tx,
          );
        }
      });
    }
    return rows.map((row) => ({
      ...toPostcard(row),
      initialLoginId: row.initial_login_id,
      initialPassword: this.seal.open(row.initial_password_sealed),
    }));
  }
}
