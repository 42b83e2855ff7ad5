/**
 * One path as a cube of its own (the per-path solver's view) gives that path's ledgers exactly, on a run
 * where the ledgers read more than the aggregates: DRG payment (the payment difference) and supervision (its
 * recoveries). The view cut the aggregates alone, and every path booked path 0's payment difference and
 * recoveries; the sizing then disagreed with re-costing the same run at the value found.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetsFundTarget } from '../../src/analysis/fundTarget.js';
import { pathLedgers } from '../../src/analysis/ledgerTables.js';
import { pathCube } from '../../src/run/pathCube.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { solveLever, withResidentSubsidy } from '../../src/run/solve.js';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';

const SMALL = { paths: 4, horizon: 3, members: 1500, workers: 0 };
let loaded: LoadedScenario;
let run: ScenarioResult;

beforeAll(async () => {
  loaded = varied(loadScenario(join(__dirname, '..', '..', 'scenarios', 'supervision.yaml')), { payment: { methods: { inpatient: 'drg' } } });
  run = await runScenario(loaded, [], SMALL);
}, 120_000);

describe('pathCube', () => {
  it('gives each path its own ledgers, payment difference and supervision income included', () => {
    const fund = run.scenario.scenario.fund;
    const balances = (ledger: { currentBalance: { toFixed(d: number): string } }[]) => ledger.map((y) => y.currentBalance.toFixed(2));
    for (const scheme of ['employee', 'resident'] as const) {
      const all = pathLedgers(run.cube, 0, scheme, fund).ledgers;
      for (let p = 0; p < SMALL.paths; p++) expect(balances(pathLedgers(pathCube(run.cube, p), 0, scheme, fund).ledgers[0]!), `${scheme} path ${p}`).toEqual(balances(all[p]!));
    }
  });

  it('sizes a subsidy whose failure share is that of the same run re-costed at it', async () => {
    const target = { scheme: 'resident' as const, allowedFailure: 0.25, minMonthsCovered: 3 };
    const solved = await solveLever(loaded, { kind: 'residentSubsidy', lo: 0, hi: 3000 }, target, SMALL);
    const s = run.scenario.scenario;
    const recosted = pathLedgers(run.cube, 0, 'resident', withResidentSubsidy(s.fund, s.baseYear, solved.value)).ledgers;
    expect(recosted.filter((l) => !meetsFundTarget(l, target)).length / recosted.length).toBe(solved.failureShare);
  });
});
