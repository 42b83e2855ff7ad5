/** The JSON-lines functions without the CLI (as notebooks use them). */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/input/inputError.js';
import { loadPolicy } from '../../src/policy/load.js';
import { parseClaimLine, settleJsonLines } from '../../src/settlement/jsonLines.js';
import { DEFAULT_POLICY, ROOT } from './helpers.js';
import { join } from 'node:path';

const policy = loadPolicy(DEFAULT_POLICY).policy;

describe('settleJsonLines', () => {
  it('carries person fields from line to line until a line changes them', () => {
    // Default policy, resident adult (成年居民) at a 二级 hospital, 1000 of 甲类 each time.
    // Computed by hand: line 1, first admission: deductible 400; fund 600 × 80% = 480; copay 120; 医疗救助
    // 70% of the 520 burden = 364; cash 156. Line 2, later admission: deductible 200; fund 640; copay 160;
    // still eligible (carried): assistance 70% × 360 = 252; cash 108. Line 3 ends eligibility: cash 360.
    const claim = { date: '2021-03-01', setting: 'inpatient', level: 'secondary', classA: 1000 };
    const text = [
      { person: 7, type: 'adult', assistanceEligible: true, ...claim },
      { person: 7, ...claim, date: '2021-04-01' },
      { person: 7, assistanceEligible: false, ...claim, date: '2021-05-01' },
    ]
      .map((c) => JSON.stringify(c))
      .join('\r\n');
    const { settled, problems, ledger } = settleJsonLines(policy, `\uFEFF${text}`, 'r.jsonl');
    expect(problems).toEqual([]);
    expect(settled.map((s) => [s.person, s.split.deductible, s.split.pooledFund, s.split.assistance, s.split.cash])).toEqual([
      [7, '400.00', '480.00', '364.00', '156.00'],
      [7, '200.00', '640.00', '252.00', '108.00'],
      [7, '200.00', '640.00', '0.00', '360.00'],
    ]);
    expect(ledger.persons.get('7')).toMatchObject({ date: '2021-05-01', line: 3, person: { type: 'adult', assistanceEligible: false } });
  });

  it('carries the accumulators over New Year within a benefit year from 1 September, and starts afresh on 1 September', () => {
    // Chongqing 一档 (seed 003 篇四 L413: 9月1日 to 8月31日), the golden case "limit carried over New Year": 35400, then
    // the 4600 left of the 40000 limit (a calendar year would pay 11400); from 2010-09-01 the limit is whole again.
    const chongqing = loadPolicy(join(ROOT, 'scenarios', 'policies', 'chongqing-student-2009.yaml')).policy;
    const stay = { person: 1, type: 'child', setting: 'inpatient', level: 'tertiary' };
    const lines = [
      { ...stay, date: '2009-10-12', classA: 60000, classC: 1000 },
      { ...stay, date: '2010-03-15', classA: 20000 },
    ];
    const { settled, problems } = settleJsonLines(chongqing, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(problems).toEqual([]);
    expect(settled.map((x) => x.split.pooledFund)).toEqual(['35400.00', '4600.00']);
    expect(settled[1]!.accumulators.year).toBe(2009);
    // Accumulators given for another benefit year are refused in its words.
    const given = settleJsonLines(chongqing, JSON.stringify({ ...stay, date: '2010-03-15', classA: 20000, accumulators: { year: 2010 } }));
    expect(given.problems.map(formatProblem)).toEqual([
      expect.stringContaining('accumulators.year = 2010: must be the benefit year of the claim\'s date (2009: the benefit year 2009-09-01 to 2010-08-31)'),
    ]);
  });

  it('takes the policy as loadPolicy returns it too (a notebook passed that and got a TypeError)', () => {
    const line = JSON.stringify({ person: 1, type: 'adult', date: '2021-03-01', setting: 'inpatient', level: 'secondary', classA: 1000 });
    const loaded = settleJsonLines(loadPolicy(DEFAULT_POLICY), line);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settled[0]!.split.pooledFund).toBe('480.00');
    expect(loaded.settled).toEqual(settleJsonLines(policy, line).settled);
  });

  it('refuses a person type the policy has no scheme for', () => {
    const employeeOnly = { ...policy, resident: undefined };
    const line = JSON.stringify({ person: 'r', type: 'child', date: '2021-03-01', setting: 'outpatient', level: 'primary', classA: 10 });
    const { settled, problems } = settleJsonLines(employeeOnly, line, 'c.jsonl');
    expect(settled).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([`c.jsonl:1: type = "child": policy "${policy.id}" has no resident scheme (城乡居民医保)`]);
  });
});

describe('admission flags on the setting they belong to', () => {
  const lines = (...claims: object[]) => claims.map((c) => JSON.stringify(c)).join('\n');
  const base = { person: 'a', type: 'inService', date: '2021-03-01', level: 'secondary', classA: 1000 };

  it('refuses admitted on a line that is not an emergency observation, and newAdmission on one that is not inpatient', () => {
    // Both used to be ignored: the outpatient line below was settled as outpatient care, and the observation
    // marked newAdmission false (meant as part of a stay) opened a new admission with its 500 deductible.
    const { settled, problems } = settleJsonLines(
      policy,
      lines(
        { ...base, setting: 'outpatient', admitted: true },
        { ...base, setting: 'emergencyObservation', admitted: true, newAdmission: false },
        { ...base, setting: 'pharmacy', newAdmission: true },
      ),
      'f.jsonl',
    );
    expect(settled).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'f.jsonl:1: admitted = true: is for an emergency observation (急诊留观) line only, not "outpatient": leave it out, or set setting to "emergencyObservation"',
      'f.jsonl:2: newAdmission = false: is for inpatient (住院) lines only: an admitted observation always opens an admission, and the inpatient line after it continues that admission by default; leave it out',
      'f.jsonl:3: newAdmission = true: is for inpatient (住院) lines only: "pharmacy" has no admissions; leave it out',
    ]);
  });

  it('still takes admitted false anywhere, and both flags where they belong', () => {
    // Default policy, 在职 at a 二级 hospital: the observation opens admission 1 (deductible 500, fund 500 × 90% = 450);
    // the stay continues it (no deductible, 1000 × 90% = 900). An explicit admitted false changes nothing.
    const { settled, problems } = settleJsonLines(
      policy,
      lines(
        { ...base, setting: 'outpatient', admitted: false, classA: 100 },
        { ...base, setting: 'emergencyObservation', admitted: true },
        { ...base, setting: 'inpatient', newAdmission: false },
      ),
    );
    expect(problems).toEqual([]);
    expect(settled.map((s) => [s.split.deductible, s.split.pooledFund])).toEqual([
      ['100.00', '0.00'],
      ['500.00', '450.00'],
      ['0.00', '900.00'],
    ]);
  });
});

describe('accumulators from mid-year', () => {
  it('refuses a state no claims under the policy could leave, naming the limit', () => {
    // default-2021, 在职: outpatient deductible 300 and limit 2000, highest first-admission deductible 800 (三级),
    // fund cap 100000 over inpatient and chronic care. Each line was settled before as if from an impossible year:
    // line 1 paid nothing towards a deductible "900 used" of 300; line 3 left the fund cap 100000 of room although
    // 60000 of inpatient payments had counted towards it.
    const claim = { type: 'inService', date: '2021-06-01', setting: 'inpatient', level: 'secondary', classA: 1000 };
    const text = [
      { person: 1, ...claim, accumulators: { outpatientDeductibleUsed: 900, outpatientPaid: 2500 } },
      { person: 2, ...claim, accumulators: { admissions: 1, admissionDeductibleLeft: 5000 } },
      { person: 3, ...claim, accumulators: { inpatientPaid: 60000, chronicPaid: 1000, fundCapPaid: 0 } },
      { person: 4, ...claim, accumulators: { admissions: 1, inpatientPaid: 5440, fundCapPaid: 5440, outpatientDeductibleUsed: 300 } },
    ]
      .map((c) => JSON.stringify(c))
      .join('\n');
    const { settled, problems } = settleJsonLines(policy, text, 'm.jsonl');
    expect(problems.map(formatProblem)).toEqual([
      'm.jsonl:1: accumulators.outpatientDeductibleUsed = "900.00": must be at most 300.00, the annual 普通门诊(门诊统筹) deductible for inService (在职)',
      'm.jsonl:1: accumulators.outpatientPaid = "2500.00": must be at most 2000.00, the 普通门诊(门诊统筹) annual limit for inService (在职)',
      'm.jsonl:2: accumulators.admissionDeductibleLeft = "5000.00": must be at most 800.00, the highest first-admission deductible for inService (在职)',
      'm.jsonl:3: accumulators.fundCapPaid = "0.00": must be at least inpatientPaid + chronicPaid (61000.00): the fund cap (封顶线) counts every payment in the settings it covers',
    ]);
    // The consistent state (the README's example) is still taken: a later admission, deductible 250.
    expect(settled.map((s) => [s.person, s.split.deductible])).toEqual([[4, '250.00']]);
  });
});

describe('a change of scheme', () => {
  it('is refused within a year, and allowed from the next', () => {
    // default-2021: a resident admission of 200000 at 三级 uses the resident fund's 100000 cap. The same person as an
    // employee in August was settled as the employee scheme's admission no. 2 (deductible 400, not 800) with the
    // employee fund cap used up (fund 0, 大额 90% of 19600). The schemes are separate funds.
    const twoYears = { ...policy, effective: { from: '2021-01-01', to: '2022-12-31' } };
    const text = [
      { person: 's', type: 'adult', date: '2021-02-01', setting: 'inpatient', level: 'tertiary', classA: 200000 },
      { person: 's', type: 'inService', date: '2021-08-01', setting: 'inpatient', level: 'tertiary', classA: 20000 },
      { person: 's', type: 'inService', date: '2022-01-10', setting: 'inpatient', level: 'tertiary', classA: 20000 },
    ]
      .map((c) => JSON.stringify(c))
      .join('\n');
    const { settled, problems } = settleJsonLines(twoYears, text, 's.jsonl');
    expect(problems.map(formatProblem)).toEqual([
      's.jsonl:2: type = "inService": moves this person from 城乡居民医保 ("adult", line 1) to 职工医保 within 2021; ' +
        'the schemes keep separate deductibles and caps, so this year\'s accumulators cannot carry: settle the claims under the new scheme with a new person id',
    ]);
    // In 2022 the employee's first admission: deductible 800, fund 19200 × 85% = 16320.
    expect(settled.map((s) => [s.line, s.type, s.split.deductible, s.split.pooledFund])).toEqual([
      [1, 'adult', '600.00', '100000.00'],
      [3, 'inService', '800.00', '16320.00'],
    ]);
  });
});

describe('parseClaimLine', () => {
  const where = { file: 'c.jsonl', line: 4 };

  it('applies the defaults and parses yuan strings exactly', () => {
    const parsed = parseClaimLine('{"person":"a","date":"2021-01-31","setting":"pharmacy","level":"community","classB":"0.07"}', where);
    expect(parsed).toEqual({
      ok: true,
      value: {
        person: 'a', date: '2021-01-31', setting: 'pharmacy', level: 'community', location: 'local', cause: 'illness',
        classA: 0, classB: 7, classC: 0, admitted: false, // newAdmission: not given (see settleClaimLine's 急诊留观 default)
      },
    });
  });

  it('names every problem of a line, with what is allowed', () => {
    const parsed = parseClaimLine('{"date":"2021-02-29","setting":"inpatient","classA":1e9,"admited":true,"type":"retiree"}', where);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)).toEqual([
      'c.jsonl:4: person: is required: a person id (a non-empty string or a number)',
      'c.jsonl:4: type = "retiree": must be one of "inService", "retired", "adult", "child", "elderly"',
      'c.jsonl:4: date = "2021-02-29": must be a calendar date written YYYY-MM-DD',
      'c.jsonl:4: level: is required: one of "community", "primary", "secondary", "tertiary"',
      'c.jsonl:4: classA = 1000000000: must be a yuan amount (number or string) with at most 2 decimals, from 0 to 10000000',
      expect.stringMatching(/^c\.jsonl:4: admited = true: unknown field \(allowed: id, person, type, .*admitted\)$/),
    ]);
  });

  it('lets a default person id stand in for a missing one', () => {
    const parsed = parseClaimLine('{"date":"2021-01-31","setting":"outpatient","level":"primary"}', where, 'anon');
    expect(parsed.ok && parsed.value.person).toBe('anon');
  });
});
