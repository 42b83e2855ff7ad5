/** A report table as HTML: header row, body rows, numbers right-aligned with thousands separators. */
import { escapeXml, formatNumber } from '../charts/format.js';

export type ReportCell = string | number | null;

export interface ReportTable {
  caption?: string;
  columns: readonly string[];
  /** One array per row, one cell per column. Numbers are shown with at most 2 decimals: pass text for exact formats. */
  rows: readonly (readonly ReportCell[])[];
}

function cellHtml(cell: ReportCell): string {
  if (cell === null) return '<td></td>';
  if (typeof cell === 'number') return `<td class="num">${Number.isFinite(cell) ? formatNumber(cell) : escapeXml(String(cell))}</td>`;
  return `<td>${escapeXml(cell)}</td>`;
}

export function tableHtml(table: ReportTable): string {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new Error(`report table${table.caption ? ` "${table.caption}"` : ''}: row ${i} has ${row.length} cells for ${table.columns.length} columns`);
    }
  });
  return (
    '<table>' +
    (table.caption ? `<caption>${escapeXml(table.caption)}</caption>` : '') +
    `<thead><tr>${table.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr></thead>` +
    `<tbody>${table.rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('')}</tbody>` +
    '</table>'
  );
}
