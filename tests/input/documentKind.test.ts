/** A scenario, a policy, a reform or a manifest given where another kind is expected is named for what it is. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apparentKind } from '../../src/input/documentKind.js';
import { InputError } from '../../src/input/inputError.js';
import { loadPolicy } from '../../src/policy/load.js';
import { loadReform } from '../../src/policy/reform.js';
import { loadScenario } from '../../src/scenario/load.js';

const SCENARIOS = join(__dirname, '..', '..', 'scenarios');
const scenario = join(SCENARIOS, 'default.yaml');
const policy = join(SCENARIOS, 'policies', 'default-2021.yaml');
const reform = join(SCENARIOS, 'reforms', 'resident-tertiary-deductible.yaml');

const manifest = join(mkdtempSync(join(tmpdir(), 'yibao-kind-')), 'manifest.json');
writeFileSync(manifest, JSON.stringify({ tool: 'yibao-sim', version: '0.1.0', kind: 'run', createdAt: '2026-01-01T00:00:00Z', paths: 4, scenario: {}, policy: {} }, null, 2));

const messageOf = (load: () => unknown): string => {
  try {
    load();
  } catch (e) {
    if (e instanceof InputError && e.problems.length === 1) return e.problems[0]!.message;
    throw e;
  }
  throw new Error('expected one problem');
};

describe('document kinds', () => {
  it('tells each kind by the fields only it has, and says nothing when the fields disagree', () => {
    expect(apparentKind({ baseYear: 2021, policy: 'p.yaml' })).toBe('scenario');
    expect(apparentKind({ jurisdiction: 'CN', effective: {} })).toBe('policy');
    expect(apparentKind({ startYear: 2022, change: {} })).toBe('reform');
    expect(apparentKind({ changes: {}, baseYear: 2021 })).toBeUndefined();
    expect(apparentKind({ id: 'x' })).toBeUndefined();
    expect(apparentKind([1])).toBeUndefined();
    // A manifest embeds a scenario (policy, paths …): its own fields decide.
    expect(apparentKind({ tool: 'yibao-sim', createdAt: '2026-01-01', paths: 4, policy: {} })).toBe('manifest');
  });

  it.each([
    ['a reform as a scenario', () => loadScenario(reform), /^this is a reform file \(it has `startYear`, `changes`\)|^this is a reform file \(it has `changes`/, /compare it with `yibao compare --reform FILE`/],
    ['a policy as a scenario', () => loadScenario(policy), /^this is a policy file .*, not a scenario/, /a scenario names it in its `policy` field/],
    ['a scenario as a reform', () => loadReform(scenario), /^this is a scenario file .*, not a reform/, /run it with `yibao run FILE`/],
    ['a reform as a policy', () => loadPolicy(reform), /^this is a reform file .*, not a policy/, /`yibao compare --reform FILE`/],
    ['a run\'s manifest as a scenario', () => loadScenario(manifest), /^this is a manifest file \(it has `tool`, `createdAt`\), not a scenario/, /rerun it with `yibao run --manifest FILE`/],
  ])('names %s for what it is, and where it is used', (_name, load, what, where) => {
    const message = messageOf(load);
    expect(message).toMatch(what);
    expect(message).toMatch(where);
  });
});
