#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config';
import { type Database, openDatabase, runMigrations } from './db/database';
import { entities } from './entities';
import { loadBillingData } from './modules/billing/load-data';
import { registerIntegrationCommands } from './modules/integrations/integrations.cli';
import { formatPostcard, seedDemo } from './modules/operators/demo-seed';
import { registerOperatorCommands } from './modules/operators/operators.cli';
import { ProvisioningError } from './modules/operators/provisioning.service';
import { createServices } from './services';

/** Logs go to stderr so that stdout carries only the command's answer (one JSON object with --json). */
const log = {
  info: (obj: object, msg?: string) => console.error(msg ?? '', JSON.stringify(obj)),
  warn: (obj: object, msg?: string) => console.error(msg ?? '', JSON.stringify(obj)),
  error: (obj: object, msg?: string) => console.error(msg ?? '', JSON.stringify(obj)),
};

async function withDatabase<T>(work: (db: Database) => Promise<T>, migrate = true): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, log, { migrate, entities });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const program = new Command()
  .name('web-billing')
  .description('Operations command line for Web Billing')
  .exitOverride()
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await runMigrations(db.dataSource, log);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    }, false),
  );

program
  .command('seed-demo')
  .description('create the two demo subscriber accounts (3 and 120 lines) and print their postcards')
  .action(() =>
    withDatabase(async (db) => {
      const config = loadConfig();
      const services = await createServices(config, db.dataSource);
      try {
        const cards = await seedDemo(services);
        console.log(cards.map((card) => formatPostcard(card, config.publicUrl)).join('\n'));
      } finally {
        await services.stop();
      }
    }),
  );

program
  .command('seed-load')
  .description('bulk-load a large billing data set by COPY (N accounts, 15 months, 1–120 lines)')
  .requiredOption('--accounts <n>', 'number of billing accounts', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
      throw new InvalidArgumentError('a whole number from 1 to 1000000');
    return n;
  })
  .option(
    '--logins <n>',
    'subscribers to create for the first accounts (password from --password)',
    (v) => Number(v),
    0,
  )
  .option('--password <password>', 'password of those subscribers', 'Load#2024pass')
  .action((opts: { accounts: number; logins: number; password: string }) =>
    withDatabase(async (db) => {
      const config = loadConfig();
      const services = await createServices(config, db.dataSource);
      try {
        const result = await loadBillingData(services.pool, services.clock, {
          accounts: opts.accounts,
          loginAccounts: opts.logins,
          passwordHash: opts.logins > 0 ? await services.hasher.hash(opts.password) : undefined,
        });
        const rows = result.accounts + result.lines + result.invoices + result.chargeItems;
        console.log(
          `loaded ${result.accounts} accounts, ${result.lines} lines, ${result.invoices} invoices, ` +
            `${result.chargeItems} charge items in ${result.seconds.toFixed(1)} s (${Math.round(rows / result.seconds)} rows/s)`,
        );
        if (result.loginIds.length > 0)
          console.log(`login IDs: ${result.loginIds[0]} … ${result.loginIds.at(-1)}`);
      } finally {
        await services.stop();
      }
    }),
  );

const account = program.command('account').description('billing accounts');
account
  .command('create')
  .description('provision a billing account, issue initial credentials and queue the postcard')
  .requiredOption('--phone <number>', 'registered phone or contract number (dashes allowed)')
  .requiredOption('--name <name>', 'account holder name')
  .option('--address <text>', 'postal address for the postcard', '')
  .option('--json', 'print exactly one JSON object')
  .action((opts: { phone: string; name: string; address: string; json?: boolean }) =>
    withDatabase(async (db) => {
      const config = loadConfig();
      const services = await createServices(config, db.dataSource);
      const created = await services.provisioning
        .provision(
          { holderName: opts.name, registeredPhoneNumber: opts.phone, postalAddress: opts.address },
          { via: 'cli' },
        )
        .finally(() => services.stop());
      if (opts.json) {
        console.log(
          JSON.stringify({
            accountId: created.accountId,
            customerNumber: created.customerNumber,
            subscriberId: created.subscriberId,
            postcardId: created.postcardId,
            initialLoginId: created.initialLoginId,
            initialPassword: created.initialPassword,
            initialExpiresAt: created.initialExpiresAt.toISOString(),
          }),
        );
      } else {
        console.log(formatPostcard(created, config.publicUrl));
      }
    }),
  );

registerIntegrationCommands(program, (work) =>
  withDatabase(async (db) => {
    const services = await createServices(loadConfig(), db.dataSource, { log });
    try {
      return await work(services);
    } finally {
      await services.stop();
    }
  }),
);

registerOperatorCommands(program, (work) =>
  withDatabase(async (db) => {
    const services = await createServices(loadConfig(), db.dataSource, { log });
    try {
      return await work(services);
    } finally {
      await services.stop();
    }
  }),
);

/** One sentence for any failure: never a bare `undefined` or a stack trace. */
function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof ProvisioningError) return `error: --${error.field}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND')
    return `error: PostgreSQL cannot be reached (${(error as Error).message}); check DATABASE_URL, or DATA_DIR for the embedded cluster.`;
  if (error instanceof Error && error.message) return `error: ${error.message}`;
  return `error: the command failed${error ? ` (${String(error)})` : ''}.`;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  // Commander has already said what was wrong with the command line (or shown the help asked for).
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  console.error(describeFailure(error));
  process.exit(1);
});
