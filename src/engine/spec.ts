/**
 * The run specification every worker receives once: plain, cloneable data (validated scenario, the policy
 * and reform documents as written, run keys). Policy variants: variant 0 is the baseline (the scenario's
 * policy with its dated changes); each further variant adds one reform on top (a comparison).
 */
import { macroPath, type MacroPath } from '../projection/macro.js';
import { policyTimeline, type PolicyYear } from '../projection/timeline.js';
import type { LoadedPolicy } from '../policy/load.js';
import { reformSchema, type Reform } from '../policy/reform.js';
import type { RunKeys } from '../random/keys.js';
import type { Scenario } from '../scenario/schema.js';

export interface DocumentData {
  file: string;
  data: unknown;
}

export interface VariantSpec {
  id: string;
  /** Reforms applied on top of the baseline policy, in order (dated by their startYear). */
  reforms: DocumentData[];
}

export interface RunSpec {
  keys: RunKeys;
  years: number[];
  /** People represented by one simulated member slot. */
  weight: number;
  scenario: Scenario;
  scenarioFile: string;
  /** The baseline policy as written, and as validated. */
  policy: { file: string; raw: unknown; policy: LoadedPolicy['policy'] };
  variants: VariantSpec[];
}

export function loadedPolicyOf(spec: RunSpec): LoadedPolicy {
  return { policy: spec.policy.policy, raw: spec.policy.raw, file: spec.policy.file };
}

/** Reforms rebuilt from their documents (already validated in the main thread; no line numbers needed). */
export function reformsOf(variant: VariantSpec): Reform[] {
  return variant.reforms.map((r) => ({ ...reformSchema.parse(r.data), file: r.file, doc: { file: r.file, data: r.data, lineOf: () => undefined } }));
}

/** A path's macro path (wage and cost indices) and each variant's policy for each year. */
export interface PathPolicies {
  macro: MacroPath;
  /** [variant][yearIndex] */
  timelines: PolicyYear[][];
}

/** Whether every path shares one macro path (no stochastic wage or cost shocks). */
export function macroIsDeterministic(scenario: Scenario): boolean {
  return scenario.macro.wageGrowth.sd === 0 && scenario.macro.medicalInflation.sd === 0;
}

export function pathPolicies(spec: RunSpec, path: number): PathPolicies {
  const macro = macroPath(spec.scenario.macro, spec.keys, path, spec.years);
  const indexationAt = ['indexation'];
  const timelines = spec.variants.map((v) =>
    policyTimeline({
      baseline: loadedPolicyOf(spec),
      macro,
      reforms: reformsOf(v),
      indexation: spec.scenario.indexation,
      indexationFile: spec.scenarioFile,
      indexationAt,
    }),
  );
  return { macro, timelines };
}
