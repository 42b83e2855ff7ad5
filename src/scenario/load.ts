/**
 * Loading a scenario and everything it names (policy, dated policy changes), and turning it into the
 * run specification the engine sends to workers. Every problem in every file is reported before
 * anything runs.
 */
import { wrongKindProblems } from '../input/documentKind.js';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readDocument, withLines, type SourceDocument } from '../input/document.js';
import { InputError, problemsFromZod, type Problem } from '../input/inputError.js';
import { withAllowedFields } from '../policy/fieldNames.js';
import { loadPolicy, type LoadedPolicy } from '../policy/load.js';
import { loadReform, type Reform } from '../policy/reform.js';
import { runKeys } from '../random/keys.js';
import { packageRoot } from '../cli/paths.js';
import { pathPolicies, type RunSpec, type VariantSpec } from '../engine/spec.js';
import { behaviourProblems } from '../engine/demandFactors.js';
import { schemeCanHaveMembers } from '../population/assumptions.js';
import { SCHEMES } from '../policy/vocabulary.js';
import { projectionYears } from '../projection/macro.js';
import { scenarioSchema, type Scenario } from './schema.js';

export interface LoadedScenario {
  scenario: Scenario;
  file: string;
  doc: SourceDocument;
  policy: LoadedPolicy;
  /** The scenario's dated policy changes, in order. */
  policyChanges: Reform[];
}

export function defaultScenarioFile(): string {
  return join(packageRoot(), 'scenarios', 'default.yaml');
}

export function loadScenario(file: string): LoadedScenario {
  return scenarioFromDocument(readDocument(file));
}

/**
 * A scenario from a document already read (its file names the scenario in every problem). The files it names
 * are read even when other fields are wrong, so one pass reports every problem of every file.
 */
export function scenarioFromDocument(doc: SourceDocument): LoadedScenario {
  const file = doc.file;
  const wrong = wrongKindProblems(doc, 'scenario');
  if (wrong.length > 0) throw new InputError(wrong);
  const parsed = scenarioSchema.safeParse(doc.data);
  const problems: Problem[] = parsed.success ? [] : withLines(problemsFromZod(parsed.error.issues, doc.data, file).map((p) => withAllowedFields(scenarioSchema, p)), doc);
  const base = dirname(resolve(file));
  const at = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const attempt = <T>(fn: () => T, path: (string | number)[]): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) {
        // A file that cannot be opened is the scenario's mistake: name the field that points to it.
        problems.push(p.path.length === 0 && p.message.startsWith('file not found') ? { file, path, value: valueOf(doc.data, path), line: doc.lineOf(path), message: `${p.message}: ${p.file}` } : p);
      }
      return undefined;
    }
  };
  const { policy: policyFile, policyChanges: changeFiles } = fileFields(parsed.success ? parsed.data : doc.data);
  const policy = policyFile === undefined ? undefined : attempt(() => loadPolicy(at(policyFile)), ['policy']);
  const policyChanges = changeFiles.map((p, i) => (p === undefined ? undefined : attempt(() => loadReform(at(p)), ['policyChanges', i])));
  if (!parsed.success) throw new InputError(problems);
  const scenario = parsed.data;
  problems.push(...behaviourProblems(scenario, file, doc.lineOf));
  if (policy) problems.push(...uncoveredSchemeProblems(scenario, policy, file, doc.lineOf), ...policyStartProblems(scenario, policy, file, doc.lineOf));
  if (problems.length > 0 || !policy) throw new InputError(problems);
  return { scenario, file, doc, policy, policyChanges: policyChanges as Reform[] };
}

/**
 * A scheme the population has members in must have rules in the policy: without them its members would pay
 * their contributions and have every claim paid in cash, a fund that only grows, and nothing would say so.
 */
function uncoveredSchemeProblems(scenario: Scenario, policy: LoadedPolicy, file: string, lineOf: (path: (string | number)[]) => number | undefined): Problem[] {
  const { population } = scenario;
  return SCHEMES.filter((scheme) => schemeCanHaveMembers(population, scheme) && policy.policy[scheme] === undefined).map((scheme) => {
    const employee = scheme === 'employee';
    const entrant = employee ? 'youngWorker' : 'newborn';
    const fromMix = employee ? population.employeeShare > 0 : population.employeeShare < 1;
    const path = fromMix ? ['population', 'employeeShare'] : ['population', 'entrants', entrant];
    const who = employee ? 'employees (职工医保)' : 'residents (城乡居民医保)';
    const fix = `add ${scheme} rules to the policy, or set population.employeeShare to ${employee ? 0 : 1} and population.entrants.${entrant} to 0`;
    return { file, path, value: valueOf(scenario, path), line: lineOf(path), message: `the population has ${who}, but the policy (${policy.file}) has no ${scheme} scheme, so their claims would all be paid in cash; ${fix}` };
  });
}

/**
 * The base year must not come before the policy takes effect. Later years carry the policy forward (indexed,
 * projection/timeline.ts), but a run from an earlier year would settle years the policy never governed.
 */
function policyStartProblems(scenario: Scenario, policy: LoadedPolicy, file: string, lineOf: (path: (string | number)[]) => number | undefined): Problem[] {
  const { from } = policy.policy.effective;
  const first = Number(from.slice(0, 4));
  if (scenario.baseYear >= first) return [];
  const message = `is before the policy takes effect (${from}, ${policy.file}): give a base year from ${first}, or a policy in force in ${scenario.baseYear}`;
  return [{ file, path: ['baseYear'], value: scenario.baseYear, line: lineOf(['baseYear']), message }];
}

/** The files a scenario names, as far as they are names (a field of the wrong kind is the schema's problem). */
function fileFields(data: unknown): { policy?: string; policyChanges: (string | undefined)[] } {
  const d = (data ?? {}) as { policy?: unknown; policyChanges?: unknown };
  const name = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  return { policy: name(d.policy), policyChanges: Array.isArray(d.policyChanges) ? d.policyChanges.map(name) : [] };
}

function valueOf(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], data);
}

export interface RunOverrides {
  seed?: number | string;
  paths?: number;
  members?: number;
  horizon?: number;
}

/**
 * Problems with overrides, by the scenario file's own rules for the fields they replace (a notebook's options
 * and the command line's alike); `name` says what the user called each one (default: the field).
 */
export function overrideProblems(o: RunOverrides, file = 'run options', name: (field: keyof RunOverrides) => string = (f) => f): Problem[] {
  const { shape } = scenarioSchema;
  const fields = { seed: shape.seed, paths: shape.paths, horizon: shape.horizon, members: shape.sample.shape.members };
  return (Object.keys(fields) as (keyof RunOverrides)[]).flatMap((f) => {
    const result = o[f] === undefined ? undefined : fields[f].safeParse(o[f]);
    return result && !result.success ? problemsFromZod(result.error.issues, { [name(f)]: o[f] }, file, [name(f)]) : [];
  });
}

/**
 * Problems of overrides with the scenario they apply to: more member slots than the people they stand for
 * (the file's own rule; letting it pass would make the region bigger, not the sample finer).
 */
export function sampleProblems(loaded: LoadedScenario, o: RunOverrides, file = 'run options', name: (field: keyof RunOverrides) => string = (f) => f): Problem[] {
  const { represents } = loaded.scenario.sample;
  if (o.members === undefined || o.members <= represents) return [];
  const message = `must be at most the ${represents.toLocaleString('en')} people the sample stands for (sample.represents in ${loaded.file}): more slots would enlarge the region, not refine the sample`;
  return [{ file, path: [name('members')], value: o.members, message }];
}

/** Apply run-time overrides (checked as the scenario file's fields); they are recorded in the manifest through the scenario itself. */
export function withOverrides(loaded: LoadedScenario, o: RunOverrides): LoadedScenario {
  const problems = [...overrideProblems(o), ...sampleProblems(loaded, o)];
  if (problems.length > 0) throw new InputError(problems);
  const s = loaded.scenario;
  const scenario: Scenario = {
    ...s,
    seed: o.seed ?? s.seed,
    paths: o.paths ?? s.paths,
    horizon: o.horizon ?? s.horizon,
    sample: { members: o.members ?? s.sample.members, represents: s.sample.represents },
  };
  return { ...loaded, scenario };
}

/** The run specification for a baseline and, optionally, reforms to compare with it (one variant each). */
export function runSpec(loaded: LoadedScenario, reforms: readonly Reform[] = []): RunSpec {
  const { scenario, file, policy } = loaded;
  const behaviour = behaviourProblems(scenario, file, loaded.doc.lineOf);
  if (behaviour.length > 0) throw new InputError(behaviour);
  const years = projectionYears(scenario.baseYear, scenario.horizon, { file, path: ['horizon'] });
  const changes = loaded.policyChanges.map((r) => ({ file: r.file, data: r.doc.data }));
  const variants: VariantSpec[] = [
    { id: 'baseline', reforms: changes },
    ...reforms.map((r) => ({ id: r.id, reforms: [...changes, { file: r.file, data: r.doc.data }] })),
  ];
  const spec: RunSpec = {
    keys: runKeys(scenario.seed),
    years,
    weight: scenario.sample.represents / scenario.sample.members,
    scenario,
    scenarioFile: file,
    policy: { file: policy.file, raw: policy.raw, policy: policy.policy },
    variants,
  };
  // Build path 0's policies now, so a reform or indexation problem is reported before any worker starts.
  try {
    pathPolicies(spec, 0);
  } catch (err) {
    throw withDocumentLines(err, loaded, reforms);
  }
  return spec;
}

/**
 * Problems found from the run specification, which carries the documents' data but not their text (the
 * indexation rules, the files the institution, payment and cash-flow sections name, a dated change), get
 * their line back here from the scenario or reform file that has them, as the fields' own problems have it.
 */
export function withDocumentLines(err: unknown, loaded: LoadedScenario, reforms: readonly Reform[] = []): unknown {
  if (!(err instanceof InputError)) return err;
  const docs = [loaded.doc, ...loaded.policyChanges.map((r) => r.doc), ...reforms.map((r) => r.doc)];
  return new InputError(err.problems.map((p) => (p.line !== undefined ? p : { ...p, line: docs.find((d) => d.file === p.file)?.lineOf(p.path) })));
}
