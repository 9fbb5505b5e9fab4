import { createWriteStream, type WriteStream } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { message } from '../../i18n/messages';
import type { CarrierRegistry, CarrierRow } from '../billing/carrier-registry';
import { ApiKeyError, type ApiKeyListing, type ApiKeyService, parseScopes } from './api-key.service';
import {
  type ChargeImportService,
  DEFAULT_CONCURRENCY,
  ImportError,
  type RejectedRow,
} from './charge-import.service';

/** Where a command writes: stdout carries only the answer, stderr the rest (tests capture both). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
}

export const processIo: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** What the commands use; the CLI passes its whole set of services (cli.ts). */
export interface IntegrationServices {
  apiKeys: ApiKeyService;
  chargeImport: ChargeImportService;
  carriers: CarrierRegistry;
}

export type WithServices = <T>(work: (services: IntegrationServices) => Promise<T>) => Promise<T>;

const positiveInt = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
};

/** Expected failures print one line and exit 1; anything else is a bug and goes to the main handler. */
async function guarded(io: CliIo, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ApiKeyError || error instanceof ImportError)) throw error;
    io.err(`error: ${error.message}`);
    io.setExitCode(1);
  }
}

function listingJson(k: ApiKeyListing) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

function carrierJson(c: CarrierRow) {
  return {
    code: c.code,
    nameJa: c.name_ja,
    nameEn: c.name_en,
    legalName: c.legal_name,
    registrationNumber: c.registration_number,
  };
}

/** Input field → option, for messages about the command line. */
const CARRIER_OPTIONS: Record<string, string> = {
  code: '--code',
  nameJa: '--name-ja',
  nameEn: '--name-en',
  legalName: '--legal-name',
  registrationNumber: '--registration-number',
};

/** `api-key create|list|revoke`, `import charges` (SPEC §6) and `carrier list|set` (issue 16). */
export function registerIntegrationCommands(
  program: Command,
  withServices: WithServices,
  io: CliIo = processIo,
) {
  const apiKey = program.command('api-key').description('integrator API keys');
  apiKey
    .command('create')
    .description('create an API key; the key is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'who uses the key (e.g. the accounting system)')
    .requiredOption('--scopes <list>', 'comma-separated: billing:write, billing:read, accounts:write')
    .option('--json', 'print exactly one JSON object')
    .action((opts: { name: string; scopes: string; json?: boolean }) =>
      guarded(io, async () => {
        const scopes = parseScopes(opts.scopes);
        const created = await withServices((s) => s.apiKeys.create(opts.name, scopes));
        if (opts.json) {
          io.out(JSON.stringify({ id: created.id, prefix: created.prefix, scopes, key: created.key }));
        } else {
          io.out(
            [
              'API key created. It is shown only this once: store it in the integrator’s secret store now.',
              '',
              `  ${created.key}`,
              '',
              `id:     ${created.id}`,
              `prefix: ${created.prefix}`,
              `scopes: ${scopes.join(',')}`,
              'Send it as "Authorization: Bearer <key>" to /graphql.',
            ].join('\n'),
          );
        }
      }),
    );

  apiKey
    .command('list')
    .description('list API keys (never the keys themselves)')
    .option('--json', 'print one JSON array')
    .action((opts: { json?: boolean }) =>
      guarded(io, async () => {
        const keys = await withServices((s) => s.apiKeys.list());
        if (opts.json) {
          io.out(JSON.stringify(keys.map(listingJson)));
          return;
        }
        if (keys.length === 0) {
          io.out('no API keys');
          return;
        }
        for (const k of keys) {
          const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
          const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : 'never used';
          io.out(`${k.prefix}  ${k.id}  ${k.name}  [${k.scopes.join(',')}]  ${state}, ${used}`);
        }
      }),
    );

  apiKey
    .command('revoke')
    .description('revoke an API key by id or prefix; effective at once')
    .argument('<id-or-prefix>', 'the id or the printed prefix (wbk_…)')
    .option('--json', 'print exactly one JSON object')
    .action((idOrPrefix: string, opts: { json?: boolean }) =>
      guarded(io, async () => {
        const revoked = await withServices((s) => s.apiKeys.revoke(idOrPrefix.trim()));
        if (opts.json) io.out(JSON.stringify(listingJson(revoked)));
        else io.out(`revoked ${revoked.prefix} (${revoked.name}, ${revoked.id})`);
      }),
    );

  const carrier = program
    .command('carrier')
    .description('carriers and their qualified-invoice issuer details');
  carrier
    .command('list')
    .description('list carriers with their legal names and registration numbers')
    .option('--json', 'print one JSON array')
    .action((opts: { json?: boolean }) =>
      guarded(io, async () => {
        const carriers = await withServices((s) => s.carriers.list());
        if (opts.json) io.out(JSON.stringify(carriers.map(carrierJson)));
        else
          for (const c of carriers)
            io.out(
              `${c.code}  ${c.registration_number ?? '(no registration number)'}  ${c.legal_name}  (${c.name_ja} / ${c.name_en})`,
            );
      }),
    );
  carrier
    .command('set')
    .description('add a carrier or set its names and issuer details (as upsertCarrier does; audited)')
    .requiredOption('--code <code>', 'e.g. NTT_EAST')
    .requiredOption('--name-ja <name>', 'display name in Japanese')
    .requiredOption('--name-en <name>', 'display name in English')
    .requiredOption('--legal-name <name>', 'legal name as registered, e.g. 株式会社NTTドコモ')
    .requiredOption('--registration-number <T…>', 'T and 13 digits, e.g. T1010001067912')
    .option('--json', 'print exactly one JSON object')
    .action(
      (opts: {
        code: string;
        nameJa: string;
        nameEn: string;
        legalName: string;
        registrationNumber: string;
        json?: boolean;
      }) =>
        guarded(io, async () => {
          const outcome = await withServices((s) => s.carriers.upsert(opts, { apiKeyId: null }));
          if (outcome.kind === 'invalid') {
            for (const i of outcome.issues)
              io.err(`error: ${CARRIER_OPTIONS[i.field] ?? i.field}: ${message('en', i.code)}`);
            io.setExitCode(1);
            return;
          }
          if (opts.json)
            io.out(
              JSON.stringify({
                ...carrierJson(outcome.carrier),
                created: outcome.created,
                changed: outcome.changed,
              }),
            );
          else
            io.out(
              `${outcome.created ? 'created' : outcome.changed ? 'updated' : 'unchanged'}: ${outcome.carrier.code} ` +
                `${outcome.carrier.registration_number} ${outcome.carrier.legal_name}`,
            );
        }),
    );

  const importCommand = program.command('import').description('bulk imports');
  importCommand
    .command('charges')
    .description(
      'import carriers’ monthly charges from CSV or NDJSON (columns: customer_number,billing_month,' +
        'carrier_code,line_number,item_name,amount,tax_rate); one transaction per account-month-carrier, ' +
        'a statement with any bad row is not written; re-running a file changes nothing. Exits 2 when rows were rejected.',
    )
    .argument('<file>', 'a .csv file, or .ndjson/.jsonl')
    .option('--format <format>', 'csv or ndjson (default: by file extension)')
    .option('--report <file>', 'write rejected rows there as NDJSON (default: stderr)')
    .option('--batch-rows <n>', 'rows resolved together', positiveInt(1_000_000), 20_000)
    .option('--concurrency <n>', 'batches written at once', positiveInt(16), DEFAULT_CONCURRENCY)
    .option('--transaction-per-statement', 'one transaction per statement (slower) instead of per batch')
    .option('--json', 'print the summary as one JSON object')
    .action(
      (
        file: string,
        opts: {
          format?: string;
          report?: string;
          batchRows: number;
          concurrency: number;
          transactionPerStatement?: boolean;
          json?: boolean;
        },
      ) =>
        guarded(io, async () => {
          if (opts.format && opts.format !== 'csv' && opts.format !== 'ndjson') {
            throw new ImportError('--format must be csv or ndjson.');
          }
          let reportFile: WriteStream | null = null;
          if (opts.report) reportFile = createWriteStream(opts.report);
          const onRejected = (row: RejectedRow) => {
            const line = JSON.stringify(row);
            if (reportFile) reportFile.write(`${line}\n`);
            else io.err(line);
          };
          try {
            const report = await withServices((s) =>
              s.chargeImport.importFile(file, {
                format: opts.format as 'csv' | 'ndjson' | undefined,
                batchRows: opts.batchRows,
                concurrency: opts.concurrency,
                transactionPerStatement: opts.transactionPerStatement,
                onRejected,
              }),
            );
            if (opts.json) {
              io.out(JSON.stringify(report));
            } else {
              io.out(
                `${report.file}: ${report.rows.read} rows in ${report.seconds.toFixed(1)} s (${report.rowsPerSecond} rows/s)\n` +
                  `statements: ${report.groups.written} written, ${report.groups.unchanged} unchanged, ${report.groups.rejected} rejected\n` +
                  `rows:       ${report.rows.written} written, ${report.rows.unchanged} unchanged, ${report.rows.rejected} rejected` +
                  (report.rows.rejected > 0 ? `\nrejected rows: ${opts.report ?? 'stderr'} (NDJSON)` : ''),
              );
            }
            if (report.rows.rejected > 0) io.setExitCode(2);
          } finally {
            if (reportFile) {
              const closing = reportFile;
              await new Promise<void>((resolve) => closing.end(resolve));
            }
          }
        }),
    );
}
