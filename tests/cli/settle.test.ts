/** `yibao settle`: golden splits for a hand-computed claim sequence, carried state, bad lines, --out. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, jsonLines, launcher, spawnYibao, tempDir, TWO_YEARS, yibao } from './helpers.js';

/**
 * Person p1, in service (在职), under tests/cli/fixtures/two-years.yaml: 乙类 first self-pay 10%;
 * inpatient deductible 1000 (community 300), later admissions 500 (community 150); inpatient ratio 80%
 * (community 90%); outpatient pool deductible 200 a year, ratio 50%; the personal account pays every
 * component except 丙类 (outOfScope).
 */
const SEQUENCE = [
  // Computed by hand: 乙类先行自付 2000 × 10% = 200; policy range 6000 + 1800 = 7800; first admission,
  // secondary: deductible 1000; fund (7800 − 1000) × 80% = 5440; copay 6800 − 5440 = 1360.
  // Patient share 500 + 200 + 1000 + 1360 = 3060; the account may pay 3060 − 500 (丙类) = 2560 of it,
  // so account 2560, cash 500; balance 3000 − 2560 = 440.
  { id: 'c1', person: 'p1', type: 'inService', accountBalance: 3000, date: '2021-02-01', setting: 'inpatient', level: 'secondary', classA: 6000, classB: 2000, classC: 500 },
  // Continues that admission: deductible already met; fund 1000 × 80% = 800, copay 200; account 200 (440 → 240).
  { id: 'c2', person: 'p1', date: '2021-02-03', setting: 'inpatient', level: 'secondary', classA: 1000, newAdmission: false },
  // Outpatient pool: annual deductible 200; fund (300 − 200) × 50% = 50; copay 50; share 250: account 240, cash 10.
  { id: 'c3', person: 'p1', date: '2021-04-01', setting: 'outpatient', level: 'primary', classA: '300.00' },
  // Second admission of 2021, community: later-admission deductible 150; fund (2000 − 150) × 90% = 1665;
  // copay 185; the account is empty: cash 335.
  { id: 'c4', person: 'p1', date: '2021-09-10', setting: 'inpatient', level: 'community', classA: 2000 },
  // 2022: accumulators start afresh, so this is a first admission again: deductible 300; fund
  // (2000 − 300) × 90% = 1530; copay 170; the new balance 100 pays 100, cash 370.
  { id: 'c5', person: 'p1', accountBalance: 100, date: '2022-01-15', setting: 'inpatient', level: 'community', classA: 2000 },
];

const ZERO_SPLIT = {
  bill: '0.00', outOfScope: '0.00', firstSelfPay: '0.00', deductible: '0.00', pooledFund: '0.00', copay: '0.00', aboveCap: '0.00',
  seriousIllness: '0.00', assistance: '0.00', backstop: '0.00', personalAccount: '0.00', familyAccount: '0.00', cash: '0.00',
};
const split = (s: Partial<typeof ZERO_SPLIT>) => ({ ...ZERO_SPLIT, ...s });

const EXPECTED_SPLITS = [
  split({ bill: '8500.00', outOfScope: '500.00', firstSelfPay: '200.00', deductible: '1000.00', pooledFund: '5440.00', copay: '1360.00', personalAccount: '2560.00', cash: '500.00' }),
  split({ bill: '1000.00', pooledFund: '800.00', copay: '200.00', personalAccount: '200.00' }),
  split({ bill: '300.00', deductible: '200.00', pooledFund: '50.00', copay: '50.00', personalAccount: '240.00', cash: '10.00' }),
  split({ bill: '2000.00', deductible: '150.00', pooledFund: '1665.00', copay: '185.00', cash: '335.00' }),
  split({ bill: '2000.00', deductible: '300.00', pooledFund: '1530.00', copay: '170.00', personalAccount: '100.00', cash: '370.00' }),
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimsFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const parseOut = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('yibao settle', () => {
  it('settles a claim sequence, carrying accumulators and balances, and starting afresh in a new year', async () => {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', claimsFile('seq.jsonl', jsonLines(...SEQUENCE)));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = parseOut(run.out);
    expect(out.map((o) => o.split)).toEqual(EXPECTED_SPLITS);
    expect(out.map((o) => [o.line, o.id, o.person, o.type, o.date])).toEqual(SEQUENCE.map((c, i) => [i + 1, c.id, 'p1', 'inService', c.date]));
    expect(out.map((o) => o.accountBalance)).toEqual(['440.00', '240.00', '0.00', '0.00', '0.00']);
    // After c4 (2021): two admissions; fund paid 5440 + 800 + 1665 = 7905 for inpatient care (all under the
    // fund cap), 50 for outpatient; policy-range cost 7800 + 1000 + 2000 = 10800 inpatient, 300 outpatient.
    expect(out[3].accumulators).toMatchObject({
      year: 2021, admissions: 2, inpatientPaid: '7905.00', fundCapPaid: '7905.00', inpatientRangeCost: '10800.00',
      outpatientDeductibleUsed: '200.00', outpatientPaid: '50.00', outpatientRangeCost: '300.00',
    });
    // After c5: 2022 counts only c5.
    expect(out[4].accumulators).toMatchObject({ year: 2022, admissions: 1, inpatientPaid: '1530.00', outpatientDeductibleUsed: '0.00', outpatientPaid: '0.00' });
    expect(out[0].explanation).toBeUndefined();
  });

  it('adds the explanation steps with --explain', async () => {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--explain', '--claims', claimsFile('one.jsonl', jsonLines(SEQUENCE[0]!)));
    const [line] = parseOut(run.out);
    expect(line.split).toEqual(EXPECTED_SPLITS[0]);
    const zh = line.explanation.map((s: { zh: string }) => s.zh);
    expect(zh).toEqual(expect.arrayContaining(['费用分类', '起付线', '个人账户']));
    expect(line.explanation.find((s: { rule: string }) => s.rule === 'personalAccount').text).toContain('2560.00');
  });

  it('reports bad lines with line, field, value and what is allowed, and still settles the good ones', async () => {
    const file = claimsFile(
      'bad.jsonl',
      [
        JSON.stringify(SEQUENCE[0]),
        '{"person": "p1", oops}',
        JSON.stringify({ ...SEQUENCE[1], setting: 'inpatent', classA: '12.345' }),
        '',
        JSON.stringify(SEQUENCE[1]),
        JSON.stringify({ person: 'p2', date: '2021-05-01', setting: 'outpatient', level: 'primary', classA: 100 }),
        JSON.stringify({ person: 'p3', type: 'retired', date: '2023-01-01', setting: 'outpatient', level: 'primary', classA: 100 }),
        JSON.stringify({ ...SEQUENCE[1], date: '2021-01-15' }),
        JSON.stringify(SEQUENCE[2]),
      ].join('\n'),
    );
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', file);
    expect(run.code).toBe(1);
    const out = parseOut(run.out);
    expect(out.map((o) => o.line)).toEqual([1, 5, 9]);
    // The bad lines changed nothing: lines 5 and 9 settle exactly as c2 and c3 did in the clean sequence.
    expect(out.map((o) => o.split)).toEqual(EXPECTED_SPLITS.slice(0, 3));
    const err = run.err.trim().split('\n');
    expect(err[0]).toMatch(new RegExp(`^yibao: ${file}:2: not valid JSON`));
    expect(err).toContain(`yibao: ${file}:3: setting = "inpatent": must be one of "outpatient", "chronic", "inpatient", "pharmacy", "emergencyObservation"`);
    expect(err).toContain(`yibao: ${file}:3: classA = "12.345": must be a yuan amount (number or string) with at most 2 decimals, from 0 to 10000000`);
    expect(err.find((l) => l.startsWith(`yibao: ${file}:6: type: is required on a person's first line`))).toBeDefined();
    expect(err).toContain(`yibao: ${file}:7: date = "2023-01-01": must be within the effective dates of policy "cli-test-two-years" (2021-01-01 to 2022-12-31)`);
    expect(err.find((l) => l.startsWith(`yibao: ${file}:8: date = "2021-01-15": is before this person's previous claim (2021-02-03, line 5)`))).toBeDefined();
    expect(err[err.length - 1]).toBe('yibao: 5 of 8 claim lines had problems and were not settled');
  });

  it('rejects continuing an admission that was never opened', async () => {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', claimsFile('cont.jsonl', jsonLines({ ...SEQUENCE[0], newAdmission: false })));
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain(':1: newAdmission = false: continues an admission, but this person has no admission in 2021');
  });

  it('writes --out atomically, and not at all when the policy is bad (exit 2)', async () => {
    const claims = claimsFile('out.jsonl', jsonLines(...SEQUENCE));
    const target = join(dir, 'results', 'settled.jsonl');
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', claims, '--out', target);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(parseOut(readFileSync(target, 'utf8')).map((o) => o.split)).toEqual(EXPECTED_SPLITS);
    expect(readdirSync(join(dir, 'results'))).toEqual(['settled.jsonl']);

    const missing = join(dir, 'never.jsonl');
    const bad = await yibao('settle', '--policy', join(dir, 'no-such-policy.yaml'), '--claims', claims, '--out', missing);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`yibao: ${join(dir, 'no-such-policy.yaml')}: file not found\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it('reports a missing claims file as a user mistake (exit 2)', async () => {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', join(dir, 'none.jsonl'));
    expect(run.code).toBe(2);
    expect(run.err).toBe(`yibao: ${join(dir, 'none.jsonl')}: file not found\n`);
  });
});

describe('yibao settle, spawned through the launcher', () => {
  const bin = launcher();
  afterAll(() => bin.cleanup());

  it('reads standard input and names it "stdin" in problems', async () => {
    const input = `${JSON.stringify(SEQUENCE[0])}\n{"person":"p1","date":"2021-02-03","setting":"inpatient","level":"secondary","classA":-1}\n`;
    const run = await spawnYibao(bin.file, ['settle', '--policy', TWO_YEARS], input);
    expect(run.code).toBe(1);
    expect(parseOut(run.out).map((o) => o.split)).toEqual([EXPECTED_SPLITS[0]]);
    expect(run.err).toContain('yibao: stdin:2: classA = -1: must be a yuan amount');
  });

  it('on Ctrl-C leaves no output file behind and exits with 130', async () => {
    const out = join(dir, 'interrupted', 'settled.jsonl');
    const child = spawn(process.execPath, [bin.file, 'settle', '--policy', TWO_YEARS, '--out', out], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    child.stdin.write(`${JSON.stringify(SEQUENCE[0])}\n`);
    // Standard input stays open: the command is mid-way. Wait until its temporary output exists.
    const started = () => existsSync(join(dir, 'interrupted')) && readdirSync(join(dir, 'interrupted')).length > 0;
    while (child.exitCode === null && !started()) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(err).toContain('yibao: interrupted');
    expect(readdirSync(join(dir, 'interrupted'))).toEqual([]);
  });
});

describe('yibao settle: starting accumulators and age on a person\'s first line', () => {
  // Under two-years.yaml (see SEQUENCE): first admission deductible 1000, later 500 (secondary); ratio 80%;
  // outpatient pool deductible 200 a year, 50%; fund cap 50000.
  const inpatient = { date: '2021-06-01', setting: 'inpatient', level: 'secondary' };

  it('a second admission given one earlier admission pays the later-admission deductible', async () => {
    const file = claimsFile(
      'mid-year.jsonl',
      jsonLines(
        // Computed by hand: one admission earlier this year, so this one is the second: deductible 500
        // (not 1000); fund (2000 − 500) × 80% = 1200; copay 300. Accumulators continue from those given.
        { person: 'm1', type: 'inService', accumulators: { year: 2021, admissions: 1, inpatientPaid: 5440, fundCapPaid: '5440.00', inpatientRangeCost: 7800 }, ...inpatient, classA: 2000 },
        // The same claim with no accumulators: a first admission (deductible 1000, fund 800, copay 200).
        { person: 'm2', type: 'inService', ...inpatient, classA: 2000 },
        // The fund cap carried in: 49500 of 50000 paid, so the fund pays the 500 left; first admission
        // (admissions 0): deductible 1000; uncapped (5000 − 1000) × 80% = 3200; covered 500 / 80% = 625,
        // copay 625 − 500 = 125, above the cap 4000 − 625 = 3375.
        { person: 'm3', type: 'inService', accumulators: { inpatientPaid: 49500, fundCapPaid: 49500 }, ...inpatient, classA: 5000 },
        // The outpatient deductible used carried in: 150 of 200, so 50 left; fund (300 − 50) × 50% = 125, copay 125.
        { person: 'm4', type: 'retired', accumulators: { outpatientDeductibleUsed: 150 }, date: '2021-06-01', setting: 'outpatient', level: 'primary', classA: 300 },
        // Mid-admission: 200 of the admission's deductible left; newAdmission false continues it on the
        // first line: deductible 200, fund (1000 − 200) × 80% = 640, copay 160.
        { person: 'm5', type: 'inService', accumulators: { admissions: 1, admissionDeductibleLeft: 200, admissionRangeCost: 300 }, ...inpatient, classA: 1000, newAdmission: false },
        // m1's next admission is its third: still the later deductible, and the accumulators carried.
        { person: 'm1', date: '2021-07-01', setting: 'inpatient', level: 'secondary', classA: 1000 },
      ),
    );
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', file);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = parseOut(run.out);
    expect(out.map((o) => o.split)).toEqual([
      split({ bill: '2000.00', deductible: '500.00', pooledFund: '1200.00', copay: '300.00', cash: '800.00' }),
      split({ bill: '2000.00', deductible: '1000.00', pooledFund: '800.00', copay: '200.00', cash: '1200.00' }),
      split({ bill: '5000.00', deductible: '1000.00', pooledFund: '500.00', copay: '125.00', aboveCap: '3375.00', cash: '4500.00' }),
      split({ bill: '300.00', deductible: '50.00', pooledFund: '125.00', copay: '125.00', cash: '175.00' }),
      split({ bill: '1000.00', deductible: '200.00', pooledFund: '640.00', copay: '160.00', cash: '360.00' }),
      split({ bill: '1000.00', deductible: '500.00', pooledFund: '400.00', copay: '100.00', cash: '600.00' }),
    ]);
    expect(out[0].accumulators).toMatchObject({
      year: 2021, admissions: 2, inpatientPaid: '6640.00', fundCapPaid: '6640.00', inpatientRangeCost: '9800.00', admissionDeductibleLeft: '0.00', admissionRangeCost: '2000.00',
    });
    expect(out[2].accumulators).toMatchObject({ admissions: 1, inpatientPaid: '50000.00', fundCapPaid: '50000.00' });
    expect(out[3].accumulators).toMatchObject({ outpatientDeductibleUsed: '200.00', outpatientPaid: '125.00', admissions: 0 });
    expect(out[4].accumulators).toMatchObject({ admissions: 1, admissionDeductibleLeft: '0.00', admissionRangeCost: '1300.00' });
    expect(out[5].accumulators).toMatchObject({ admissions: 3, inpatientPaid: '7040.00', fundCapPaid: '7040.00' });
  });

  it('reports bad accumulators per line and still settles the good lines', async () => {
    const file = claimsFile(
      'bad-acc.jsonl',
      jsonLines(
        { person: 'b1', type: 'inService', accumulators: { admissions: 1.5, deductibleUsed: 3, inpatientPaid: '1.234' }, ...inpatient, classA: 2000 },
        { person: 'b2', type: 'inService', accumulators: { year: 2020, admissionDeductibleLeft: 100 }, ...inpatient, classA: 2000 },
        { person: 'b3', type: 'inService', accumulators: [1], ...inpatient, classA: 2000 },
        { person: 'b4', type: 'inService', accumulators: { admissions: 1 }, ...inpatient, classA: 2000 },
        { person: 'b4', accumulators: { admissions: 5 }, ...inpatient, date: '2021-07-01', classA: 2000 },
        { person: 'b4', ...inpatient, date: '2021-08-01', classA: 2000 },
      ),
    );
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', file);
    expect(run.code).toBe(1);
    const out = parseOut(run.out);
    expect(out.map((o) => o.line)).toEqual([4, 6]);
    // b4 starts with one admission: its lines are its second and third admissions (deductible 500), the bad
    // line 5 changing nothing.
    expect(out.map((o) => [o.split.deductible, o.accumulators.admissions])).toEqual([['500.00', 2], ['500.00', 3]]);
    const err = run.err.trim().split('\n');
    expect(err).toContain(`yibao: ${file}:1: accumulators.admissions = 1.5: must be a whole number from 0 to 1000`);
    expect(err).toContain(`yibao: ${file}:1: accumulators.inpatientPaid = "1.234": must be a yuan amount (number or string) with at most 2 decimals, from 0 to 10000000`);
    expect(err.find((l) => l.startsWith(`yibao: ${file}:1: accumulators.deductibleUsed = 3: unknown field (allowed: year, outpatientDeductibleUsed,`))).toBeDefined();
    expect(err).toContain(`yibao: ${file}:2: accumulators.year = 2020: must be the benefit year of the claim's date (2021): accumulators are for one settlement year`);
    expect(err).toContain(
      `yibao: ${file}:2: accumulators.admissions: must be at least 1 when admissionDeductibleLeft or admissionRangeCost is given (they describe the current admission)`,
    );
    expect(err).toContain(`yibao: ${file}:3: accumulators = [1]: expected object, got array`);
    expect(err).toContain(`yibao: ${file}:5: accumulators: may only be given on a person's first line: this person's accumulators carry from line 4`);
    expect(err[err.length - 1]).toBe('yibao: 4 of 6 claim lines had problems and were not settled');
  });

  it('settles a resident from the policy\'s elderlyAge on as elderly, and checks age against type', async () => {
    // The default policy: resident outpatient pool at a community centre, no deductible, 60%, annual cap
    // 2000 (under the elderly age) and 2400 (elderly, 老年居民). A bill of 5000 crosses the cap either way:
    // elderly: fund 2400, covered 2400 / 60% = 4000, copay 1600, above the cap 1000;
    // adult: fund 2000, covered 2000 / 60% = 3333.33… rounded up to 3333.34, copay 1333.34, above 1666.66.
    const claim = { date: '2021-05-01', setting: 'outpatient', level: 'community', classA: 5000 };
    const elderly = split({ bill: '5000.00', pooledFund: '2400.00', copay: '1600.00', aboveCap: '1000.00', cash: '2600.00' });
    const adult = split({ bill: '5000.00', pooledFund: '2000.00', copay: '1333.34', aboveCap: '1666.66', cash: '3000.00' });
    const lines = jsonLines(
      { person: 'a60', age: 60, ...claim },
      { person: 'a59', age: 59, ...claim },
      { person: 'a17', age: 17, ...claim },
      { person: 'e64', age: 64, type: 'elderly', ...claim },
      { person: 'c20', age: 20, type: 'child', ...claim },
      { person: 'x45', age: 45, type: 'elderly', ...claim },
      { person: 'x10', age: 10, type: 'adult', ...claim },
      { person: 'r70', age: 70, type: 'retired', ...claim, level: 'primary', classA: 100 },
      // The age moves on: a59's next line at 60 (no type given) makes them elderly.
      { person: 'a59', age: 60, ...claim, date: '2021-11-01' },
      { person: 'n', age: -1, ...claim },
    );
    const file = claimsFile('ages.jsonl', lines);
    const run = await yibao('settle', '--policy', DEFAULT_POLICY, '--claims', file);
    expect(run.code).toBe(1);
    const out = parseOut(run.out);
    expect(out.map((o) => [o.line, o.person, o.type])).toEqual([
      [1, 'a60', 'elderly'], [2, 'a59', 'adult'], [3, 'a17', 'child'], [4, 'e64', 'elderly'], [5, 'c20', 'child'], [8, 'r70', 'retired'], [9, 'a59', 'elderly'],
    ]);
    expect(out[0].split).toEqual(elderly);
    expect(out[1].split).toEqual(adult);
    // a59 at 60: the elderly cap 2400 less the 2000 paid in May leaves 400; covered 400 / 60% = 666.67 (up).
    expect(out[6].split).toMatchObject({ pooledFund: '400.00', copay: '266.67', aboveCap: '4333.33' });
    const err = run.err.trim().split('\n');
    expect(err).toContain(
      `yibao: ${file}:6: age = 45: does not fit type "elderly": policy "default-prefecture-2021" counts residents as elderly (老年居民) from age 60 (resident.elderlyAge), so a resident aged 45 is "adult" ("child" fits under 18, and students under 60)`,
    );
    expect(err.find((l) => l.startsWith(`yibao: ${file}:7: age = 10: does not fit type "adult"`))).toBeDefined();
    expect(err).toContain(`yibao: ${file}:10: age = -1: must be a whole number of years from 0 to 150`);
    expect(err[err.length - 1]).toBe('yibao: 3 of 10 claim lines had problems and were not settled');
  });

  it('uses the policy\'s own elderlyAge, not a fixed 60', async () => {
    const policy = join(dir, 'elderly-65.yaml');
    writeFileSync(policy, readFileSync(DEFAULT_POLICY, 'utf8').replace(/^  elderlyAge: 60$/m, '  elderlyAge: 65'));
    const claim = { date: '2021-05-01', setting: 'outpatient', level: 'community', classA: 5000 };
    const lines = jsonLines({ person: 'p64', age: 64, ...claim }, { person: 'p65', age: 65, ...claim }, { person: 'q', age: 62, type: 'elderly', ...claim });
    const run = await yibao('settle', '--policy', policy, '--claims', claimsFile('ages65.jsonl', lines));
    expect(run.code).toBe(1);
    const out = parseOut(run.out);
    expect(out.map((o) => [o.person, o.type, o.split.pooledFund])).toEqual([['p64', 'adult', '2000.00'], ['p65', 'elderly', '2400.00']]);
    expect(run.err).toContain(':3: age = 62: does not fit type "elderly": policy "default-prefecture-2021" counts residents as elderly (老年居民) from age 65');
  });

  it('refuses age alone under a policy with no resident scheme', async () => {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', claimsFile('age-emp.jsonl', jsonLines({ person: 'z', age: 40, ...inpatient, classA: 100 })));
    expect(run.code).toBe(1);
    expect(run.err).toContain(':1: type: is required here: age alone sets a resident type, and policy "cli-test-two-years" has no resident scheme (城乡居民医保)');
  });
});

describe('yibao settle: 急诊留观 converting to an admission (seed 002)', () => {
  // two-years.yaml, secondary hospital: first admission deductible 1000, later 500; ratio 80%.
  const observation = { person: 'o', type: 'inService', date: '2021-03-01', setting: 'emergencyObservation', level: 'secondary', admitted: true, classA: 3000 };
  const stay = { person: 'o', date: '2021-03-02', setting: 'inpatient', level: 'secondary', classA: 5000 };
  // The observation opens the admission: deductible 1000; fund (3000 − 1000) × 80% = 1600; copay 400.
  const observed = split({ bill: '3000.00', deductible: '1000.00', pooledFund: '1600.00', copay: '400.00', cash: '1400.00' });

  async function settle(name: string, ...lines: object[]) {
    const run = await yibao('settle', '--policy', TWO_YEARS, '--claims', claimsFile(name, jsonLines(...lines)));
    expect(run.err).toBe('');
    return parseOut(run.out);
  }

  it('by default, the inpatient line right after an admitted observation continues that admission (one deductible)', async () => {
    const out = await settle('obs-default.jsonl', observation, stay);
    // The stay shares the observation's deductible, already met: fund 5000 × 80% = 4000, copay 1000.
    expect(out.map((o) => o.split)).toEqual([observed, split({ bill: '5000.00', pooledFund: '4000.00', copay: '1000.00', cash: '1000.00' })]);
    expect(out.map((o) => o.accumulators.admissions)).toEqual([1, 1]);
  });

  it('an explicit newAdmission overrides the default either way', async () => {
    // newAdmission true: a second admission, with the later-admission deductible 500: fund 4500 × 80% = 3600, copay 900.
    const out = await settle('obs-new.jsonl', observation, { ...stay, newAdmission: true });
    expect(out[1].split).toEqual(split({ bill: '5000.00', deductible: '500.00', pooledFund: '3600.00', copay: '900.00', cash: '1400.00' }));
    expect(out[1].accumulators.admissions).toBe(2);
    // newAdmission false, written out: the same as the default.
    const explicit = await settle('obs-cont.jsonl', observation, { ...stay, newAdmission: false });
    expect(explicit[1].split).toEqual(split({ bill: '5000.00', pooledFund: '4000.00', copay: '1000.00', cash: '1000.00' }));
  });

  it('only right after an admitted observation of the same person: otherwise an inpatient line opens an admission', async () => {
    const out = await settle(
      'obs-other.jsonl',
      observation,
      // Another person's line in between does not break the pair.
      { person: 'other', type: 'inService', date: '2021-03-01', setting: 'outpatient', level: 'primary', classA: 100 },
      stay,
      // Not admitted: settled as outpatient, so the next inpatient line is a new (second) admission: deductible 500.
      { ...observation, date: '2021-04-01', admitted: false, classA: 100 },
      { ...stay, date: '2021-04-02' },
      // Admitted, then an outpatient claim, then a stay: not right after, so a new (third) admission.
      { ...observation, date: '2021-05-01' },
      { person: 'o', date: '2021-05-02', setting: 'outpatient', level: 'primary', classA: 100 },
      { ...stay, date: '2021-05-03' },
    );
    expect(out.map((o) => [o.person, o.split.deductible, o.accumulators.admissions])).toEqual([
      ['o', '1000.00', 1],
      ['other', '100.00', 0],
      ['o', '0.00', 1],
      ['o', '100.00', 1],
      ['o', '500.00', 2],
      ['o', '500.00', 3],
      ['o', '100.00', 3],
      ['o', '500.00', 4],
    ]);
  });
});
