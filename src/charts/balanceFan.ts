/** Fan chart of the pooled fund's accumulated balance (累计结余) across simulated paths. */
import { fanLegend, fanPanel } from './fan.js';
import { composeChart } from './frame.js';
import { checkPercentileRows, type PercentileRow } from './percentiles.js';
import { yuanScale } from './format.js';

export interface BalanceFanOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

/** Rows: one per year, balance percentiles in yuan. Returns an SVG string. */
export function balanceFanChart(rows: readonly PercentileRow[], options: BalanceFanOptions = {}): string {
  checkPercentileRows('balanceFanChart', rows);
  const scale = yuanScale(Math.max(...rows.map((r) => Math.max(Math.abs(r.p5), Math.abs(r.p95)))));
  return composeChart({
    kind: 'balance-fan',
    title: options.title ?? 'Accumulated balance of the pooled fund',
    subtitle: options.subtitle ?? '统筹基金累计结余: percentiles across simulated paths, end of year',
    legend: fanLegend(),
    panels: [fanPanel(rows, { yLabel: `Balance (${scale.unit})`, divisor: scale.divisor, zeroLine: true })],
    note: options.note,
  });
}
