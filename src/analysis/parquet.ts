/**
 * Parquet bytes from table cells (hyparquet-writer, an ES module loaded with a dynamic import). Column
 * types follow the values: BOOLEAN, INT32 when every value is a whole number in its range, DOUBLE for
 * other numbers, STRING otherwise (a column mixing kinds is written as text). Null is missing; a column of
 * numbers missing on every row (`numeric`, see frameCells) is DOUBLE, as it is when some rows have a value.
 */
import type { Cell } from './frame.js';

type ColumnType = 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'STRING';

const INT32_MAX = 2 ** 31 - 1;

function columnType(values: readonly Cell[], numeric: boolean): ColumnType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return numeric ? 'DOUBLE' : 'STRING';
  if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.every((v) => typeof v === 'number')) {
    return present.every((v) => Number.isInteger(v) && Math.abs(v as number) <= INT32_MAX) ? 'INT32' : 'DOUBLE';
  }
  return 'STRING';
}

export async function parquetBytes(columns: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[] = []): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = columns.map((name, c) => {
    const values = rows.map((row) => row[c]!);
    const type = columnType(values, numeric[c] ?? false);
    const data = type === 'STRING' ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name, data, type };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
