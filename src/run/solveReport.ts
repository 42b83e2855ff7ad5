/**
 * The self-contained HTML report of a sizing (`yibao solve`): the answer in words, the value found with its
 * Monte Carlo interval (or a policy lever's bisection bracket), and the share of paths meeting the target
 * against the lever (chart and table). Lever values are told to the lever's digits, as in the answer.
 */
import { solvencyChart, type SolvencyPoint } from '../charts/solvency.js';
import { buildReport, type ReportCell, type ReportTable } from '../report/index.js';
import { scenarioName } from './manifest.js';
import { leverText, type Lever, type SolveResult } from './solve.js';

/** The lever with its unit, for an axis or a table. */
export function leverLabel(lever: Lever): string {
  if (lever.kind === 'residentSubsidy') return 'Per-head fiscal subsidy in the base year (yuan)';
  if (lever.kind === 'employerRate') return 'Employer contribution rate';
  return `Policy field ${lever.path}`;
}

const share = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** How sure the value is: the Monte Carlo interval and its coverage, or where the bisection stopped. */
function uncertaintyRows(r: SolveResult, told: (x: number) => string): ReportCell[][] {
  const end = (x: number | null) => (x === null ? 'not identified' : told(x));
  if (r.interval) {
    return [
      ['Monte Carlo interval, low', end(r.interval.lo)],
      ['Monte Carlo interval, high', end(r.interval.hi)],
      ['coverage of the interval', share(r.interval.coverage)],
    ];
  }
  const bracket: ReportCell[][] = r.bracket
    ? [
        ['bisection stopped between, low', told(r.bracket.lo)],
        ['bisection stopped between, high', told(r.bracket.hi)],
      ]
    : [];
  return [...bracket, ['Monte Carlo uncertainty', 'not estimated for a policy lever']];
}

function resultTable(r: SolveResult, told: (x: number) => string): ReportTable {
  return {
    caption: 'The value found',
    columns: ['item', 'value'],
    rows: [
      ['lever', leverLabel(r.lever)],
      ['range searched', `${told(r.lever.lo)} to ${told(r.lever.hi)}`],
      ['fund', r.target.scheme],
      // With a months minimum, failing is also falling below it in some year, as the answer says.
      [r.target.minMonthsCovered === undefined ? 'allowed probability of depletion' : `allowed probability of depletion or of fewer than ${r.target.minMonthsCovered} months covered`, share(r.target.allowedFailure)],
      ['minimum months covered', r.target.minMonthsCovered ?? '—'],
      ['value found', told(r.value)],
      ...uncertaintyRows(r, told),
      ['share of paths failing at the value found', share(r.failureShare)],
      ['met at the end of the range already', r.atLowerBound ? 'yes: the answer may lie beyond the range' : 'no'],
      ['evaluations', r.evaluations],
    ],
  };
}

/** At most `max` of the curve's points, evenly spread, always with both ends and the answer (many paths make a long curve). */
export function shownCurve(curve: readonly SolvencyPoint[], answer: number, max = 200): SolvencyPoint[] {
  if (curve.length <= max) return [...curve];
  const step = (curve.length - 1) / (max - 2);
  const keep = new Set([curve.length - 1, ...Array.from({ length: max - 1 }, (_, k) => Math.round(k * step))]);
  curve.forEach((p, i) => {
    if (p.value === answer) keep.add(i);
  });
  return [...keep].sort((a, b) => a - b).map((i) => curve[i]!);
}

/** The curve as a table; interval columns only when a point has one (a per-path curve's shares are exact). */
function curveTable(r: SolveResult, points: readonly SolvencyPoint[], told: (x: number) => string): ReportTable {
  const of = points.length < r.curve.length ? ` (${points.length} of ${r.curve.length}, evenly spread; all in solve.json)` : '';
  const caption = `Share of paths meeting the target at each value looked at${of}`;
  if (!points.some((p) => p.lo !== null || p.hi !== null)) {
    return { caption, columns: [leverLabel(r.lever), 'share meeting'], rows: points.map((p) => [told(p.value), share(p.shareMeeting)]) };
  }
  return {
    caption,
    columns: [leverLabel(r.lever), 'share meeting', '95% interval low (Wilson)', '95% interval high (Wilson)'],
    rows: points.map((p) => [told(p.value), share(p.shareMeeting), share(p.lo), share(p.hi)]),
  };
}

export function solveReportHtml(r: SolveResult, answer: string): string {
  const m = r.manifest;
  const points = shownCurve(r.curve, r.value);
  const told = (x: number) => leverText(r.lever, x);
  const chart = solvencyChart(points, {
    required: 1 - r.target.allowedFailure,
    answer: r.value,
    ...(r.interval ? { interval: r.interval } : {}),
    lever: leverLabel(r.lever),
    step: r.lever.kind !== 'policy',
    title: `${r.target.scheme === 'employee' ? 'Employee' : 'Resident'} pooled fund: share of paths meeting the target`,
  });
  return buildReport({
    title: `Sizing ${leverLabel(r.lever).toLowerCase()}: ${scenarioName(m)}`,
    subtitle: `${m.paths} Monte Carlo paths; ${m.members.toLocaleString('en')} simulated members; ${m.baseYear}–${m.baseYear + m.horizon - 1}; seed ${String(m.seed)}; ${m.behaviouralResponse}`,
    sections: [
      { heading: 'Answer', text: answer, tables: [resultTable(r, told)] },
      { heading: 'Solvency against the lever', charts: [chart], tables: [curveTable(r, points, told)] },
    ],
    manifest: m,
  });
}
