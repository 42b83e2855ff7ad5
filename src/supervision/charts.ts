/**
 * Charts of supervision (Plot, drawn as the project's other charts are, src/charts/): what leakage
 * costs the fund against what comes back, how well each screen finds it, and the net effect on the
 * balance over the horizon across paths.
 */
import { fanLegend, fanPanel } from '../charts/fan.js';
import { composeChart } from '../charts/frame.js';
import { formatNumber, yuanScale } from '../charts/format.js';
import { checkPercentileRows, yearTicks, type PercentileRow } from '../charts/percentiles.js';
import { COLORS, Plot, plotPanel } from '../charts/plot.js';
import { screenLabel, type Screen } from './screens.js';

export interface ChartText {
  title?: string;
  subtitle?: string;
  note?: string;
}

/** One year: leakage, what came back (recovered on review and returned in cases) and fines, in yuan (means or medians). */
export interface MoneyRow {
  year: number;
  leakage: number;
  back: number;
  fines: number;
}

const MONEY_LINES = [
  { key: 'leakage', label: 'leakage (what the behaviours cost)', color: COLORS.accent, className: 'yb-leakage' },
  { key: 'back', label: 'recovered and returned', color: COLORS.band, className: 'yb-back' },
  { key: 'fines', label: 'fines', color: COLORS.second, className: 'yb-fines' },
] as const;

export function supervisionMoneyChart(rows: readonly MoneyRow[], text: ChartText = {}): string {
  if (rows.length === 0) throw new Error('supervisionMoneyChart: no rows');
  rows.forEach((r, i) => {
    if (![r.leakage, r.back, r.fines].every(Number.isFinite)) throw new Error(`supervisionMoneyChart: row ${i} (${r.year}) has a non-finite amount`);
  });
  const scale = yuanScale(Math.max(...rows.flatMap((r) => [Math.abs(r.leakage), Math.abs(r.back), Math.abs(r.fines)])));
  const data = MONEY_LINES.flatMap((line) => rows.map((r) => ({ year: r.year, line: line.key, value: r[line.key] / scale.divisor })));
  const panel = plotPanel({
    width: 640,
    height: 340,
    marginLeft: 56,
    x: { label: 'Year', ticks: yearTicks(rows.map((r) => r.year)), tickFormat: (y: number) => String(y) },
    y: { label: `Yuan a year (${scale.unit})`, grid: true, nice: true, zero: true, tickFormat: formatNumber },
    marks: MONEY_LINES.map((line) =>
      Plot.lineY(
        data.filter((d) => d.line === line.key),
        { x: 'year', y: 'value', stroke: line.color, strokeWidth: 2, marker: 'circle', className: line.className, ariaDescription: line.label },
      ),
    ),
  });
  return composeChart({
    kind: 'supervision-money',
    title: text.title ?? 'What misuse costs the fund, and what comes back',
    subtitle: text.subtitle ?? '医保基金监管: leakage, recoveries and returns, and fines by year (mean across paths)',
    legend: MONEY_LINES.map((l) => ({ label: l.label, color: l.color, shape: 'line' as const })),
    panels: [panel],
    note: text.note,
  });
}

/** A screen's precision and recall (0–1; NaN when it flagged, or there was, nothing). */
export interface ScreenScoreRow {
  screen: Screen | 'any';
  precision: number;
  recall: number;
}

export function screenScoresChart(rows: readonly ScreenScoreRow[], text: ChartText = {}): string {
  if (rows.length === 0) throw new Error('screenScoresChart: no rows');
  const data = rows.flatMap((r) => [
    { screen: screenLabel(r.screen), score: 'precision', value: r.precision },
    { screen: screenLabel(r.screen), score: 'recall', value: r.recall },
  ]).filter((d) => Number.isFinite(d.value));
  const panel = plotPanel({
    width: 640,
    height: 60 + rows.length * 30,
    marginLeft: 200,
    x: { label: 'Share (0–1)', domain: [0, 1], grid: true, tickFormat: formatNumber },
    y: { domain: rows.map((r) => screenLabel(r.screen)), label: null },
    marks: [
      Plot.dot(data.filter((d) => d.score === 'precision'), { x: 'value', y: 'screen', fill: COLORS.band, r: 5, className: 'yb-precision', ariaDescription: 'precision' }),
      Plot.dot(data.filter((d) => d.score === 'recall'), { x: 'value', y: 'screen', fill: COLORS.accent, symbol: 'diamond', r: 5, className: 'yb-recall', ariaDescription: 'recall' }),
    ],
  });
  return composeChart({
    kind: 'screen-scores',
    title: text.title ?? 'What the screens find',
    subtitle: text.subtitle ?? 'precision: flagged that were misuse; recall: misuse that was flagged (over the horizon)',
    legend: [
      { label: 'precision', color: COLORS.band },
      { label: 'recall', color: COLORS.accent },
    ],
    panels: [panel],
    note: text.note,
  });
}

/** Percentiles across paths of the cumulative net effect (yuan) by year: recovered, returned and fines to the fund minus the pooled fund's leakage. */
export function supervisionNetChart(rows: readonly PercentileRow[], text: ChartText = {}): string {
  checkPercentileRows('supervisionNetChart', rows);
  const scale = yuanScale(Math.max(...rows.map((r) => Math.max(Math.abs(r.p5), Math.abs(r.p95)))));
  return composeChart({
    kind: 'supervision-net',
    title: text.title ?? 'Net effect of misuse and supervision on the pooled funds',
    subtitle: text.subtitle ?? "cumulative to the end of each year: what came back, and fines to the fund, minus the pooled fund's leakage",
    legend: fanLegend(),
    panels: [fanPanel(rows, { yLabel: `Cumulative effect (${scale.unit})`, divisor: scale.divisor, zeroLine: true })],
    note: text.note,
  });
}
