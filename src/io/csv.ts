/**
 * CSV text (RFC 4180: comma separated, fields quoted when they hold a comma, quote or line break,
 * quotes doubled) with a header row, and an atomic CSV file writer.
 */
import { writeFileAtomic, type WriteOptions } from './atomic.js';

export type CsvValue = string | number | boolean | null | undefined;
/** A row as values in column order, or as an object keyed by column name. */
export type CsvRow = readonly CsvValue[] | Readonly<Record<string, CsvValue>>;

/** One cell: null, undefined and non-finite numbers are empty (missing). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(columns: readonly string[], rows: Iterable<CsvRow>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) {
    const values = isValueList(row) ? row : columns.map((c) => row[c]);
    if (values.length !== columns.length) throw new RangeError(`CSV row has ${values.length} values for ${columns.length} columns`);
    lines.push(values.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function isValueList(row: CsvRow): row is readonly CsvValue[] {
  return Array.isArray(row);
}

export async function writeCsv(file: string, columns: readonly string[], rows: Iterable<CsvRow>, options: WriteOptions = {}): Promise<void> {
  await writeFileAtomic(file, csvText(columns, rows), options);
}
