/** The self-contained HTML report. */
export { buildReport, type ReportInput, type ReportSection } from './build.js';
export { tableHtml, type ReportTable, type ReportCell } from './table.js';
