/** Loading a scenario: every problem names the file, line, field path and value, and says what is allowed there. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile, packageRoot } from '../../src/cli/paths.js';
import { problemsOf } from '../helpers/problems.js';
import { loadScenario } from '../../src/scenario/load.js';

const ROOT = packageRoot();


function scenarioFile(body: string, policy = defaultPolicyFile()): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yibao-scenario-')), 'typo.yaml');
  const head = `id: typo\nname: typo\nbaseYear: 2021\nhorizon: 2\npaths: 1\nsample: { members: 10, represents: 100 }\npolicy: ${JSON.stringify(policy)}\n`;
  writeFileSync(file, head + body);
  return file;
}

describe('loadScenario', () => {
  it('says which fields are allowed beside a misspelt one, at the top and in a section', () => {
    const file = scenarioFile('populaton: { employeeShare: 0.3 }\nfund:\n  resident:\n    finanzing: {}\n');
    expect(problemsOf(() => loadScenario(file)).map((p) => [p.path.join('.'), p.line, p.message])).toEqual([
      ['fund.resident.finanzing', 11, expect.stringMatching(/^unknown field; allowed here: financing, opening, /)],
      ['populaton', 8, expect.stringMatching(/^unknown field; allowed here: id, name, .*\bpopulation\b/)],
    ]);
  });

  it('refuses a population with members in a scheme the policy has no rules for (they would pay in and be paid nothing)', () => {
    const employeeOnly = join(ROOT, 'scenarios', 'policies', 'beijing-style-employee.yaml');
    const [problem, ...rest] = problemsOf(() => loadScenario(scenarioFile('population: { employeeShare: 0.9 }\n', employeeOnly)));
    expect(rest).toEqual([]);
    expect([problem!.path.join('.'), problem!.line, problem!.value]).toEqual(['population.employeeShare', 8, 0.9]);
    expect(problem!.message).toMatch(/^the population has residents \(城乡居民医保\), but the policy \(.*beijing-style-employee\.yaml\) has no resident scheme/);
    // Newborn entrants are residents too.
    expect(problemsOf(() => loadScenario(scenarioFile('population: { employeeShare: 1 }\n', employeeOnly))).map((p) => p.path.join('.'))).toEqual(['population.entrants.newborn']);
    expect(loadScenario(scenarioFile('population: { employeeShare: 1, entrants: { newborn: 0 } }\n', employeeOnly)).policy.policy.resident).toBeUndefined();
  });

  it('refuses an id that would put the results outside out/<id> (".." is out/.., the directory the run starts in)', () => {
    const file = scenarioFile('');
    for (const id of ['..', '.', '.hidden', '-x']) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: .*$/m, `id: ${JSON.stringify(id)}`));
      expect(problemsOf(() => loadScenario(file)).map((p) => [p.path.join('.'), p.value, p.message])).toEqual([['id', id, expect.stringMatching(/^must be letters, digits, .*starting with a letter, digit or "_"/)]]);
    }
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: .*$/m, 'id: beijing-2021.v2'));
    expect(loadScenario(file).scenario.id).toBe('beijing-2021.v2');
  });

  it('refuses a base year before the policy takes effect (later years carry it forward; earlier ones it never governed)', () => {
    const file = scenarioFile('');
    writeFileSync(file, readFileSync(file, 'utf8').replace('baseYear: 2021', 'baseYear: 2019'));
    expect(problemsOf(() => loadScenario(file)).map((p) => [p.path.join('.'), p.line, p.value, p.message])).toEqual([
      ['baseYear', 3, 2019, expect.stringMatching(/^is before the policy takes effect \(2021-01-01, .*default-2021\.yaml\): give a base year from 2021, or a policy in force in 2019$/)],
    ]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('baseYear: 2019', 'baseYear: 2030'));
    expect(loadScenario(file).scenario.baseYear).toBe(2030);
  });
});
