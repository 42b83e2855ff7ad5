/**
 * Tables as danfojs DataFrames: tidy (long) rows, one column per label and per number, units in the
 * metric names. Missing values (a ratio over an empty cell) stay NaN in the frame; exports write them
 * as empty (CSV) or null (JSON, Parquet).
 */
import type * as Danfo from 'danfojs-node';

/** danfojs-node brings TensorFlow.js, mathjs and xlsx (about a second to load): loaded by the first frame made, not with the toolkit. */
let danfo: typeof Danfo | undefined;
const dfd = (): typeof Danfo => (danfo ??= require('danfojs-node') as typeof Danfo);

export type Cell = string | number | boolean | null;

/** Rows as objects with the same keys in the same order; `columns` is needed only when there are no rows. */
export function toFrame(rows: readonly object[], columns?: readonly string[]): Danfo.DataFrame {
  const names = columns ?? (rows.length > 0 ? Object.keys(rows[0]!) : []);
  const data = rows.map((row, i) => {
    const record = row as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length !== names.length || keys.some((k, c) => k !== names[c])) {
      throw new RangeError(`row ${i} has columns ${keys.join(', ')}; expected ${names.join(', ')}`);
    }
    return names.map((name) => cell(record[name], i, name));
  });
  return new (dfd().DataFrame)(data, { columns: [...names] });
}

function cell(value: unknown, row: number, column: string): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new TypeError(`row ${row}, column ${column}: ${String(value)} is not a string, number, boolean or null`);
}

/** Every table of a set as a DataFrame. */
export function toFrames(tables: Readonly<Record<string, readonly object[]>>): Record<string, Danfo.DataFrame> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, toFrame(rows)]));
}

/**
 * A number to 15 significant digits, what a double holds: 25.157500000000002 (a sum's binary noise) is written
 * 25.1575, and no digit that means something changes (money up to 10^13 yuan keeps its fen).
 */
export function significant(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/**
 * A frame's columns and rows of cells, non-finite numbers as null (missing), numbers to 15 significant digits.
 * `numeric` marks the columns of numbers, NaN included: a column missing on every row (the standard errors of a
 * one-path run) is still a column of numbers, which the cells alone no longer show.
 */
export function frameCells(frame: Danfo.DataFrame): { columns: string[]; rows: Cell[][]; numeric: boolean[] } {
  const values = frame.shape[0] === 0 ? [] : (frame.values as unknown[][]);
  const rows = values.map((row) => row.map((v): Cell => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : typeof v === 'number' ? significant(v) : (v as Cell))));
  const numeric = frame.columns.map((_, c) => values.length > 0 && values.every((row) => typeof row[c] === 'number'));
  return { columns: [...frame.columns], rows, numeric };
}
