/**
 * The sensitivity tornado: for each assumption, the outcome at its low and at its high value,
 * drawn as bars from the base outcome; the widest swing on top.
 */
import { composeChart } from './frame.js';
import { formatNumber, textWidth } from './format.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface TornadoRow {
  assumption: string;
  /** The outcome with the assumption at its low value. */
  low: number;
  /** The outcome with the assumption at its high value. */
  high: number;
  /** The outcome with every assumption at its base value. */
  base: number;
}

export interface TornadoOptions {
  /** What the outcome is, with its unit, for the axis, e.g. "Balance in 2030 (亿元)". */
  outcome: string;
  title?: string;
  subtitle?: string;
  note?: string;
}

export function tornadoChart(rows: readonly TornadoRow[], options: TornadoOptions): string {
  if (rows.length === 0) throw new Error('tornadoChart: no rows');
  rows.forEach((r, i) => {
    if (![r.low, r.high, r.base].every(Number.isFinite)) throw new Error(`tornadoChart: row ${i} (${r.assumption}) has a non-finite value`);
  });
  const sorted = [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const extent = sorted.flatMap((r) => [r.low, r.high, r.base]);
  const panel = plotPanel({
    width: 640,
    height: 60 + sorted.length * 32,
    marginLeft: Math.min(280, 16 + Math.max(...sorted.map((r) => textWidth(r.assumption, 10)))),
    marginRight: 30,
    x: { label: options.outcome, grid: true, nice: true, domain: [Math.min(...extent), Math.max(...extent)], tickFormat: formatNumber },
    y: { domain: sorted.map((r) => r.assumption), label: null, padding: 0.25 },
    marks: [
      Plot.barX(sorted, { y: 'assumption', x1: 'base', x2: 'low', fill: COLORS.band, className: 'yb-low', ariaDescription: 'outcome at the low value' }),
      Plot.barX(sorted, { y: 'assumption', x1: 'base', x2: 'high', fill: COLORS.second, className: 'yb-high', ariaDescription: 'outcome at the high value' }),
      Plot.tickX(sorted, { y: 'assumption', x: 'base', stroke: 'currentColor', strokeWidth: 2, className: 'yb-base', ariaDescription: 'base outcome' }),
    ],
  });
  return composeChart({
    kind: 'tornado',
    title: options.title ?? 'Sensitivity of the outcome to each assumption',
    subtitle: options.subtitle ?? '敏感性分析: one assumption at a time at its low and high value, the rest at base',
    legend: [
      { label: 'assumption at its low value', color: COLORS.band },
      { label: 'assumption at its high value', color: COLORS.second },
      { label: 'base outcome', color: 'currentColor', shape: 'line' },
    ],
    panels: [panel],
    note: options.note,
  });
}
