import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationCube } from '../../src/engine/result.js';
import { pathLedgers } from '../../src/analysis/ledgerTables.js';
import { fundTables, reformTables, simulationTables } from '../../src/analysis/tables.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadReform } from '../../src/policy/reform.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { one, pick } from './cubes.js';

type Row = Record<string, string | number>;

/** The default scenario, small: 4 paths, 3 years, 1,500 member slots, with a reform raising tertiary inpatient deductibles. */
const small = withOverrides(loadScenario(defaultScenarioFile()), { paths: 4, horizon: 3, members: 1500 });
const reform = loadReform(join(__dirname, 'fixtures', 'higher-tertiary-deductible.yaml'));

describe('tables from a real simulation hold together', () => {
  let cube: SimulationCube;
  let sim: Record<string, Row[]>;
  let reforms: Record<string, Row[]>;
  beforeAll(async () => {
    cube = await simulate(runSpec(small, [reform]), { workers: 0 });
    sim = simulationTables(cube) as Record<string, Row[]>;
    reforms = reformTables(cube) as Record<string, Row[]>;
  });
  const base = { variant: 'baseline', person_type: 'all', setting: 'all', level: 'all' };

  it('splits the bill among its payers', () => {
    const payers = ['pooled_fund_yuan', 'serious_illness_yuan', 'assistance_yuan', 'backstop_yuan', 'out_of_pocket_yuan'];
    for (const year of cube.years) {
      for (const scheme of ['all', 'employee', 'resident']) {
        const at = { ...base, scheme, year };
        const paid = payers.reduce((s, metric) => s + (one(sim.claims_by_year!, { ...at, metric }).mean as number), 0);
        expect(paid).toBeCloseTo(one(sim.claims_by_year!, { ...at, metric: 'bill_yuan' }).mean as number, 2);
      }
    }
  });

  it('gives ratios between 0 and 1, the actual one below the policy-range one', () => {
    const key = (r: Row) => [r.variant, r.scheme, r.person_type, r.setting, r.level, r.year].join('|');
    const policy = new Map(pick(sim.claims_by_year!, { metric: 'policy_range_ratio' }).map((r) => [key(r), r.mean as number]));
    const actual = pick(sim.claims_by_year!, { metric: 'actual_ratio' }).filter((r) => (r.paths as number) > 0);
    expect(actual.length).toBeGreaterThan(100);
    for (const r of actual) {
      // Per path the policy-range cost is part of the bill, so the actual ratio is the lower, and so is its mean.
      expect(r.mean).toBeGreaterThanOrEqual(0);
      expect(r.mean).toBeLessThanOrEqual(policy.get(key(r))! + 1e-12);
      expect(policy.get(key(r))).toBeLessThanOrEqual(1);
    }
  });

  it('gives deciles in order and a histogram that counts every member-year', () => {
    for (const scheme of ['all', 'employee', 'resident']) {
      const deciles = pick(sim.oop_deciles_by_year!, { variant: 'baseline', scheme, year: 2021 }).map((r) => r.mean as number);
      expect(deciles).toHaveLength(9);
      deciles.forEach((d, i) => i > 0 && expect(d).toBeGreaterThanOrEqual(deciles[i - 1]!));
      const people = pick(sim.oop_histogram_by_year!, { variant: 'baseline', scheme, year: 2021 }).reduce((s, r) => s + (r.mean as number), 0);
      const memberYears = one(sim.members_by_year!, { variant: 'baseline', scheme, person_type: 'all', age_band: 'all', year: 2021, metric: 'member_years' }).mean as number;
      expect(people).toBeCloseTo(memberYears, 3);
    }
  });

  it('shows the reform lowering tertiary inpatient ratios on every path, and nobody gaining', () => {
    for (const scheme of ['employee', 'resident']) {
      const r = one(reforms.reform_claims_over_horizon!, { scheme, person_type: 'all', setting: 'inpatient', level: 'tertiary', metric: 'policy_range_ratio' });
      expect(r.ci_high).toBeLessThan(0);
    }
    const gainers = one(reforms.gainers_losers_over_horizon!, { scheme: 'all', person_type: 'all', age_band: 'all', metric: 'gainers_share' });
    expect(gainers.mean).toBe(0);
    const change = one(reforms.gainers_losers_over_horizon!, { scheme: 'all', person_type: 'all', age_band: 'all', metric: 'oop_change_per_member_yuan' });
    expect(change.ci_low).toBeGreaterThan(0);
  });

  it("splits winners and losers by setting: the inpatient reform's losers are in the inpatient setting, and the settings' changes add up", () => {
    const bySetting = reforms.gainers_losers_by_setting_over_horizon!;
    const at = (setting: string, metric: string) => one(bySetting, { scheme: 'all', person_type: 'all', setting, metric }).mean as number;
    expect(at('inpatient', 'losers_share')).toBeGreaterThan(0);
    expect(at('inpatient', 'oop_change_per_member_yuan')).toBeGreaterThan(0);
    // Another setting can gain: inpatient and chronic care share the fund cap, so less paid under it for admissions leaves more for chronic care.
    expect(at('inpatient', 'losers_share')).toBeGreaterThan(at('outpatient', 'losers_share'));
    // Per member-year the settings' out-of-pocket changes sum to the total change (the same paired draws).
    const settingsSum = ['inpatient', 'outpatient', 'chronic', 'pharmacy', 'emergencyObservation'].reduce((s, x) => s + at(x, 'oop_change_per_member_yuan'), 0);
    const total = one(reforms.gainers_losers_over_horizon!, { scheme: 'all', person_type: 'all', age_band: 'all', metric: 'oop_change_per_member_yuan' }).mean as number;
    expect(settingsSum).toBeCloseTo(total, 6);
  });

  it('runs the fund ledgers of every path', () => {
    const funds = (['employee', 'resident'] as const).flatMap((scheme) => [0, 1].map((v) => pathLedgers(cube, v, scheme, small.scenario.fund)));
    const tables = fundTables(funds, 'baseline') as Record<string, Row[]>;
    expect(tables.fund_by_year).toHaveLength(2 * 2 * 6 * 3);
    // The reform pays less from the pooled fund: expenditure falls on every path.
    const spent = one(tables.reform_fund_over_horizon!, { scheme: 'employee', metric: 'expenditure_yuan' });
    expect(spent.ci_high).toBeLessThan(0);
    for (const r of tables.fund_risk_by_year!) expect(r.probability).toBeGreaterThanOrEqual(0);
  });
});
