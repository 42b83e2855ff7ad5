/**
 * The report's supervision section (医保基金监管), when the scenario's supervision is on: the answer in
 * words, the charts, and tables of the fund effect by year, the behaviours by what they cost, the screens
 * against the labels, and the inspection effort and cases over the horizon, read from the run's supervision
 * tables.
 */
import { dirname, resolve } from 'node:path';
import type { ReportSection, ReportTable } from '../report/index.js';
import { BEHAVIOUR_INFO, BEHAVIOURS, behaviourWords } from '../supervision/behaviours.js';
import { rulesByYearText, sanctionRulesByYear } from '../supervision/rules.js';
import { screenLabel, type Screen } from '../supervision/screens.js';
import { isSupervised } from '../supervision/tables.js';
import { supervisionAnswer, supervisionCharts } from '../supervision/views.js';
import type { ScenarioResult } from './scenarioRun.js';

type Row = Record<string, unknown>;
const YI = 1e-8; // yuan → 亿元

const rowsOf = (r: ScenarioResult, table: string): Row[] => ((r.tables[table] ?? []) as Row[]).filter((x) => x.variant === 'baseline');
const mean = (rows: Row[], where: Row) => Number(rows.find((x) => Object.entries(where).every(([k, v]) => x[k] === v))?.mean ?? NaN);

const FUND_COLUMNS = ['leakage_yuan', 'pooled_leakage_yuan', 'recovered_yuan', 'returned_yuan', 'fines_yuan', 'pooled_net_yuan'] as const;
const EFFORT = [
  ['institutions inspected on site', 'institutions_inspected'],
  ['of which spot checks (篇五 ≥ 50% of hospitals, ≥ 10% of pharmacies)', 'spot_checks'],
  ['of which top spenders (篇五: the 5 the fund paid most the year before)', 'top_spender_inspections'],
  ['institution cases', 'institution_cases'],
  ['department suspensions', 'department_suspensions'],
  ['agreements terminated', 'agreements_terminated'],
  ['flagged claims reviewed', 'flagged_claims_reviewed'],
  ['discharge charts reviewed', 'charts_reviewed'],
  ['share of last year’s discharges reviewed (篇五 ≥ 5%)', 'chart_review_share'],
  ['charts added to reach that floor', 'charts_topped_up'],
  ['insured persons investigated', 'members_investigated'],
  ['networked settlement suspended (persons)', 'settlement_suspensions'],
] as const;

export function supervisionSection(r: ScenarioResult): ReportSection[] {
  if (!isSupervised(r.cube)) return [];
  const byYear = rowsOf(r, 'supervision_by_year');
  const fund: ReportTable = {
    caption: "The fund effect by year, both schemes, mean across paths, 亿元 (pooled net: recovered, returned and fines to the fund minus the pooled fund's leakage)",
    columns: ['year', 'leakage', 'pooled leakage', 'recovered on review', 'returned in cases', 'fines', 'pooled net'],
    rows: r.spec.years.map((year) => [year, ...FUND_COLUMNS.map((metric) => mean(byYear, { scheme: 'all', metric, year }) * YI)]),
  };
  const behaviourTable = behaviourCosts(r);
  const screens = rowsOf(r, 'supervision_screens_over_horizon');
  const screenNames = [...new Set(screens.map((x) => String(x.screen)))];
  const screenTable: ReportTable = {
    caption: 'Screens against the ground-truth labels over the horizon, mean across paths (units: members for visits and costs, institutions for peer outlier, claims otherwise)',
    columns: ['screen', 'precision', 'recall', 'flagged', 'share of leakage flagged'],
    rows: screenNames.map((screen) => [
      screenLabel(screen as Screen | 'any'),
      ...['precision', 'recall', 'flagged', 'leakage_flagged_share'].map((metric) => mean(screens, { screen, metric })),
    ]),
  };
  const cases = rowsOf(r, 'supervision_cases_by_year');
  const effort: ReportTable = {
    caption: 'Inspection effort and cases by year, mean across paths (persons and claims: population-level)',
    columns: ['measure', ...r.spec.years.map(String)],
    rows: EFFORT.map(([label, metric]) => [label, ...r.spec.years.map((year) => mean(cases, { metric, year }))]),
  };
  const region = r.scenario.policy.policy.jurisdiction;
  const charts = supervisionCharts(r.cube);
  return [
    {
      heading: 'Fund supervision (医保基金监管)',
      text:
        `${supervisionAnswer(r.cube)} ` +
        `Cases are sanctioned under ${rulesByYearText(sanctionRulesByYear(r.scenario.scenario.supervision, dirname(resolve(r.scenario.file)), r.scenario.file), r.spec.years, region)} (the rules in force on each year's 31 December; the policy's region is ${region}: a borrowed file is another jurisdiction's table standing in for the region's own). ` +
        'Misuse is simulated with ground-truth labels (prevalences and intensities are the scenario’s assumptions); leakage is what the touched claims cost the fund beyond the claims they came from, settled under the same policy. ' +
        `${passesText(r.cube.passes ?? [], r.spec.years[0]!)}`,
      charts: [charts['supervision-money']!, charts['supervision-net']!, charts['supervision-screens']!],
      tables: [fund, behaviourTable, screenTable, effort],
    },
  ];
}

/**
 * Which behaviours cost the fund most, in words with their Chinese terms (the table is keyed by code:
 * "overTreatment"), each with the 条例 article it is sanctioned under without intent to defraud: over the
 * horizon, the claims it touched, its leakage and the share of those claims reviews found.
 */
function behaviourCosts(r: ScenarioResult): ReportTable {
  const rows = rowsOf(r, 'supervision_behaviours_by_year');
  const total = (behaviour: string, metric: string) => r.spec.years.reduce((t, year) => t + mean(rows, { behaviour, metric, year }), 0);
  const costs = BEHAVIOURS.map((b) => ({ b, claims: total(b, 'claims'), leakage: total(b, 'leakage_yuan'), found: total(b, 'found_claims') })).sort((p, q) => q.leakage - p.leakage);
  return {
    caption: 'Misuse by behaviour over the horizon, most leakage first, mean across paths (claims: population-level; article: 条例 article without intent to defraud, 40 for fraud as such)',
    columns: ['behaviour', 'article', 'claims touched', 'leakage (亿元)', 'share of its claims found on review'],
    rows: costs.map(({ b, claims, leakage, found }) => [behaviourWords(b), BEHAVIOUR_INFO[b].article, claims, leakage * YI, claims > 0 ? found / claims : '—']),
  };
}

/** How the top spenders were ranked, and what it took (engine/simulate.ts). */
export function passesText(passes: readonly number[], firstYear: number): string {
  const again = passes.filter((n) => n > 1).length;
  const most = Math.max(1, ...passes);
  return (
    `Each year's top spenders are the hospitals the baseline's funds paid most the year before, as the run realised it (${firstYear}: the largest by size); ` +
    (again === 0 ? 'every path ranked them on its first pass.' : `${again} of ${passes.length} paths ran again to rank them on their own payments (at most ${most} passes).`)
  );
}
