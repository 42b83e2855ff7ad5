/**
 * Sizing a lever to a solvency target, e.g. "the smallest per-head fiscal subsidy (财政补助) that keeps
 * the resident fund's probability of depletion within the horizon at most 5% with at least 6 months of
 * payment covered". Levers that do not change claims (a subsidy, a contribution rate) re-run only the
 * ledgers on one simulation (exact common random numbers); a policy lever re-simulates at each step.
 */
import { z } from 'zod';
import { pathLedgers, type FundPaths } from '../analysis/ledgerTables.js';
import { meetsFundTarget, type FundTarget } from '../analysis/fundTarget.js';
import { solveBracketed, type BracketedSolution } from '../analysis/solveBracketed.js';
import { solvePerPath, type PerPathSolution } from '../analysis/solvePerPath.js';
import { wilsonInterval } from '../analysis/stats.js';
import type { SolvencyPoint } from '../charts/solvency.js';
import { residentFinancing, type FundAssumptions } from '../fund/assumptions.js';
import { InputError } from '../input/inputError.js';
import { SCHEMES, type Scheme } from '../policy/vocabulary.js';
import { validateDocument } from '../input/document.js';
import { simulate } from '../engine/simulate.js';
import { schemeCanHaveMembers } from '../population/assumptions.js';
import { runSpec, withDocumentLines, withOverrides, type LoadedScenario } from '../scenario/load.js';
import { leverDigits, leverResolution, leverTolerance, toleranceProblem, type Lever, type PerPathLever, type PolicyLever } from './lever.js';
import { manifestFor, type Manifest, type Rerun } from './manifest.js';
import { atEmployerRate } from './employerRate.js';
import { pathCube } from './pathCube.js';
import { checkPolicyLeverRange, policyLeverSpec, SOLVE_OPTIONS } from './policyLever.js';
import { checkRunOptions } from './runOptions.js';
import type { RunOptions } from './scenarioRun.js';

// The lever's own rules live in lever.ts; its callers import them from here as before.
export * from './lever.js';

export interface SolveTarget extends FundTarget {
  scheme: Scheme;
  /** Allowed probability of failing (depletion, or fewer months than the minimum) within the horizon. */
  allowedFailure: number;
}


export interface MonteCarloInterval {
  lo: number | null;
  hi: number | null;
  /** The probability the interval covers the exact answer (at least the 95% asked; more with few paths). */
  coverage: number;
}

/** Where a policy lever's bisection stopped: the target met at one end, missed at the other (low end first). */
export interface BisectionBracket {
  lo: number;
  hi: number;
}

interface SolveBase {
  lever: Lever;
  target: SolveTarget;
  /** The lever value found: the smallest meeting the target (the largest, for a decreasing policy lever). */
  value: number;
  failureShare: number | null;
  atLowerBound: boolean;
  evaluations: number;
  /** The share of paths meeting the target at each value looked at, by value (for the report's chart). */
  curve: SolvencyPoint[];
  manifest: Manifest;
}

/** A subsidy or employer rate: each path's threshold, so the answer has a Monte Carlo interval. */
export interface PerPathSolveResult extends SolveBase {
  interval: MonteCarloInterval;
  bracket: null;
  detail: PerPathSolution;
}

/**
 * A policy lever: one bisection on re-simulations. Its bracket's width is the tolerance's doing, not Monte
 * Carlo error, and that error is not estimated: no interval.
 */
export interface PolicySolveResult extends SolveBase {
  interval: null;
  /** null when the target is met at the first end of the range already. */
  bracket: BisectionBracket | null;
  detail: BracketedSolution;
}

export type SolveResult = PerPathSolveResult | PolicySolveResult;

/** Per path, the smallest passing value: the share meeting at each distinct one, and at both ends of the range. */
export function perPathCurve(thresholds: readonly number[], lo: number, hi: number): SolvencyPoint[] {
  const sorted = Float64Array.from(thresholds).sort();
  const values = [...new Set([lo, ...sorted.filter((t) => t >= lo && t <= hi), hi])];
  let meeting = 0;
  return values.map((value) => {
    while (meeting < sorted.length && sorted[meeting]! <= value) meeting++;
    return { value, shareMeeting: meeting / sorted.length, lo: null, hi: null };
  });
}

/**
 * A re-simulating search's evaluations as shares of paths meeting the target, by field value, each with its
 * Wilson interval: a share of few paths needs an interval inside [0, 1] (the solver's t interval is not).
 */
function bracketedCurve(history: BracketedSolution['history'], fieldValue: (x: number) => number): SolvencyPoint[] {
  return history
    .map((h) => {
      const meeting = Math.round((1 - h.statistic) * h.paths);
      return { value: fieldValue(h.x), shareMeeting: meeting / h.paths, ...wilsonInterval(meeting, h.paths) };
    })
    .sort((a, b) => a.value - b.value);
}

/** The fund assumptions with the base-year per-head subsidy set to x (every listed year shifted alike). */
export function withResidentSubsidy(fund: FundAssumptions, baseYear: number, x: number): FundAssumptions {
  const shift = Math.round(x * 100) / 100 - residentFinancing(fund.resident, baseYear).subsidy;
  const byYear = Object.fromEntries(Object.entries(fund.resident.financing.byYear).map(([y, v]) => [y, { ...v, subsidy: Math.round((v.subsidy + shift) * 100) / 100 }]));
  return { ...fund, resident: { ...fund.resident, financing: { ...fund.resident.financing, byYear } } };
}

/**
 * The fund assumptions with the employer rate set to x. The ledgers book the contributions the engine summed,
 * so to re-cost a simulation at x pass its cube through atEmployerRate too (this alone changes no ledger).
 */
export function withEmployerRate(fund: FundAssumptions, x: number): FundAssumptions {
  const rate = Math.round(x * 10_000) / 10_000;
  return { ...fund, employee: { ...fund.employee, contributions: { ...fund.employee.contributions, employerRate: rate } } };
}

const LEVER_KINDS = ['residentSubsidy', 'employerRate', 'policy'] as const;

/**
 * The lever's and the target's shapes, as a notebook may write them wrong: an unknown kind was sized as a
 * policy field and failed on its tolerance, a months minimum given as text or below 0 passed unchecked.
 */
function shapeProblems(t: unknown, lever: unknown): { path: string[]; value?: unknown; message: string }[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(lever)) return [{ path: ['lever'], value: lever, message: "must be an object, e.g. { kind: 'residentSubsidy', lo: 300, hi: 900 }" }];
  if (!isObject(t)) return [{ path: ['target'], value: t, message: "must be an object, e.g. { scheme: 'resident', allowedFailure: 0.05, minMonthsCovered: 6 }" }];
  const problems = [];
  if (!(LEVER_KINDS as readonly unknown[]).includes(lever.kind)) problems.push({ path: ['lever', 'kind'], value: lever.kind, message: `must be one of ${LEVER_KINDS.join(', ')}` });
  if (lever.kind === 'policy' && typeof lever.path !== 'string') problems.push({ path: ['lever', 'path'], value: lever.path, message: "must be a policy field's dotted path, e.g. 'resident.inpatient.deductible.adult.tertiary'" });
  for (const end of ['lo', 'hi'] as const) {
    const v = lever[end];
    // NaN would be written null: say it as the caller's code shows it.
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ path: ['lever', end], value: typeof v === 'number' ? String(v) : v, message: "must be a finite number in the lever's unit" });
  }
  if (lever.tolerance !== undefined && !(typeof lever.tolerance === 'number' && lever.tolerance > 0)) problems.push({ path: ['lever', 'tolerance'], value: lever.tolerance, message: 'must be a positive number' });
  if (!(SCHEMES as readonly unknown[]).includes(t.scheme)) problems.push({ path: ['target', 'scheme'], value: t.scheme, message: `must be one of ${SCHEMES.join(', ')}` });
  if (typeof t.allowedFailure !== 'number') problems.push({ path: ['target', 'allowedFailure'], value: t.allowedFailure, message: 'must be a number between 0 and 1 (exclusive), e.g. 0.05 for 5%' });
  const months = t.minMonthsCovered;
  if (months !== undefined && !(typeof months === 'number' && months >= 0)) problems.push({ path: ['target', 'minMonthsCovered'], value: months, message: 'must be a number of months, at least 0' });
  return problems;
}

function checkTarget(t: SolveTarget, lever: Lever): void {
  const shape = shapeProblems(t, lever);
  if (shape.length > 0) throw new InputError(shape.map((p) => ({ file: SOLVE_OPTIONS, ...p })));
  const problems = [];
  if (!(t.allowedFailure > 0 && t.allowedFailure < 1)) problems.push({ path: ['target', 'allowedFailure'], value: t.allowedFailure, message: 'must be between 0 and 1 (exclusive)' });
  if (!(lever.lo < lever.hi)) problems.push({ path: ['lever', 'range'], value: `${lever.lo}:${lever.hi}`, message: 'the low end must be below the high end' });
  if (lever.kind === 'residentSubsidy' && t.scheme !== 'resident') problems.push({ path: ['target', 'scheme'], value: t.scheme, message: 'a resident subsidy can only size the resident fund' });
  if (lever.kind === 'employerRate' && t.scheme !== 'employee') problems.push({ path: ['target', 'scheme'], value: t.scheme, message: 'an employer rate can only size the employee fund' });
  if (lever.kind === 'employerRate' && (lever.lo < 0 || lever.hi > 1)) problems.push({ path: ['lever', 'range'], value: `${lever.lo}:${lever.hi}`, message: 'a contribution rate lies between 0 and 1' });
  const tolerance = lever.lo < lever.hi ? toleranceProblem(lever) : null;
  if (tolerance === 'wide') problems.push({ path: ['lever', 'tolerance'], value: leverTolerance(lever), message: `is at least as wide as the range ${lever.lo}:${lever.hi}: the answer would be an end of the range` });
  if (tolerance === 'fine') problems.push({ path: ['lever', 'tolerance'], value: leverTolerance(lever), message: `is finer than the lever's values are set: at least ${leverResolution(lever)}` });
  // The command line checks its own flags before it calls here: these reach a notebook's or script's call.
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ file: SOLVE_OPTIONS, ...p })));
}

/**
 * A target about a fund nobody is in is met at any lever value: refused, as sensitivity refuses it. Known from
 * the population before simulating, or from the first simulation (a tiny share may draw nobody).
 */
function noMembers(scenario: LoadedScenario, lever: Lever, scheme: Scheme): InputError {
  const sizesOnly = lever.kind === 'employerRate' ? '; an employer rate sizes only the employee fund' : lever.kind === 'residentSubsidy' ? '; a resident subsidy sizes only the resident fund' : '';
  return new InputError([{ file: SOLVE_OPTIONS, path: ['target', 'scheme'], value: scheme, message: `the scenario ${scenario.scenario.id} has no ${scheme} members${sizesOnly}` }]);
}

const hasMembers = (fund: FundPaths) => fund.ledgers.some((path) => path.some((year) => year.people.gt(0)));

export function solveLever(loaded: LoadedScenario, lever: PerPathLever, target: SolveTarget, options?: RunOptions): Promise<PerPathSolveResult>;
export function solveLever(loaded: LoadedScenario, lever: PolicyLever, target: SolveTarget, options?: RunOptions): Promise<PolicySolveResult>;
export function solveLever(loaded: LoadedScenario, lever: Lever, target: SolveTarget, options?: RunOptions): Promise<SolveResult>;
export async function solveLever(loaded: LoadedScenario, lever: Lever, target: SolveTarget, options: RunOptions = {}): Promise<SolveResult> {
  checkRunOptions(options);
  checkTarget(target, lever);
  const started = Date.now();
  const scenario = withOverrides(loaded, options);
  const s = scenario.scenario;
  if (!schemeCanHaveMembers(s.population, target.scheme)) throw noMembers(scenario, lever, target.scheme);
  const fundTarget: FundTarget = { minMonthsCovered: target.minMonthsCovered };
  const solved = lever.kind === 'policy' ? solvePolicyLever(scenario, lever, target, fundTarget, options) : solvePerPathLever(scenario, lever, target, fundTarget, options);
  const result = await solved.catch((err: unknown) => {
    throw withDocumentLines(err, scenario);
  });
  const manifest = manifestFor('solve', scenario, [], { workers: options.workers ?? -1, chunkMembers: options.chunkMembers ?? s.engine.chunkMembers, elapsedMs: Date.now() - started }, { lever, target });
  return { ...result, manifest };
}

const recordedSchema = z.looseObject({
  extra: z.looseObject({
    lever: z.discriminatedUnion('kind', [
      z.looseObject({ kind: z.literal('residentSubsidy'), lo: z.number(), hi: z.number(), tolerance: z.number().optional() }),
      z.looseObject({ kind: z.literal('employerRate'), lo: z.number(), hi: z.number(), tolerance: z.number().optional() }),
      z.looseObject({ kind: z.literal('policy'), path: z.string(), lo: z.number(), hi: z.number(), tolerance: z.number().optional(), decreasing: z.boolean().optional() }),
    ]),
    target: z.looseObject({ scheme: z.enum(SCHEMES), allowedFailure: z.number(), minMonthsCovered: z.number().optional() }),
  }),
});

/** The lever and target a solve manifest recorded (manifestFor's `extra` in solveLever), checked as the manifest file's fields. */
export function recordedSolve(rerun: Rerun): { lever: Lever; target: SolveTarget } {
  const { extra } = validateDocument(rerun.doc, recordedSchema);
  return { lever: extra.lever as Lever, target: extra.target as SolveTarget };
}

/** A lever that does not change claims: one simulation, each path's threshold found on its ledgers alone. */
async function solvePerPathLever(scenario: LoadedScenario, lever: PerPathLever, target: SolveTarget, fundTarget: FundTarget, options: RunOptions): Promise<Omit<PerPathSolveResult, 'manifest'>> {
  const s = scenario.scenario;
  const cube = await simulate(runSpec(scenario), { workers: options.workers, chunkMembers: options.chunkMembers, signal: options.signal, onProgress: options.onProgress });
  if (!hasMembers(pathLedgers(cube, 0, target.scheme, s.fund))) throw noMembers(scenario, lever, target.scheme);
  const fundAt = (x: number) => (lever.kind === 'residentSubsidy' ? withResidentSubsidy(s.fund, s.baseYear, x) : withEmployerRate(s.fund, x));
  // A subsidy is the ledger's own input; the employer's contributions are summed by the engine, restated here.
  const cubeAt = (path: number, x: number) => (lever.kind === 'employerRate' ? atEmployerRate(pathCube(cube, path), s.fund.employee, x) : pathCube(cube, path));
  const detail = await solvePerPath({
    paths: cube.paths,
    lo: lever.lo,
    hi: lever.hi,
    tolerance: leverTolerance(lever),
    allowedFailure: target.allowedFailure,
    evaluatePath: (path, x) => meetsFundTarget(pathLedgers(cubeAt(path, x), 0, target.scheme, fundAt(x)).ledgers[0]!, fundTarget),
  });
  return {
    lever,
    target,
    value: detail.value,
    interval: detail.interval,
    bracket: null,
    failureShare: detail.failureShare,
    atLowerBound: detail.atLowerBound,
    evaluations: detail.evaluations,
    detail,
    curve: perPathCurve(detail.thresholds, lever.lo, lever.hi),
  };
}

/**
 * Progress over a policy lever's re-simulations, each one's chunks counted on from those before: the total
 * grows with every evaluation, as a supervised run's grows with its passes (the lever's simulations reported
 * none, and the command's progress bar stayed empty for the whole search).
 */
function evaluationsProgress(onProgress: RunOptions['onProgress']): { onProgress: RunOptions['onProgress']; evaluated: () => void } {
  let before = 0;
  let last = 0;
  const started = Date.now();
  return {
    onProgress: onProgress && ((e) => {
      last = e.total;
      onProgress({ ...e, done: before + e.done, total: before + e.total, elapsedMs: Date.now() - started });
    }),
    evaluated: () => {
      before += last;
      last = 0;
    },
  };
}

/** The solver's bracket as field values, low end first (a decreasing lever's bracket is on −x). */
function bisectionBracket(bracket: readonly [number, number] | null, decreasing: boolean, fieldValue: (x: number) => number): BisectionBracket | null {
  if (!bracket) return null;
  const [a, b] = bracket.map(fieldValue) as [number, number];
  return decreasing ? { lo: b, hi: a } : { lo: a, hi: b };
}

async function solvePolicyLever(scenario: LoadedScenario, lever: PolicyLever, target: SolveTarget, fundTarget: FundTarget, options: RunOptions): Promise<Omit<PolicySolveResult, 'manifest'>> {
  checkPolicyLeverRange(scenario, lever);
  const digits = leverDigits(lever);
  const fieldValue = (x: number) => Number((lever.decreasing ? -x : x).toFixed(digits)) + 0;
  const progress = evaluationsProgress(options.onProgress);
  const evaluate = async (x: number) => {
    // A lever that raises spending as it rises (a ratio, a cap) is sized from the top: solve on −x.
    const spec = policyLeverSpec(scenario, lever, fieldValue(x));
    const cube = await simulate(spec, { workers: options.workers, chunkMembers: options.chunkMembers, signal: options.signal, onProgress: progress.onProgress });
    progress.evaluated();
    const fund = pathLedgers(cube, 0, target.scheme, scenario.scenario.fund);
    if (!hasMembers(fund)) throw noMembers(scenario, lever, target.scheme);
    return fund.ledgers.map((l) => (meetsFundTarget(l, fundTarget) ? 0 : 1));
  };
  const [lo, hi] = lever.decreasing ? [-lever.hi, -lever.lo] : [lever.lo, lever.hi];
  const detail = await solveBracketed({
    lo,
    hi,
    tolerance: leverTolerance(lever),
    evaluate,
    // Each path fails (1) or not (0): the failure share's interval is a proportion's, inside [0, 1].
    target: { statistic: 'share', atMost: target.allowedFailure },
  });
  const value = fieldValue(detail.value);
  return {
    lever,
    target,
    value,
    interval: null,
    bracket: bisectionBracket(detail.bracket, lever.decreasing === true, fieldValue),
    failureShare: detail.atValue.statistic,
    atLowerBound: detail.atLowerBound,
    evaluations: detail.evaluations,
    detail,
    curve: bracketedCurve(detail.history, fieldValue),
  };
}
