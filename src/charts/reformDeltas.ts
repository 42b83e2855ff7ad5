/**
 * Reform effects: each metric's change (reform − baseline) with its confidence interval. Metrics in
 * different units get their own panel, so a 0.02 change in a ratio is not flattened by a billion-yuan one.
 */
import { composeChart } from './frame.js';
import { formatNumber, textWidth } from './format.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface ReformDeltaRow {
  metric: string;
  /** reform − baseline, in `unit`. */
  delta: number;
  /** Confidence interval bounds, lo ≤ delta ≤ hi. */
  lo: number;
  hi: number;
  unit: string;
}

export interface ReformDeltaOptions {
  /** The confidence level of [lo, hi], for the subtitle (default 0.95). */
  confidence?: number;
  title?: string;
  subtitle?: string;
  note?: string;
}

export function reformDeltaChart(rows: readonly ReformDeltaRow[], options: ReformDeltaOptions = {}): string {
  if (rows.length === 0) throw new Error('reformDeltaChart: no rows');
  rows.forEach((r, i) => {
    if (![r.delta, r.lo, r.hi].every(Number.isFinite) || r.lo > r.delta || r.delta > r.hi) {
      throw new Error(`reformDeltaChart: row ${i} (${r.metric}) needs finite lo ≤ delta ≤ hi, got ${r.lo}, ${r.delta}, ${r.hi}`);
    }
  });
  const units = [...new Set(rows.map((r) => r.unit))];
  const marginLeft = Math.min(280, 16 + Math.max(...rows.map((r) => textWidth(r.metric, 10))));
  const panels = units.map((unit) => {
    const data = rows.filter((r) => r.unit === unit);
    const extent = [0, ...data.flatMap((r) => [r.lo, r.hi])];
    return plotPanel({
      width: 640,
      height: 60 + data.length * 30,
      marginLeft,
      marginRight: 70,
      x: { label: `Change (${unit})`, grid: true, nice: true, domain: [Math.min(...extent), Math.max(...extent)], tickFormat: formatNumber },
      y: { domain: data.map((r) => r.metric), label: null },
      marks: [
        Plot.ruleX([0], { strokeOpacity: 0.6, className: 'yb-zero' }),
        Plot.ruleY(data, { y: 'metric', x1: 'lo', x2: 'hi', stroke: COLORS.band, strokeWidth: 2, className: 'yb-ci', ariaDescription: 'confidence interval' }),
        Plot.dot(data, { y: 'metric', x: 'delta', fill: COLORS.band, r: 4, className: 'yb-delta', ariaDescription: 'estimated change' }),
        Plot.text(data, { y: 'metric', x: 'hi', text: (r: ReformDeltaRow) => formatNumber(r.delta), dx: 6, textAnchor: 'start', className: 'yb-delta-label' }),
      ],
    });
  });
  const level = Math.round((options.confidence ?? 0.95) * 100);
  return composeChart({
    kind: 'reform-deltas',
    title: options.title ?? 'Effects of the reform',
    subtitle: options.subtitle ?? `改革效果: reform minus baseline on the same simulated paths, with ${level}% confidence intervals`,
    legend: [
      { label: 'estimated change', color: COLORS.band },
      { label: `${level}% confidence interval`, color: COLORS.band, shape: 'line' },
    ],
    panels,
    note: options.note,
  });
}
