/**
 * The scenario library: every scenario, policy and reform file shipped in scenarios/ loads and validates,
 * every scenario builds its policy timeline and completes a small run with the members it says it has, and
 * scenarios/README.md lists every file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typesOf } from '../../src/analysis/claimSums.js';
import { memberSum } from '../../src/analysis/memberMeasures.js';
import { blockOf } from '../../src/engine/result.js';
import { loadPolicy } from '../../src/policy/load.js';
import { applyReform, loadReform } from '../../src/policy/reform.js';
import { SCHEMES } from '../../src/policy/vocabulary.js';
import { runScenario } from '../../src/run/scenarioRun.js';
import { defaultScenarioFile, loadScenario, runSpec } from '../../src/scenario/load.js';

const SCENARIOS = join(__dirname, '..', '..', 'scenarios');
const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const scenarioFiles = yamlIn(SCENARIOS);
const policyFiles = yamlIn(join(SCENARIOS, 'policies'));
const reformFiles = yamlIn(join(SCENARIOS, 'reforms'));

describe('scenario library', () => {
  it('has the default, one-scheme and city-style scenarios', () => {
    expect(scenarioFiles).toEqual(expect.arrayContaining(['default.yaml', 'employee-only.yaml', 'resident-only.yaml', 'nanchang.yaml', 'beijing-style.yaml']));
  });

  it.each(policyFiles)('policy %s loads and validates', (file) => {
    const { policy } = loadPolicy(join(SCENARIOS, 'policies', file));
    expect(policy.employee ?? policy.resident).toBeDefined();
    expect(policy.sources.length).toBeGreaterThan(0);
  });

  it.each(reformFiles)('reform %s applies to the default policy', (file) => {
    const reform = loadReform(join(SCENARIOS, 'reforms', file));
    const merged = applyReform(loadPolicy(join(SCENARIOS, 'policies', 'default-2021.yaml')), reform);
    expect(merged.policy.id).toBe(`default-prefecture-2021+${reform.id}`);
    expect(reform.sources.length).toBeGreaterThan(0);
  });

  it.each(scenarioFiles)('scenario %s loads, validates and builds a valid policy for every year', (file) => {
    const loaded = loadScenario(join(SCENARIOS, file));
    const spec = runSpec(loaded);
    expect(spec.years[0]).toBe(loaded.scenario.baseYear);
    expect(spec.years).toHaveLength(loaded.scenario.horizon);
    // Each scenario says where its figures come from (default.yaml cites its policy and data/ in comments).
    if (file !== 'default.yaml') expect(loaded.scenario.sources.length, file).toBeGreaterThan(0);
    // A policy dated after the base year would be applied to years it was not written for.
    expect(Number(loaded.policy.policy.effective.from.slice(0, 4)), file).toBeLessThanOrEqual(loaded.scenario.baseYear);
  });

  it('holds a run\'s overrides to the scenario file\'s own rules, for a notebook\'s options as for the command line', async () => {
    const loaded = loadScenario(defaultScenarioFile());
    const run = runScenario(loaded, [], { paths: 200_000, seed: ' ', horizon: 1, members: 5_000_001 });
    await expect(run).rejects.toMatchObject({
      name: 'InputError',
      problems: [
        { file: 'run options', path: ['seed'], value: ' ', message: 'must not be empty: a number or any text' },
        { file: 'run options', path: ['paths'], value: 200_000, message: 'must be at most 100,000' },
        { file: 'run options', path: ['members'], value: 5_000_001, message: expect.stringMatching(/^must be at most the 5,000,000 people the sample stands for/) },
      ],
    });
  });

  it('refuses worker and chunk counts that are not whole numbers (the pool never started, and the process exited with 13)', async () => {
    const loaded = loadScenario(defaultScenarioFile());
    const run = runScenario(loaded, [], { paths: 1, horizon: 1, members: 100, workers: 'two' as unknown as number, chunkMembers: 0.5 });
    await expect(run).rejects.toMatchObject({
      name: 'InputError',
      problems: [
        { file: 'run options', path: ['workers'], value: 'two', message: 'must be a whole number of at least 0' },
        { file: 'run options', path: ['chunkMembers'], value: 0.5, message: 'must be a whole number of at least 1' },
      ],
    });
  });

  it('lists every scenario, policy and reform in scenarios/README.md', () => {
    const readme = readFileSync(join(SCENARIOS, 'README.md'), 'utf8');
    const files = [...scenarioFiles, ...policyFiles.map((f) => `policies/${f}`), ...reformFiles.map((f) => `reforms/${f}`)];
    expect(files.filter((f) => !readme.includes(f))).toEqual([]);
  });

  describe.each(scenarioFiles)('a small run of %s', (file) => {
    it('completes with the schemes its population has', async () => {
      const loaded = loadScenario(join(SCENARIOS, file));
      const result = await runScenario(loaded, [], { paths: 1, members: 1000, horizon: 2, workers: 0 });
      const share = loaded.scenario.population.employeeShare;
      for (const scheme of SCHEMES) {
        const memberYears = memberSum(blockOf(result.cube, 0, 0, 0), typesOf(scheme), 'memberYears');
        const expected = scheme === 'employee' ? share : 1 - share;
        if (expected === 0) expect(memberYears, `${file}: ${scheme}`).toBe(0);
        else expect(memberYears, `${file}: ${scheme}`).toBeGreaterThan(0);
        const ledger = result.funds.find((f) => f.variant === 'baseline' && f.scheme === scheme)!.ledgers[0]!;
        // A scheme with members has a fund with money in and out; one without has none.
        for (const y of ledger) {
          for (const flow of [y.income.total, y.expenditure.total]) {
            if (expected === 0) expect(flow.toNumber(), `${file}: ${scheme} ${y.year}`).toBe(0);
            else expect(flow.toNumber(), `${file}: ${scheme} ${y.year}`).toBeGreaterThan(0);
          }
        }
      }
    });
  });
});
