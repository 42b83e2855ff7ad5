/** `yibao settle`: golden splits for a hand-computed claim sequence, carried state, bad lines, --out. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, launcher, spawnYibao, tempDir, TWO_YEARS, yibao } from './helpers.js';

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
