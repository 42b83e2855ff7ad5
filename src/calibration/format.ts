/**
 * The calibration report as text: simulated against published side by side, then the sources of the
 * published figures (with the adjustments made to compare like with like) and the simulated figures'
 * definitions, each written once.
 */
import type { CalibrationRow, CalibrationStatus } from './compare.js';
import { TARGET_YEAR, type CalibrationReport } from './run.js';

const METRIC_LABELS: Readonly<Record<string, string>> = {
  hospitalisationRate: 'hospitalisation rate',
  costPerAdmission: 'cost per admission',
  outpatientVisitsPerMember: 'outpatient visits per member',
  outpatientCostPerVisit: 'outpatient cost per visit',
  chronicVisitsPerMember: 'chronic visits per member',
  chronicCostPerVisit: 'chronic cost per visit',
  policyRangeInpatientRatio: 'policy-range inpatient ratio',
  fundIncomePerMember: 'fund income per member',
  fundExpenditurePerMember: 'fund expenditure per member',
};
const LEVEL_LABELS: Readonly<Record<string, string>> = { tertiary: '三级', secondary: '二级', primaryAndBelow: '一级及以下' };
const STATUS_LABELS: Readonly<Record<CalibrationStatus, string>> = { ok: 'ok', noise: 'ok (noise)', miss: 'MISS', info: 'info', none: '—' };

export function rowLabel(row: CalibrationRow): string {
  const t = row.target;
  const who = [t.scheme, t.group === 'all' ? '' : t.group, LEVEL_LABELS[t.level] ?? ''].filter(Boolean).join(' ');
  return `${METRIC_LABELS[t.metric] ?? t.metric}, ${who}`;
}

/** A value in the target's unit: shares and rates as percentages, visits to 3 decimals, yuan to the yuan above 1,000. */
function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'share' || unit.startsWith('admissions')) return `${(value * 100).toFixed(1)}%`;
  if (unit.startsWith('visits')) return value.toFixed(3);
  return value.toFixed(Math.abs(value) >= 1000 ? 0 : 1);
}

const signedPercent = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%` : '—');
const plusMinus = (x: number) => (Number.isFinite(x) ? `±${(x * 100).toFixed(1)}%` : '—');

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
  }
  return w;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(r[i]!))));
  const pad = (c: string, i: number) => ' '.repeat(widths[i]! - displayWidth(c));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c + pad(c, i) : pad(c, i) + c)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Numbered notes, each distinct text once: returns the note number of each text. */
function numbered(texts: string[]): { refOf: (text: string) => number; list: string[] } {
  const distinct = [...new Set(texts)];
  return { refOf: (text) => distinct.indexOf(text) + 1, list: distinct.map((text, i) => `[${i + 1}] ${text}`) };
}

export function formatCalibration(report: CalibrationReport): string {
  const { rows } = report;
  const sourceText = (r: CalibrationRow) => `${r.target.source} (confidence ${r.target.confidence}); ${r.target.adjustment || r.target.derivation}`;
  const sources = numbered(rows.map(sourceText));
  const body = table(
    ['figure', 'published', 'simulated', 'deviation', 's.e.', 'tolerance', 'status', 'source'],
    rows.map((r) => [
      rowLabel(r),
      formatValue(r.target.value, r.target.unit),
      formatValue(r.simulated.mean, r.target.unit),
      signedPercent(r.deviation),
      plusMinus(r.relativeSe),
      Number.isNaN(r.target.tolerance) ? '—' : `±${(r.target.tolerance * 100).toFixed(0)}%`,
      STATUS_LABELS[r.status],
      `[${sources.refOf(sourceText(r))}]`,
    ]),
  );
  const count = (s: CalibrationStatus) => rows.filter((r) => r.status === s).length;
  const definitions = [...new Map(rows.map((r) => [`${METRIC_LABELS[r.target.metric] ?? r.target.metric}${r.target.metric.startsWith('fund') ? `, ${r.target.scheme}` : ''}`, r.simulated.definition])).entries()];
  return [
    `Calibration of ${report.scenarioId} (${report.scenarioFile}), base year ${report.baseYear}: ${report.members} members × ${report.paths} paths, seed ${report.seed}.`,
    `Published figures: ${TARGET_YEAR}, national. s.e. = Monte Carlo standard error across paths; "ok (noise)" = outside the tolerance but within three standard errors.`,
    ...(report.baseYear !== TARGET_YEAR ? [`Note: this scenario's base year is ${report.baseYear}, not ${TARGET_YEAR}: differences include the years between.`] : []),
    ...(report.paths < 2 ? ['Note: one path gives no standard error; use --paths 2 or more.'] : []),
    '',
    ...body,
    '',
    `${count('ok')} of ${rows.length} figures within tolerance, ${count('noise')} within sampling noise, ${count('miss')} missed` +
      (count('none') > 0 ? `; ${count('none')} not simulated (a scheme without members).` : '.'),
    '',
    'Sources of the published figures:',
    ...sources.list,
    '',
    'Simulated figures (base year, baseline policy):',
    ...definitions.map(([what, definition]) => `- ${what}: ${definition}`),
    ...(report.notCompared.length > 0 ? ['', 'Not compared:', ...report.notCompared.map((n) => `- ${n.metric}: ${n.reason}`)] : []),
  ].join('\n');
}
