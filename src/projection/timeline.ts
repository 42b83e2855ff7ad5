/**
 * The policy timeline: the validated policy of every projection year. A year's policy is the baseline
 * document with every reform in force that year applied (in the order given, each all-or-nothing through
 * applyReform), then indexed (indexation.ts) and validated again as a whole, dated to its calendar year.
 * A reform without a start year is in force from the base year.
 */
import { InputError, valueAt, type Problem } from '../input/inputError.js';
import { policyProblems, type LoadedPolicy } from '../policy/load.js';
import { applyReform, type Reform } from '../policy/reform.js';
import { policySchema, type Policy } from '../policy/schema.js';
import { amountLeaves, governingRule, indexDocument, parsePath, startsWith, type IndexationRule, type Segment } from './indexation.js';
import type { MacroPath, MacroYear } from './macro.js';

export interface PolicyYear {
  year: number;
  policy: Policy;
  /** The indexed document and where it came from (for manifests and explanations). */
  loaded: LoadedPolicy;
  /** Ids of the reforms in force. */
  reforms: string[];
}

export interface TimelineInput {
  baseline: LoadedPolicy;
  macro: MacroPath;
  reforms?: readonly Reform[];
  indexation?: readonly IndexationRule[];
  /** Where the indexation rules were read from, for errors: the file and the list's field path in it. */
  indexationFile?: string;
  indexationAt?: (string | number)[];
}

/**
 * A simulation settles calendar years (claims, accumulators and the fund's ledger run January to December), so a
 * policy whose benefit year starts on another day can be settled claim by claim (yibao settle, explain) but not
 * simulated.
 */
function calendarYearProblem(policy: Policy, file: string): Problem | null {
  if (policy.benefitYearStart === '01-01') return null;
  const message = `a simulation settles calendar years, so it needs a benefit year from 01-01; this policy's runs from ${policy.benefitYearStart} (claim lines can be settled under it with yibao settle or explain)`;
  return { file, path: ['benefitYearStart'], value: policy.benefitYearStart, message };
}

export function policyTimeline(input: TimelineInput): PolicyYear[] {
  const { baseline, macro, reforms = [], indexation = [], indexationFile = '(indexation rules)', indexationAt = ['indexation'] } = input;
  const years = macro.years;
  if (years.length === 0) throw new InputError([{ file: '(projection)', path: ['horizon'], value: 0, message: 'the projection needs at least one year' }]);
  const baseYear = years[0]!.year;
  const inForce = (year: number) => reforms.filter((r) => (r.startYear ?? baseYear) <= year);
  const problems: Problem[] = reformConflicts(reforms, indexation);

  // Each distinct set of reforms is applied once; its problems are reported once.
  const chains = new Map<string, LoadedPolicy | null>();
  const chainFor = (active: Reform[]): LoadedPolicy | null => {
    const key = active.map((r) => r.id).join('\n');
    if (!chains.has(key)) {
      try {
        chains.set(key, active.reduce((policy, reform) => applyReform(policy, reform), baseline));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        for (const p of err.problems) if (!problems.some((q) => sameProblem(p, q))) problems.push(p);
        chains.set(key, null);
      }
    }
    return chains.get(key)!;
  };

  const used = new Set<number>();
  const out: PolicyYear[] = [];
  let indexingFailed = false;
  for (const macroYear of years) {
    const active = inForce(macroYear.year);
    const reformed = chainFor(active);
    if (!reformed) continue;
    const setIn = setYearLookup(active, years, baseYear);
    const raw = indexDocument(reformed.raw, indexation, { macro: macroYear, setIn }, used) as Record<string, unknown>;
    raw['effective'] = { from: `${macroYear.year}-01-01`, to: `${macroYear.year}-12-31` };
    const result = policySchema.safeParse(raw);
    if (!result.success) {
      if (indexingFailed) continue;
      // Later years would mostly repeat the first failing year's problems.
      indexingFailed = true;
      const file = `${reformed.file} (indexed for ${macroYear.year})`;
      for (const p of policyProblems(result.error.issues, raw, file)) problems.push({ ...p, message: `${p.message} (after indexation for ${macroYear.year}, see ${indexationFile})` });
      continue;
    }
    const calendar = calendarYearProblem(result.data, reformed.file);
    if (calendar) {
      if (!problems.some((q) => sameProblem(calendar, q))) problems.push(calendar);
      continue;
    }
    out.push({ year: macroYear.year, policy: result.data, loaded: { policy: result.data, raw, file: reformed.file }, reforms: active.map((r) => r.id) });
  }
  indexation.forEach((rule, i) => {
    if (!used.has(i)) problems.push(unmatchedRule(rule, baseline.raw, indexationFile, [...indexationAt, i, 'path']));
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

const sameProblem = (a: Problem, b: Problem) => a.file === b.file && a.message === b.message && a.path.join('.') === b.path.join('.');

/** The macro year an amount was set in: the start year of the last reform in force that wrote it, else the base year. */
function setYearLookup(active: readonly Reform[], years: readonly MacroYear[], baseYear: number) {
  const writes = active.map((r) => ({ year: Math.max(r.startYear ?? baseYear, baseYear), paths: changedPaths(r.changes) }));
  const macroOf = (year: number) => years.find((y) => y.year === year) ?? years[0]!;
  return (path: readonly Segment[]) => {
    for (let i = writes.length - 1; i >= 0; i--) {
      if (writes[i]!.paths.some((p) => startsWith(path, p))) return macroOf(writes[i]!.year);
    }
    return years[0]!;
  };
}

/** Paths a reform writes: objects merge key by key, anything else (values, lists) replaces. */
function changedPaths(value: unknown, at: Segment[] = []): Segment[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [at];
  return Object.entries(value).flatMap(([k, v]) => changedPaths(v, [...at, k]));
}

/**
 * A reform that writes an amount a rule sets from the average wage would be silently overridden: an
 * amount it writes is governed by such a rule, or such a rule points inside what it writes.
 */
function reformConflicts(reforms: readonly Reform[], rules: readonly IndexationRule[]): Problem[] {
  const compiled = rules.map((rule, i) => ({ rule, i, segments: parsePath(rule.path) }));
  const problems: Problem[] = [];
  for (const reform of reforms) {
    for (const changed of changedPaths(reform.changes)) {
      const written = valueAt(reform.changes, changed);
      const candidates = [...amountLeaves(written, changed).map((leaf) => governingRule(compiled, leaf)), ...compiled.filter((r) => startsWith(r.segments, changed))];
      const hit = candidates.find((c) => c?.rule.mode === 'averageWage');
      if (!hit || hit.rule.mode !== 'averageWage') continue;
      const path = ['changes', ...changed];
      problems.push({
        file: reform.file,
        path,
        value: written,
        line: reform.doc.lineOf(path),
        message: `indexation rule ${hit.i} sets "${hit.rule.path}" to ${hit.rule.multiple} × the average wage every year, so this change would have no effect; change the rule instead`,
      });
    }
  }
  return problems;
}

/** A rule that governed nothing in any year: name the deepest part of its path that exists. */
function unmatchedRule(rule: IndexationRule, raw: unknown, file: string, path: (string | number)[]): Problem {
  const segments = parsePath(rule.path);
  let depth = 0;
  while (depth < segments.length && valueAt(raw, segments.slice(0, depth + 1)) !== undefined) depth++;
  if (depth === segments.length) {
    return { file, path, value: rule.path, message: 'holds no amount in yuan to index (ratios and other numbers are never indexed, and a null cap stays null)' };
  }
  const parent = valueAt(raw, segments.slice(0, depth));
  const known = parent !== null && typeof parent === 'object' ? Object.keys(parent) : [];
  const where = depth === 0 ? 'the policy' : `"${segments.slice(0, depth).join('.')}"`;
  const hint = known.length > 0 ? `; ${where} has: ${known.join(', ')}` : typeof parent === 'number' ? ` (it is one value: index "${segments.slice(0, depth).join('.')}" or write it per key)` : '';
  return { file, path, value: rule.path, message: `no field "${String(segments[depth])}" in ${where} of the baseline policy or any reform${hint}` };
}
