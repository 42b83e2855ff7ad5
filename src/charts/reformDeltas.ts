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
  /** Confidence interval bounds, lo ≤ delta ≤ hi; both NaN when not identified (one path): the dot is drawn alone. */
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
    const unidentified = Number.isNaN(r.lo) && Number.isNaN(r.hi);
    if (!Number.isFinite(r.delta) || (!unidentified && (![r.lo, r.hi].every(Number.isFinite) || r.lo > r.delta || r.delta > r.hi))) {
      throw new Error(`reformDeltaChart: row ${i} (${r.metric}) needs finite lo ≤ delta ≤ hi (or both NaN: no interval), got ${r.lo}, ${r.delta}, ${r.hi}`);
    }
  });
  const hasInterval = (r: ReformDeltaRow) => Number.isFinite(r.lo);
  const units = [...new Set(rows.map((r) => r.unit))];
  const marginLeft = Math.min(280, 16 + Math.max(...rows.map((r) => textWidth(r.metric, 10))));
  const panels = units.map((unit) => {
    const data = rows.filter((r) => r.unit === unit);
    const extent = [0, ...data.flatMap((r) => (hasInterval(r) ? [r.lo, r.hi] : [r.delta]))];
    return plotPanel({
      width: 640,
      height: 60 + data.length * 30,
      marginLeft,
      marginRight: 70,
      x: { label: `Change (${unit})`, grid: true, nice: true, domain: [Math.min(...extent), Math.max(...extent)], tickFormat: formatNumber },
      y: { domain: data.map((r) => r.metric), label: null },
      marks: [
        Plot.ruleX([0], { strokeOpacity: 0.6, className: 'yb-zero' }),
        Plot.ruleY(data.filter(hasInterval), { y: 'metric', x1: 'lo', x2: 'hi', stroke: COLORS.band, strokeWidth: 2, className: 'yb-ci', ariaDescription: 'confidence interval' }),
        Plot.dot(data, { y: 'metric', x: 'delta', fill: COLORS.band, r: 4, className: 'yb-delta', ariaDescription: 'estimated change' }),
        Plot.text(data, { y: 'metric', x: (r: ReformDeltaRow) => (hasInterval(r) ? r.hi : r.delta), text: (r: ReformDeltaRow) => formatNumber(r.delta), dx: 6, textAnchor: 'start', className: 'yb-delta-label' }),
      ],
    });
  });
  const level = Math.round((options.confidence ?? 0.95) * 100);
  const intervals = rows.some(hasInterval);
  return composeChart({
    kind: 'reform-deltas',
    title: options.title ?? 'Effects of the reform',
    subtitle:
      options.subtitle ??
      (intervals
        ? `改革效果: reform minus baseline on the same simulated paths, with ${level}% confidence intervals`
        : '改革效果: reform minus baseline on the same simulated path (one path: no confidence interval)'),
    legend: [
      { label: 'estimated change', color: COLORS.band },
      ...(intervals ? [{ label: `${level}% confidence interval`, color: COLORS.band, shape: 'line' as const }] : []),
    ],
    panels,
    note: options.note,
  });
}
