/**
 * A bad policy file gets every problem at once, each with file, line, field path, the value as written
 * and what is allowed; the consistency checks (src/policy/consistency.ts) are reported with the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/cli/paths.js';
import { parseDocumentText } from '../../src/input/document.js';
import { formatProblem } from '../../src/input/inputError.js';
import { problemsOf } from '../helpers/problems.js';
import { loadPolicy, policyFromDocument } from '../../src/policy/load.js';

/** The fields every test policy below starts with (4 lines: the line numbers asserted count them). */
const POLICY_HEAD = 'id: t\nname: t\njurisdiction: CN-test\neffective: { from: 2021-01-01 }\n';

const BAD = join(__dirname, 'fixtures', 'bad-policy.yaml');
const badText = readFileSync(BAD, 'utf8');

/** The 1-based line of the only line containing `marker`. */
function lineOf(text: string, marker: string): number {
  const lines = text.split('\n').map((l, i) => (l.includes(marker) ? i + 1 : 0)).filter((n) => n > 0);
  if (lines.length !== 1) throw new Error(`marker "${marker}" is on ${lines.length} lines`);
  return lines[0]!;
}


/** What each problem must say: path, the line of a marker, the value as written, words of the message. */
const EXPECTED: { path: (string | number)[]; marker: string; value: unknown; says: string }[] = [
  { path: ['effective', 'to'], marker: 'to: 2020-12-31', value: '2020-12-31', says: 'must not be before effective.from (2021-01-01)' },
  { path: ['employee', 'outpatient', 'deductible'], marker: 'deductible: -50', value: -50, says: 'must be 0 or more' },
  { path: ['employee', 'chronic', 'ratio', 'tertiary'], marker: 'tertiary missing', value: undefined, says: 'missing hospital level "tertiary"' },
  { path: ['employee', 'inpatient', 'ratio', 'inService'], marker: 'inService: 1.2', value: 1.2, says: 'must be between 0 and 1' },
  { path: ['employee', 'inpatient', 'ratio', 'retired', 1, 'from'], marker: '# overlaps', value: 8000, says: 'overlaps the previous band (which ends at 10000); must equal 10000' },
  { path: ['employee', 'inpatient', 'ratio', 'retired', 2, 'from'], marker: '# gap', value: 25000, says: 'leaves a gap after the previous band (which ends at 20000); must equal 20000' },
  { path: ['employee', 'inpatient', 'cap'], marker: 'cap: nothing', value: 'nothing', says: 'expected number, got string' },
  {
    path: ['employee', 'inpatient', 'copayment'],
    marker: 'copayment: 0.1',
    value: 0.1,
    says: 'unknown field; allowed here: deductible, laterAdmissionDeductible, ratio, bandBasis, cap, classBFirstSelfPay',
  },
  { path: ['employee', 'chronic', 'cap'], marker: 'cap: 400', value: 400, says: 'the annual cap 400 for inService (在职), retired (退休) is below the annual deductible 500: must be at least 500' },
  {
    path: ['employee', 'inpatient', 'laterAdmissionDeductible', 'tertiary'],
    marker: 'laterAdmissionDeductible:',
    value: 900,
    says: "the later-admission deductible 900 for inService (在职), retired (退休) at tertiary is above the first admission's 800: must be at most 800",
  },
  { path: ['employee', 'fundCap', 'amount', 'inService'], marker: 'amount: { inService: 500', value: 500, says: 'the fund cap 500 for inService (在职) is below the inpatient deductible 800 (tertiary): must be at least 800' },
  { path: ['resident', 'inpatient', 'ratio'], marker: '# nine bands', value: undefined, says: 'at most 8 bands are allowed' },
  { path: ['resident', 'fundCap', 'amount'], marker: 'amount: 250', value: 250, says: 'the fund cap 250 for adult (成年居民), child (学生儿童), elderly (老年居民) is below the inpatient deductible 300 (community)' },
];

describe('policy validation', () => {
  const problems = problemsOf(() => loadPolicy(BAD));

  it('reports every problem of a bad file at once, and nothing else', () => {
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(EXPECTED.map((e) => e.path)));
    expect(problems).toHaveLength(EXPECTED.length);
  });

  for (const e of EXPECTED) {
    it(`${e.path.join('.')}: ${e.says}`, () => {
      const p = problems.find((q) => JSON.stringify(q.path) === JSON.stringify(e.path));
      expect(p, `no problem at ${e.path.join('.')}`).toBeDefined();
      expect(p!.file).toBe(BAD);
      expect(p!.line).toBe(lineOf(badText, e.marker));
      if (e.value !== undefined) expect(p!.value).toEqual(e.value);
      expect(p!.message).toContain(e.says);
    });
  }

  it('prints each problem as one line: file:line: path = value: message', () => {
    const text = formatProblem(problems.find((p) => p.path.join('.') === 'employee.outpatient.deductible')!);
    expect(text).toBe(`${BAD}:${lineOf(badText, 'deductible: -50')}: employee.outpatient.deductible = -50: must be 0 or more`);
  });

  it('places a consistency problem at the field as written: a single value, a default, or a key', () => {
    const base = (cap: string) => `${POLICY_HEAD}employee:
  outpatient: { deductible: 300, ratio: 0.6, cap: ${cap} }
  chronic: { ratio: 0.8 }
  inpatient: { deductible: 500, ratio: 0.9 }
  fundCap: { amount: 100000 }
`;
    const at = (cap: string) => problemsOf(() => policyFromDocument(parseDocumentText(base(cap), 't.yaml'))).map((p) => [p.path.join('.'), p.value, p.line]);
    expect(at('200')).toEqual([['employee.outpatient.cap', 200, 6]]);
    expect(at('{ default: 200, retired: 3000 }')).toEqual([['employee.outpatient.cap.default', 200, 6]]);
    expect(at('{ inService: 2000, retired: 100 }')).toEqual([['employee.outpatient.cap.retired', 100, 6]]);
  });

  it('names the fields allowed beside a misspelt key, in a keyed table too', () => {
    const doc = parseDocumentText(
      `${POLICY_HEAD}employee:
  outpatient: { deductible: 300, ratio: { tertary: 0.5, default: 0.6 } }
  chronic: { ratio: 0.8 }
  inpatient: { deductible: 500, ratio: 0.9 }
  fundCap: { amount: 100000 }
`,
      't.yaml',
    );
    expect(problemsOf(() => policyFromDocument(doc)).map((p) => [p.path.join('.'), p.line, p.message])).toEqual([
      ['employee.outpatient.ratio.tertary', 6, 'unknown field; allowed here: default, community, primary, secondary, tertiary, inService, retired'],
    ]);
  });

  it('accepts a null cap for one person type beside a default (no fall-back to the default)', () => {
    const doc = parseDocumentText(
      `${POLICY_HEAD}employee:
  outpatient: { deductible: 300, ratio: 0.6, cap: { default: 2000, retired: null } }
  chronic: { ratio: 0.8 }
  inpatient: { deductible: 500, ratio: 0.9 }
  fundCap: { amount: 100000 }
`,
      't.yaml',
    );
    expect(policyFromDocument(doc).policy.employee!.outpatient.cap).toEqual({ inService: 2000, retired: null });
  });

  it('refuses a serious-illness or medical-assistance cap below its own deductible (a cap written in 万元)', () => {
    // Both were accepted: a 大病保险 cap of 30 (meant 30万) under a 15000 deductible paid at most 30 yuan a year.
    const doc = parseDocumentText(
      `${POLICY_HEAD}resident:
  outpatient: { ratio: 0.5 }
  chronic: { ratio: 0.6 }
  inpatient: { deductible: 500, ratio: 0.7 }
  fundCap: { amount: 100000 }
  seriousIllness: { deductible: { default: 15000, child: 10000 }, bands: [{ from: 0, ratio: 0.6 }], cap: 30 }
  assistance: { deductible: 1000, ratio: 0.7, cap: 5 }
`,
      't.yaml',
    );
    expect(problemsOf(() => policyFromDocument(doc)).map((p) => [p.path.join('.'), p.value, p.line, p.message])).toEqual([
      [
        'resident.seriousIllness.cap', 30, 10,
        'the serious-illness (大病保险) cap 30 is below its deductible 15000 for adult (成年居民), elderly (老年居民): must be at least 15000 (or null for no cap)',
      ],
      [
        'resident.seriousIllness.cap', 30, 10,
        'the serious-illness (大病保险) cap 30 is below its deductible 10000 for child (学生儿童): must be at least 10000 (or null for no cap)',
      ],
      ['resident.assistance.cap', 5, 11, 'the medical-assistance (医疗救助) cap 5 is below its deductible 1000: must be at least 1000 (or null for no cap)'],
    ]);
  });

  it('refuses a name listed twice in a list (a 大病保险 basis counted the co-payment twice)', () => {
    // nanchang-2025's resident 大病保险 with basis [deductible, copay, copay, aboveCap] used to load: for an elderly
    // resident's 110000 admission at 三级 (burden 600 + 43360) it paid 60% × (600 + 2 × 43360 − 17000) = 42192
    // instead of 60% × 26960 = 16176, and the next admission left cash at −1312.00.
    const doc = parseDocumentText(
      `${POLICY_HEAD}resident:
  excludedCauses: [crime, crime]
  outpatient: { ratio: 0.5 }
  chronic: { ratio: 0.6 }
  inpatient: { deductible: 500, ratio: 0.7 }
  fundCap: { amount: 100000, settings: [inpatient, chronic, inpatient] }
  seriousIllness: { deductible: 15000, bands: [{ from: 0, ratio: 0.6 }], basis: [deductible, copay, copay, aboveCap] }
`,
      't.yaml',
    );
    expect(problemsOf(() => policyFromDocument(doc)).map((p) => [p.path.join('.'), p.value, p.line, p.message])).toEqual([
      ['resident.excludedCauses.1', 'crime', 6, '"crime" is listed twice (at 0 and 1): list each once'],
      ['resident.fundCap.settings.2', 'inpatient', 10, '"inpatient" is listed twice (at 0 and 2): list each once'],
      ['resident.seriousIllness.basis.2', 'copay', 11, '"copay" is listed twice (at 1 and 2): list each once'],
    ]);
  });

  it('refuses an effective date that is no calendar day, instead of letting it roll over', () => {
    // "2021-02-30" passed the old YYYY-MM-DD pattern and was compared as text, so claims dated 2021-03-01
    // fell inside a policy "from 2021-02-30", and "2021-13-01" was reported only as "to before from".
    const at = (effective: string) =>
      problemsOf(() =>
        policyFromDocument(
          parseDocumentText(
            `id: t
name: t
jurisdiction: CN-test
effective: ${effective}
employee:
  outpatient: { deductible: 300, ratio: 0.6 }
  chronic: { ratio: 0.8 }
  inpatient: { deductible: 500, ratio: 0.9 }
  fundCap: { amount: 100000 }
`,
            't.yaml',
          ),
        ),
      ).map((p) => [p.path.join('.'), p.value, p.line, p.message]);
    expect(at('{ from: 2021-02-30 }')).toEqual([['effective.from', '2021-02-30', 4, 'must be a calendar date written YYYY-MM-DD']]);
    expect(at('{ from: 2021-13-01, to: 2021-12-31 }')).toEqual([['effective.from', '2021-13-01', 4, 'must be a calendar date written YYYY-MM-DD']]);
    expect(at('{ from: 2021-01-01, to: 2021-04-31 }')).toEqual([['effective.to', '2021-04-31', 4, 'must be a calendar date written YYYY-MM-DD']]);
  });

  it('reads a benefit year start as a day of every year (MM-DD), 1 January unless given', () => {
    const policyWith = (line: string) =>
      parseDocumentText(`${POLICY_HEAD}${line}employee:\n  outpatient: { deductible: 300, ratio: 0.6 }\n  chronic: { ratio: 0.8 }\n  inpatient: { deductible: 500, ratio: 0.9 }\n  fundCap: { amount: 100000 }\n`, 't.yaml');
    expect(policyFromDocument(policyWith('')).policy.benefitYearStart).toBe('01-01');
    expect(policyFromDocument(policyWith("benefitYearStart: '09-01'\n")).policy.benefitYearStart).toBe('09-01');
    const message = 'must be a day of the year written MM-DD, e.g. "09-01" (not "02-29")';
    for (const bad of ["'9-1'", "'13-01'", "'02-29'", "'04-31'"]) {
      expect(problemsOf(() => policyFromDocument(policyWith(`benefitYearStart: ${bad}\n`))).map((p) => [p.path.join('.'), p.message]), bad).toEqual([['benefitYearStart', message]]);
    }
  });

  it('loads every policy file shipped in scenarios/policies', () => {
    const dir = join(packageRoot(), 'scenarios', 'policies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(() => loadPolicy(join(dir, f)), f).not.toThrow();
  });
});
