/**
 * The self-contained HTML report of a sizing (`yibao solve`): the answer in words, the value found with its
 * Monte Carlo interval, and the share of paths meeting the target against the lever (chart and table).
 */
import { solvencyChart, type SolvencyPoint } from '../charts/solvency.js';
import { buildReport, type ReportTable } from '../report/index.js';
import type { Lever, SolveResult } from './solve.js';

/** The lever with its unit, for an axis or a table. */
export function leverLabel(lever: Lever): string {
  if (lever.kind === 'residentSubsidy') return 'Per-head fiscal subsidy in the base year (yuan)';
  if (lever.kind === 'employerRate') return 'Employer contribution rate';
  return `Policy field ${lever.path}`;
}

const share = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const value = (x: number | null) => (x === null ? 'not identified' : x);

function resultTable(r: SolveResult): ReportTable {
  return {
    caption: 'The value found',
    columns: ['item', 'value'],
    rows: [
      ['lever', leverLabel(r.lever)],
      ['range searched', `${r.lever.lo} to ${r.lever.hi}`],
      ['fund', r.target.scheme],
      ['allowed probability of depletion', share(r.target.allowedFailure)],
      ['minimum months covered', r.target.minMonthsCovered ?? '—'],
      ['value found', r.value],
      ['Monte Carlo interval, low', value(r.interval.lo)],
      ['Monte Carlo interval, high', value(r.interval.hi)],
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

function curveTable(r: SolveResult, points: readonly SolvencyPoint[]): ReportTable {
  const of = points.length < r.curve.length ? ` (${points.length} of ${r.curve.length}, evenly spread; all in solve.json)` : '';
  return {
    caption: `Share of paths meeting the target at each value looked at${of}`,
    columns: [leverLabel(r.lever), 'share meeting', 'interval low', 'interval high'],
    rows: points.map((p) => [p.value, share(p.shareMeeting), share(p.lo), share(p.hi)]),
  };
}

export function solveReportHtml(r: SolveResult, answer: string): string {
  const m = r.manifest;
  const points = shownCurve(r.curve, r.value);
  const chart = solvencyChart(points, {
    required: 1 - r.target.allowedFailure,
    answer: r.value,
    lever: leverLabel(r.lever),
    step: r.lever.kind !== 'policy',
    title: `${r.target.scheme === 'employee' ? 'Employee' : 'Resident'} pooled fund: share of paths meeting the target`,
  });
  return buildReport({
    title: `Sizing ${leverLabel(r.lever).toLowerCase()}: ${m.scenario.file}`,
    subtitle: `${m.paths} Monte Carlo paths; ${m.members.toLocaleString('en')} simulated members; ${m.baseYear}–${m.baseYear + m.horizon - 1}; seed ${String(m.seed)}; ${m.behaviouralResponse}`,
    sections: [
      { heading: 'Answer', text: answer, tables: [resultTable(r)] },
      { heading: 'Solvency against the lever', charts: [chart], tables: [curveTable(r, points)] },
    ],
    manifest: m,
  });
}
