/**
 * The employer-rate lever restates the employer's contributions the engine summed at the scenario's rate:
 * the ledgers at another rate are those of a simulation run at that rate (to under a fen a member, each
 * member's rounding not redone), under either account rule, and the lever now moves the sizing. It moved
 * nothing before: the ledger books the engine's sums, and withEmployerRate changed only the assumptions, so
 * every rate met or missed the target alike (a sizing ended at an end of its range whatever the range).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathLedgers } from '../../src/analysis/ledgerTables.js';
import { atEmployerRate } from '../../src/run/employerRate.js';
import { runScenario } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { solveLever, withEmployerRate } from '../../src/run/solve.js';
import { loadScenario } from '../../src/scenario/load.js';

const SCENARIOS = join(__dirname, '..', '..', 'scenarios');
const SMALL = { paths: 2, horizon: 3, members: 1500, workers: 0 };
const rateOf = (rate: number) => ({ fund: { employee: { contributions: { employerRate: rate } } } });

describe('atEmployerRate', () => {
  it.each(['mutualAid', 'legacy'] as const)('gives the ledgers of a simulation at that rate (%s accounts)', async (rule) => {
    const loaded = varied(loadScenario(join(SCENARIOS, 'employee-only.yaml')), { fund: { employee: { accounts: { rule } } } });
    const at8 = await runScenario(varied(loaded, rateOf(0.08)), [], SMALL);
    const at11 = await runScenario(varied(loaded, rateOf(0.11)), [], SMALL);
    const fund = at11.scenario.scenario.fund;
    const restated = pathLedgers(atEmployerRate(at8.cube, at8.scenario.scenario.fund.employee, 0.11), 0, 'employee', fund).ledgers;
    const simulated = pathLedgers(at11.cube, 0, 'employee', fund).ledgers;
    // Under a fen for each simulated member, times the people a member stands for, in yuan.
    const slack = (SMALL.members * at8.cube.weight) / 100;
    restated.forEach((path, p) =>
      path.forEach((year, y) => {
        const other = simulated[p]![y]!;
        expect(Math.abs(year.income.employer.minus(other.income.employer).toNumber())).toBeLessThanOrEqual(slack);
        expect(Math.abs(year.pooledIncome.minus(other.pooledIncome).toNumber())).toBeLessThanOrEqual(2 * slack);
        expect(year.expenditure.total.toFixed(2)).toBe(other.expenditure.total.toFixed(2)); // claims do not depend on the rate
      }),
    );
    // withEmployerRate alone changes nothing in the ledgers: what the lever used to do.
    expect(pathLedgers(at8.cube, 0, 'employee', withEmployerRate(at8.scenario.scenario.fund, 0.11)).ledgers[0]![0]!.income.employer.toFixed(2)).toBe(
      pathLedgers(at8.cube, 0, 'employee', at8.scenario.scenario.fund).ledgers[0]![0]!.income.employer.toFixed(2),
    );
  });

  it('leaves a simulation at its own rate as it is', async () => {
    const run = await runScenario(loadScenario(join(SCENARIOS, 'employee-only.yaml')), [], { ...SMALL, paths: 1, horizon: 1 });
    expect(atEmployerRate(run.cube, run.scenario.scenario.fund.employee, run.scenario.scenario.fund.employee.contributions.employerRate)).toBe(run.cube);
  });
});

describe('the employer-rate lever', () => {
  it('sizes the stressed employee fund to a rate inside its range, which the low end misses', async () => {
    const loaded = loadScenario(join(SCENARIOS, 'notebooks', 'employee-ageing.yaml'));
    const target = { scheme: 'employee' as const, allowedFailure: 0.25 };
    const solved = await solveLever(loaded, { kind: 'employerRate', lo: 0.02, hi: 0.3 }, target, { paths: 4, members: 1500, horizon: 20, workers: 0 });
    expect(solved.atLowerBound).toBe(false);
    expect(solved.value).toBeGreaterThan(0.02);
    expect(solved.value).toBeLessThan(0.3);
    expect(solved.failureShare).toBeLessThanOrEqual(0.25);
    expect(solved.curve[0]!.shareMeeting).toBeLessThan(0.75);
  });
});
