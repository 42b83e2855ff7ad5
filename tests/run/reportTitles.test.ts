/**
 * Reports are titled with the scenario's name, as the run report is: `yibao solve` and `yibao sensitivity`
 * titled theirs with the scenario file's absolute path (a reader's title showing /home/…/scenarios/default.yaml).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tornadoChart } from '../../src/charts/tornado.js';
import { manifestFor, scenarioName } from '../../src/run/manifest.js';
import { sensitivityReportHtml, type SensitivityResult } from '../../src/run/sensitivityOutputs.js';
import type { PerPathSolveResult } from '../../src/run/solve.js';
import { solveReportHtml } from '../../src/run/solveReport.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const loaded = loadScenario(defaultScenarioFile());
const execution = { workers: 0, chunkMembers: 1000, elapsedMs: 0 };
const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const NAME = '默认地级市统筹区 (default prefecture), 2021 base';

describe('report titles', () => {
  it('name the scenario, not its file', () => {
    expect(loaded.scenario.name).toBe(NAME);
    expect(scenarioName(manifestFor('run', loaded, [], execution))).toBe(NAME);
    // A document without a name (not a valid scenario, but a manifest is read as written): the file's base name.
    expect(scenarioName({ scenario: { file: '/a/b/mine.yaml', sha256: '', data: {} } })).toBe('mine.yaml');
  });

  it('titles a sizing report with the scenario name', () => {
    const r: PerPathSolveResult = {
      lever: { kind: 'residentSubsidy', lo: 500, hi: 900 },
      target: { scheme: 'resident', allowedFailure: 0.1 },
      value: 700,
      failureShare: 0.05,
      atLowerBound: false,
      evaluations: 1,
      curve: [
        { value: 500, shareMeeting: 0, lo: null, hi: null },
        { value: 700, shareMeeting: 0.95, lo: null, hi: null },
        { value: 900, shareMeeting: 1, lo: null, hi: null },
      ],
      manifest: manifestFor('solve', loaded, [], execution),
      interval: { lo: 650, hi: 750, coverage: 0.95 },
      bracket: null,
      detail: {} as PerPathSolveResult['detail'],
    };
    const html = solveReportHtml(r, 'answer');
    expect(titleOf(html)).toBe(`Sizing per-head fiscal subsidy in the base year (yuan): ${NAME}`);
    expect(titleOf(html)).not.toContain(resolve(defaultScenarioFile()));
  });

  it('titles a sensitivity report with the scenario name', () => {
    const r: SensitivityResult = {
      scheme: 'employee',
      year: 2030,
      rows: [{ assumption: 'medical inflation', low: 1, high: 3, base: 2, swing: 2 }],
      manifest: manifestFor('sensitivity', loaded, [], execution),
    };
    const html = sensitivityReportHtml(r, tornadoChart(r.rows, { outcome: 'balance (亿元)' }));
    expect(titleOf(html)).toBe(`Sensitivity of the employee fund&#39;s balance: ${NAME}`);
  });
});
