/**
 * `yibao solve [SCENARIO] --target "depletion<=5%,months>=6" --lever resident-subsidy --range 500:1500`:
 * the smallest lever value that meets a solvency target over the horizon, with its Monte Carlo interval (a subsidy,
 * an employer rate) or where the bisection stopped (a policy field, whose Monte Carlo error is not estimated).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SizingError } from '../../analysis/sizingError.js';
import { InputError, type Problem } from '../../input/inputError.js';
import { writeDirectoryAtomic } from '../../io/atomic.js';
import { withInterrupt } from '../../io/interrupt.js';
import { jsonText } from '../../io/json.js';
import { SCHEMES, type Scheme } from '../../policy/vocabulary.js';
import { DEFAULT_TOLERANCE, leverDigits, leverResolution, leverText, leverTolerance, policyLeverDirection, recordedSolve, solveLever, toleranceProblem, type Lever, type MonteCarloInterval, type SolveResult, type SolveTarget } from '../../run/solve.js';
import { SOLVE_OPTIONS } from '../../run/policyLever.js';
import { solveReportHtml } from '../../run/solveReport.js';
import { optionProblem } from '../report.js';
import { addSimulationOptions, checkedAgainst, manifestToRerun, outputDir, progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';
import { pickRunOptions } from '../../run/runOptions.js';

/** What a solve is asked: the options as given, or as a manifest recorded them (recordedOptions). */
interface SolveOptions {
  target: string;
  lever: string;
  range: string;
  scheme?: string;
  tolerance?: string;
}

interface Flags extends SimulationFlags, Partial<SolveOptions> {
  manifest?: string;
}

const LEVERS = ['resident-subsidy', 'employer-rate', 'policy:<field path>'];

/** "0.06", "6%" (a percentage, for a rate or share), "1e-4" → a number; NaN if none of these. */
function numberOrPercent(text: string): number {
  const m = /^(-?[0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)(%?)$/i.exec(text.trim());
  return m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
}

/** "depletion<=5%,months>=6" → allowed failure 0.05, at least 6 months covered. */
export function parseTarget(text: string, problems: Problem[]): { allowedFailure: number; minMonthsCovered?: number } {
  let allowedFailure: number | undefined;
  let minMonthsCovered: number | undefined;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(depletion|months)\s*(<=|>=)\s*(.+)$/i.exec(part);
    const value = m ? numberOrPercent(m[3]!) : NaN;
    if (m?.[1] === 'depletion' && m[2] === '<=' && value > 0 && value < 1) allowedFailure = value;
    else if (m?.[1] === 'months' && m[2] === '>=' && value >= 0) minMonthsCovered = value;
    else problems.push(optionProblem('--target', part, 'expected "depletion<=P" (P a share or a percentage, 0 < P < 1) or "months>=M"'));
  }
  if (allowedFailure === undefined && problems.length === 0) problems.push(optionProblem('--target', text, 'needs a "depletion<=P" part'));
  return { allowedFailure: allowedFailure ?? NaN, minMonthsCovered };
}


export function parseLever(flags: Pick<SolveOptions, 'lever' | 'range' | 'tolerance'>, problems: Problem[]): Lever {
  const ends = flags.range.split(':');
  const [lo, hi] = ends.length === 2 ? ends.map(numberOrPercent) as [number, number] : [NaN, NaN];
  const before = problems.length;
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) problems.push(optionProblem('--range', flags.range, 'expected LOW:HIGH, e.g. 500:1500, 0.06:0.10 or 6%:10%'));
  else if (flags.lever === 'resident-subsidy' && flags.range.includes('%')) problems.push(optionProblem('--range', flags.range, 'a resident subsidy is in yuan per head, e.g. 500:1500, not a percentage'));
  else if (!(lo < hi)) problems.push(optionProblem('--range', flags.range, 'the low end must be below the high end'));
  const tolerance = flags.tolerance === undefined ? undefined : numberOrPercent(flags.tolerance);
  if (tolerance !== undefined && !(tolerance > 0)) problems.push(optionProblem('--tolerance', flags.tolerance, 'must be a positive number (or percentage) in the lever\'s unit'));
  const lever = leverOf(flags.lever, lo, hi, tolerance, problems);
  if (problems.length === before) problems.push(...toleranceProblems(lever, flags));
  return lever;
}

function leverOf(name: string, lo: number, hi: number, tolerance: number | undefined, problems: Problem[]): Lever {
  if (name === 'resident-subsidy') return { kind: 'residentSubsidy', lo, hi, tolerance };
  if (name === 'employer-rate') return { kind: 'employerRate', lo, hi, tolerance };
  if (name.startsWith('policy:') && name.length > 'policy:'.length) {
    const path = name.slice('policy:'.length);
    const direction = policyLeverDirection(path);
    if (!direction) problems.push(optionProblem('--lever', name, 'cannot tell which way this field moves spending (is each name spelled as in the policy file?): a policy lever must be a deductible, first self-pay share or ratio reduction (sized to the smallest value meeting the target) or a ratio, cap or amount (sized to the largest)'));
    return { kind: 'policy', path, lo, hi, tolerance, decreasing: direction === 'raisesSpending' };
  }
  problems.push(optionProblem('--lever', name, `must be one of ${LEVERS.join(', ')}`));
  return { kind: 'residentSubsidy', lo, hi };
}

/** A tolerance that cannot size the lever over --range (run/solve.ts toleranceProblem), named by the options to change. */
function toleranceProblems(lever: Lever, flags: Pick<SolveOptions, 'range' | 'tolerance'>): Problem[] {
  const why = toleranceProblem(lever);
  const width = Number((lever.hi - lever.lo).toPrecision(12));
  const resolution = leverAmount(lever, leverResolution(lever));
  if (why === 'wide' && flags.tolerance !== undefined) {
    return [optionProblem('--tolerance', flags.tolerance, `is at least as wide as --range ${flags.range} (${width} wide): the answer would be an end of the range; give a --tolerance below ${width} or a wider --range`)];
  }
  if (why === 'wide') return [optionProblem('--range', flags.range, `is only ${width} wide, not wider than the default tolerance ${leverAmount(lever, leverTolerance(lever))}: give a wider --range`)];
  if (why === 'fine') return [optionProblem('--tolerance', flags.tolerance, `is finer than the lever's values are set (${leverDigits(lever) === 2 ? 'to the fen' : 'to 4 decimals'}): give at least ${resolution}`)];
  return [];
}

function defaultScheme(lever: Lever): Scheme {
  return lever.kind === 'employerRate' ? 'employee' : 'resident';
}

/** "a" or "an" before a word, by its first letter (enough for the lever descriptions here). */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** A lever value in its unit: "468.75 yuan", "6.50%", "1200.00". */
export function leverAmount(lever: Lever, x: number): string {
  const text = leverText(lever, x);
  return lever.kind === 'residentSubsidy' ? `${text} yuan` : text;
}

/** The flag that gives each field of the lever and target solveLever names, with the text given for it. */
function flagOf(field: string, asked: SolveOptions, value: unknown): [string, unknown] | undefined {
  if (field === 'lever.range') return ['--range', asked.range];
  if (field === 'lever.path') return ['--lever', asked.lever];
  if (field === 'lever.tolerance') return ['--tolerance', asked.tolerance ?? '(default)'];
  if (field === 'target.scheme') return ['--scheme', asked.scheme ?? value]; // the lever's own fund when not given
  if (field.startsWith('target.')) return ['--target', asked.target];
  return undefined;
}

/** solveLever's problems with what was asked ("solve options", as a notebook writes them) named as this command's flags. */
function asFlags(err: InputError, asked: SolveOptions): InputError {
  return new InputError(
    err.problems.map((p) => {
      const flag = p.file === SOLVE_OPTIONS ? flagOf(p.path.join('.'), asked, p.value) : undefined;
      return flag ? optionProblem(flag[0], flag[1], p.message) : p;
    }),
  );
}

/** "what the fund needs": "a per-head fiscal subsidy (财政补助) of 468.75 yuan in the base year". */
function needs(lever: Lever, x: number): string {
  if (lever.kind === 'residentSubsidy') return `${withArticle('per-head fiscal subsidy (财政补助)')} of ${leverAmount(lever, x)} in the base year`;
  if (lever.kind === 'employerRate') return `${withArticle('employer contribution rate')} of ${leverAmount(lever, x)}`;
  return `the policy field ${lever.path} set to ${leverAmount(lever, x)} (or ${lever.decreasing ? 'lower' : 'higher'})`;
}

/** "98.6% Monte Carlo interval 420.50 yuan to 512.00 yuan"; an end the paths cannot identify is said so. */
function monteCarloInterval(lever: Lever, { lo, hi, coverage }: MonteCarloInterval): string {
  const unknown = 'not identified with these paths';
  const named = `${(coverage * 100).toFixed(1)}% Monte Carlo interval`;
  if (lo === null && hi === null) return `Monte Carlo interval ${unknown}`;
  if (lo === null) return `${named} up to ${leverAmount(lever, hi!)}, its lower end ${unknown}`;
  if (hi === null) return `${named} from ${leverAmount(lever, lo)}, its upper end ${unknown}`;
  return `${named} ${leverAmount(lever, lo)} to ${leverAmount(lever, hi)}`;
}

/** How sure the answer is: a per-path lever's Monte Carlo interval, a policy lever's bisection bracket (its Monte Carlo error not estimated). */
export function uncertainty(r: SolveResult): string {
  if (r.interval) return monteCarloInterval(r.lever, r.interval);
  const notEstimated = 'Monte Carlo uncertainty not estimated for a policy lever';
  return r.bracket ? `found between ${leverAmount(r.lever, r.bracket.lo)} and ${leverAmount(r.lever, r.bracket.hi)} by bisection; ${notEstimated}` : notEstimated;
}

export function solveAnswer(r: SolveResult, years: string): string {
  const months = r.target.minMonthsCovered === undefined ? '' : `, or of fewer than ${r.target.minMonthsCovered} months of payment covered in some year,`;
  const evaluations = `${r.evaluations} evaluation${r.evaluations === 1 ? '' : 's'}`;
  const [end, side] = r.lever.kind === 'policy' && r.lever.decreasing ? ['high', 'above'] : ['low', 'below'];
  const tail = r.atLowerBound ? ` The target is already met at the ${end} end of the range: the answer may lie ${side} it.` : '';
  return (
    `The ${r.target.scheme} fund needs ${needs(r.lever, r.value)} to keep the probability of depletion${months} over ${years} at most ` +
    `${(r.target.allowedFailure * 100).toFixed(1)}% (${uncertainty(r)}; ${evaluations}).${tail}`
  );
}

/**
 * A solve that cannot answer (the target is out of reach in the range, the evaluation budget ran out, a bad
 * range) as one line for the user: the target, the lever, the range searched, the best value reached and what
 * to try. `best.x` is in the solver's units: a decreasing policy lever is solved on −x.
 */
export function sizingProblem(err: SizingError, context: { lever: Lever; leverName: string; target: string; allowedFailure: number; paths?: number }): Problem {
  const { lever, leverName, target } = context;
  const searched = `${leverAmount(lever, lever.lo)} to ${leverAmount(lever, lever.hi)}`;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const best = err.best && { x: lever.kind === 'policy' && lever.decreasing ? -err.best.x : err.best.x, failing: err.best.criterion };
  const ofPaths = context.paths === undefined ? 'of paths' : `of ${context.paths} paths`;
  const reached = best ? `the best value tried, ${leverAmount(lever, best.x)}, still leaves ${pct(best.failing)} ${ofPaths} failing (at most ${pct(context.allowedFailure)} allowed)` : 'no value tried met it';
  if (err.kind === 'unreachable') {
    const widen = !best ? 'a wider --range' : best.x >= lever.hi ? 'a higher upper end of --range' : best.x <= lever.lo ? 'a lower low end of --range' : 'a wider --range';
    return optionProblem(
      '--target',
      target,
      `no ${leverName} value in the range searched (${searched}) meets this target: ${reached}; try ${widen} or a looser --target (${/months/.test(target) ? 'a higher depletion share or fewer months' : 'a higher depletion share'})`,
    );
  }
  if (err.kind === 'evaluations') {
    const end = lever.kind === 'policy' && lever.decreasing ? 'largest' : 'smallest';
    const sofar = best ? `the ${end} value meeting the target so far is ${leverAmount(lever, best.x)}` : 'no value tried met the target yet';
    return optionProblem('--tolerance', lever.tolerance ?? '(default)', `sizing ${leverName} over ${searched} stopped before reaching this precision (${sofar}); try a larger --tolerance or a narrower --range`);
  }
  return optionProblem('--range', `${lever.lo}:${lever.hi}`, `cannot size ${leverName} over ${searched}: ${err.message.replace(/\s+/g, ' ')}`);
}

type Told = Pick<SolveResult, 'value' | 'interval' | 'bracket' | 'curve'>;

/**
 * The answer, its interval or bracket and the values looked at, as the answer tells them (543.85, not
 * 543.84765625: the solver stops within its tolerance, so further digits say nothing).
 */
export function toldAt(digits: number, r: Told): Told {
  const told = (x: number) => Number(x.toFixed(digits)) + 0;
  const maybe = (x: number | null) => (x === null ? null : told(x));
  const interval = r.interval && { lo: maybe(r.interval.lo), hi: maybe(r.interval.hi), coverage: Number(r.interval.coverage.toFixed(4)) };
  const bracket = r.bracket && { lo: told(r.bracket.lo), hi: told(r.bracket.hi) };
  return { value: told(r.value), interval, bracket, curve: r.curve.map((p) => ({ ...p, value: told(p.value) })) };
}

/** solve.json: the answer as told, how it was reached, what was asked. */
function solveJson(result: SolveResult, lever: Lever, target: SolveTarget): string {
  const { value, interval, bracket, curve } = toldAt(leverDigits(lever), result);
  return jsonText({ value, interval, bracket, failureShare: result.failureShare, atLowerBound: result.atLowerBound, evaluations: result.evaluations, lever, target, curve });
}

/** A solve manifest's lever and target as the options that ask for them, so a rerun meets the same checks. */
export function recordedOptions({ lever, target }: { lever: Lever; target: SolveTarget }): SolveOptions {
  const name = lever.kind === 'residentSubsidy' ? 'resident-subsidy' : lever.kind === 'employerRate' ? 'employer-rate' : `policy:${lever.path}`;
  const months = target.minMonthsCovered === undefined ? '' : `,months>=${target.minMonthsCovered}`;
  const tolerance = lever.tolerance === undefined ? undefined : String(lever.tolerance);
  return { target: `depletion<=${target.allowedFailure}${months}`, lever: name, range: `${lever.lo}:${lever.hi}`, scheme: target.scheme, tolerance };
}

/**
 * The options of a solve: as given, or a manifest's with each option given overriding its own (as run
 * --manifest does). Another --lever takes none of the manifest's range, tolerance or fund: they were the old lever's.
 */
export function askedOptions(flags: Partial<SolveOptions>, recorded?: SolveOptions): Partial<SolveOptions> {
  const given = Object.fromEntries((['target', 'lever', 'range', 'scheme', 'tolerance'] as const).filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]));
  if (!recorded) return { lever: 'resident-subsidy', ...given };
  const kept = flags.lever === undefined || flags.lever === recorded.lever ? recorded : { target: recorded.target };
  return { ...kept, ...given };
}

/** The lever and target asked for (`recorded`: a rerun manifest's), every problem with the options at once. */
function parseSolve(asked: Partial<SolveOptions>, recorded?: SolveOptions): { lever: Lever; target: SolveTarget } {
  const problems: Problem[] = [];
  const why = recorded ? `the manifest's was for its own lever, ${recorded.lever}` : 'or --manifest to rerun a solve';
  const required = (option: '--target' | '--range', example: string) => optionProblem(option, undefined, `is required, e.g. ${example} (${why})`);
  if (asked.target === undefined) problems.push(required('--target', '"depletion<=5%,months>=6"'));
  if (asked.range === undefined) problems.push(required('--range', '300:900'));
  if (problems.length > 0) throw new InputError(problems);
  const options = asked as SolveOptions;
  const lever = parseLever(options, problems);
  const target = parseTarget(options.target, problems);
  const scheme = (options.scheme ?? defaultScheme(lever)) as Scheme;
  if (!(SCHEMES as readonly string[]).includes(scheme)) problems.push(optionProblem('--scheme', options.scheme, `must be one of ${SCHEMES.join(', ')}`));
  if (problems.length > 0) throw new InputError(problems);
  return { lever, target: { scheme, ...target } };
}

export function register(program: Command): void {
  addSimulationOptions(
    program
      .command('solve')
      .description('size a lever (subsidy, contribution rate, policy field) to a solvency target')
      .argument('[scenario]', 'scenario file; default: scenarios/default.yaml')
      .option('--target <spec>', 'required: e.g. "depletion<=5%,months>=6": probability of depletion within the horizon, minimum months covered')
      .option('--lever <lever>', `what to size: ${LEVERS.join(', ')} (default: resident-subsidy)`)
      .option('--range <low:high>', 'required: the range to search, in the lever\'s unit: yuan for a subsidy; a rate or share as 0.06:0.10 or 6%:10%; a policy amount in yuan')
      .option('--scheme <scheme>', 'which fund the target is about: employee or resident (default: the lever\'s)')
      .option('--tolerance <x>', `precision of the answer in the lever's unit, narrower than --range and at least 0.01 yuan or 0.0001 for a rate or share (default: ${DEFAULT_TOLERANCE.residentSubsidy} yuan for resident-subsidy, ${DEFAULT_TOLERANCE.employerRate} for employer-rate, a ${1 / DEFAULT_TOLERANCE.policyRangeShare}th of the range for a policy field)`)
      .option('--manifest <file>', 'rerun the solve recorded in a manifest.json, exactly: its scenario, seed, sizes, lever, range, tolerance, target and fund (other options override it; --target and --range are then not required)'),
    { tablesAndCharts: false },
  )
    .addHelpText(
      'after',
      '\nA policy lever (e.g. --lever policy:resident.inpatient.deductible.tertiary) re-simulates at every step: a deductible, first self-pay share or ratio reduction is sized to the smallest value meeting the target, a ratio, cap or amount to the largest.' +
        '\nWrites to --out (default out/<scenario id>-solve-<lever>): solve.json (the value; a subsidy\'s or rate\'s Monte Carlo interval with its coverage, or a policy field\'s bisection bracket; the share of paths meeting the target at each value looked at), report.html, answers.txt, manifest.json.',
    )
    .action(async (file: string | undefined, flags: Flags) => {
      const options = runOptions(flags);
      const rerun = flags.manifest ? manifestToRerun(flags.manifest, file, 'solve') : undefined;
      const recorded = rerun && recordedOptions(recordedSolve(rerun));
      const asked = askedOptions(flags, recorded) as SolveOptions;
      const { lever, target } = parseSolve(asked, recorded);
      const loaded = rerun ? checkedAgainst(rerun.scenario, options) : scenarioOrDefault(file, options);
      const out = outputDir(flags.out, `${loaded.scenario.id}-solve-${asked.lever.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
      const progress = progressBar(flags.progress);
      await withInterrupt(async (signal) => {
        const result = await solveLever(loaded, lever, target, { ...pickRunOptions(options), signal, onProgress: progress.onProgress })
          .catch((err: unknown) => {
            if (err instanceof InputError) throw asFlags(err, asked);
            // Out of reach or out of budget: the user's target or range, reported as one line (exit 2), nothing written.
            if (!(err instanceof SizingError)) throw err;
            throw new InputError([sizingProblem(err, { lever, leverName: asked.lever, target: asked.target, allowedFailure: target.allowedFailure, paths: options.paths ?? loaded.scenario.paths })]);
          })
          .finally(progress.stop);
        const s = loaded.scenario;
        const years = `${s.baseYear}–${s.baseYear + (options.horizon ?? s.horizon) - 1}`;
        // Like every output, the answers say whether the behavioural response is on (README, induced demand).
        const answer = `${result.manifest.behaviouralResponse}\n\n${solveAnswer(result, years)}`;
        await writeDirectoryAtomic(
          out,
          async (temp) => {
            await writeFile(join(temp, 'solve.json'), solveJson(result, lever, target));
            await writeFile(join(temp, 'answers.txt'), `${answer}\n`);
            await writeFile(join(temp, 'report.html'), solveReportHtml(result, answer));
            await writeFile(join(temp, 'manifest.json'), jsonText(result.manifest));
          },
          { signal },
        );
        process.stdout.write(`${answer}\n\nResult and manifest: ${out}/\n`);
      });
    });
}
