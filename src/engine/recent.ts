/**
 * A small cache of the last values made: a worker's per-run state (runTask.ts) and a run's per-path
 * contexts (context.ts) are built on first use and kept for a few later uses.
 */

/** `make(key)` once per id, keeping the last `capacity` values (the oldest made goes first). */
export function recent<K, T>(make: (key: K) => T, id: (key: K) => number | string, capacity: number): (key: K) => T {
  const cache = new Map<number | string, T>();
  return (key) => {
    const k = id(key);
    let value = cache.get(k);
    if (value === undefined) {
      value = make(key);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as number | string);
      cache.set(k, value);
    }
    return value;
  };
}
