import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { parseDocumentText, validateDocument } from '../../src/input/document.js';
import { InputError } from '../../src/input/inputError.js';
import { loadPolicy } from '../../src/policy/load.js';
import { reformSchema, type Reform } from '../../src/policy/reform.js';
import { indexationRules, type IndexationRule } from '../../src/projection/indexation.js';
import { macroAssumptions, macroPath, projectionYears } from '../../src/projection/macro.js';
import { policyTimeline } from '../../src/projection/timeline.js';
import { runKeys } from '../../src/random/keys.js';

const baseline = loadPolicy(defaultPolicyFile());
// Average wage 100,000 growing 5% a year, costs 4% a year, 2021–2025: wage index 1, 1.05, 1.1025, 1.157625, 1.21550625.
const macro = macroPath(
  macroAssumptions.parse({ averageWage: 100000, wageGrowth: { rate: 0.05, byYear: {} }, medicalInflation: { rate: 0.04 } }),
  runKeys(1),
  0,
  projectionYears(2021, 5),
);

function reformFrom(yaml: string, file = 'reform.yaml'): Reform {
  const doc = parseDocumentText(yaml, file);
  return { ...validateDocument(doc, reformSchema), file, doc };
}

const rules = (list: unknown[]): IndexationRule[] => indexationRules.parse(list);

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('indexation', () => {
  const timeline = policyTimeline({
    baseline,
    macro,
    indexation: rules([
      { path: 'employee.inpatient.deductible', mode: 'averageWage', multiple: 0.1 },
      { path: 'employee.fundCap.amount', mode: 'wageIndex' },
      { path: 'resident.seriousIllness.deductible', mode: 'costIndex' },
      { path: 'employee.inpatient.laterAdmissionDeductible', mode: 'fixed' },
    ]),
  });
  const each = <T>(f: (p: (typeof timeline)[number]['policy']) => T) => timeline.map((y) => f(y.policy));

  it('a deductible at 10% of the average wage grows with wages (rounded to whole yuan)', () => {
    // 10% of 100,000; 105,000; 110,250; 115,762.50 → 11,576.25 → 11,576; 121,550.63 → 12,155.063 → 12,155
    expect(each((p) => p.employee!.inpatient.deductible.inService.tertiary)).toEqual([10000, 10500, 11025, 11576, 12155]);
    expect(each((p) => p.employee!.inpatient.deductible.retired.community)).toEqual([10000, 10500, 11025, 11576, 12155]);
  });

  it('a fixed amount does not', () => {
    expect(each((p) => p.employee!.inpatient.laterAdmissionDeductible!.inService.tertiary)).toEqual([400, 400, 400, 400, 400]);
    expect(each((p) => p.resident!.inpatient.deductible.adult.secondary)).toEqual([400, 400, 400, 400, 400]);
    expect(each((p) => p.employee!.inpatient.ratio.inService.tertiary)).toEqual([0.85, 0.85, 0.85, 0.85, 0.85]);
  });

  it('wage- and cost-indexed amounts grow from the base year, half up to whole yuan', () => {
    // 100,000 × 1.157625 = 115,762.5 → 115,763; × 1.21550625 = 121,550.625 → 121,551
    expect(each((p) => p.employee!.fundCap.amount.inService)).toEqual([100000, 105000, 110250, 115763, 121551]);
    // 15,000 × 1.04^k: 15,600; 16,224; 16,872.96 → 16,873; 17,547.8784 → 17,548
    expect(each((p) => p.resident!.seriousIllness!.deductible.adult)).toEqual([15000, 15600, 16224, 16873, 17548]);
  });

  it('each year is dated to its calendar year and validated', () => {
    expect(timeline.map((y) => y.policy.effective)).toEqual(timeline.map((y) => ({ from: `${y.year}-01-01`, to: `${y.year}-12-31` })));
    expect(timeline.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('a broad rule indexes every amount under it, never ratios; a more specific rule wins', () => {
    const t = policyTimeline({ baseline, macro, indexation: rules([{ path: 'resident', mode: 'wageIndex' }, { path: 'resident.fundCap', mode: 'fixed' }]) });
    const p2022 = t[1]!.policy.resident!;
    expect(p2022.outpatient.cap.elderly).toBe(2520); // 2,400 × 1.05
    expect(p2022.seriousIllness!.bands).toEqual([
      { from: 0, to: 105000, ratio: 0.6 },
      { from: 105000, ratio: 0.7 },
    ]);
    expect(p2022.fundCap.amount.adult).toBe(100000);
    expect(p2022.elderlyAge).toBe(60);
    expect(p2022.inpatient.ratio.adult.tertiary).toBe(0.62);
  });
});

describe('dated reforms', () => {
  const reform = reformFrom(
    ['id: opcap', 'name: outpatient cap 3000', 'startYear: 2023', 'changes:', '  employee:', '    outpatient:', '      cap: { inService: 3000 }'].join('\n'),
  );

  it('a reform starting in year 3 of 5 applies from 2023 only', () => {
    const t = policyTimeline({ baseline, macro, reforms: [reform] });
    expect(t.map((y) => y.policy.employee!.outpatient.cap.inService)).toEqual([2000, 2000, 3000, 3000, 3000]);
    expect(t.map((y) => y.policy.employee!.outpatient.cap.retired)).toEqual([3000, 3000, 3000, 3000, 3000]);
    expect(t.map((y) => y.reforms)).toEqual([[], [], ['opcap'], ['opcap'], ['opcap']]);
    expect(t[2]!.policy.id).toBe('default-prefecture-2021+opcap');
  });

  it("an indexed amount a reform sets is indexed from the reform's start year", () => {
    const t = policyTimeline({ baseline, macro, reforms: [reform], indexation: rules([{ path: 'employee.outpatient.cap', mode: 'wageIndex' }]) });
    // inService: 2,000 → 2,100 (2022); set to 3,000 in 2023; 3,000 × 1.05 = 3,150; × 1.1025 = 3,307.5 → 3,308
    expect(t.map((y) => y.policy.employee!.outpatient.cap.inService)).toEqual([2000, 2100, 3000, 3150, 3308]);
    // retired (set in 2021): 3,000 × 1.1025 = 3,307.5 → 3,308; × 1.157625 = 3,472.875 → 3,473
    expect(t.map((y) => y.policy.employee!.outpatient.cap.retired)).toEqual([3000, 3150, 3308, 3473, 3647]);
  });

  it('a reform changing what a rule sets from the average wage is an error', () => {
    const conflicting = reformFrom(['id: ded', 'name: deductible', 'startYear: 2023', 'changes:', '  employee:', '    inpatient:', '      deductible: 900'].join('\n'), 'ded.yaml');
    const problems = problemsOf(() =>
      policyTimeline({ baseline, macro, reforms: [conflicting], indexation: rules([{ path: 'employee.inpatient.deductible', mode: 'averageWage', multiple: 0.1 }]) }),
    );
    expect(problems).toEqual([
      'ded.yaml:7: changes.employee.inpatient.deductible = 900: indexation rule 0 sets "employee.inpatient.deductible" to 0.1 × the average wage every year, so this change would have no effect; change the rule instead',
    ]);
  });

  it('a reform naming an unknown parameter is an error naming the reform file and field', () => {
    const bad = reformFrom(['id: bad', 'name: bad', 'startYear: 2024', 'changes:', '  employee:', '    inpatient:', '      deductable: 900'].join('\n'), 'bad.yaml');
    expect(problemsOf(() => policyTimeline({ baseline, macro, reforms: [bad] }))).toEqual(['bad.yaml:7: changes.employee.inpatient.deductable = 900: unknown field; allowed here: deductible, laterAdmissionDeductible, ratio, bandBasis, cap, classBFirstSelfPay']);
  });

  it('a reform is all or nothing: one bad value rejects it', () => {
    const bad = reformFrom(
      ['id: half', 'name: half', 'startYear: 2022', 'changes:', '  employee:', '    outpatient:', '      cap: 2500', '      ratio: 1.5'].join('\n'),
      'half.yaml',
    );
    const problems = problemsOf(() => policyTimeline({ baseline, macro, reforms: [bad] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^half\.yaml:8: changes\.employee\.outpatient\.ratio = 1\.5: /);
  });
});

describe('timeline errors', () => {
  it('an indexation path that does not exist names the rule and what exists there', () => {
    const problems = problemsOf(() =>
      policyTimeline({ baseline, macro, indexationFile: 'scenario.yaml', indexation: rules([{ path: 'employee.inpatient.deductable', mode: 'wageIndex' }]) }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scenario\.yaml: indexation\[0\]\.path = "employee\.inpatient\.deductable": no field "deductable" in "employee\.inpatient"/);
    expect(problems[0]).toContain('has: deductible, laterAdmissionDeductible, ratio');
  });

  it('a path to a ratio has nothing to index', () => {
    const problems = problemsOf(() => policyTimeline({ baseline, macro, indexationFile: 'scenario.yaml', indexation: rules([{ path: 'employee.inpatient.ratio', mode: 'wageIndex' }]) }));
    expect(problems).toEqual([
      'scenario.yaml: indexation[0].path = "employee.inpatient.ratio": holds no amount in yuan to index (ratios and other numbers are never indexed, and a null cap stays null)',
    ]);
  });

  it('a horizon of zero', () => {
    expect(problemsOf(() => policyTimeline({ baseline, macro: { path: 0, years: [] } }))).toEqual(['(projection): horizon = 0: the projection needs at least one year']);
    expect(() => projectionYears(2021, 0)).toThrow(InputError);
  });

  it('an indexed policy that is no longer valid names the first failing year', () => {
    // 100 × 100,000 = 10,000,000 is the largest amount allowed; 105,000 × 100 is above it from 2022
    const problems = problemsOf(() => policyTimeline({ baseline, macro, indexation: rules([{ path: 'employee.fundCap.amount', mode: 'averageWage', multiple: 100 }]) }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/\(indexed for 2022\).*employee\.fundCap\.amount = 10500000: must be at most 10000000 yuan \(after indexation for 2022/);
  });

  it('duplicate rule paths are rejected by the schema', () => {
    const result = indexationRules.safeParse([
      { path: 'employee.fundCap.amount', mode: 'wageIndex' },
      { path: 'employee.fundCap.amount', mode: 'fixed' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, 'path']);
  });
});

describe('the benefit year', () => {
  it('a policy whose benefit year does not start on 1 January is refused for a simulation, once, naming the field', () => {
    // A simulation settles calendar years; the Chongqing student scheme runs from 1 September (seed 003 L413).
    const reform = reformFrom(`id: school-year\nname: school year\nchanges: { benefitYearStart: '09-01' }\n`);
    expect(problemsOf(() => policyTimeline({ baseline, macro, reforms: [reform] }))).toEqual([
      expect.stringMatching(/^.*benefitYearStart = "09-01": a simulation settles calendar years, so it needs a benefit year from 01-01; this policy's runs from 09-01 \(claim lines can be settled under it with yibao settle or explain\)$/),
    ]);
  });
});
