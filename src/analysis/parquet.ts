/**
 * Parquet bytes from table cells (hyparquet-writer, an ES module loaded with a dynamic import). Column
 * types follow the kind of values: BOOLEAN, numbers, STRING otherwise (a column mixing kinds is written as
 * text). Numbers are DOUBLE, except the whole-number key columns (`WHOLE_NUMBER_COLUMNS`), INT32: a
 * column's type must not depend on the run's values (a mean or a probability that happens to be whole on
 * every row), or the same table of two runs could not be read as one dataset. Null is missing; a column of
 * numbers missing on every row (`numeric`, see frameCells) is a column of numbers all the same.
 */
import type { Cell } from './frame.js';

type ColumnType = 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'STRING';

const INT32_MAX = 2 ** 31 - 1;

/** Columns whole by definition (calendar years and months, counts of paths, bin numbers), whatever the run. */
const WHOLE_NUMBER_COLUMNS: ReadonlySet<string> = new Set(['year', 'month', 'from_year', 'to_year', 'earliest_year', 'latest_year', 'paths', 'paths_with_event', 'bin']);

function columnType(name: string, values: readonly Cell[], numeric: boolean): ColumnType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return numeric ? numberType(name, []) : 'STRING';
  if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.every((v) => typeof v === 'number')) return numberType(name, present as number[]);
  return 'STRING';
}

/** INT32 for a whole-number column (DOUBLE if a value is not whole after all: a number is never cut), else DOUBLE. */
function numberType(name: string, values: readonly number[]): ColumnType {
  const whole = values.every((v) => Number.isInteger(v) && Math.abs(v) <= INT32_MAX);
  return WHOLE_NUMBER_COLUMNS.has(name) && whole ? 'INT32' : 'DOUBLE';
}

export async function parquetBytes(columns: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[] = []): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = columns.map((name, c) => {
    const values = rows.map((row) => row[c]!);
    const type = columnType(name, values, numeric[c] ?? false);
    const data = type === 'STRING' ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name, data, type };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
