/** Loading a scenario: every problem names the file, line, field path and value, and says what is allowed there. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { InputError, type Problem } from '../../src/input/inputError.js';
import { loadScenario } from '../../src/scenario/load.js';

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

function scenarioFile(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yibao-scenario-')), 'typo.yaml');
  const head = `id: typo\nname: typo\nbaseYear: 2021\nhorizon: 2\npaths: 1\nsample: { members: 10, represents: 100 }\npolicy: ${JSON.stringify(defaultPolicyFile())}\n`;
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
});
