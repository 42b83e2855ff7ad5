/**
 * The key outputs of a shipped reform on the default scenario at a small fixed size, as kept in
 * scenarios/reforms/<id>.expected.json, and their comparison: counts exactly, money to a relative 1e-9.
 */
import { join } from 'node:path';
import { claimSum, typesOf } from '../../src/analysis/claimSums.js';
import { memberSum } from '../../src/analysis/memberMeasures.js';
import { blockOf } from '../../src/engine/result.js';
import { SCHEMES, type Scheme } from '../../src/policy/vocabulary.js';
import type { Reform } from '../../src/policy/reform.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

export const REFORMS_DIR = join(__dirname, '..', '..', 'scenarios', 'reforms');
export const REGENERATE = 'UPDATE_EXPECTED=1 npx vitest run tests/scenarios/reforms.test.ts';
/**
 * The fixed size: small enough for the test suite (the engine is deterministic at any size), large enough
 * that the dated fund-cap reform finds employees above the cap in 2023 on most paths.
 */
export const REFORM_RUN = { paths: 4, members: 10_000, horizon: 3, seed: 20211231, workers: 0 } as const;

/** Shipped reforms compared with the behavioural response on (induced demand): id → elasticity. The rest run with it off. */
export const INDUCED_DEMAND: Readonly<Record<string, number>> = { 'class-b-first-self-pay-induced-demand': -0.2 };

export const expectedFile = (id: string) => join(REFORMS_DIR, `${id}.expected.json`);

export interface Paired {
  baseline: number;
  reform: number;
  /** Mean over paths of reform − baseline, and its standard error. */
  difference: number;
  se: number;
}

export interface SchemeSummary {
  /** Baseline member-years and admissions, summed over paths and years. */
  counts: { memberYears: number; admissions: number };
  /** These three over the years the reform is in force (a dated reform's from its startYear, as its over-horizon tables). */
  expenditure_yuan: Paired;
  final_accumulated_balance_yuan: Paired;
  out_of_pocket_per_member_yuan: Paired;
  /** Reform − baseline pooled expenditure per year (mean over paths), to see when a dated reform starts. */
  expenditure_difference_by_year: number[];
}

export interface ReformSummary {
  regenerate: string;
  reform: string;
  scenario: string;
  run: typeof REFORM_RUN;
  /** Present when the reform is compared with the behavioural response on. */
  behaviour?: { elasticity: number };
  years: number[];
  schemes: Record<Scheme, SchemeSummary>;
}

type Row = Record<string, number | string>;

function paired(rows: Row[], match: Row): Paired {
  const row = rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (!row) throw new Error(`no row ${JSON.stringify(match)}`);
  return { baseline: Number(row.baseline_mean), reform: Number(row.reform_mean), difference: Number(row.difference), se: Number(row.se) };
}

function counts(result: ScenarioResult, scheme: Scheme): SchemeSummary['counts'] {
  const types = typesOf(scheme);
  let memberYears = 0;
  let admissions = 0;
  for (let p = 0; p < result.cube.paths; p++) {
    result.cube.years.forEach((_, y) => {
      const block = blockOf(result.cube, 0, p, y);
      memberYears += memberSum(block, types, 'memberYears');
      admissions += claimSum(block, 'episodes', { types });
    });
  }
  return { memberYears, admissions };
}

export function summarise(result: ScenarioResult): ReformSummary {
  const reform = result.reforms[0]!.id;
  const { elasticity } = result.scenario.scenario.behaviour;
  const fund = result.tables.reform_fund_over_horizon as Row[];
  const claims = result.tables.reform_claims_over_horizon as Row[];
  const byYear = result.tables.reform_fund_by_year as Row[];
  const scheme = (s: Scheme): SchemeSummary => ({
    counts: counts(result, s),
    expenditure_yuan: paired(fund, { scheme: s, metric: 'expenditure_yuan' }),
    final_accumulated_balance_yuan: paired(fund, { scheme: s, metric: 'final_accumulated_balance_yuan' }),
    out_of_pocket_per_member_yuan: paired(claims, { metric: 'out_of_pocket_per_member_yuan', scheme: s, person_type: 'all', setting: 'all', level: 'all' }),
    expenditure_difference_by_year: result.cube.years.map((year) => paired(byYear, { scheme: s, metric: 'expenditure_yuan', year }).difference),
  });
  return {
    regenerate: REGENERATE,
    reform,
    scenario: 'scenarios/default.yaml',
    run: REFORM_RUN,
    ...(elasticity !== 0 ? { behaviour: { elasticity } } : {}),
    years: result.cube.years,
    schemes: Object.fromEntries(SCHEMES.map((s) => [s, scheme(s)])) as Record<Scheme, SchemeSummary>,
  };
}

export async function reformSummary(reform: Reform): Promise<ReformSummary> {
  const { workers, ...size } = REFORM_RUN;
  const elasticity = INDUCED_DEMAND[reform.id];
  const scenario = loadScenario(defaultScenarioFile());
  return summarise(await runScenario(elasticity === undefined ? scenario : varied(scenario, { behaviour: { elasticity } }), [reform], { ...size, workers }));
}

/** Every difference between an expected and an actual summary, as "path: expected … got …". */
export function differences(expected: unknown, actual: unknown, path: string[] = []): string[] {
  const at = path.join('.') || '(root)';
  if (typeof expected === 'number' && typeof actual === 'number') {
    const exact = path.includes('counts') || path[0] === 'run' || path[0] === 'years';
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    const close = exact ? expected === actual : Math.abs(expected - actual) <= 1e-9 * scale;
    return close ? [] : [`${at}: expected ${expected}, got ${actual}`];
  }
  if (expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object') {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => differences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], [...path, k]));
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
