/**
 * The actuarial answers in one call: simulate a scenario (and optionally reforms on the same random
 * draws), run every path's fund ledgers, and tabulate. Used by the CLI and by notebooks alike.
 */
import { pathLedgers, type FundPaths } from '../analysis/ledgerTables.js';
import { fundTables, providerTables, reformTables, simulationTables, type Tables } from '../analysis/tables.js';
import type { ProgressEvent } from '../engine/pool.js';
import type { SimulationCube } from '../engine/result.js';
import { simulate } from '../engine/simulate.js';
import type { RunSpec } from '../engine/spec.js';
import { SCHEMES } from '../policy/vocabulary.js';
import type { Reform } from '../policy/reform.js';
import { runSpec, withDocumentLines, withOverrides, type LoadedScenario, type RunOverrides } from '../scenario/load.js';
import { isSupervised, supervisionTables } from '../supervision/tables.js';
import { manifestFor, type Manifest } from './manifest.js';
import { checkRunOptions, runReforms, type ReformObject } from './runOptions.js';

export interface RunOptions extends RunOverrides {
  workers?: number;
  chunkMembers?: number;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
}

export interface ScenarioResult {
  scenario: LoadedScenario;
  reforms: Reform[];
  spec: RunSpec;
  cube: SimulationCube;
  /** One entry per variant × scheme: each path's ledger, year by year. */
  funds: FundPaths[];
  tables: Tables;
  manifest: Manifest;
}

/** `reforms`: each as loadReform read it, or written as an object with a reform file's fields ({ id, name, changes }). */
export async function runScenario(loaded: LoadedScenario, given: readonly (Reform | ReformObject)[] = [], options: RunOptions = {}): Promise<ScenarioResult> {
  const started = Date.now();
  checkRunOptions(options);
  const reforms = runReforms(given);
  const scenario = withOverrides(loaded, options);
  const chunkMembers = options.chunkMembers ?? scenario.scenario.engine.chunkMembers;
  const simulated = async () => {
    const spec = runSpec(scenario, reforms);
    return { spec, cube: await simulate(spec, { workers: options.workers, chunkMembers, signal: options.signal, onProgress: options.onProgress }) };
  };
  const { spec, cube } = await simulated().catch((err: unknown) => {
    throw withDocumentLines(err, scenario, reforms);
  });
  const funds = ledgersOf(cube, scenario);
  const inForceFrom = Object.fromEntries(reforms.flatMap((r) => (r.startYear !== undefined ? [[r.id, r.startYear]] : [])));
  const tables: Tables = {
    ...simulationTables(cube),
    ...providerTables(cube),
    ...fundTables(funds, reforms.length > 0 ? 'baseline' : undefined, undefined, inForceFrom),
    ...(reforms.length > 0 ? reformTables(cube, undefined, inForceFrom) : {}),
    ...(isSupervised(cube) ? supervisionTables(cube) : {}),
  };
  const manifest = manifestFor(reforms.length > 0 ? 'compare' : 'run', scenario, reforms, {
    workers: options.workers ?? -1,
    chunkMembers,
    elapsedMs: Date.now() - started,
  });
  return { scenario, reforms: [...reforms], spec, cube, funds, tables, manifest };
}

/** Every variant's and scheme's ledgers on every path; reforms open with the baseline's balances. */
export function ledgersOf(cube: SimulationCube, loaded: LoadedScenario, fund = loaded.scenario.fund): FundPaths[] {
  return SCHEMES.flatMap((scheme) => {
    const baseline = pathLedgers(cube, 0, scheme, fund, loaded.file);
    return [baseline, ...cube.variants.slice(1).map((_, i) => pathLedgers(cube, i + 1, scheme, fund, loaded.file, baseline))];
  });
}

