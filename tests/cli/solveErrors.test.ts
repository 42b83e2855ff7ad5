/**
 * `yibao solve` when it cannot answer, and the wording of its answer: a target no lever value in the range
 * reaches is one line on standard error (target, lever, range searched, best value reached, what to try),
 * exit code 2 and nothing written; the answer reads "an employer contribution rate", "468.75 yuan".
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SizingError } from '../../src/analysis/sizingError.js';
import { formatProblem, type InputError, type Problem } from '../../src/input/inputError.js';
import { askedOptions, parseLever, parseTarget, recordedOptions, sizingProblem, solveAnswer, toldAt, withArticle } from '../../src/cli/commands/solve.js';
import { policyLeverDirection, solveLever, type Lever, type SolveResult } from '../../src/run/solve.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_POLICY, launcher, spawnYibao, tempDir } from './helpers.js';
import { populationAssumptions, schemeCanHaveMembers } from '../../src/population/assumptions.js';

const SMALL = ['--paths', '4', '--members', '1500', '--horizon', '3', '--workers', '0', '--no-progress'];

let dir: string;
let bin: ReturnType<typeof launcher>;
beforeAll(() => {
  dir = tempDir();
  bin = launcher();
});
afterAll(() => {
  bin.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('yibao solve with a target out of reach', () => {
  it('prints one line naming the target, lever, range and best value, exits 2 and writes nothing', async () => {
    const out = join(dir, 'unreachable');
    // A resident subsidy of at most 10 yuan a head cannot keep the resident fund solvent.
    const run = await spawnYibao(bin.file, ['solve', '--target', 'depletion<=5%', '--lever', 'resident-subsidy', '--range', '0:10', ...SMALL, '--out', out]);
    expect(run.code).toBe(2);
    const lines = run.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(/^yibao: /);
    expect(line).not.toMatch(/internal error|SizingError/);
    expect(run.err).not.toMatch(/^\s*at /m); // no stack frames
    expect(line).toContain('"depletion<=5%"');
    expect(line).toContain('resident-subsidy');
    expect(line).toContain('0.00 yuan to 10.00 yuan');
    expect(line).toMatch(/best value tried, 10\.00 yuan, still leaves \d+\.\d% of 4 paths failing \(at most 5\.0% allowed\)/);
    expect(line).toMatch(/try a higher upper end of --range or a looser --target/);
    expect(run.out).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]); // no temporary directory left beside it either
  }, 120_000);
});

// A target about a fund nobody is in is met at any value: an employer rate on a resident-only scenario answered
// "already met" for the empty employee fund. Refused as sensitivity --scheme employee refuses it.
describe('yibao solve answers', () => {
  it('say whether the behavioural response is on, as every output does', async () => {
    const out = join(dir, 'answered');
    const run = await spawnYibao(bin.file, ['solve', ...SMALL, '--target', 'depletion<=50%', '--range', '0:3000', '--out', out]);
    expect(run.code).toBe(0);
    const statement = 'Behavioural response (induced demand): off; every policy variant settles the same claims.';
    expect(readFileSync(join(out, 'answers.txt'), 'utf8').startsWith(`${statement}\n\n`)).toBe(true);
    expect(run.out.startsWith(statement)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).behaviouralResponse).toBe(statement);
  });
});

describe('yibao solve for a fund without members', () => {
  it('refuses before simulating when the population has no one in the scheme', async () => {
    const out = join(dir, 'no-employees');
    const run = await spawnYibao(bin.file, ['solve', 'scenarios/resident-only.yaml', '--lever', 'employer-rate', '--target', 'depletion<=5%', '--range', '0.02:0.1', ...SMALL, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toEqual(['yibao: command line: --scheme = "employee": the scenario resident-only has no employee members; an employer rate sizes only the employee fund']);
    expect(existsSync(out)).toBe(false);
    // Not one chunk simulated.
    const chunks: unknown[] = [];
    const rate = { kind: 'employerRate', lo: 0.02, hi: 0.1 } as const;
    const solving = solveLever(loadScenario('scenarios/resident-only.yaml'), rate, { scheme: 'employee', allowedFailure: 0.05 }, { workers: 0, paths: 1, members: 200, onProgress: (e) => chunks.push(e) });
    await expect(solving).rejects.toThrow(/has no employee members/);
    expect(chunks).toEqual([]);
  });

  it('refuses after the first simulation when a tiny share draws nobody, writing nothing', async () => {
    const scenarioDir = tempDir();
    const file = join(scenarioDir, 'tiny-employee-share.yaml');
    const yaml = readFileSync('scenarios/resident-only.yaml', 'utf8').replace('employeeShare: 0\n', 'employeeShare: 0.00001\n').replace('policies/default-2021.yaml', DEFAULT_POLICY);
    writeFileSync(file, yaml);
    const out = join(scenarioDir, 'out');
    const small = ['--paths', '2', '--members', '300', '--horizon', '2', '--workers', '0', '--no-progress'];
    const run = await spawnYibao(bin.file, ['solve', file, '--lever', 'policy:employee.inpatient.deductible.tertiary', '--scheme', 'employee', '--target', 'depletion<=5%', '--range', '500:3000', ...small, '--out', out]);
    expect(run.err.trim()).toBe('yibao: command line: --scheme = "employee": the scenario resident-only has no employee members');
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    rmSync(scenarioDir, { recursive: true, force: true });
  }, 60_000);

  it('knows from the population who can join a scheme', () => {
    const a = (population: object) => populationAssumptions.parse(population);
    expect(schemeCanHaveMembers(a({ employeeShare: 0, entrants: { youngWorker: 0 } }), 'employee')).toBe(false);
    expect(schemeCanHaveMembers(a({ employeeShare: 0 }), 'employee')).toBe(true); // young-worker entrants are employees
    expect(schemeCanHaveMembers(a({ employeeShare: 0, entrants: { replaceLeavers: false } }), 'employee')).toBe(false);
    expect(schemeCanHaveMembers(a({ employeeShare: 1, entrants: { newborn: 0 } }), 'resident')).toBe(false);
    expect(schemeCanHaveMembers(a({ employeeShare: 1 }), 'resident')).toBe(true); // newborns are residents
  });
});

// A lever value that broke the policy was reported as the internal reform's problem ("solve lever:
// changes.employee.inpatient.laterAdmissionDeductible.tertiary = 400: …"), after simulating.
describe('yibao solve with a policy lever value the policy does not allow', () => {
  it('names the end of --range, the rule it breaks and how far to move it, before simulating', async () => {
    const out = join(dir, 'bad-deductible');
    const run = await spawnYibao(bin.file, ['solve', '--lever', 'policy:employee.inpatient.deductible.tertiary', '--range', '300:3000', '--target', 'depletion<=5%', ...SMALL, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toEqual([
      'yibao: command line: --range = "300:3000": policy:employee.inpatient.deductible.tertiary at 300.00, the low end of the range, makes the policy invalid ' +
        "(the later-admission deductible 400 for inService (在职), retired (退休) at tertiary is above the first admission's 300: must be at most 300); " +
        'raise the low end of the range to at least 400.00',
    ]);
    expect(run.err).not.toMatch(/solve lever|changes\./);
    expect(existsSync(out)).toBe(false);
  });

  const refused = async (lever: Lever) => {
    const chunks: unknown[] = [];
    const solving = solveLever(loadScenario(defaultScenarioFile()), lever, { scheme: 'resident', allowedFailure: 0.05 }, { workers: 0, paths: 1, members: 200, onProgress: (e) => chunks.push(e) });
    const err = await solving.then(() => undefined, (e: unknown) => e);
    expect(chunks).toEqual([]); // refused before any simulation
    return formatProblem((err as InputError).problems[0]!);
  };

  it('finds the limit at the high end too, where another field\'s rule stops the lever (named as a notebook writes the lever, not as flags)', async () => {
    // The resident fund cap, 100,000 yuan and covering inpatient care, may not lie below an inpatient deductible.
    const text = await refused({ kind: 'policy', path: 'resident.inpatient.deductible.tertiary', lo: 600, hi: 200_000 });
    expect(text).toMatch(/^solve options: lever\.range = "600:200000": policy:resident\.inpatient\.deductible\.tertiary at 200000\.00, the high end of the range, makes the policy invalid \(the fund cap 100000 for .* is below the inpatient deductible 200000 \(tertiary\): must be at least 200000\); lower the high end of the range to at most 100000\.00$/);
    expect(text).not.toContain('--');
    // The lever's own rule, named by its field.
    expect(await refused({ kind: 'policy', path: 'resident.inpatient.ratio.tertiary', lo: -0.2, hi: 0.9, decreasing: true })).toContain(
      'at -0.2000, the low end of the range, makes the policy invalid (resident.inpatient.ratio.tertiary must be between 0 and 1); raise the low end of the range to at least 0.0000',
    );
  });

  it('says a field no value makes valid is the lever\'s own problem', async () => {
    const text = await refused({ kind: 'policy', path: 'resident.inpatient.foo.deductible', lo: 300, hi: 3000 });
    expect(text).toMatch(/^solve options: lever\.path = "resident\.inpatient\.foo\.deductible": makes the policy invalid at any value \(resident\.inpatient\.foo: unknown field; allowed here: deductible, /);
    expect(text).toMatch(/is each name spelled as in the policy file\?$/);
  });
});

describe('sizingProblem', () => {
  const subsidy: Lever = { kind: 'residentSubsidy', lo: 0, hi: 10 };

  it('is one line, for any solver message', () => {
    const err = new SizingError('range', 'the lever range needs lo < hi,\n got lo = 5, hi = 1');
    const text = formatProblem(sizingProblem(err, { lever: subsidy, leverName: 'resident-subsidy', target: 'depletion<=5%', allowedFailure: 0.05 }));
    expect(text).not.toContain('\n');
    expect(text).toMatch(/^command line: --range = "0:10": cannot size resident-subsidy/);
  });

  it('reports the best value of a decreasing policy lever in the lever\'s own units and suggests the right end', () => {
    const lever: Lever = { kind: 'policy', path: 'resident.inpatient.deductible.tertiary', lo: 1000, hi: 5000, decreasing: true };
    // Solved on −x over [−5000, −1000]: the solver's best point −1000 is the lever's low end, 1000.
    const err = new SizingError('unreachable', 'no value in [-5000, -1000] meets the target', { x: -1000, criterion: 0.5 });
    const text = formatProblem(sizingProblem(err, { lever, leverName: 'policy:resident.inpatient.deductible.tertiary', target: 'depletion<=5%,months>=6', allowedFailure: 0.05, paths: 8 }));
    expect(text).toContain('(1000.00 to 5000.00)');
    expect(text).toContain('the best value tried, 1000.00, still leaves 50.0% of 8 paths failing (at most 5.0% allowed)');
    expect(text).toContain('try a lower low end of --range or a looser --target (a higher depletion share or fewer months)');
  });

  it('calls the best value so far of a lever sized from the top the largest, not the smallest', () => {
    const ratio: Lever = { kind: 'policy', path: 'resident.inpatient.ratio.tertiary', lo: 0.5, hi: 0.9, tolerance: 0.0001, decreasing: true };
    const err = new SizingError('evaluations', 'stopped after 40 evaluations', { x: -0.826, criterion: 0 });
    const context = { leverName: 'policy:resident.inpatient.ratio.tertiary', target: 'depletion<=5%', allowedFailure: 0.05 };
    expect(formatProblem(sizingProblem(err, { ...context, lever: ratio }))).toContain('(the largest value meeting the target so far is 0.8260)');
    const deductible: Lever = { kind: 'policy', path: 'resident.inpatient.deductible.tertiary', lo: 300, hi: 3000, decreasing: false };
    expect(formatProblem(sizingProblem(new SizingError('evaluations', 'stopped', { x: 1200, criterion: 0 }), { ...context, lever: deductible }))).toContain('(the smallest value meeting the target so far is 1200.00)');
  });
});

describe('solveAnswer wording', () => {
  type Uncertainty = Pick<SolveResult, 'interval' | 'bracket'>;
  function result(lever: Lever, value: number, { interval, bracket }: Uncertainty, evaluations = 30, minMonthsCovered?: number): SolveResult {
    const scheme = lever.kind === 'employerRate' ? 'employee' : 'resident';
    return { lever, target: { scheme, allowedFailure: 0.05, minMonthsCovered }, value, interval, bracket, failureShare: 0.05, atLowerBound: false, evaluations } as unknown as SolveResult;
  }
  const mc = (lo: number | null, hi: number | null, coverage = 0.9586): Uncertainty => ({ interval: { lo, hi, coverage }, bracket: null });

  it('puts the unit after the amount: "a per-head fiscal subsidy (财政补助) of 468.75 yuan", and the interval\'s coverage before it', () => {
    const text = solveAnswer(result({ kind: 'residentSubsidy', lo: 300, hi: 900 }, 468.75, mc(420.5, 512)), '2021–2030');
    expect(text).toContain('needs a per-head fiscal subsidy (财政补助) of 468.75 yuan in the base year');
    expect(text).not.toMatch(/yuan of/);
    expect(text).toContain('(95.9% Monte Carlo interval 420.50 yuan to 512.00 yuan; 30 evaluations)');
  });

  it('says "an employer contribution rate"', () => {
    const text = solveAnswer(result({ kind: 'employerRate', lo: 0, hi: 0.1 }, 0.065, mc(0.06, 0.0725)), '2021–2030');
    expect(text).toContain('The employee fund needs an employer contribution rate of 6.50% to keep');
    expect(text).toContain('Monte Carlo interval 6.00% to 7.25%');
    expect(text).not.toMatch(/\ba employer\b/);
  });

  it('says which end of the interval is not identified, and counts one evaluation in the singular', () => {
    // With 4 paths the 95th percentile's interval runs from the 3rd threshold up, covering with probability 98.6%.
    const text = solveAnswer(result({ kind: 'residentSubsidy', lo: 300, hi: 900 }, 468.75, mc(311.13, null, 0.98598), 1, 6), '2021–2030');
    expect(text).toContain('(98.6% Monte Carlo interval from 311.13 yuan, its upper end not identified with these paths; 1 evaluation)');
    expect(text).not.toMatch(/to not identified/);
    expect(text).toContain('probability of depletion, or of fewer than 6 months of payment covered in some year, over 2021–2030 at most 5.0%');
    expect(solveAnswer(result({ kind: 'residentSubsidy', lo: 300, hi: 900 }, 468.75, mc(null, null, 1)), '2021–2030')).toContain('(Monte Carlo interval not identified with these paths; 30 evaluations)');
  });

  it('names a policy field as set to a value, and its bracket as where the bisection stopped, not a Monte Carlo interval', () => {
    const lever: Lever = { kind: 'policy', path: 'resident.inpatient.deductible.tertiary', lo: 0, hi: 5000 };
    const text = solveAnswer(result(lever, 1200, { interval: null, bracket: { lo: 1150, hi: 1200 } }), '2021–2023');
    expect(text).toContain('needs the policy field resident.inpatient.deductible.tertiary set to 1200.00 (or higher) to keep');
    expect(text).toContain('(found between 1150.00 and 1200.00 by bisection; Monte Carlo uncertainty not estimated for a policy lever; 30 evaluations)');
    expect(text).not.toContain('Monte Carlo interval');
    // Met at the first end already: no bracket, and still no claim of an interval.
    expect(solveAnswer(result(lever, 0, { interval: null, bracket: null }, 1), '2021–2023')).toContain('(Monte Carlo uncertainty not estimated for a policy lever; 1 evaluation)');
  });

  it('chooses the article by the first letter', () => {
    expect(withArticle('employer contribution rate')).toBe('an employer contribution rate');
    expect(withArticle('per-head fiscal subsidy')).toBe('a per-head fiscal subsidy');
  });
});

describe('policy lever direction', () => {
  it.each([
    ['resident.inpatient.deductible.tertiary', 'lowersSpending'],
    ['employee.inpatient.laterAdmissionDeductible.secondary', 'lowersSpending'],
    ['employee.classBFirstSelfPay', 'lowersSpending'],
    ['employee.outOfArea.outOfAreaUnregistered.ratioReduction', 'lowersSpending'],
    ['resident.inpatient.ratio.tertiary', 'raisesSpending'],
    ['employee.outpatient.cap.retired', 'raisesSpending'],
    ['employee.fundCap.amount', 'raisesSpending'],
    ['resident.seriousIllness.bands.0.ratio', 'raisesSpending'],
    ['resident.elderlyAge', null],
  ])('%s %s', (path, direction) => {
    expect(policyLeverDirection(path)).toBe(direction);
  });

  it('refuses a field whose direction the name does not tell, in one line before simulating', async () => {
    const r = await spawnYibao(bin.file, ['solve', '--target', 'depletion<=5%', '--lever', 'policy:resident.elderlyAge', '--range', '50:70', '--out', join(dir, 'age'), ...SMALL]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('cannot tell which way this field moves spending (is each name spelled as in the policy file?)');
    expect(existsSync(join(dir, 'age'))).toBe(false);
  });
});

describe('solve options', () => {
  const flags = (range: string, lever = 'employer-rate', tolerance?: string) => ({ target: 'depletion<=5%', lever, range, tolerance });
  const parse = (f: ReturnType<typeof flags>) => {
    const problems: Problem[] = [];
    return { lever: parseLever(f, problems), problems: problems.map(formatProblem) };
  };

  it('takes a rate range as shares or percentages alike', () => {
    expect(parse(flags('6%:10%')).lever).toMatchObject({ kind: 'employerRate', lo: 0.06, hi: 0.1 });
    expect(parse(flags('0.06:0.10')).lever).toMatchObject({ kind: 'employerRate', lo: 0.06, hi: 0.1 });
    expect(parse(flags('6%:10%', 'employer-rate', '0.1%')).lever.tolerance).toBeCloseTo(0.001, 12);
  });

  it('refuses a percentage for a subsidy in yuan, and a range that is not LOW:HIGH', () => {
    expect(parse(flags('5%:10%', 'resident-subsidy')).problems).toEqual(['command line: --range = "5%:10%": a resident subsidy is in yuan per head, e.g. 500:1500, not a percentage']);
    for (const bad of ['500-1500', '500:', ':9', '5:6:7', 'a:b']) expect(parse(flags(bad, 'resident-subsidy')).problems[0]).toMatch(/--range .*expected LOW:HIGH, e.g\. 500:1500, 0\.06:0\.10 or 6%:10%/);
    expect(parse(flags('1:2', 'employer-rate', '0')).problems[0]).toMatch(/--tolerance = "0": must be a positive number/);
    expect(parse(flags('900:300', 'resident-subsidy')).problems).toEqual(['command line: --range = "900:300": the low end must be below the high end']);
  });

  // A tolerance as wide as the range answered with the range's end, silently; one finer than the lever's values
  // are set (to the fen, to 4 decimals) re-simulated equal values until the evaluation budget ran out.
  it('refuses a tolerance at least as wide as the range, naming both', () => {
    expect(parse(flags('300:900', 'resident-subsidy', '1000')).problems).toEqual([
      'command line: --tolerance = "1000": is at least as wide as --range 300:900 (600 wide): the answer would be an end of the range; give a --tolerance below 600 or a wider --range',
    ]);
    expect(parse(flags('300:900', 'resident-subsidy', '600')).problems[0]).toMatch(/--tolerance = "600": is at least as wide as --range 300:900/);
    expect(parse(flags('300:900', 'resident-subsidy', '599.99')).problems).toEqual([]);
    // No --tolerance: the default one, against a range too narrow for it.
    expect(parse(flags('300:300.4', 'resident-subsidy')).problems).toEqual(['command line: --range = "300:300.4": is only 0.4 wide, not wider than the default tolerance 0.50 yuan: give a wider --range']);
  });

  it('refuses a tolerance finer than the lever\'s values are set, in any notation', () => {
    const ratio = 'policy:resident.inpatient.ratio.tertiary';
    expect(parse(flags('0.5:0.9', ratio, '1e-9')).problems).toEqual(['command line: --tolerance = "1e-9": is finer than the lever\'s values are set (to 4 decimals): give at least 0.0001']);
    expect(parse(flags('300:3000', 'policy:resident.inpatient.deductible.tertiary', '0.001')).problems[0]).toMatch(/"0\.001": is finer than the lever's values are set \(to the fen\): give at least 0\.01$/);
    expect(parse(flags('300:900', 'resident-subsidy', '0.001')).problems[0]).toMatch(/give at least 0\.01 yuan$/);
    // The finest step itself is fine, as a share or a percentage (0.01% is 0.00009999999999999999).
    expect(parse(flags('0.5:0.9', ratio, '0.0001')).problems).toEqual([]);
    expect(parse(flags('6%:10%', 'employer-rate', '0.01%')).problems).toEqual([]);
    expect(parse(flags('6%:10%', 'employer-rate', '1e-3')).lever.tolerance).toBe(0.001);
  });

  it('refuses the same in the library, before simulating', async () => {
    const loaded = loadScenario(defaultScenarioFile());
    const target = { scheme: 'resident' as const, allowedFailure: 0.05 };
    await expect(solveLever(loaded, { kind: 'residentSubsidy', lo: 300, hi: 900, tolerance: 1000 }, target)).rejects.toThrow(/lever\.tolerance = 1000: is at least as wide as the range 300:900/);
    await expect(solveLever(loaded, { kind: 'policy', path: 'resident.inpatient.ratio.tertiary', lo: 0.5, hi: 0.9, tolerance: 1e-9, decreasing: true }, target)).rejects.toThrow(/is finer than the lever's values are set: at least 0\.0001/);
  });

  it('reads a solve manifest\'s lever and target back as the options that asked for them', () => {
    const ratio: Lever = { kind: 'policy', path: 'resident.inpatient.ratio.tertiary', lo: 0.5, hi: 0.9, tolerance: 0.001, decreasing: true };
    const target = { scheme: 'employee' as const, allowedFailure: 0.05, minMonthsCovered: 6 };
    const options = recordedOptions({ lever: ratio, target });
    expect(options).toEqual({ target: 'depletion<=0.05,months>=6', lever: 'policy:resident.inpatient.ratio.tertiary', range: '0.5:0.9', scheme: 'employee', tolerance: '0.001' });
    const problems: Problem[] = [];
    expect(parseLever(options, problems)).toEqual(ratio);
    expect(parseTarget(options.target, problems)).toEqual({ allowedFailure: 0.05, minMonthsCovered: 6 });
    // Any number prints back as it parses, 1e-7 included.
    expect(parseTarget(recordedOptions({ lever: ratio, target: { scheme: 'resident', allowedFailure: 1e-7 } }).target, problems).allowedFailure).toBe(1e-7);
    expect(problems).toEqual([]);
  });

  it('overrides a manifest\'s options with those given, and drops its range, tolerance and fund with another lever', () => {
    const recorded = { target: 'depletion<=0.05', lever: 'resident-subsidy', range: '300:900', scheme: 'resident', tolerance: '1' };
    expect(askedOptions({ range: '400:800' }, recorded)).toEqual({ ...recorded, range: '400:800' });
    expect(askedOptions({ lever: 'resident-subsidy', tolerance: '2' }, recorded)).toEqual({ ...recorded, tolerance: '2' });
    expect(askedOptions({ lever: 'employer-rate', range: '6%:10%' }, recorded)).toEqual({ target: 'depletion<=0.05', lever: 'employer-rate', range: '6%:10%' });
    expect(askedOptions({ target: 'depletion<=5%', range: '1:2' })).toEqual({ target: 'depletion<=5%', lever: 'resident-subsidy', range: '1:2' });
  });

  it('writes the answer told as the answer tells it: to the fen for yuan, 4 decimals for rates', () => {
    const curve = [{ value: 543.84765625, shareMeeting: 0.9, lo: 0.8, hi: 1 }];
    expect(toldAt(2, { value: 543.84765625, interval: { lo: 511.123, hi: null, coverage: 0.985981 }, bracket: null, curve })).toEqual({
      value: 543.85,
      interval: { lo: 511.12, hi: null, coverage: 0.986 },
      bracket: null,
      curve: [{ ...curve[0], value: 543.85 }],
    });
    expect(toldAt(4, { value: 0.0649999, interval: null, bracket: { lo: -0.00001, hi: 0.07 }, curve: [] })).toEqual({ value: 0.065, interval: null, bracket: { lo: 0, hi: 0.07 }, curve: [] });
  });
});
