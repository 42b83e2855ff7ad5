/**
 * Per-path contexts, cached: the compiled policies and their induced-demand factors (one entry for all
 * paths when the macro is deterministic) and the path's institutions with their statuses by year (always per path).
 */
import { policyContext, type PathContext, type PolicyContext } from './chunk.js';
import { demandTable } from './demandFactors.js';
import type { PathRun } from './plan.js';
import { pathProviders, providerSetup, type PathProviders } from './providers.js';
import { macroIsDeterministic, pathPolicies, type RunSpec } from './spec.js';

const MAX_ENTRIES = 4;

/** A small cache keeping the last MAX_ENTRIES values. */
function recent<K, T>(make: (key: K) => T, id: (key: K) => number | string = (k) => k as number | string): (key: K) => T {
  const cache = new Map<number | string, T>();
  return (key) => {
    let value = cache.get(id(key));
    if (value === undefined) {
      value = make(key);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as number | string);
      cache.set(id(key), value);
    }
    return value;
  };
}

/** A path's context for one of its passes (a chunk is a PathRun). */
export function contextCache(spec: RunSpec): (run: PathRun) => PathContext {
  const shared = macroIsDeterministic(spec.scenario);
  const setup = providerSetup(spec);
  const policies = recent<number, PolicyContext>((key) => {
    const ctx = policyContext(pathPolicies(spec, key));
    return { ...ctx, demand: demandTable(spec, ctx) };
  });
  const providers = recent<PathRun, PathProviders>(
    (r) => pathProviders(setup, spec, r.path, r.lastYearPaid),
    (r) => `${r.path}/${r.pass}`,
  );
  return (run) => ({ ...policies(shared ? 0 : run.path), providers: providers(run) });
}
