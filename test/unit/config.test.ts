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

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOCKOUT_THRESHOLD: 'y' })).toThrow(/PORT[\s\S]*LOCKOUT_THRESHOLD/);
  });
});
