import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { API_SCOPES, type ApiKeyPrincipal, type ApiScope } from '../../graphql/roles';
import { hashToken, LAST_SEEN_SLACK_MS } from '../../security/token-hash';
import { RateLimitedError } from '../../shared/rate-limited';
import { AuditEventType, type AuditService } from '../audit/audit.service';

export const API_KEY_PREFIX = 'wbk_';

export class ApiKeyError extends Error {}

export interface ApiKeyListing {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Parses `billing:write,billing:read`; every name must be a known scope. */
export function parseScopes(text: string): ApiScope[] {
  const names = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) throw new ApiKeyError(`Give at least one scope: ${API_SCOPES.join(', ')}.`);
  const unknown = names.filter((n) => !(API_SCOPES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new ApiKeyError(`Unknown scope ${unknown.join(', ')}; the scopes are ${API_SCOPES.join(', ')}.`);
  }
  return names as ApiScope[];
}

/**
 * Integrator API keys (SPEC §6): 256 random bits shown once at creation, stored as SHA-256, scoped,
 * revocable, and rate limited per key in PostgreSQL (so the limit holds across server instances).
 */
export class ApiKeyService {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    private readonly db: DataSource,
    private readonly pool: Pool,
    private readonly audit: AuditService,
    config: Pick<Config, 'apiKeyRequestsPerMinute'>,
    private readonly clock: Clock,
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'api-key',
      points: config.apiKeyRequestsPerMinute,
      duration: 60,
    });
  }

  async create(
    name: string,
    scopes: readonly ApiScope[],
  ): Promise<{ id: string; key: string; prefix: string }> {
    const trimmed = name.normalize('NFKC').trim();
    if (!trimmed) throw new ApiKeyError('The key needs a name (who uses it).');
    if (trimmed.length > 100) throw new ApiKeyError('The name is too long (max 100).');
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const prefix = key.slice(0, 12);
    return this.db.transaction(async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        'INSERT INTO api_key (name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4) RETURNING id',
        [trimmed, prefix, hashToken(key), scopes],
      );
      await this.audit.record(
        {
          event: AuditEventType.API_KEY_CREATED,
          outcome: 'SUCCESS',
          apiKeyId: row.id,
          detail: { name: trimmed, prefix, scopes },
        },
        tx,
      );
      return { id: row.id, key, prefix };
    });
  }

  /** The live key for a bearer token, or null when unknown or revoked. */
  async resolve(token: string): Promise<ApiKeyPrincipal | null> {
    if (!token.startsWith(API_KEY_PREFIX) || token.length > 100) return null;
    const now = this.clock.now().getTime();
    const { rows } = await this.pool.query<{
      id: string;
      name: string;
      scopes: ApiScope[];
      needs_touch: boolean;
    }>({
      name: 'api-key-resolve',
      text: `SELECT id, name, scopes,
                    (last_used_at IS NULL OR last_used_at < to_timestamp($2::float8 / 1000)) AS needs_touch
               FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      values: [hashToken(token), now - LAST_SEEN_SLACK_MS],
    });
    const row = rows[0];
    if (!row) return null;
    if (row.needs_touch) {
      await this.pool.query({
        name: 'api-key-touch',
        text: 'UPDATE api_key SET last_used_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
        values: [row.id, now],
      });
    }
    return { apiKeyId: row.id, name: row.name, scopes: row.scopes };
  }

  /** Counts one request against the key's per-minute budget; throws RateLimitedError when spent. */
  async consume(apiKeyId: string): Promise<void> {
    try {
      await this.limiter.consume(apiKeyId, 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), 'API_KEY');
      }
      throw error;
    }
  }

  async list(): Promise<ApiKeyListing[]> {
    const rows: {
      id: string;
      name: string;
      prefix: string;
      scopes: ApiScope[];
      created_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }[] = await this.db.query(
      'SELECT id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_key ORDER BY created_at',
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: r.scopes,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  /** Revokes by id or by the printed prefix (`wbk_abcd1234`); at once, on every instance. */
  async revoke(
    idOrPrefix: string,
    actor: { operatorId?: string; reason?: string; clientAddress?: string } = {},
  ): Promise<ApiKeyListing> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
    return this.db.transaction(async (tx) => {
      const matches: { id: string; revoked_at: Date | null }[] = await tx.query(
        `SELECT id, revoked_at FROM api_key WHERE ${isUuid ? 'id = $1::uuid' : 'prefix = $1'} FOR UPDATE`,
        [idOrPrefix],
      );
      if (matches.length === 0) throw new ApiKeyError(`No API key ${idOrPrefix}.`);
      if (matches.length > 1) throw new ApiKeyError(`${idOrPrefix} names several keys; give the id.`);
      const [match] = matches;
      if (!match.revoked_at) {
        await tx.query('UPDATE api_key SET revoked_at = $2 WHERE id = $1', [match.id, this.clock.now()]);
        await this.audit.record(
          {
            event: AuditEventType.API_KEY_REVOKED,
            outcome: 'SUCCESS',
            apiKeyId: match.id,
            operatorId: actor.operatorId ?? null,
            clientAddress: actor.clientAddress ?? null,
            detail: actor.reason ? { reason: actor.reason } : {},
          },
          tx,
        );
      }
      const [row] = (await this.list()).filter((k) => k.id === match.id);
      return { ...row, revokedAt: row.revokedAt ?? this.clock.now() };
    });
  }
}
