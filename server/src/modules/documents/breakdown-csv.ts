import type { ItemRow } from '../billing/billing-export';

export const BREAKDOWN_CSV_COLUMNS = [
  'carrier_code',
  'carrier_name',
  'registration_number',
  'line_number',
  'service_name',
  'item_name',
  'amount',
  'tax_rate',
] as const;

/**
 * A text cell, RFC 4180: always quoted, quotes doubled. One that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first: OWASP CSV injection) is kept as text by a leading apostrophe.
 */
function text(value: string | null): string {
  if (value === null) return '""';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const CRLF = '\r\n';

function rowsText(rows: readonly ItemRow[]): string {
  let out = '';
  for (const [
    carrierCode,
    carrierName,
    registration,
    lineNumber,
    serviceName,
    itemName,
    amount,
    taxRate,
  ] of rows) {
    out += `${text(carrierCode)},${text(carrierName)},${text(registration)},${text(lineNumber)},${text(serviceName)},${text(itemName)},${amount},${taxRate}${CRLF}`;
  }
  return out;
}

/**
 * The breakdown as CSV for spreadsheet software: UTF-8 with a BOM (so Excel reads Japanese right), a
 * header row, CRLF line ends, one chunk per batch of rows as they come from the database.
 */
export async function* breakdownCsv(batches: AsyncIterable<ItemRow[]>): AsyncGenerator<string> {
  yield `\uFEFF${BREAKDOWN_CSV_COLUMNS.join(',')}${CRLF}`;
  for await (const rows of batches) yield rowsText(rows);
}
