/**
 * The fund's cash out by calendar month (基金月度支出): payments to institutions (monthly payments,
 * prepayments, the year-end clearing), reimbursements to patients who advanced their bills, the
 * out-of-area clearing account (and its advance), stacked per month.
 */
import { composeChart } from './frame.js';
import { formatNumber, yuanScale } from './format.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface MonthlyCashRow {
  /** The month, e.g. "2021-04". */
  month: string;
  /** What the cash is for, e.g. "institutions"; one colour each. */
  line: string;
  yuan: number;
}

export interface MonthlyCashOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

const PALETTE = [COLORS.band, COLORS.second, COLORS.accent, '#76b7b2', '#59a14f'];

export function monthlyCashChart(rows: readonly MonthlyCashRow[], options: MonthlyCashOptions = {}): string {
  if (rows.length === 0) throw new Error('monthlyCashChart: no rows');
  rows.forEach((r, i) => {
    if (!Number.isFinite(r.yuan)) throw new Error(`monthlyCashChart: row ${i} (${r.month} ${r.line}) needs a finite amount, got ${r.yuan}`);
  });
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const lines = [...new Set(rows.map((r) => r.line))];
  const totals = months.map((m) => rows.filter((r) => r.month === m).reduce((s, r) => s + Math.max(0, r.yuan), 0));
  const scale = yuanScale(Math.max(...totals, ...rows.map((r) => Math.abs(r.yuan))));
  const data = rows.map((r) => ({ ...r, value: r.yuan / scale.divisor }));
  const color = { domain: lines, range: lines.map((_, i) => PALETTE[i % PALETTE.length]!) };
  const panel = plotPanel({
    width: 640,
    height: 360,
    marginLeft: 56,
    x: { domain: months, label: null, tickRotate: -45 },
    y: { label: `Cash out (${scale.unit})`, grid: true, nice: true, tickFormat: formatNumber },
    color,
    marks: [
      Plot.barY(data, { x: 'month', y: 'value', fill: 'line', className: 'yb-cash', ariaDescription: 'cash out in the month' }),
      Plot.ruleY([0]),
    ],
  });
  return composeChart({
    kind: 'monthly-cash',
    title: options.title ?? 'The fund’s cash out by month',
    subtitle: options.subtitle ?? '基金月度支出: mean across simulated paths',
    legend: lines.map((label, i) => ({ label, color: color.range[i]! })),
    panels: [panel],
    note: options.note,
  });
}
