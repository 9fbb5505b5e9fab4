import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Pool } from 'pg';
import type { Clock } from '../../clock';
import { AUDIT_COLUMNS, AuditEventType, auditPlaceholders, auditValues } from '../audit/audit.service';
import { retention } from '../billing/billing-month';
import {
  CarrierStatementStore,
  type ResolvedStatement,
  type WriteOutcome,
} from '../billing/carrier-statement.store';
import {
  ChargeErrorCode,
  chargeMessage,
  checkAmountAndRate,
  checkItemName,
  checkLineNumber,
  encodeStatement,
  type Issue,
  MAX_STATEMENT_ITEMS,
  normalizeCustomerNumber,
  validateHeader,
} from './carrier-statement';
import { StatementResolver } from './statement-resolver';

/**
 * Bulk import of carriers' monthly statements (SPEC §6), CSV or NDJSON, streamed:
 *
 *   customer_number,billing_month,carrier_code,line_number,item_name,amount,tax_rate
 *   0012345678,2026-11,NTT_EAST,03-1234-5678,基本料,1700,10
 *
 * NDJSON carries the same names, one object a line (`amount`, `tax_rate` as numbers or strings). Rows
 * of one customer + month + carrier form one statement and must be contiguous (sort the file by those
 * three columns). Each statement is validated whole before anything of it is written. Valid statements
 * of a batch are then written set-based (billing's CarrierStatementStore: a few statements per batch instead of a few
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

/** Batches in flight at once (measured on 2 cores: 3–4 keep both the parser and the database busy). */
export const DEFAULT_CONCURRENCY = 4;

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
  /**
   * Batches in flight at once, each written in one transaction on its own connection: while one waits
   * on the database the next is read, looked up and encoded.
   */
  concurrency?: number;
  /**
   * Write every statement in its own transaction instead of each batch's statements together. Both
   * never leave a statement half written; per statement is several times slower.
   */
  transactionPerStatement?: boolean;
  /** Called for every rejected row, in file order within a batch. */
  onRejected?: (row: RejectedRow) => void;
}

/** A problem with one row of a group: `index` into the group's columns. */
interface RowIssue {
  index: number;
  code: ChargeErrorCode;
  field?: string;
}

/**
 * The rows of one customer + month + carrier as read, columnar (a million rows make a million small
 * objects otherwise, and the collector's time was a sixth of the import's). Values are normalised;
 * a bad row keeps its place with whatever could be read, and an issue.
 */
interface Group {
  key: string;
  customerNumber: string;
  billingMonth: string;
  carrierCode: string;
  /** Rows in the group, and their lines in the file: `firstLine + index` unless `fileLines` says otherwise. */
  count: number;
  firstLine: number;
  /** Only once the rows stop being consecutive lines (blank lines, quoted line breaks, unreadable rows). */
  fileLines: number[] | null;
  lineNumbers: string[];
  itemNames: string[];
  amounts: number[];
  taxRates: number[];
  issues: RowIssue[];
  /** The same key appeared earlier in the file: refused whole (it would overwrite the earlier rows). */
  notContiguous: boolean;
  /** Unreadable rows between two statements: they belong to neither, and are reported on their own. */
  unreadableOnly: boolean;
}

function newGroup(key: string, customerNumber: string, billingMonth: string, carrierCode: string): Group {
  return {
    key,
    customerNumber,
    billingMonth,
    carrierCode,
    count: 0,
    firstLine: 0,
    fileLines: null,
    lineNumbers: [],
    itemNames: [],
    amounts: [],
    taxRates: [],
    issues: [],
    notContiguous: false,
    unreadableOnly: false,
  };
}

function addLine(g: Group, line: number): void {
  if (g.count === 0) g.firstLine = line;
  else if (g.fileLines) g.fileLines.push(line);
  else if (line !== g.firstLine + g.count) {
    g.fileLines = Array.from({ length: g.count }, (_, i) => g.firstLine + i);
    g.fileLines.push(line);
  }
  g.count++;
}

const lineAt = (g: Group, index: number) => (g.fileLines ? g.fileLines[index] : g.firstLine + index);

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Whole yen from `text[start, end)`: optional spaces, an optional sign, 1–15 digits, optional spaces;
 * anything else is NaN (reported as not whole yen). Reads in place: a million rows, no substrings.
 */
function parseWholeYen(text: string, start: number, end: number): number {
  let i = start;
  let j = end;
  while (i < j && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  while (j > i && (text.charCodeAt(j - 1) === SPACE || text.charCodeAt(j - 1) === TAB)) j--;
  let sign = 1;
  const first = text.charCodeAt(i);
  if (first === 0x2d || first === 0x2b) {
    if (first === 0x2d) sign = -1;
    i++;
  }
  if (j - i < 1 || j - i > 15) return Number.NaN;
  let value = 0;
  for (; i < j; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return sign * value;
}

/** A JSON value that is already a number stays one (checked as whole yen later); anything else is NaN. */
const toNumber = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

/**
 * Turns rows (values in CSV_COLUMNS order) into groups, validating each row as it comes. Consecutive
 * rows with the same raw key columns skip normalising them again. An unreadable row inside a statement
 * (rows of the same key before and after it) refuses that statement: it may have been one of its items.
 */
class GroupReader {
  private group: Group | null = null;
  private readonly seen = new Set<string>();
  private lastLine = { raw: '', normalized: '' };
  private unreadable: number[] = [];
  private readonly scratch: Issue[] = [];
  done: Group[] = [];
  rows = 0;

  /** A row as values in CSV_COLUMNS order (NDJSON, quoted CSV), or null when it cannot be read. */
  row(line: number, values: readonly unknown[] | null): void {
    if (!values) {
      this.unreadableRow(line);
      return;
    }
    const [amount, rate] = [values[5], values[6]];
    this.item(
      line,
      values,
      text(values[3]),
      text(values[4]),
      typeof amount === 'string' ? parseWholeYen(amount, 0, amount.length) : toNumber(amount),
      typeof rate === 'string' ? parseWholeYen(rate, 0, rate.length) : toNumber(rate),
    );
  }

  unreadableRow(line: number): void {
    this.rows++;
    this.unreadable.push(line);
  }

  /**
   * One readable row. `key` holds the raw key columns (customer, month, carrier first), or null when
   * the caller knows they are the same as in its previous call (most rows: a statement's rows are
   * consecutive).
   */
  item(
    line: number,
    key: readonly unknown[] | null,
    lineNumberRaw: string,
    itemNameRaw: string,
    amount: number,
    taxRate: number,
  ): void {
    this.rows++;
    let g = this.group;
    if (key || !g) {
      const customerNumber = normalizeCustomerNumber(text(key?.[0]));
      const billingMonth = text(key?.[1]).trim();
      const carrierCode = text(key?.[2]).trim().toUpperCase();
      const groupKey = `${customerNumber}|${billingMonth}|${carrierCode}`;
      if (g?.key !== groupKey) {
        if (g) this.done.push(g);
        this.closeUnreadable(false);
        g = newGroup(groupKey, customerNumber, billingMonth, carrierCode);
        g.notContiguous = this.seen.has(groupKey);
        this.seen.add(groupKey);
        this.group = g;
      }
    }
    this.closeUnreadable(true);
    const index = g.count;
    const issues = this.scratch;
    issues.length = 0;
    // A line's items are usually consecutive: a good line number is checked, and kept alive, once.
    if (lineNumberRaw !== this.lastLine.raw || !this.lastLine.normalized)
      this.lastLine = { raw: lineNumberRaw, normalized: checkLineNumber(lineNumberRaw, issues) };
    const itemName = checkItemName(itemNameRaw, issues);
    checkAmountAndRate(amount, taxRate, issues);
    addLine(g, line);
    g.lineNumbers.push(this.lastLine.normalized);
    g.itemNames.push(itemName);
    g.amounts.push(amount);
    g.taxRates.push(taxRate);
    for (const i of issues) g.issues.push({ index, code: i.code, field: column(i.field) });
  }

  /** Unreadable rows so far go into the current statement (`inside`) or stand alone. */
  private closeUnreadable(inside: boolean): void {
    if (this.unreadable.length === 0) return;
    let target = this.group;
    if (!inside || !target) {
      target = newGroup('', '', '', '');
      target.unreadableOnly = true;
      this.done.push(target);
    }
    for (const line of this.unreadable) {
      target.issues.push({ index: target.count, code: ChargeErrorCode.ROW_UNREADABLE });
      addLine(target, line);
      target.lineNumbers.push('');
      target.itemNames.push('');
      target.amounts.push(0);
      target.taxRates.push(0);
    }
    this.unreadable = [];
  }

  /** Groups complete so far (the current one may still grow), and forgets them. */
  take(): Group[] {
    const groups = this.done;
    this.done = [];
    return groups;
  }

  end(): Group[] {
    if (this.group) this.done.push(this.group);
    this.group = null;
    this.closeUnreadable(false);
    return this.take();
  }
}

/** Counts `"` in a physical line: a record ends at a newline only outside quotes (RFC 4180). */
function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * CSV by records into `reader`. Most rows of a carrier's file have no quotes at all: those are split
 * on commas here (the same result a CSV parser gives for them, at a fraction of the cost); a record
 * with quotes (commas or newlines inside a field, doubled quotes) is parsed by csv-parse. Records are
 * framed by quote parity, so a quoted newline stays inside its field, and each keeps the line it
 * starts on. `chunkDone` runs after each chunk of input (the caller writes batches there).
 */
async function readCsv(input: Readable, reader: GroupReader, chunkDone: () => Promise<void>): Promise<void> {
  input.setEncoding('utf8');
  let columns: number[] | null = null;
  let physical = 0;
  let pending = null as { text: string; line: number; quotes: number } | null;
  const values: string[] = new Array(CSV_COLUMNS.length);
  // Rows without quotes are read in place: comma positions, then only the substrings kept. When the key
  // columns come first (the documented order) and repeat the previous row's, they are not split again.
  let commas = new Int32Array(0);
  let keyFirst = false;
  let lastKey: string | null = null;
  let needed = 0;
  const fieldStart = (n: number, count: number) => (n === 0 ? 0 : n <= count ? commas[n - 1] + 1 : -1);
  const fieldEnd = (n: number, count: number, length: number) => (n < count ? commas[n] : length);
  const field = (text: string, n: number, count: number) =>
    text.slice(fieldStart(n, count), fieldEnd(n, count, text.length));

  const finish = (text: string, line: number) => {
    if (!columns || text.includes('"')) {
      let fields: string[];
      try {
        fields = text.includes('"')
          ? ((parseCsvSync(text, { relax_column_count: true }) as string[][])[0] ?? [])
          : text.split(',');
      } catch {
        lastKey = null;
        reader.row(line, null);
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
        commas = new Int32Array(names.length);
        keyFirst = columns[0] === 0 && columns[1] === 1 && columns[2] === 2;
        needed = Math.max(...columns);
        return;
      }
      lastKey = null;
      for (let n = 0; n < columns.length; n++) {
        const value = fields[columns[n]];
        if (value === undefined) {
          reader.row(line, null);
          return;
        }
        values[n] = value;
      }
      reader.row(line, values);
      return;
    }
    let count = 0;
    for (let p = text.indexOf(','); p !== -1 && count < commas.length; p = text.indexOf(',', p + 1))
      commas[count++] = p;
    if (needed > count) {
      lastKey = null;
      reader.row(line, null);
      return;
    }
    let key: string[] | null;
    if (keyFirst) {
      const keyText = text.slice(0, commas[2]);
      key = keyText === lastKey ? null : keyText.split(',');
      lastKey = keyText;
    } else {
      key = [field(text, columns[0], count), field(text, columns[1], count), field(text, columns[2], count)];
    }
    const amountAt = columns[5];
    const rateAt = columns[6];
    reader.item(
      line,
      key,
      field(text, columns[3], count),
      field(text, columns[4], count),
      parseWholeYen(text, fieldStart(amountAt, count), fieldEnd(amountAt, count, text.length)),
      parseWholeYen(text, fieldStart(rateAt, count), fieldEnd(rateAt, count, text.length)),
    );
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
    await chunkDone();
  }
  if (rest) handle(rest);
  if (pending) reader.row(pending.line, null);
}

async function readNdjson(
  input: Readable,
  reader: GroupReader,
  chunkDone: () => Promise<void>,
): Promise<void> {
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
      const r = record as Record<string, unknown>;
      const values = CSV_COLUMNS.map((c) => r[c]);
      reader.row(line, values.some((v) => v === undefined) ? null : values);
    } else {
      reader.row(line, null);
    }
    if (line % 1000 === 0) await chunkDone();
  }
}

export class ChargeImportService {
  private readonly resolver: StatementResolver;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    // Billing writes the statements; a store of its own when none is given (benchmarks build it bare).
    private readonly statements = new CarrierStatementStore(pool),
  ) {
    this.resolver = new StatementResolver(pool);
  }

  async importFile(file: string, options: ImportOptions = {}): Promise<ImportReport> {
    const format = options.format ?? (/\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv');
    // Large reads: a chunk costs a little bookkeeping whatever its size.
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
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
    const reader = new GroupReader();
    let batch: Group[] = [];
    let batchSize = 0;
    // Batches overlap: while one waits on the database, the next is read, looked up and encoded. At most
    // `concurrency` are in flight (bounded memory); a failure surfaces at the next flush. Batches cannot
    // deadlock one another: each locks its invoices in key order.
    const depth = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    const inFlight: Promise<void>[] = [];
    // A failed batch fails the import only once the others in flight are done: nothing is still being
    // written when the caller hears of it.
    const settleOldest = async () => {
      try {
        await inFlight.shift();
      } catch (error) {
        await Promise.allSettled(inFlight);
        throw error;
      }
    };
    const flush = async () => {
      const groups = batch;
      batch = [];
      batchSize = 0;
      while (inFlight.length >= depth) await settleOldest();
      const next = this.processBatch(groups, report, options, source);
      // Never an unhandled rejection: the failure is awaited (and thrown) at a later flush or the end.
      next.catch(() => {});
      inFlight.push(next);
    };
    const collect = async (groups: Group[]) => {
      for (const g of groups) {
        batch.push(g);
        batchSize += g.count;
      }
      if (batchSize >= batchRows) await flush();
    };

    const chunkDone = () => collect(reader.take());
    try {
      if (options.format === 'ndjson') await readNdjson(input, reader, chunkDone);
      else await readCsv(input, reader, chunkDone);
      await collect(reader.end());
      await flush();
      while (inFlight.length > 0) await settleOldest();
    } catch (error) {
      // A file that cannot be read further: the batches already sent finish before the error is told.
      await Promise.allSettled(inFlight);
      throw error;
    }
    report.rows.read = reader.rows;
    // One audit line for the file, committed durably: the batches committed without waiting for their
    // WAL flush, and this commit flushes them all before the report says they are written.
    await this.pool.query({
      name: 'charges-import-audit',
      text: `INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(1)})`,
      values: auditValues(
        {
          event: AuditEventType.CHARGES_IMPORTED,
          outcome: report.groups.rejected > 0 ? 'PARTIAL' : 'SUCCESS',
          detail: { source, statements: report.groups, rows: report.rows },
        },
        this.clock.now(),
      ),
    });
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
    // Issues found here join those found while reading; a group with any is refused whole.
    const refuseAll = (g: Group, code: ChargeErrorCode, field?: string) => {
      for (let index = 0; index < g.count; index++) g.issues.push({ index, code, field });
    };

    // 1. The statement's own columns, once per group. Groups whose key columns are fine are looked up in
    // step 2 even when some item is bad, so that the report names every bad row at once (an unknown line
    // too).
    const candidates: Group[] = [];
    const window = retention(this.clock);
    for (const g of groups) {
      if (g.unreadableOnly) continue;
      if (g.notContiguous) {
        g.issues.length = 0;
        refuseAll(g, ChargeErrorCode.GROUP_NOT_CONTIGUOUS);
        continue;
      }
      const headerIssues = validateHeader(g, this.clock, window);
      if (g.count > MAX_STATEMENT_ITEMS)
        headerIssues.push({ field: 'items', code: ChargeErrorCode.TOO_MANY_ITEMS });
      for (const issue of headerIssues) refuseAll(g, issue.code, column(issue.field));
      if (headerIssues.length === 0) candidates.push(g);
    }

    // 2. Names to ids, a fixed number of statements for the whole batch.
    const [accounts, carriers] = await Promise.all([
      this.resolver.accounts(
        candidates.map((g) => g.customerNumber),
        candidates.map((g) => g.billingMonth),
      ),
      this.resolver.carrierIds(candidates.map((g) => g.carrierCode)),
    ]);
    // 3. Statements equal to the stored ones are skipped without a transaction (the write re-checks
    // under its lock); the others are written.
    const toWrite: [Group, ResolvedStatement][] = [];
    for (const g of candidates) {
      const account = accounts.get(g.customerNumber);
      if (!account) refuseAll(g, ChargeErrorCode.ACCOUNT_NOT_FOUND, 'customer_number');
      const carrierId = carriers.get(g.carrierCode);
      if (carrierId === undefined) refuseAll(g, ChargeErrorCode.CARRIER_NOT_FOUND, 'carrier_code');
      if (!account || carrierId === undefined) continue;
      let known = '';
      for (let i = 0; i < g.lineNumbers.length; i++) {
        const lineNumber = g.lineNumbers[i];
        // An empty number is already reported as required; a line's items are usually consecutive.
        if (!lineNumber || lineNumber === known) continue;
        if (account.lineId(lineNumber)) known = lineNumber;
        else g.issues.push({ index: i, code: ChargeErrorCode.LINE_NOT_ON_ACCOUNT, field: 'line_number' });
      }
      if (g.issues.length > 0) continue;
      const encoded = encodeStatement(
        { ...g, issueDate: null, dueDate: null },
        g.lineNumbers,
        (lineNumber) => account.lineId(lineNumber) as string,
        g.itemNames,
        g.amounts,
        g.taxRates,
      );
      if (account.storedHash(g.billingMonth, carrierId) === encoded.hash.toString('hex')) {
        report.groups.unchanged++;
        report.rows.unchanged += g.count;
        continue;
      }
      toWrite.push([
        g,
        {
          accountId: account.id,
          billingMonth: g.billingMonth,
          carrierId,
          ...encoded,
          issueDate: null,
          dueDate: null,
        },
      ]);
    }

    // 4. The changed statements, set-based, in one transaction.
    const now = this.clock.now();
    // The per-statement mode writes with the API's writer, which audits each statement.
    const audit = { event: AuditEventType.CHARGES_UPSERTED, detail: { source } };
    const record = (g: Group, outcome: WriteOutcome) => {
      if (outcome.kind === 'changed') {
        report.groups.written++;
        report.rows.written += g.count;
      } else if (outcome.kind === 'unchanged') {
        report.groups.unchanged++;
        report.rows.unchanged += g.count;
      } else {
        refuseAll(g, ChargeErrorCode.INVOICE_CONFIRMED);
      }
    };
    if (toWrite.length > 0) {
      let outcomes: WriteOutcome[] | null = null;
      if (!options.transactionPerStatement) {
        try {
          outcomes = await this.statements.upsertMany(
            toWrite.map(([, s]) => s),
            null,
            now,
          );
        } catch {
          // Something no validation foresaw (a line deleted meanwhile, an overflowing total): write the
          // statements one by one, so only the failing one is refused.
          outcomes = null;
        }
      }
      if (outcomes) {
        for (const [n, [g]] of toWrite.entries()) record(g, outcomes[n]);
      } else {
        for (const [g, s] of toWrite) {
          try {
            record(g, await this.statements.upsert(s, { ...audit, outcome: 'SUCCESS' }, now));
          } catch {
            refuseAll(g, ChargeErrorCode.WRITE_FAILED);
          }
        }
      }
    }

    // 5. The report: every row of a refused statement, bad rows with their own reasons, in file order.
    for (const g of groups) {
      if (g.issues.length === 0) continue;
      report.groups.rejected++;
      report.rows.rejected += g.count;
      const bad = new Set(g.issues.map((r) => r.index));
      const firstBad = [...bad].reduce((min, i) => Math.min(min, lineAt(g, i)), Number.POSITIVE_INFINITY);
      const all: RowIssue[] = [...g.issues];
      for (let index = 0; index < g.count; index++)
        if (!bad.has(index)) all.push({ index, code: ChargeErrorCode.GROUP_REJECTED });
      all.sort((a, b) => lineAt(g, a.index) - lineAt(g, b.index));
      for (const r of all) {
        let message = chargeMessage(r.code);
        if (r.code === ChargeErrorCode.GROUP_REJECTED) message += ` (first bad row: line ${firstBad})`;
        if (r.code === ChargeErrorCode.LINE_NOT_ON_ACCOUNT) message += ` (${g.lineNumbers[r.index]})`;
        options.onRejected?.({
          line: lineAt(g, r.index),
          code: r.code,
          ...(r.field ? { field: r.field } : {}),
          message,
          customerNumber: g.customerNumber,
          billingMonth: g.billingMonth,
          carrierCode: g.carrierCode,
          lineNumber: g.lineNumbers[r.index],
        });
      }
    }
  }
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
