/**
 * Personal-account interest in the engine (engine/chunk.ts closeAccounts): once a year at the year-end
 * rollover (seed 002 篇8 L399, domain B16), each member's balance at the end of the year, after the year's
 * credit and account spending and before a leaver's balance goes out, earns the demand-deposit rate,
 * rounded half up to the fen. Summed over members:
 *   interest = Σ round(rate × (opening + credit − spending)),
 * so with the rate at 100% it is exactly opening + credits − spending, and at any rate it is within half a
 * fen per account holder of rate × that sum.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { cubeOffset, type SimulationCube } from '../../src/engine/result.js';
import { fundYearInputs } from '../../src/fund/fromAggregates.js';
import { fundLedger } from '../../src/fund/ledger.js';
import { EMPLOYEE_TYPES, PERSON_TYPES } from '../../src/policy/vocabulary.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';

const SMALL = { paths: 2, horizon: 3, members: 1500 };
const withRate = (interestRate: number) => withOverrides(varied(loadScenario(defaultScenarioFile()), { fund: { employee: { accounts: { interestRate } } } }), SMALL);

/** Employee account sums of one path and year (fen, simulated members, weight 1). */
function accounts(cube: SimulationCube, p: number, y: number) {
  const input = fundYearInputs(cube.blocks, cubeOffset(cube, 0, p, y), cube.years[y]!, 1);
  const sum = (field: 'memberYears' | 'accountOpening' | 'accountCredit' | 'accountInterest' | 'accountClosing' | 'accountLeavers' | 'personalAccount') =>
    EMPLOYEE_TYPES.reduce((s, t) => s + (input.byType[t]?.[field] ?? 0), 0);
  // Family-account payments (家庭共济) come out of employee accounts whoever's claim they pay.
  const family = PERSON_TYPES.reduce((s, t) => s + (input.byType[t]?.familyAccount ?? 0), 0);
  const yearEnd = sum('accountOpening') + sum('accountCredit') - sum('personalAccount') - family;
  return { input, holders: sum('memberYears'), yearEnd, interest: sum('accountInterest'), opening: sum('accountOpening'), credits: sum('accountCredit'), closing: sum('accountClosing'), leavers: sum('accountLeavers') };
}

function everyPathYear(cube: SimulationCube, check: (a: ReturnType<typeof accounts>, where: string) => void): void {
  for (let p = 0; p < cube.paths; p++) for (let y = 0; y < cube.years.length; y++) check(accounts(cube, p, y), `path ${p}, ${cube.years[y]}`);
}

describe('personal-account interest in the engine', () => {
  it('at a 100% rate, credits exactly the year-end balance, to the fen', async () => {
    const cube = await simulate(runSpec(withRate(1)), { workers: 0 });
    everyPathYear(cube, (a, where) => {
      expect(a.yearEnd, where).toBeGreaterThan(0);
      expect(a.interest, where).toBe(a.yearEnd);
      // Interest is credited before the leavers' balances go out: they leave with theirs.
      expect(a.closing + a.leavers, where).toBe(2 * a.yearEnd);
    });
  });

  it('at the default demand-deposit rate (0.35%), credits rate × the year-end balance within half a fen an account', async () => {
    const loaded = withRate(0.0035);
    expect(loaded.scenario.fund.employee.accounts.interestRate).toBe(0.0035);
    const cube = await simulate(runSpec(loaded), { workers: 0 });
    everyPathYear(cube, (a, where) => {
      const tolerance = 0.5 * a.holders;
      expect(Math.abs(a.interest - 0.0035 * a.yearEnd), where).toBeLessThanOrEqual(tolerance);
      // Not the start-of-year balance (opening, or opening + credit): spending in the year is out of it.
      expect(Math.abs(a.interest - 0.0035 * a.opening), where).toBeGreaterThan(tolerance);
      expect(Math.abs(a.interest - 0.0035 * (a.opening + a.credits)), where).toBeGreaterThan(tolerance);
      // The ledger's account interest line is the engine's sum (weight 1: yuan = fen / 100).
      const [year] = fundLedger('employee', loaded.scenario.fund, [a.input]);
      expect(year!.accounts!.interest.toFixed(2), where).toBe((a.interest / 100).toFixed(2));
    });
  });

  it('credits nothing at a zero rate', async () => {
    const cube = await simulate(runSpec(withRate(0)), { workers: 0 });
    everyPathYear(cube, (a, where) => {
      expect(a.interest, where).toBe(0);
      expect(a.closing + a.leavers, where).toBe(a.yearEnd);
    });
  });
});
