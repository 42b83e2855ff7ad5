/**
 * The distribution of out-of-pocket spending (个人负担) per member-year, from histogram bins, on a
 * log scale (the engine's bins are log-spaced). Member-years that paid nothing cannot sit on a log
 * axis: their share is stated in the note instead.
 */
import { composeChart } from './frame.js';
import { facetLabelMargin, formatNumber, termLabel } from './format.js';
import { categoryOrder } from './order.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface OopBinRow {
  /** Bin edges in yuan, from < to; a bin with to = 0 counts those who paid nothing. */
  from: number;
  to: number;
  /** Member-years in the bin. */
  count: number;
  /** e.g. a scheme; one panel per group. */
  group?: string;
}

export interface OopDistributionOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

/** On the log axis a bin starting at 0 is drawn over the decade below its upper edge. */
const FIRST_BIN_SPAN = 10;

export function oopDistributionChart(rows: readonly OopBinRow[], options: OopDistributionOptions = {}): string {
  if (rows.length === 0) throw new Error('oopDistributionChart: no rows');
  rows.forEach((r, i) => {
    const zero = r.from === 0 && r.to === 0;
    if (!(zero || (r.from >= 0 && r.to > r.from)) || !(r.count >= 0)) {
      throw new Error(`oopDistributionChart: row ${i} needs 0 ≤ from < to (or from = to = 0) and count ≥ 0, got ${r.from}, ${r.to}, ${r.count}`);
    }
  });
  const groupOf = (r: OopBinRow) => r.group ?? 'all';
  const groups = categoryOrder(rows.map(groupOf));
  const totals = new Map(groups.map((g) => [g, rows.filter((r) => groupOf(r) === g).reduce((s, r) => s + r.count, 0)]));
  for (const [g, total] of totals) if (total === 0) throw new Error(`oopDistributionChart: group "${g}" has no member-years`);
  const share = (r: OopBinRow) => (100 * r.count) / totals.get(groupOf(r))!;
  // The engine's bins run to 10 million yuan; empty ones above the highest amount paid would stretch the log
  // axis over decades where nobody is (half the chart was blank), so the axis ends with the last bin used.
  const top = Math.max(0, ...rows.filter((r) => r.count > 0).map((r) => r.to));
  const bins = rows
    .filter((r) => r.to > 0 && (r.from < top || top === 0))
    .map((r) => ({ group: groupOf(r), x1: r.from > 0 ? r.from : r.to / FIRST_BIN_SPAN, x2: r.to, share: share(r) }));
  if (bins.length === 0) throw new Error('oopDistributionChart: every bin is the zero bin');
  const zeroShares = groups.map((g) => ({ g, pct: rows.filter((r) => groupOf(r) === g && r.to === 0).reduce((s, r) => s + share(r), 0) }));
  const zeroNote = zeroShares
    .filter((z) => z.pct > 0)
    .map((z) => `${groups.length > 1 ? `${termLabel(z.g)}: ` : ''}${z.pct.toFixed(1)}% of member-years paid nothing`)
    .join('; ');
  const facet = groups.length > 1 ? ({ fy: 'group' } as const) : {};
  const panel = plotPanel({
    width: 640,
    height: 70 + groups.length * 180,
    marginLeft: 50,
    marginRight: groups.length > 1 ? facetLabelMargin(groups.map(termLabel)) : 20,
    fy: { domain: groups, label: null, tickFormat: termLabel },
    x: { type: 'log', label: 'Out-of-pocket per member-year (yuan, log scale)', tickFormat: formatNumber, ticks: 6 },
    y: { label: 'Member-years (%)', grid: true, nice: true },
    marks: [
      Plot.rectY(bins, { ...facet, x1: 'x1', x2: 'x2', y: 'share', fill: COLORS.band, insetLeft: 0.5, className: 'yb-bin', ariaDescription: 'share of member-years in the bin' }),
      Plot.ruleY([0]),
    ],
  });
  return composeChart({
    kind: 'oop-distribution',
    title: options.title ?? 'Out-of-pocket spending per member-year',
    subtitle: options.subtitle ?? '个人负担: the patient’s share (personal account, family account and cash), share of member-years by amount',
    panels: [panel],
    note: [zeroNote, options.note].filter(Boolean).join('. ') || undefined,
  });
}
