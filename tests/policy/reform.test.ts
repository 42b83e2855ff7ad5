/**
 * Reforms: a partial policy merged into a baseline (objects field by field, values and lists replaced),
 * validated as a whole, all-or-nothing, with every problem reported against the reform file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { problemsOf } from '../helpers/problems.js';
import { loadPolicy } from '../../src/policy/load.js';
import { applyReform, loadReform } from '../../src/policy/reform.js';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const lineOf = (file: string, marker: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;


describe('reforms', () => {
  it('merges a partial change field by field and leaves the rest and the baseline alone', () => {
    const baseline = loadPolicy(defaultPolicyFile());
    const before = structuredClone(baseline);
    const reformed = applyReform(baseline, loadReform(fixture('reform-partial.yaml')));
    const b = baseline.policy.employee!;
    const r = reformed.policy.employee!;

    expect(r.outpatient.deductible).toEqual({ inService: 200, retired: 200 });
    expect(r.inpatient.ratio.retired!.tertiary).toBe(0.95);
    // Siblings of a changed value keep the baseline's (deep merge), lists are replaced.
    expect(r.inpatient.ratio.retired!.secondary).toBe(b.inpatient.ratio.retired!.secondary);
    expect(r.inpatient.ratio.inService).toEqual(b.inpatient.ratio.inService);
    expect(r.outpatient.cap).toEqual(b.outpatient.cap);
    expect(r.fundCap).toEqual({ amount: b.fundCap.amount, settings: ['inpatient'] });
    expect(reformed.policy.resident).toEqual(baseline.policy.resident);
    expect(reformed.policy.id).toBe('default-prefecture-2021+partial');
    expect(reformed.file).toBe(`${baseline.file} + ${fixture('reform-partial.yaml')}`);
    expect(baseline).toEqual(before);
  });

  it('rejects an invalid reform as a whole, reporting every problem against the reform file', () => {
    const baseline = loadPolicy(defaultPolicyFile());
    const before = structuredClone(baseline);
    const file = fixture('reform-invalid.yaml');
    const problems = problemsOf(() => applyReform(baseline, loadReform(file)));

    expect(problems.map((p) => [p.file, p.path.join('.'), p.line, p.value, p.message])).toEqual([
      [file, 'changes.employee.inpatient.ratio.inService', lineOf(file, 'inService: 1.5'), 1.5, 'must be between 0 and 1'],
      [file, 'changes.employee.inpatient.deductable', lineOf(file, 'deductable'), 300, 'unknown field; allowed here: deductible, laterAdmissionDeductible, ratio, bandBasis, cap, classBFirstSelfPay'],
      // A problem points at its field's key.
      [
        file,
        'changes.residents',
        lineOf(file, 'residents:'),
        { outpatient: { cap: 3000 } },
        'unknown field; allowed here: id, name, jurisdiction, effective, benefitYearStart, description, sources, employee, resident',
      ],
    ]);
    // Nothing of the valid part (the outpatient deductible) reached the baseline.
    expect(baseline).toEqual(before);
    expect(baseline.policy.employee!.outpatient.deductible.inService).toBe(300);
  });

  it('reports a consistency problem the merge creates against the reform file', () => {
    const file = fixture('reform-inconsistent.yaml');
    const problems = problemsOf(() => applyReform(loadPolicy(defaultPolicyFile()), loadReform(file)));
    expect(problems).toHaveLength(2);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['changes.employee.outpatient.cap.inService', 'changes.employee.outpatient.cap.retired']);
    for (const p of problems) {
      expect(p.file).toBe(file);
      // The cap is the baseline's, so the line is that of the nearest field the reform wrote: its section.
      expect(p.line).toBe(lineOf(file, 'outpatient:'));
      expect(p.message).toMatch(/is below the annual deductible 5000: must be at least 5000/);
    }
  });

  it('refuses changes to the id and the jurisdiction together with every other problem', () => {
    const file = fixture('reform-fixed-fields.yaml');
    const problems = problemsOf(() => applyReform(loadPolicy(defaultPolicyFile()), loadReform(file)));
    expect(problems.map((p) => [p.path.join('.'), p.line, p.message])).toEqual([
      ['changes.id', lineOf(file, 'id: other-policy'), "a reform may not change the policy's id"],
      ['changes.jurisdiction', lineOf(file, 'jurisdiction:'), "a reform may not change the policy's jurisdiction"],
      ['changes.resident.inpatient.deductible', lineOf(file, 'deductible: -1'), 'must be 0 or more'],
    ]);
  });

  it('refuses, in one problem, a reform of a scheme the baseline lacks (not one "is required" per missing field)', () => {
    const baseline = loadPolicy(join(__dirname, '..', '..', 'scenarios', 'policies', 'beijing-style-employee.yaml'));
    const file = join(__dirname, '..', '..', 'scenarios', 'reforms', 'resident-tertiary-deductible.yaml');
    const problems = problemsOf(() => applyReform(baseline, loadReform(file)));
    expect(problems.map((p) => [p.file, p.path.join('.'), p.line, p.message])).toEqual([
      [file, 'changes.resident', lineOf(file, 'resident:'), `the baseline policy ${baseline.file} has no resident scheme; a reform changes a scheme's terms, it cannot add a scheme (give the whole scheme in a policy file instead)`],
    ]);
  });

  it('tells a policy file given as a reform for what it is, in one problem at its first policy field', () => {
    const file = fixture('bad-policy.yaml');
    const problems = problemsOf(() => loadReform(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, path: [], line: expect.any(Number) });
    expect(problems[0]!.message).toMatch(/^this is a policy file \(it has `jurisdiction`.*\), not a reform: a scenario names it in its `policy` field/);
  });

  it('suggests the field a misspelt one stands for, instead of reporting it unknown and the other missing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yibao-change-')), 'change.yaml');
    writeFileSync(file, 'id: m6\nname: typo\nchange:\n  resident:\n    inpatient:\n      deductible: { tertiary: 1000 }\n');
    expect(problemsOf(() => loadReform(file)).map((p) => [p.path.join('.'), p.line, p.message])).toEqual([['change', 3, 'unknown field; did you mean "changes"?']]);
  });
});
