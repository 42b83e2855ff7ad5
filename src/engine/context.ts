/**
 * Per-path contexts, cached: the compiled policies and their induced-demand factors (one entry for all
 * paths when the macro is deterministic) and the path's institutions with their statuses by year (always per path).
 */
import { policyContext, type PathContext, type PolicyContext } from './chunk.js';
import { demandTable } from './demandFactors.js';
import { pathProviders, providerSetup, type PathProviders } from './providers.js';
import { macroIsDeterministic, pathPolicies, type RunSpec } from './spec.js';

const MAX_ENTRIES = 4;

/** A small cache keeping the last MAX_ENTRIES values. */
function recent<T>(make: (key: number) => T): (key: number) => T {
  const cache = new Map<number, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as number);
      cache.set(key, value);
    }
    return value;
  };
}

export function contextCache(spec: RunSpec): (path: number) => PathContext {
  const shared = macroIsDeterministic(spec.scenario);
  const setup = providerSetup(spec);
  const policies = recent<PolicyContext>((key) => {
    const ctx = policyContext(pathPolicies(spec, key));
    return { ...ctx, demand: demandTable(spec, ctx) };
  });
  const providers = recent<PathProviders>((path) => pathProviders(setup, spec, path));
  return (path) => ({ ...policies(shared ? 0 : path), providers: providers(path) });
}
