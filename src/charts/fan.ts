/**
 * A fan of percentile bands over the projection years, shared by the balance and months-covered
 * charts: the 5th–95th and 25th–75th percentile bands and the median line.
 */
import type { LegendItem } from './frame.js';
import { formatNumber } from './format.js';
import { yearTicks, type PercentileRow, type ReferenceLine } from './percentiles.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export function fanPanel(
  rows: readonly PercentileRow[],
  options: { yLabel: string; divisor: number; reference?: ReferenceLine; zeroLine?: boolean },
): SVGSVGElement {
  const d = options.divisor;
  const data = [...rows].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, p5: r.p5 / d, p25: r.p25 / d, p50: r.p50 / d, p75: r.p75 / d, p95: r.p95 / d }));
  const ref = options.reference;
  const marks = [
    Plot.areaY(data, { x: 'year', y1: 'p5', y2: 'p95', fill: COLORS.band, fillOpacity: 0.2, className: 'yb-band-outer', ariaDescription: '5th to 95th percentile' }),
    Plot.areaY(data, { x: 'year', y1: 'p25', y2: 'p75', fill: COLORS.band, fillOpacity: 0.45, className: 'yb-band-inner', ariaDescription: '25th to 75th percentile' }),
    Plot.lineY(data, { x: 'year', y: 'p50', stroke: COLORS.band, strokeWidth: 2, className: 'yb-median', ariaDescription: 'median' }),
  ];
  if (options.zeroLine) marks.unshift(Plot.ruleY([0], { className: 'yb-zero', strokeOpacity: 0.5 }));
  if (ref) {
    marks.push(
      Plot.ruleY([ref.value], { stroke: COLORS.accent, strokeWidth: 1.5, strokeDasharray: '6,4', className: 'yb-reference', ariaDescription: ref.label }),
      Plot.text([ref.value], { y: (v: number) => v, text: () => ref.label, frameAnchor: 'right', dy: -7, fill: COLORS.accent, className: 'yb-reference-label' }),
    );
  }
  const lows = data.map((r) => r.p5).concat(ref ? [ref.value] : []);
  const highs = data.map((r) => r.p95).concat(ref ? [ref.value] : []);
  return plotPanel({
    width: 640,
    height: 360,
    marginLeft: 56,
    x: { label: 'Year', ticks: yearTicks(data.map((r) => r.year)), tickFormat: (y: number) => String(y) },
    y: { label: options.yLabel, grid: true, nice: true, domain: [Math.min(0, ...lows), Math.max(0, ...highs)], tickFormat: formatNumber },
    marks,
  });
}

export function fanLegend(reference?: ReferenceLine): LegendItem[] {
  const items: LegendItem[] = [
    { label: '5th–95th percentile', color: COLORS.band, opacity: 0.2 },
    { label: '25th–75th percentile', color: COLORS.band, opacity: 0.45 },
    { label: 'median', color: COLORS.band, shape: 'line' },
  ];
  if (reference) items.push({ label: reference.label, color: COLORS.accent, shape: 'line', dashed: true });
  return items;
}
