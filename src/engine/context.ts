/** Per-path contexts (macro path, compiled policies), cached: one entry for all paths when the macro is deterministic. */
import { pathContext, type PathContext } from './chunk.js';
import { macroIsDeterministic, pathPolicies, type RunSpec } from './spec.js';

const MAX_ENTRIES = 4;

export function contextCache(spec: RunSpec): (path: number) => PathContext {
  const shared = macroIsDeterministic(spec.scenario);
  const cache = new Map<number, PathContext>();
  return (path) => {
    const key = shared ? 0 : path;
    let ctx = cache.get(key);
    if (!ctx) {
      ctx = pathContext(pathPolicies(spec, key));
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as number);
      cache.set(key, ctx);
    }
    return ctx;
  };
}
