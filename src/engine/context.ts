/**
 * Per-path contexts, cached: the compiled policies and their induced-demand factors (one entry for all
 * paths when the macro is deterministic) and the path's institutions with their statuses by year: from the
 * path's share when the main thread sends it (providers.ts pathShare), else built here.
 */
import { policyContext, type PathContext, type PolicyContext } from './chunk.js';
import { demandTable } from './demandFactors.js';
import { pathRunId, type PathRun } from './plan.js';
import { chunkProviders, pathProviders, providerSetup, type ChunkProviders, type PathShare } from './providers.js';
import { recent } from './recent.js';
import { macroIsDeterministic, pathPolicies, type RunSpec } from './spec.js';

/** Paths whose contexts are kept: chunks come path by path, a few paths at a time in flight. */
const KEPT_PATHS = 4;

/** A path's context for one of its passes (a chunk is a PathRun), from the path's share if given. */
export function contextCache(spec: RunSpec): (run: PathRun, share?: PathShare) => PathContext {
  const shared = macroIsDeterministic(spec.scenario);
  const setup = providerSetup(spec);
  const policies = recent<number, PolicyContext>(
    (path) => {
      const ctx = policyContext(pathPolicies(spec, path));
      return { ...ctx, demand: demandTable(spec, ctx) };
    },
    (path) => path,
    KEPT_PATHS,
  );
  const providers = recent<PathRun, ChunkProviders>((r) => pathProviders(setup, spec, r.path, r.lastYearPaid), pathRunId, KEPT_PATHS);
  return (run, share) => ({ ...policies(shared ? 0 : run.path), providers: share ? chunkProviders(setup, share) : providers(run) });
}
