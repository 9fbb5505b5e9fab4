import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Pool } from 'pg';
import type { Clock } from '../../clock';
import { AuditEventType } from '../audit/audit.service';
import {
  ChargeErrorCode,
  chargeMessage,
  MAX_STATEMENT_ITEMS,
  normalizeCustomerNumber,
  type Statement,
  type StatementItem,
  statementHash,
  validateHeader,
  validateItem,
} from './carrier-statement';
import {
  type ResolvedStatement,
  StatementResolver,
  type WriteOutcome,
  writeStatement,
  writeStatements,
} from './carrier-statement.writer';

/**
 * Bulk import of carriers' monthly statements (SPEC §6), CSV or NDJSON, streamed:
 *
 *   customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate
 *   0012345678,2026-11,NTT_EAST,03-1234-5678,基本料,1700,10
 *
 * NDJSON carries the same names, one object a line (`amount`, `tax_rate` as numbers or strings). Rows
 * of one customer + month + carrier form one statement and must be contiguous (sort the file by those
 * three columns). Each statement is validated whole before anything of it is written. Valid statements
 * of a batch are then written set-based (writeStatements: a few statements per batch instead of a few
 * per account, which is what makes a million rows affordable), falling back to one transaction per
 * statement if the batch fails; `transactionPerStatement` asks for that mode outright. Either way a
 * statement is never half written, and it is hashed as `upsertCarrierCharges` hashes it, so re-running
 * a file, or importing what was already sent by API, is a no-op. A statement with any bad row is not
 * written at all; every row of it is reported.
 */
export const CSV_COLUMNS = [
  'customer_number',
  'billing_month',
  'carrier_code',
  'line_number',
  'item_name',
  'amount',
  'tax_rate',
] as const;

export class ImportError extends Error {}

export interface RejectedRow {
  /** Line of the file (1 = the CSV header). */
  line: number;
  code: ChargeErrorCode;
  /** The column at fault, when one is. */
  field?: string;
  message: string;
  customerNumber: string;
  billingMonth: string;
  carrierCode: string;
  lineNumber: string;
}

export interface ImportReport {
  file: string;
  groups: { written: number; unchanged: number; rejected: number };
  rows: { read: number; written: number; unchanged: number; rejected: number };
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  format?: 'csv' | 'ndjson';
  /** Rows resolved together (one lookup per kind per batch). */
  batchRows?: number;
  /** Transactions written at once, each on its own connection (statements split by account). */
  concurrency?: number;
  /**
   * Write every statement in its own transaction instead of a batch's statements (split by account)
   * together. Both never leave a statement half written; per statement is ~3x slower.
   */
  transactionPerStatement?: boolean;
  /** Called for every rejected row, in file order within a batch. */
  onRejected?: (row: RejectedRow) => void;
}

interface RawRow {
  line: number;
  customerNumber: string;
  billingMonth: string;
  carrierCode: string;
  lineNumber: string;
  itemName: string;
  amount: number;
  taxRate: number;
  /** Set when the row could not be read into columns at all. */
  unreadable?: boolean;
}

interface Group {
  key: string;
  rows: RawRow[];
  /** The same key appeared earlier in the file: refused whole (it would overwrite the earlier rows). */
  notContiguous: boolean;
}

type Rejection = { row: RawRow; code: ChargeErrorCode; field?: string };

/** Whole yen from a CSV string or JSON value; anything else is NaN (reported as not whole yen). */
function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+-]?\d{1,15}\s*$/.test(value)) return Number(value);
  return Number.NaN;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

function toRawRow(line: number, record: Record<string, unknown>): RawRow {
  const complete = CSV_COLUMNS.every((c) => record[c] !== undefined);
  return {
    line,
    customerNumber: normalizeCustomerNumber(text(record.customer_number)),
    billingMonth: text(record.billing_month).trim(),
    carrierCode: text(record.carrier_code).trim().toUpperCase(),
    lineNumber: text(record.line_number),
    itemName: text(record.item_name),
    amount: toInt(record.amount),
    taxRate: toInt(record.tax_rate),
    unreadable: !complete,
  };
}

/** Counts `"` in a physical line: a record ends at a newline only outside quotes (RFC 4180). */
function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * CSV by records. Most rows of a carrier's file have no quotes at all: those are split on commas here
 * (the same result a CSV parser gives for them, at a fraction of the cost); a record with quotes
 * (commas or newlines inside a field, doubled quotes) is parsed by csv-parse. Records are framed by
 * quote parity, so a quoted newline stays inside its field, and each keeps the line it starts on.
 */
async function* csvRows(input: Readable): AsyncGenerator<RawRow> {
  input.setEncoding('utf8');
  let columns: number[] | null = null;
  let physical = 0;
  let pending = null as { text: string; line: number; quotes: number } | null;
  let ready: RawRow[] = [];

  const finish = (text: string, line: number) => {
    let fields: string[];
    try {
      fields = text.includes('"')
        ? ((parseCsvSync(text, { relax_column_count: true }) as string[][])[0] ?? [])
        : text.split(',');
    } catch {
      ready.push({ ...toRawRow(line, {}), unreadable: true });
      return;
    }
    if (!columns) {
      const names = fields.map((h) =>
        h
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, ''),
      );
      const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length > 0) {
        throw new ImportError(
          `The CSV header lacks ${missing.join(', ')}; expected ${CSV_COLUMNS.join(',')}.`,
        );
      }
      columns = CSV_COLUMNS.map((c) => names.indexOf(c));
      return;
    }
    const record: Record<string, unknown> = {};
    for (const [n, name] of CSV_COLUMNS.entries()) record[name] = fields[columns[n]];
    ready.push(toRawRow(line, record));
  };

  const handle = (raw: string) => {
    physical++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (pending) {
      pending.text += `\n${line}`;
      pending.quotes += quoteCount(line);
      if (pending.quotes % 2 === 0) {
        finish(pending.text, pending.line);
        pending = null;
      }
      return;
    }
    if (line === '') return;
    const quotes = quoteCount(line);
    if (quotes % 2 === 1) pending = { text: line, line: physical, quotes };
    else finish(line, physical);
  };

  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      handle(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (ready.length > 0) {
      yield* ready;
      ready = [];
    }
  }
  if (rest) handle(rest);
  if (pending) ready.push({ ...toRawRow(pending.line, {}), unreadable: true });
  yield* ready;
}

async function* ndjsonRows(input: Readable): AsyncGenerator<RawRow> {
  let line = 0;
  for await (const content of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (!content.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(content);
    } catch {
      record = null;
    }
    if (record && typeof record === 'object' && !Array.isArray(record)) {
      yield toRawRow(line, record as Record<string, unknown>);
    } else {
      yield { ...toRawRow(line, {}), unreadable: true };
    }
  }
}

export class ChargeImportService {
  private readonly resolver: StatementResolver;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {
    this.resolver = new StatementResolver(pool);
  }

  async importFile(file: string, options: ImportOptions = {}): Promise<ImportReport> {
    const format = options.format ?? (/\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv');
    const stream = createReadStream(file);
    const opened = new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error) => reject(new ImportError(`Cannot read ${file}: ${error.message}`)));
    });
    await opened;
    return this.importStream(stream, { ...options, format }, path.basename(file));
  }

  async importStream(input: Readable, options: ImportOptions, source = 'stream'): Promise<ImportReport> {
    const started = performance.now();
    const batchRows = options.batchRows ?? 20_000;
    const report: ImportReport = {
      file: source,
      groups: { written: 0, unchanged: 0, rejected: 0 },
      rows: { read: 0, written: 0, unchanged: 0, rejected: 0 },
      seconds: 0,
      rowsPerSecond: 0,
    };
    const seen = new Set<string>();
    let group = null as Group | null;
    let batch: Group[] = [];
    let batchSize = 0;
    // One batch is written while the next is parsed; a second waits for the first (bounded memory).
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const groups = batch;
      batch = [];
      batchSize = 0;
      await inFlight;
      inFlight = this.processBatch(groups, report, options, source);
      // Surface a failure at once rather than at the next flush (and never as an unhandled rejection).
      inFlight.catch(() => {});
    };

    const rows = options.format === 'ndjson' ? ndjsonRows(input) : csvRows(input);
    for await (const row of rows) {
      report.rows.read++;
      const key = `${row.customerNumber}|${row.billingMonth}|${row.carrierCode}`;
      if (group?.key !== key) {
        if (group) {
          batch.push(group);
          batchSize += group.rows.length;
          if (batchSize >= batchRows) await flush();
        }
        group = { key, rows: [], notContiguous: seen.has(key) };
        seen.add(key);
      }
      group.rows.push(row);
    }
    if (group) batch.push(group);
    await flush();
    await inFlight;
    report.seconds = (performance.now() - started) / 1000;
    report.rowsPerSecond = Math.round(report.rows.read / Math.max(report.seconds, 1e-6));
    return report;
  }

  private async processBatch(
    groups: Group[],
    report: ImportReport,
    options: ImportOptions,
    source: string,
  ): Promise<void> {
    const rejections = new Map<Group, Rejection[]>();
    const reject = (g: Group, r: Rejection) => {
      const list = rejections.get(g);
      if (list) list.push(r);
      else rejections.set(g, [r]);
    };
    const items = new Map<RawRow, StatementItem>();

    // 1. Each row on its own. Groups whose key columns are fine are looked up in step 2 even when some
    // item is bad, so that the report names every bad row at once (an unknown line too).
    const candidates: Group[] = [];
    for (const g of groups) {
      if (g.notContiguous) {
        for (const row of g.rows) reject(g, { row, code: ChargeErrorCode.GROUP_NOT_CONTIGUOUS });
        continue;
      }
      const head = g.rows[0];
      const headerIssues = head.unreadable ? [] : validateHeader(head, this.clock);
      if (g.rows.length > MAX_STATEMENT_ITEMS)
        headerIssues.push({ field: 'items', code: ChargeErrorCode.TOO_MANY_ITEMS });
      for (const row of g.rows) {
        if (row.unreadable) {
          reject(g, { row, code: ChargeErrorCode.ROW_UNREADABLE });
          continue;
        }
        for (const issue of headerIssues) reject(g, { row, code: issue.code, field: column(issue.field) });
        const checked = validateItem(row);
        if (checked.ok) items.set(row, checked.item);
        else for (const i of checked.issues) reject(g, { row, code: i.code, field: column(i.field) });
      }
      if (headerIssues.length === 0 && !head.unreadable) candidates.push(g);
    }

    // 2. Names to ids, a fixed number of statements for the whole batch.
    const [accounts, carriers] = await Promise.all([
      this.resolver.accountIds(candidates.map((g) => g.rows[0].customerNumber)),
      this.resolver.carrierIds(),
    ]);
    const pairs: { accountId: string; lineNumber: string }[] = [];
    for (const g of candidates) {
      const accountId = accounts.get(g.rows[0].customerNumber);
      if (!accountId) {
        for (const row of g.rows)
          reject(g, { row, code: ChargeErrorCode.ACCOUNT_NOT_FOUND, field: 'customer_number' });
      }
      if (!carriers.has(g.rows[0].carrierCode)) {
        for (const row of g.rows)
          reject(g, { row, code: ChargeErrorCode.CARRIER_NOT_FOUND, field: 'carrier_code' });
      }
      if (accountId) {
        for (const row of g.rows) {
          const item = items.get(row);
          if (item) pairs.push({ accountId, lineNumber: item.lineNumber });
        }
      }
    }
    const lines = await this.resolver.lineIds(pairs);

    const statements = new Map<Group, ResolvedStatement>();
    for (const g of candidates) {
      const head = g.rows[0];
      const accountId = accounts.get(head.customerNumber);
      if (!accountId) continue;
      const resolved: ResolvedStatement['items'] = { lineIds: [], itemNames: [], amounts: [], taxRates: [] };
      for (const row of g.rows) {
        const item = items.get(row);
        if (!item) continue;
        const lineId = lines.get(`${accountId}|${item.lineNumber}`);
        if (!lineId) {
          reject(g, { row, code: ChargeErrorCode.LINE_NOT_ON_ACCOUNT, field: 'line_number' });
          continue;
        }
        resolved.lineIds.push(lineId);
        resolved.itemNames.push(item.itemName);
        resolved.amounts.push(item.amount);
        resolved.taxRates.push(item.taxRate);
      }
      if (rejections.has(g)) continue;
      const statement: Statement = {
        customerNumber: head.customerNumber,
        billingMonth: head.billingMonth,
        carrierCode: head.carrierCode,
        items: g.rows.map((row) => items.get(row) as StatementItem),
        issueDate: null,
        dueDate: null,
      };
      statements.set(g, {
        accountId,
        billingMonth: head.billingMonth,
        carrierId: carriers.get(head.carrierCode) as number,
        items: resolved,
        hash: statementHash(statement),
        issueDate: null,
        dueDate: null,
      });
    }

    // 3. Unchanged statements are skipped without a transaction (the write re-checks under its lock).
    const stored = await this.resolver.storedHashes([...statements.values()]);
    const toWrite: [Group, ResolvedStatement][] = [];
    for (const [g, s] of statements) {
      if (stored.get(`${s.accountId}|${s.billingMonth}|${s.carrierId}`)?.equals(s.hash)) {
        report.groups.unchanged++;
        report.rows.unchanged += g.rows.length;
      } else {
        toWrite.push([g, s]);
      }
    }

    // 4. The changed statements, set-based: split by account into `concurrency` transactions written at
    // once (an account's statements stay together, so they never wait on each other's invoice lock).
    const now = this.clock.now();
    const parts = Array.from(
      { length: Math.max(1, options.concurrency ?? 2) },
      () => [] as [Group, ResolvedStatement][],
    );
    for (const entry of toWrite) parts[hashIndex(entry[1].accountId, parts.length)].push(entry);
    const audit = { event: AuditEventType.CHARGES_IMPORTED, detail: { source } };
    const record = (g: Group, outcome: WriteOutcome) => {
      if (outcome.kind === 'changed') {
        report.groups.written++;
        report.rows.written += g.rows.length;
      } else if (outcome.kind === 'unchanged') {
        report.groups.unchanged++;
        report.rows.unchanged += g.rows.length;
      } else {
        for (const row of g.rows) reject(g, { row, code: ChargeErrorCode.INVOICE_CONFIRMED });
      }
    };
    await Promise.all(
      parts
        .filter((part) => part.length > 0)
        .map(async (part) => {
          const client = await this.pool.connect();
          try {
            let outcomes: WriteOutcome[] | null = null;
            if (!options.transactionPerStatement) {
              try {
                outcomes = await writeStatements(
                  client,
                  part.map(([, s]) => s),
                  audit,
                  now,
                );
              } catch {
                // Something no validation foresaw (a line deleted meanwhile, an overflowing total): write
                // the statements one by one, so only the failing one is refused.
                outcomes = null;
              }
            }
            if (outcomes) {
              for (const [n, [g]] of part.entries()) record(g, outcomes[n]);
              return;
            }
            for (const [g, s] of part) {
              try {
                record(g, await writeStatement(client, s, { ...audit, outcome: 'SUCCESS' }, now));
              } catch {
                for (const row of g.rows) reject(g, { row, code: ChargeErrorCode.WRITE_FAILED });
              }
            }
          } finally {
            client.release();
          }
        }),
    );

    // 5. The report: every row of a refused statement, bad rows with their own reasons.
    for (const g of groups) {
      const list = rejections.get(g);
      if (!list) continue;
      report.groups.rejected++;
      report.rows.rejected += g.rows.length;
      const bad = new Set(list.map((r) => r.row));
      const firstBad = list.reduce((min, r) => Math.min(min, r.row.line), Number.POSITIVE_INFINITY);
      const all: Rejection[] = [...list];
      for (const row of g.rows) if (!bad.has(row)) all.push({ row, code: ChargeErrorCode.GROUP_REJECTED });
      all.sort((a, b) => a.row.line - b.row.line);
      for (const r of all) {
        let message = chargeMessage(r.code);
        if (r.code === ChargeErrorCode.GROUP_REJECTED) message += ` (first bad row: line ${firstBad})`;
        if (r.code === ChargeErrorCode.LINE_NOT_ON_ACCOUNT) message += ` (${r.row.lineNumber})`;
        options.onRejected?.({
          line: r.row.line,
          code: r.code,
          ...(r.field ? { field: r.field } : {}),
          message,
          customerNumber: r.row.customerNumber,
          billingMonth: r.row.billingMonth,
          carrierCode: r.row.carrierCode,
          lineNumber: r.row.lineNumber,
        });
      }
    }
  }
}

function hashIndex(text: string, buckets: number): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h) % buckets;
}

/** API field names to the file's column names, for the report. */
function column(field: string): string {
  return (
    {
      customerNumber: 'customer_number',
      billingMonth: 'billing_month',
      carrierCode: 'carrier_code',
      lineNumber: 'line_number',
      itemName: 'item_name',
      taxRate: 'tax_rate',
    }[field] ?? field
  );
}
