/**
 * What a sizing bought: the share of Monte Carlo paths meeting the solvency target against the lever's
 * value, with the required share (1 − allowed probability of failure) and the answer marked. A per-path
 * search gives a step curve (each path's own smallest passing value); a re-simulating search gives its
 * evaluations, each with its confidence interval.
 */
import { composeChart } from './frame.js';
import { formatNumber } from './format.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface SolvencyPoint {
  /** The lever's value, in its unit. */
  value: number;
  /** Share of paths meeting the target at that value (0–1), and its confidence interval when estimated. */
  shareMeeting: number;
  lo: number | null;
  hi: number | null;
}

export interface SolvencyOptions {
  /** The share of paths that must meet the target: 1 − the allowed probability of failure. */
  required: number;
  /** The answer: the lever value found. */
  answer: number;
  /** The lever with its unit, for the axis, e.g. "Per-head fiscal subsidy (yuan)". */
  lever: string;
  /**
   * The answer's Monte Carlo interval with its coverage, drawn as a band around it (an end not identified with
   * the paths run reaches the edge of the range looked at, and the legend says so).
   */
  interval?: { lo: number | null; hi: number | null; coverage: number };
  /** Draw the points as a step curve (exact per-path shares) rather than estimates with intervals. */
  step?: boolean;
  title?: string;
  note?: string;
}

export function solvencyChart(points: readonly SolvencyPoint[], options: SolvencyOptions): string {
  if (points.length === 0) throw new Error('solvencyChart: no points');
  points.forEach((p, i) => {
    if (!Number.isFinite(p.value) || !(p.shareMeeting >= 0 && p.shareMeeting <= 1)) throw new Error(`solvencyChart: point ${i} is not a value with a share in [0, 1]`);
  });
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const withInterval = sorted.filter((p) => p.lo !== null && p.hi !== null);
  const band = options.interval ? answerBand(options.interval, sorted[0]!.value, sorted[sorted.length - 1]!.value) : null;
  const panel = plotPanel({
    width: 640,
    height: 320,
    marginLeft: 56,
    marginRight: 24,
    x: { label: options.lever, grid: true, nice: true, tickFormat: formatNumber },
    y: { label: 'Share of paths meeting the target (%)', domain: [0, 1], grid: true, tickFormat: (d: number) => `${Math.round(d * 100)}`, clamp: true },
    marks: [
      ...(band ? [Plot.rectX([band], { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: COLORS.second, fillOpacity: 0.15, className: 'yb-answer-interval', ariaDescription: 'Monte Carlo interval of the value found' })] : []),
      Plot.ruleY([options.required], { stroke: COLORS.accent, strokeDasharray: '4,3', className: 'yb-required', ariaDescription: 'required share of paths' }),
      Plot.ruleX([options.answer], { stroke: COLORS.second, strokeWidth: 2, className: 'yb-answer', ariaDescription: 'the value found' }),
      Plot.ruleX(withInterval, { x: 'value', y1: 'lo', y2: 'hi', stroke: COLORS.band, className: 'yb-interval' }),
      Plot.line(sorted, { x: 'value', y: 'shareMeeting', stroke: COLORS.band, curve: options.step ? 'step-after' : 'linear', className: 'yb-curve' }),
      Plot.dot(sorted, { x: 'value', y: 'shareMeeting', fill: COLORS.band, r: 3, className: 'yb-points', ariaDescription: 'share of paths meeting the target' }),
    ],
  });
  return composeChart({
    kind: 'solvency',
    title: options.title ?? 'Share of paths meeting the solvency target',
    subtitle: options.step
      ? 'each path meets the target from its own smallest passing value on; same random draws at every value'
      : 'each point a re-simulation on the same random draws, with its 95% interval',
    // Each key drawn as its mark is: the curve a line, the required share dashed.
    legend: [
      { label: 'share of paths meeting the target', color: COLORS.band, shape: 'line' },
      { label: `required (${formatNumber(options.required * 100)}%)`, color: COLORS.accent, shape: 'line', dashed: true },
      { label: `value found (${formatNumber(options.answer)})`, color: COLORS.second, shape: 'line' },
      ...(band ? [{ label: band.label, color: COLORS.second, opacity: 0.15 }] : []),
    ],
    panels: [panel],
    note: options.note,
  });
}

/** The interval's band on the lever's axis, and its legend as the answer words it: "98.3% Monte Carlo interval 489.26 to 563.96". */
function answerBand(interval: NonNullable<SolvencyOptions['interval']>, first: number, last: number): { x1: number; x2: number; label: string } | null {
  // Neither end identified (one path): a band over the whole range would say nothing; the answer's words say why.
  if (interval.lo === null && interval.hi === null) return null;
  const end = (x: number | null, side: string) => (x === null ? `${side} end not identified` : formatNumber(x));
  const label = `${(interval.coverage * 100).toFixed(1)}% Monte Carlo interval ${end(interval.lo, 'low')} to ${end(interval.hi, 'high')}`;
  return { x1: interval.lo ?? first, x2: interval.hi ?? last, label };
}
