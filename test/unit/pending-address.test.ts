import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PendingAddresses, type PendingAddressTable } from '../../server/src/modules/mail/pending-address';

/** Records every statement instead of running it. */
const recorder = () => {
  const calls: { sql: string; params: unknown[] }[] = [];
  return {
    calls,
    query: (async (sql: string, params: unknown[] = []) => {
      calls.push({ sql: sql.replace(/\s+/g, ' ').trim(), params });
      return [];
    }) as EntityManager['query'],
  };
};

describe('the shared pending-address state machine', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const expiresAt = new Date('2026-01-02T00:00:00Z');

  it('only ever names a whitelisted table', () => {
    expect(() => new PendingAddresses('subscriber; DROP TABLE x' as PendingAddressTable)).toThrow(
      /not an address table/,
    );
  });

  it('registers: supersedes the pending row and inserts one with the SHA-256 of the mailed token', async () => {
    const q = recorder();
    const addresses = new PendingAddresses<'reissue_email', object, object>('reissue_email');
    const token = await addresses.replacePending(
      q,
      's1',
      {
        email: 'a@example.com',
        lang: 'ja',
        expiresAt,
        details: { secret_question_id: 'Q1', secret_answer_hash: 'H' },
      },
      now,
    );
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(q.calls[0]).toEqual({
      sql: "UPDATE reissue_email SET status = 'SUPERSEDED', token_hash = NULL, ended_at = $2 WHERE subscriber_id = $1 AND status = 'PENDING'",
      params: ['s1', now],
    });
    expect(q.calls[1]).toEqual({
      sql:
        'INSERT INTO reissue_email (subscriber_id, email, lang, secret_question_id, secret_answer_hash, token_hash, ' +
        "expires_at, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING')",
      params: [
        's1',
        'a@example.com',
        'ja',
        'Q1',
        'H',
        createHash('sha256').update(token).digest(),
        expiresAt,
        now,
      ],
    });
  });

  it('keys the billing notification address by billing account', async () => {
    const q = recorder();
    const addresses = new PendingAddresses<'billing_notification_email', object, object>(
      'billing_notification_email',
    );
    await addresses.replacePending(
      q,
      'b1',
      { email: 'a@example.com', lang: 'en', expiresAt, details: { email_type: 'MOBILE' } },
      now,
    );
    expect(q.calls[1].sql).toBe(
      'INSERT INTO billing_notification_email (billing_account_id, email, lang, email_type, token_hash, expires_at, ' +
        "created_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')",
    );
  });
});
