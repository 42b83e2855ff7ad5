/**
 * `yibao solve [SCENARIO] --target "depletion<=5%,months>=6" --lever resident-subsidy --range 500:1500`:
 * the smallest lever value that meets a solvency target over the horizon, with its Monte Carlo uncertainty.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, type Problem } from '../../input/inputError.js';
import { writeDirectoryAtomic } from '../../io/atomic.js';
import { withInterrupt } from '../../io/interrupt.js';
import { jsonText } from '../../io/json.js';
import { SCHEMES, type Scheme } from '../../policy/vocabulary.js';
import { solveLever, type Lever, type SolveResult, type SolveTarget } from '../../run/solve.js';
import { optionProblem } from '../report.js';
import { addSimulationOptions, defaultOutDir, progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';

interface Flags extends SimulationFlags {
  target: string;
  lever: string;
  range: string;
  scheme?: string;
  tolerance?: string;
}

const LEVERS = ['resident-subsidy', 'employer-rate', 'policy:<field path>'];

/** "depletion<=5%,months>=6" → allowed failure 0.05, at least 6 months covered. */
export function parseTarget(text: string, problems: Problem[]): { allowedFailure: number; minMonthsCovered?: number } {
  let allowedFailure: number | undefined;
  let minMonthsCovered: number | undefined;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(depletion|months)\s*(<=|>=)\s*([0-9.]+)(%?)$/.exec(part);
    const value = m ? Number(m[3]) / (m[4] ? 100 : 1) : NaN;
    if (m?.[1] === 'depletion' && m[2] === '<=' && value > 0 && value < 1) allowedFailure = value;
    else if (m?.[1] === 'months' && m[2] === '>=' && value >= 0) minMonthsCovered = value;
    else problems.push(optionProblem('--target', part, 'expected "depletion<=P" (P a share or a percentage, 0 < P < 1) or "months>=M"'));
  }
  if (allowedFailure === undefined && problems.length === 0) problems.push(optionProblem('--target', text, 'needs a "depletion<=P" part'));
  return { allowedFailure: allowedFailure ?? NaN, minMonthsCovered };
}

function parseLever(flags: Flags, problems: Problem[]): Lever {
  const range = /^(-?[0-9.]+):(-?[0-9.]+)$/.exec(flags.range.trim());
  if (!range) problems.push(optionProblem('--range', flags.range, 'expected LOW:HIGH, e.g. 500:1500'));
  const lo = range ? Number(range[1]) : NaN;
  const hi = range ? Number(range[2]) : NaN;
  const tolerance = flags.tolerance === undefined ? undefined : Number(flags.tolerance);
  if (tolerance !== undefined && !(tolerance > 0)) problems.push(optionProblem('--tolerance', flags.tolerance, 'must be a positive number'));
  if (flags.lever === 'resident-subsidy') return { kind: 'residentSubsidy', lo, hi, tolerance };
  if (flags.lever === 'employer-rate') return { kind: 'employerRate', lo, hi, tolerance };
  if (flags.lever.startsWith('policy:') && flags.lever.length > 'policy:'.length) return { kind: 'policy', path: flags.lever.slice('policy:'.length), lo, hi, tolerance, decreasing: true };
  problems.push(optionProblem('--lever', flags.lever, `must be one of ${LEVERS.join(', ')}`));
  return { kind: 'residentSubsidy', lo, hi };
}

function defaultScheme(lever: Lever): Scheme {
  return lever.kind === 'employerRate' ? 'employee' : 'resident';
}

export function solveAnswer(r: SolveResult, years: string): string {
  const what =
    r.lever.kind === 'residentSubsidy' ? 'per-head fiscal subsidy (财政补助) in the base year, yuan' : r.lever.kind === 'employerRate' ? 'employer contribution rate' : `policy field ${r.lever.path}`;
  const fmt = (x: number | null) => (x === null ? 'not identified with these paths' : r.lever.kind === 'employerRate' ? x.toFixed(4) : x.toFixed(2));
  const months = r.target.minMonthsCovered === undefined ? '' : ` and at least ${r.target.minMonthsCovered} months of payment covered every year`;
  const tail = r.atLowerBound ? ' The target is already met at the low end of the range: the answer may lie below it.' : '';
  return (
    `The ${r.target.scheme} fund needs a ${what} of ${fmt(r.value)} to keep the probability of depletion over ${years}${months} at most ` +
    `${(r.target.allowedFailure * 100).toFixed(1)}% (Monte Carlo uncertainty: ${fmt(r.interval.lo)} to ${fmt(r.interval.hi)}; ${r.evaluations} evaluations).${tail}`
  );
}

export function register(program: Command): void {
  addSimulationOptions(
    program
      .command('solve')
      .description('size a lever (subsidy, contribution rate, policy field) to a solvency target')
      .argument('[scenario]', 'scenario file; default: scenarios/default.yaml')
      .requiredOption('--target <spec>', 'e.g. "depletion<=5%,months>=6": probability of depletion within the horizon, minimum months covered')
      .option('--lever <lever>', `what to size: ${LEVERS.join(', ')}`, 'resident-subsidy')
      .requiredOption('--range <low:high>', 'the range to search, in the lever\'s unit (yuan, a rate, the field\'s unit)')
      .option('--scheme <scheme>', 'which fund the target is about: employee or resident (default: the lever\'s)')
      .option('--tolerance <x>', 'precision of the answer in the lever\'s unit'),
  )
    .addHelpText('after', '\nA policy lever (e.g. --lever policy:resident.inpatient.deductible.tertiary) re-simulates at every step and assumes a higher value lowers spending.')
    .action(async (file: string | undefined, flags: Flags) => {
      const options = runOptions(flags);
      const problems: Problem[] = [];
      const lever = parseLever(flags, problems);
      const target = parseTarget(flags.target, problems);
      const scheme = (flags.scheme ?? defaultScheme(lever)) as Scheme;
      if (!(SCHEMES as readonly string[]).includes(scheme)) problems.push(optionProblem('--scheme', flags.scheme, `must be one of ${SCHEMES.join(', ')}`));
      if (problems.length > 0) throw new InputError(problems);
      const loaded = scenarioOrDefault(file);
      const solveTarget: SolveTarget = { scheme, ...target };
      const out = flags.out ?? defaultOutDir(`${loaded.scenario.id}-solve-${flags.lever.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
      const progress = progressBar(flags.progress);
      await withInterrupt(async (signal) => {
        const result = await solveLever(loaded, lever, solveTarget, { ...options, signal, onProgress: progress.onProgress }).finally(progress.stop);
        const s = loaded.scenario;
        const years = `${s.baseYear}–${s.baseYear + (options.horizon ?? s.horizon) - 1}`;
        const answer = solveAnswer(result, years);
        await writeDirectoryAtomic(
          out,
          async (temp) => {
            await writeFile(join(temp, 'solve.json'), jsonText({ value: result.value, interval: result.interval, failureShare: result.failureShare, atLowerBound: result.atLowerBound, evaluations: result.evaluations, lever, target: solveTarget }));
            await writeFile(join(temp, 'answers.txt'), `${answer}\n`);
            await writeFile(join(temp, 'manifest.json'), jsonText(result.manifest));
          },
          { signal },
        );
        process.stdout.write(`${answer}\n\nResult and manifest: ${out}/\n`);
      });
    });
}
