/**
 * Cells of the report's tables, tidied before they are rendered: identifiers (years, months) as plain text
 * with no thousands separators ("2021", never "2,021"), a value that does not apply or could not be computed
 * (NaN, ±Infinity) as a dash, never "NaN", and a value that rounds to zero at the shown 2 decimals as 0, never
 * "-0". Only the HTML report goes through here: the exported tables (CSV, JSON, Parquet) keep their raw values.
 */
import type { ReportCell, ReportSection, ReportTable } from '../report/index.js';

/** What a cell shows when its value does not apply (e.g. a rate per case under fee for service). */
export const NOT_APPLICABLE = '—';

/** Columns whose integers are identifiers, printed as they are. */
const IDENTIFIER_COLUMNS: ReadonlySet<string> = new Set(['year', 'month']);

/** The report's tables show numbers to at most 2 decimals: anything smaller than half a cent of the unit shows as 0. */
const ZERO_BELOW = 0.005;

/** One cell as the report shows it; `identifier`: the cell is in an identifier column (a year, a month). */
export function reportCell(cell: ReportCell, identifier = false): ReportCell {
  if (typeof cell !== 'number') return cell;
  if (!Number.isFinite(cell)) return NOT_APPLICABLE;
  if (identifier && Number.isInteger(cell)) return String(cell);
  return Math.abs(cell) < ZERO_BELOW ? 0 : cell;
}

export function isIdentifierColumn(column: string): boolean {
  return IDENTIFIER_COLUMNS.has(column.trim().toLowerCase());
}

/** A table with every cell tidied, identifier columns recognised by their heading. */
export function tidyTable(table: ReportTable): ReportTable {
  const identifiers = table.columns.map(isIdentifierColumn);
  return { ...table, rows: table.rows.map((row) => row.map((cell, i) => reportCell(cell, identifiers[i] ?? false))) };
}

/** A section with all its tables tidied. */
export function tidySection(section: ReportSection): ReportSection {
  return section.tables ? { ...section, tables: section.tables.map(tidyTable) } : section;
}
