/**
 * The run manifest, written beside every run's outputs: enough to reproduce the numbers exactly.
 * It embeds the scenario and the policy/reform documents as written (so a manifest still reproduces
 * after the files change), their hashes, the seed, paths and sample size, and the package version. The other
 * files the scenario names are read again by a rerun: their hashes are recorded, so a change is noticed.
 * Worker count and chunk size are recorded but do not affect results.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { packageVersion } from '../cli/paths.js';
import { behaviourStatement } from '../claims/demand.js';
import { readDocument, validateDocument, type SourceDocument } from '../input/document.js';
import { InputError } from '../input/inputError.js';
import { policyFromDocument } from '../policy/load.js';
import { reformSchema, type Reform } from '../policy/reform.js';
import type { LoadedScenario } from '../scenario/load.js';
import { scenarioSchema, type Scenario } from '../scenario/schema.js';
import { userAgreementRulesFile } from '../institutions/rules.js';
import { userCashflowFile } from '../cashflow/assumptions.js';

export interface EmbeddedDocument {
  /** The path it was read from, as given. */
  file: string;
  sha256: string;
  /** The parsed document, as written (before defaults). */
  data: unknown;
}

/** The scenario also records the directory it was read from: the files it names are relative to it. */
export interface EmbeddedScenario extends EmbeddedDocument {
  /** Absolute; a rerun reads the rule, case-group and cash-flow files there, wherever it is started from. */
  dir?: string;
}

export interface Manifest {
  tool: 'yibao-sim';
  version: string;
  kind: 'run' | 'compare' | 'solve' | 'sensitivity';
  createdAt: string;
  node: string;
  seed: string | number;
  paths: number;
  members: number;
  represents: number;
  horizon: number;
  baseYear: number;
  scenario: EmbeddedScenario;
  policy: EmbeddedDocument;
  /** The scenario's dated policy changes. */
  policyChanges: EmbeddedDocument[];
  /** Reforms compared with the baseline. */
  reforms: EmbeddedDocument[];
  /**
   * The files the scenario names (rule, case-group and cash-flow files), by field, with the sha256 of their
   * bytes: they are read again by a rerun, so a change to one is noted (older manifests have none).
   */
  files?: NamedFile[];
  /** The behavioural response (induced demand), stated in every output: off, or on with its elasticity. */
  behaviouralResponse: string;
  /** Options that do not change the numbers. */
  execution: { workers: number; chunkMembers: number; elapsedMs: number };
  /** Anything else the command needs to rerun (e.g. a solve target). */
  extra?: Record<string, unknown>;
}

export interface NamedFile {
  /** The scenario field that names it, e.g. `cashflow`. */
  field: string;
  /** Absolute. */
  file: string;
  /** Of the file's bytes. */
  sha256: string;
}

/**
 * The files of the user's that a scenario's fields name, resolved as a run resolves them (beside the scenario).
 * Built-in rule sets and presets are package data, covered by `version`; a rule file's own `base` is not followed.
 */
function namedFiles(scenario: Scenario, dir: string): NamedFile[] {
  const { cashflow, payment, institutions, supervision } = scenario;
  const own = (name: string | undefined) => (name === undefined ? undefined : resolve(dir, name));
  const named: [string, string | undefined][] = [
    ['institutions.rules', userAgreementRulesFile(institutions.rules, dir)],
    ['payment.caseGroups', own(payment.caseGroups)],
    ['cashflow', userCashflowFile(cashflow, dir)],
    ['supervision.sanctions.rules', own(supervision.sanctions.rules)],
  ];
  return named.flatMap(([field, file]) => {
    const hash = file === undefined ? undefined : fileSha256(file);
    return file === undefined || hash === undefined ? [] : [{ field, file, sha256: hash }];
  });
}

function fileSha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** The named files that are missing or no longer hash to their recorded sha256: a rerun reads them as they are now. */
export function changedFiles(manifest: Manifest): NamedFile[] {
  return (manifest.files ?? []).filter((f) => fileSha256(f.file) !== f.sha256);
}

/** Canonical JSON: object keys sorted, so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function embed(file: string, data: unknown): EmbeddedDocument {
  return { file, sha256: sha256(data), data };
}

/**
 * The scenario's name (its `name:`) as the manifest recorded it, for a report's title as the run report
 * titles itself; the file's base name if the document has none. The file's full path is provenance, kept in
 * the manifest, not a title: a sizing or sensitivity report was titled with the absolute path.
 */
export function scenarioName(m: Pick<Manifest, 'scenario'>): string {
  const data = m.scenario.data as { name?: unknown } | null | undefined;
  return typeof data?.name === 'string' && data.name.trim() !== '' ? data.name : basename(m.scenario.file);
}

/** The scenario document as it was effectively run: the file as written with command-line overrides applied. */
function effectiveScenarioData(loaded: LoadedScenario): unknown {
  const s = loaded.scenario;
  return { ...(loaded.doc.data as Record<string, unknown>), seed: s.seed, paths: s.paths, horizon: s.horizon, sample: s.sample };
}

export function manifestFor(
  kind: Manifest['kind'],
  loaded: LoadedScenario,
  reforms: readonly Reform[],
  execution: Manifest['execution'],
  extra?: Record<string, unknown>,
): Manifest {
  const s = loaded.scenario;
  const dir = dirname(resolve(loaded.file));
  return {
    tool: 'yibao-sim',
    version: packageVersion(),
    kind,
    createdAt: new Date().toISOString(),
    node: process.version,
    seed: s.seed,
    paths: s.paths,
    members: s.sample.members,
    represents: s.sample.represents,
    horizon: s.horizon,
    baseYear: s.baseYear,
    scenario: { ...embed(loaded.file, effectiveScenarioData(loaded)), dir },
    policy: embed(loaded.policy.file, loaded.policy.raw),
    policyChanges: loaded.policyChanges.map((r) => embed(r.file, r.doc.data)),
    reforms: reforms.map((r) => embed(r.file, r.doc.data)),
    files: namedFiles(s, dir),
    behaviouralResponse: behaviourStatement(s.behaviour),
    execution,
    ...(extra ? { extra } : {}),
  };
}

const manifestSchema = z.looseObject({
  tool: z.literal('yibao-sim'),
  version: z.string(),
  kind: z.enum(['run', 'compare', 'solve', 'sensitivity']),
  scenario: z.looseObject({ file: z.string(), data: z.unknown(), dir: z.string().optional() }),
  policy: z.looseObject({ file: z.string(), data: z.unknown() }),
  policyChanges: z.array(z.looseObject({ file: z.string(), data: z.unknown() })),
  reforms: z.array(z.looseObject({ file: z.string(), data: z.unknown() })),
  files: z.array(z.looseObject({ field: z.string(), file: z.string(), sha256: z.string() })).optional(),
});

const fromData = (file: string, data: unknown): SourceDocument => ({ file, data, lineOf: () => undefined });

/** The command that reruns each kind of manifest exactly (`--manifest`). */
const RERUN_BY: Record<Manifest['kind'], RerunCommand> = { run: 'run', compare: 'run', solve: 'solve', sensitivity: 'sensitivity' };
export type RerunCommand = 'run' | 'solve' | 'sensitivity';
const RERUN_WORD: Record<RerunCommand, string> = { run: 'run', solve: 'sizing', sensitivity: 'sensitivity analysis' };

/** A rerun manifest and what it ran: the scenario and reforms rebuilt from its embedded documents alone. */
export interface Rerun {
  manifest: Manifest;
  /** The manifest file as read, for its own problems (e.g. a solve's `extra`). */
  doc: SourceDocument;
  scenario: LoadedScenario;
  reforms: Reform[];
}

/**
 * Read a manifest for `command` to rerun. A manifest of another kind is refused, naming the command that
 * reruns it: a sizing or a tornado is more than a run of its scenario, and rerunning it as one would silently
 * answer something else.
 */
export function loadManifest(file: string, command: RerunCommand = 'run'): Rerun {
  const doc = readDocument(file);
  const manifest = validateDocument(doc, manifestSchema) as unknown as Manifest;
  const by = RERUN_BY[manifest.kind];
  if (by !== command) {
    const message = `a ${manifest.kind} manifest cannot be rerun as a ${RERUN_WORD[command]}; rerun it with \`yibao ${by} --manifest ${file}\``;
    throw new InputError([{ file, path: ['kind'], value: manifest.kind, line: doc.lineOf(['kind']), message }]);
  }
  const scenarioDoc = fromData(`${file} (scenario ${manifest.scenario.file})`, manifest.scenario.data);
  const asReform = (d: EmbeddedDocument): Reform => {
    const rdoc = fromData(d.file, d.data);
    return { ...validateDocument(rdoc, reformSchema), file: d.file, doc: rdoc };
  };
  const scenario: LoadedScenario = {
    scenario: validateDocument(scenarioDoc, scenarioSchema),
    file: recordedScenarioFile(manifest.scenario),
    doc: scenarioDoc,
    policy: policyFromDocument(fromData(manifest.policy.file, manifest.policy.data)),
    policyChanges: manifest.policyChanges.map(asReform),
  };
  return { manifest, doc, scenario, reforms: manifest.reforms.map(asReform) };
}

/**
 * Where the scenario was read from, so that the files it names resolve as they did in the run, not against the
 * directory a rerun happens to start in (an older manifest without `dir`: as recorded).
 */
function recordedScenarioFile(scenario: EmbeddedScenario): string {
  return scenario.dir === undefined ? scenario.file : join(scenario.dir, basename(scenario.file));
}

/**
 * The embedded documents whose data no longer hash to their recorded sha256: the manifest was edited after
 * its run, so a rerun reproduces the edit, not the run it records.
 */
export function editedDocuments(manifest: Manifest): string[] {
  const all = [manifest.scenario, manifest.policy, ...manifest.policyChanges, ...manifest.reforms];
  return all.filter((d) => d.sha256 !== sha256(d.data)).map((d) => d.file);
}
