import 'reflect-metadata';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { entities } from './entities';
import { formatPostcard, seedDemoIfEmpty, seedDemoOperatorIfNone } from './modules/operators/demo-seed';
import { createServices } from './services';

/** config → database (embedded unless DATABASE_URL) → migrations → services → HTTP server. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const bootLog = {
    info: (obj: object, msg?: string) => console.error(JSON.stringify({ level: 'info', msg, ...obj })),
    warn: (obj: object, msg?: string) => console.error(JSON.stringify({ level: 'warn', msg, ...obj })),
    error: (obj: object, msg?: string) => console.error(JSON.stringify({ level: 'error', msg, ...obj })),
  };
  const database = await openDatabase(config, bootLog, { entities });
  const services = await createServices(config, database.dataSource, { workers: true, log: bootLog });
  const app = await buildApp(services);

  // Demo data (and its printed credentials, a console admin's among them) only for a local try-out:
  // never in production, and never on a database someone else runs (DATABASE_URL set).
  if (config.env !== 'production' && !config.databaseUrl) {
    const demo = await seedDemoIfEmpty(services);
    if (demo) {
      const cards = demo.map((card) => formatPostcard(card, config.publicUrl)).join('\n');
      console.log(`\nDemo accounts created (3 lines; 120 lines). Log in with a postcard below:\n${cards}\n`);
    }
    const operator = await seedDemoOperatorIfNone(services);
    if (operator) {
      console.log(
        `Demo operator console: ${config.publicUrl}/ops  login ID ${operator.loginId}  password ${operator.password}\n`,
      );
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    try {
      await app.close();
      await services.stop();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  console.log(`Web Billing is running at ${config.publicUrl} (GraphQL: ${config.publicUrl}/graphql)`);
}

main().catch((error) => {
  // Some start-up failures (a child process exiting) reject without a reason: still say what failed.
  console.error(error ?? 'start-up failed: the embedded PostgreSQL or the HTTP server did not start');
  process.exit(1);
});
