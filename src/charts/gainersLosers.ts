/**
 * Who gains and who loses from a reform: for each group (a person type, an age band, a care setting), the
 * share of member-years whose out-of-pocket falls (drawn to the left) and rises (to the right) against the
 * baseline on the same draws, with the mean change in out-of-pocket written beside it. One panel per
 * dimension, on a common scale.
 */
import { composeChart } from './frame.js';
import { formatNumber, textWidth } from './format.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface GainersLosersRow {
  /** What the groups are, e.g. "person type", "age band", "setting": one panel each, in order of appearance. */
  dimension: string;
  group: string;
  /** Shares of member-years (0–1) whose out-of-pocket falls, and rises. */
  gainers: number;
  losers: number;
  /** Mean change in out-of-pocket per member-year (yuan; negative = a gain). */
  change: number;
}

export interface GainersLosersOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x))} yuan`;

export function gainersLosersChart(rows: readonly GainersLosersRow[], options: GainersLosersOptions = {}): string {
  if (rows.length === 0) throw new Error('gainersLosersChart: no rows');
  rows.forEach((r, i) => {
    if (![r.gainers, r.losers].every((x) => x >= 0 && x <= 1) || !Number.isFinite(r.change)) throw new Error(`gainersLosersChart: row ${i} (${r.group}) needs shares in [0, 1] and a finite change`);
  });
  const extent = Math.max(0.01, ...rows.flatMap((r) => [r.gainers, r.losers]));
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  const marginLeft = Math.min(200, 16 + Math.max(...rows.map((r) => textWidth(r.group, 10))));
  const panels = dimensions.map((dimension, k) => {
    const data = rows.filter((r) => r.dimension === dimension).map((r) => ({ ...r, left: -r.gainers }));
    return plotPanel({
      width: 640,
      height: 48 + data.length * 22,
      marginLeft,
      marginRight: 110,
      x: {
        label: k === dimensions.length - 1 ? 'Share of member-years: gaining ← → losing (%)' : null,
        domain: [-extent, extent],
        nice: true,
        grid: true,
        tickFormat: (d: number) => `${Math.round(Math.abs(d) * 100)}`,
      },
      y: { domain: data.map((r) => r.group), label: dimension, padding: 0.2 },
      marks: [
        Plot.barX(data, { y: 'group', x1: 0, x2: 'left', fill: COLORS.band, className: 'yb-gainers', ariaDescription: 'share gaining' }),
        Plot.barX(data, { y: 'group', x1: 0, x2: 'losers', fill: COLORS.accent, className: 'yb-losers', ariaDescription: 'share losing' }),
        Plot.ruleX([0], { stroke: 'currentColor' }),
        Plot.text(data, { y: 'group', x: extent, text: (r: GainersLosersRow) => signed(r.change), textAnchor: 'start', dx: 8, className: 'yb-change' }),
      ],
    });
  });
  return composeChart({
    kind: 'gainers-losers',
    title: options.title ?? 'Who gains and who loses',
    subtitle: options.subtitle ?? 'member-years whose out-of-pocket falls or rises against the baseline (same random draws); beside: the mean change per member-year',
    legend: [
      { label: 'out-of-pocket falls (gainers)', color: COLORS.band },
      { label: 'out-of-pocket rises (losers)', color: COLORS.accent },
    ],
    panels,
    note: options.note,
  });
}
