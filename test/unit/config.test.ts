import { ConfigError, loadConfig } from '../../server/src/config';

describe('configuration is validated once, at start-up', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      lockoutThreshold: 5,
      embeddedPgPort: 54329,
      argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
      session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
    });
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ LOCKOUT_THRESHOLD: '0' }, 'LOCKOUT_THRESHOLD'],
    [{ SESSION_IDLE_MINUTES: '-5' }, 'SESSION_IDLE_MINUTES'],
    [{ SESSION_ABSOLUTE_HOURS: '1.5' }, 'SESSION_ABSOLUTE_HOURS'],
    [{ ARGON2_MEMORY_KIB: '1024' }, 'ARGON2_MEMORY_KIB'],
    [{ EMBEDDED_PG_PORT: '5432' }, 'EMBEDDED_PG_PORT'],
    [{ SEAL_KEY: 'short' }, 'SEAL_KEY'],
    [{ NODE_ENV: 'production' }, 'SEAL_KEY'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('reads DATABASE_REPLICA_URLS as a comma-separated list, none by default', () => {
    expect(loadConfig({}).replicas).toEqual({ urls: [], maxLagMs: 2000 });
    expect(loadConfig({ DATABASE_REPLICA_URLS: '' }).replicas.urls).toEqual([]);
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@primary/billing',
      DATABASE_REPLICA_URLS: ' postgres://app@replica-a/billing, postgresql://app@replica-b:5433/billing ,',
      DATABASE_REPLICA_MAX_LAG_SECONDS: '0.5',
    });
    expect(config.replicas).toEqual({
      urls: ['postgres://app@replica-a/billing', 'postgresql://app@replica-b:5433/billing'],
      maxLagMs: 500,
    });
    expect(Object.isFrozen(config.replicas.urls)).toBe(true);
  });

  it.each([
    [
      { DATABASE_REPLICA_URLS: 'replica-a:5432' },
      /DATABASE_REPLICA_URLS: entry 1 must be a postgres:\/\/ URL/,
    ],
    [
      { DATABASE_REPLICA_URLS: 'postgres://a/db,mysql://b/db' },
      /DATABASE_REPLICA_URLS: entry 2 must be a postgres:\/\/ URL/,
    ],
    [
      { DATABASE_REPLICA_URLS: 'postgres://a/db,postgres://a/db' },
      /DATABASE_REPLICA_URLS: the same URL is listed twice/,
    ],
    [
      { DATABASE_URL: 'postgres://a/db', DATABASE_REPLICA_URLS: 'postgres://a/db' },
      /DATABASE_REPLICA_URLS: lists DATABASE_URL itself/,
    ],
    [{ DATABASE_REPLICA_MAX_LAG_SECONDS: '0' }, /DATABASE_REPLICA_MAX_LAG_SECONDS must be at least 0.1/],
    [{ DATABASE_REPLICA_MAX_LAG_SECONDS: 'soon' }, /DATABASE_REPLICA_MAX_LAG_SECONDS must be a number/],
  ])('rejects replica settings %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOCKOUT_THRESHOLD: 'y' })).toThrow(/PORT[\s\S]*LOCKOUT_THRESHOLD/);
  });
});
