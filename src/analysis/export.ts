/**
 * Writing tables to a directory as CSV, JSON (an array of row objects) and Parquet, all at once: the
 * whole directory is filled in a temporary directory and moved into place (io/atomic.ts), so a reader
 * never sees half a set and a failure leaves an existing directory as it was.
 */
import type { DataFrame } from 'danfojs-node';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirectoryAtomic, type WriteOptions } from '../io/atomic.js';
import { csvText } from '../io/csv.js';
import { jsonText } from '../io/json.js';
import { frameCells, type Cell } from './frame.js';
import { parquetBytes } from './parquet.js';

export const TABLE_FORMATS = ['csv', 'json', 'parquet'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function check(names: readonly string[], formats: readonly string[]): void {
  const problems: string[] = [];
  for (const name of names) if (!NAME.test(name)) problems.push(`table name "${name}" is not a file name (letters, digits, _ . -, not starting with . or -)`);
  for (const format of formats) if (!(TABLE_FORMATS as readonly string[]).includes(format)) problems.push(`format "${format}" is not one of ${TABLE_FORMATS.join(', ')}`);
  if (formats.length === 0) problems.push('no formats asked for');
  if (new Set(formats).size !== formats.length) problems.push(`a format is named twice: ${formats.join(', ')}`);
  if (problems.length > 0) throw new RangeError(`exportTables: ${problems.join('; ')}`);
}

async function encode(format: TableFormat, columns: string[], rows: Cell[][], numeric: boolean[]): Promise<string | Uint8Array> {
  if (format === 'csv') return csvText(columns, rows);
  if (format === 'json') return jsonText(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))));
  return parquetBytes(columns, rows, numeric);
}

/** Write `<name>.<format>` for every table and format into an existing directory. Returns the file names. */
export async function writeTables(
  dir: string,
  tables: Readonly<Record<string, DataFrame>>,
  formats: readonly TableFormat[] = TABLE_FORMATS,
  signal?: AbortSignal,
): Promise<string[]> {
  check(Object.keys(tables), formats);
  const files: string[] = [];
  for (const [name, frame] of Object.entries(tables)) {
    const { columns, rows, numeric } = frameCells(frame);
    for (const format of formats) {
      const file = `${name}.${format}`;
      await writeFile(join(dir, file), await encode(format, columns, rows, numeric), { signal });
      files.push(file);
    }
  }
  return files;
}

/** Write every table and format into `dir`, replaced whole. Returns the file names. */
export async function exportTables(
  dir: string,
  tables: Readonly<Record<string, DataFrame>>,
  formats: readonly TableFormat[] = TABLE_FORMATS,
  options: WriteOptions = {},
): Promise<string[]> {
  check(Object.keys(tables), formats);
  let files: string[] = [];
  await writeDirectoryAtomic(dir, async (temp, signal) => void (files = await writeTables(temp, tables, formats, signal)), options);
  return files;
}
