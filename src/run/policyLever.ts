/**
 * A policy field as a sizing lever: the scenario run with the field set to a value, and a value that makes the
 * policy invalid (a deductible below a later admission's, a ratio above 1) told in the lever's words — which
 * value of --range, the rule it breaks, and how far to move that end — instead of as a reform file's problem.
 */
import type { SourceDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import type { Reform } from '../policy/reform.js';
import type { RunSpec } from '../engine/spec.js';
import { runSpec, type LoadedScenario } from '../scenario/load.js';
import { leverDigits, leverResolution, type PolicyLever } from './lever.js';

const LEVER_FILE = 'solve lever';
/** Problems of what the caller asked (a notebook's lever and target; the command line names them as its flags). */
export const SOLVE_OPTIONS = 'solve options';

/** A reform that sets one policy field (dotted path) to x. */
function settingReform(path: string, x: number): Reform {
  const changes: Record<string, unknown> = {};
  const keys = path.split('.');
  let at = changes;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) at[k] = x;
    else at = (at[k] = {}) as Record<string, unknown>;
  });
  const data = { id: 'solve', name: `${path} = ${x}`, changes };
  const doc: SourceDocument = { file: LEVER_FILE, data, lineOf: () => undefined };
  return { id: 'solve', name: `${path} = ${x}`, sources: [], changes, file: LEVER_FILE, doc };
}

/** The run with the field at x, or the policy's problems there (building the policies simulates nothing). */
function specAt(scenario: LoadedScenario, lever: PolicyLever, x: number): RunSpec | Problem[] {
  try {
    return runSpec({ ...scenario, policyChanges: [...scenario.policyChanges, settingReform(lever.path, x)] });
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
}

/** The rule a problem states, with its field unless the message names it ("the later-admission deductible 400 …"). */
function rule(p: Problem): string {
  const field = (p.file === LEVER_FILE && p.path[0] === 'changes' ? p.path.slice(1) : p.path).join('.');
  if (/^the /.test(p.message)) return p.message;
  return /^(must|is |expected)/.test(p.message) ? `${field} ${p.message}` : `${field}: ${p.message}`;
}

const rules = (problems: readonly Problem[]) => problems.map(rule).join('; ');

const told = (lever: PolicyLever, x: number) => x.toFixed(leverDigits(lever));

/** The scenario's run with the field at x; a value breaking the policy is refused in the lever's words. */
export function policyLeverSpec(scenario: LoadedScenario, lever: PolicyLever, x: number): RunSpec {
  const spec = specAt(scenario, lever, x);
  if (!Array.isArray(spec)) return spec;
  const message = `policy:${lever.path} at ${told(lever, x)}, inside the range, makes the policy invalid (${rules(spec)}); narrow the range to values the policy allows`;
  throw new InputError([{ file: SOLVE_OPTIONS, path: ['lever', 'range'], value: `${lever.lo}:${lever.hi}`, message }]);
}

/**
 * The value nearest `invalid` the policy allows, between it and `valid`, to the lever's step: validity is
 * taken to change once across the range (the rules compare the field with fixed values).
 */
function validLimit(scenario: LoadedScenario, lever: PolicyLever, invalid: number, valid: number): number {
  const round = (x: number) => Number(x.toFixed(leverDigits(lever)));
  let [bad, good] = [invalid, valid];
  while (Math.abs(good - bad) > leverResolution(lever) * (1 + 1e-9)) {
    const mid = round((bad + good) / 2);
    if (mid === bad || mid === good) break;
    if (Array.isArray(specAt(scenario, lever, mid))) bad = mid;
    else good = mid;
  }
  return good;
}

/** Both ends of --range give a valid policy, checked before simulating; else one line saying which end, the rule, and what to do. */
export function checkPolicyLeverRange(scenario: LoadedScenario, lever: PolicyLever): void {
  const round = (x: number) => Number(x.toFixed(leverDigits(lever)));
  const [lo, hi] = [round(lever.lo), round(lever.hi)];
  const atLo = specAt(scenario, lever, lo);
  const atHi = specAt(scenario, lever, hi);
  const range = `${lever.lo}:${lever.hi}`;
  const refuse = (field: 'path' | 'range', value: string, message: string) => new InputError([{ file: SOLVE_OPTIONS, path: ['lever', field], value, message }]);
  if (Array.isArray(atLo) && Array.isArray(atHi)) {
    if (rules(atLo) === rules(atHi)) throw refuse('path', lever.path, `makes the policy invalid at any value (${rules(atLo)}); is each name spelled as in the policy file?`);
    throw refuse('range', range, `policy:${lever.path} makes the policy invalid at both ends of the range: at ${told(lever, lo)} (${rules(atLo)}), at ${told(lever, hi)} (${rules(atHi)}); choose a range of values the policy allows`);
  }
  if (Array.isArray(atLo)) {
    const limit = validLimit(scenario, lever, lo, hi);
    throw refuse('range', range, `policy:${lever.path} at ${told(lever, lo)}, the low end of the range, makes the policy invalid (${rules(atLo)}); raise the low end of the range to at least ${told(lever, limit)}`);
  }
  if (Array.isArray(atHi)) {
    const limit = validLimit(scenario, lever, hi, lo);
    throw refuse('range', range, `policy:${lever.path} at ${told(lever, hi)}, the high end of the range, makes the policy invalid (${rules(atHi)}); lower the high end of the range to at most ${told(lever, limit)}`);
  }
}
