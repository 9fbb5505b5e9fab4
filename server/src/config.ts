import path from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads process.env. Parsed and validated once at start-up; a bad value stops
 * the process with a message naming the variable (see loadConfig).
 */
const int = (name: string, def: number, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be an integer` })
    .int(`${name} must be an integer`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(def);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int('PORT', 4000, 0, 65535),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Streaming-replication standbys for the bill reads: comma-separated postgres:// URLs; empty = none.
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const urls = v
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      for (const [i, url] of urls.entries()) {
        if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url))
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} must be a postgres:// URL`,
          });
      }
      if (new Set(urls).size !== urls.length)
        ctx.addIssue({ code: 'custom', message: 'the same URL is listed twice' });
      return urls;
    }),
  // A standby further behind the primary than this is skipped; also the longest a write waits for one.
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ message: 'DATABASE_REPLICA_MAX_LAG_SECONDS must be a number' })
    .min(0.1, 'DATABASE_REPLICA_MAX_LAG_SECONDS must be at least 0.1')
    .max(300, 'DATABASE_REPLICA_MAX_LAG_SECONDS must be at most 300')
    .default(2),
  PUBLIC_URL: z.string().url('PUBLIC_URL must be an absolute URL such as https://bill.example.jp').optional(),
  DATA_DIR: z.string().min(1).default('var'),
  EMBEDDED_PG_PORT: int('EMBEDDED_PG_PORT', 54329, 1024, 65535).refine((p) => p !== 5432, {
    message: 'EMBEDDED_PG_PORT must not be 5432 (a system PostgreSQL may hold it)',
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'], { message: 'TRUST_PROXY must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  LOCKOUT_THRESHOLD: int('LOCKOUT_THRESHOLD', 5, 1, 100),
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
  SESSION_ABSOLUTE_HOURS: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
  INITIAL_PASSWORD_VALID_DAYS: int('INITIAL_PASSWORD_VALID_DAYS', 60, 1, 365),
  // OWASP Password Storage Cheat Sheet, argon2id row 2: m=19 MiB, t=2, p=1.
  ARGON2_MEMORY_KIB: int('ARGON2_MEMORY_KIB', 19456, 7168, 1048576),
  ARGON2_TIME_COST: int('ARGON2_TIME_COST', 2, 1, 20),
  ARGON2_PARALLELISM: int('ARGON2_PARALLELISM', 1, 1, 16),
  LOGIN_FAILURES_PER_ADDRESS: int('LOGIN_FAILURES_PER_ADDRESS', 30, 1, 100000),
  LOGIN_FAILURES_PER_LOGIN_ID: int('LOGIN_FAILURES_PER_LOGIN_ID', 10, 1, 100000),
  THROTTLE_WINDOW_MINUTES: int('THROTTLE_WINDOW_MINUTES', 15, 1, 24 * 60),
  API_KEY_REQUESTS_PER_MINUTE: int('API_KEY_REQUESTS_PER_MINUTE', 600, 1, 1_000_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Webビリング <webbilling_info@localhost>'),
  MAIL_RETRY_LIMIT: int('MAIL_RETRY_LIMIT', 12, 0, 100),
  MAIL_RETRY_DELAY_SECONDS: int('MAIL_RETRY_DELAY_SECONDS', 30, 1, 3600),
  // A send that has not finished in this time (its instance died) is sent again, as the same message.
  MAIL_SEND_TIMEOUT_SECONDS: int('MAIL_SEND_TIMEOUT_SECONDS', 120, 5, 3600),
  MAIL_POLL_SECONDS: z.coerce
    .number({ message: 'MAIL_POLL_SECONDS must be a number' })
    .min(0.5, 'MAIL_POLL_SECONDS must be at least 0.5')
    .max(60, 'MAIL_POLL_SECONDS must be at most 60')
    .default(2),
  LINK_VALID_HOURS: int('LINK_VALID_HOURS', 24, 1, 24 * 7),
  REISSUED_PASSWORD_VALID_HOURS: int('REISSUED_PASSWORD_VALID_HOURS', 24, 1, 24 * 7),
  REISSUE_ATTEMPTS: int('REISSUE_ATTEMPTS', 5, 1, 100),
  REISSUE_BLOCK_HOURS: int('REISSUE_BLOCK_HOURS', 24, 1, 24 * 30),
  // Only the sandbox ships; a real gateway is another PaymentProvider behind the same name switch.
  PAYMENT_PROVIDER: z.enum(['sandbox'], { message: 'PAYMENT_PROVIDER must be sandbox' }).default('sandbox'),
  PAYEASY_COLLECTION_AGENCY_NUMBER: z
    .string()
    .regex(/^[0-9]{5}$/, 'PAYEASY_COLLECTION_AGENCY_NUMBER must be 5 digits')
    .default('58091'),
  PAYEASY_VALID_DAYS: int('PAYEASY_VALID_DAYS', 14, 1, 60),
  SEAL_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: 'SEAL_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
    })
    .optional(),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  /** Standbys that serve the bill reads (server/src/db/read-replicas.ts); empty: the primary serves all. */
  readonly replicas: { readonly urls: readonly string[]; readonly maxLagMs: number };
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly lockoutThreshold: number;
  /** Per integrator key, across all instances. */
  readonly apiKeyRequestsPerMinute: number;
  readonly session: { readonly idleMs: number; readonly absoluteMs: number };
  readonly initialPasswordValidMs: number;
  readonly argon2: { readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number };
  readonly mail: {
    readonly smtpUrl: string | undefined;
    readonly from: string;
    readonly retryLimit: number;
    readonly retryDelaySeconds: number;
    readonly pollSeconds: number;
    readonly sendTimeoutSeconds: number;
  };
  readonly linkValidMs: number;
  readonly reissue: {
    readonly passwordValidMs: number;
    readonly attempts: number;
    readonly blockSeconds: number;
  };
  readonly payments: {
    readonly provider: 'sandbox';
    /** 収納機関番号 printed on every Pay-easy slip. */
    readonly payEasyCollectionAgencyNumber: string;
    /** A slip stays payable at least this long (or until the due date, if later). */
    readonly payEasyValidDays: number;
  };
  /** Seals initial passwords until the postcard is printed; from DATA_DIR outside production when unset. */
  readonly sealKey: Buffer | undefined;
  readonly throttle: {
    readonly failuresPerAddress: number;
    readonly failuresPerLoginId: number;
    readonly windowSeconds: number;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SEAL_KEY) {
    throw new ConfigError('Invalid configuration:\n  SEAL_KEY: required when NODE_ENV=production');
  }
  if (e.DATABASE_URL && e.DATABASE_REPLICA_URLS.includes(e.DATABASE_URL)) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_REPLICA_URLS: lists DATABASE_URL itself (the primary)',
    );
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    replicas: Object.freeze({
      urls: Object.freeze(e.DATABASE_REPLICA_URLS),
      maxLagMs: Math.round(e.DATABASE_REPLICA_MAX_LAG_SECONDS * 1000),
    }),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    apiKeyRequestsPerMinute: e.API_KEY_REQUESTS_PER_MINUTE,
    session: Object.freeze({
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    }),
    initialPasswordValidMs: e.INITIAL_PASSWORD_VALID_DAYS * 86_400_000,
    argon2: Object.freeze({
      memoryCost: e.ARGON2_MEMORY_KIB,
      timeCost: e.ARGON2_TIME_COST,
      parallelism: e.ARGON2_PARALLELISM,
    }),
    mail: Object.freeze({
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      retryLimit: e.MAIL_RETRY_LIMIT,
      retryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
      pollSeconds: e.MAIL_POLL_SECONDS,
      sendTimeoutSeconds: e.MAIL_SEND_TIMEOUT_SECONDS,
    }),
    linkValidMs: e.LINK_VALID_HOURS * 3_600_000,
    reissue: Object.freeze({
      passwordValidMs: e.REISSUED_PASSWORD_VALID_HOURS * 3_600_000,
      attempts: e.REISSUE_ATTEMPTS,
      blockSeconds: e.REISSUE_BLOCK_HOURS * 3600,
    }),
    payments: Object.freeze({
      provider: e.PAYMENT_PROVIDER,
      payEasyCollectionAgencyNumber: e.PAYEASY_COLLECTION_AGENCY_NUMBER,
      payEasyValidDays: e.PAYEASY_VALID_DAYS,
    }),
    sealKey: e.SEAL_KEY ? Buffer.from(e.SEAL_KEY, 'base64') : undefined,
    throttle: Object.freeze({
      failuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
      failuresPerLoginId: e.LOGIN_FAILURES_PER_LOGIN_ID,
      windowSeconds: e.THROTTLE_WINDOW_MINUTES * 60,
    }),
  });
}
