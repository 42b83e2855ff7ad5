/**
 * Run keys: the user's seed (a number or a string) turned into key material by seedrandom, once per run.
 * Every random draw of a simulation is then a pure function of (keys, path, member slot, occupant
 * generation, year, stream, draw index): see stream.ts. Keys are a plain object so they can be sent to
 * worker threads as they are.
 *
 * seedrandom also serves the few per-(path, year) macro draws (cost inflation, wage growth shocks):
 * constructing one of its generators costs about a microsecond, fine once per path-year, far too slow
 * per member-year-stream, which is why member streams use the counter-based hash of stream.ts instead.
 */
import seedrandom from 'seedrandom';

export interface RunKeys {
  /** The seed as written by the user, in text (numbers and their decimal strings give the same keys). */
  seed: string;
  /** Four signed 32-bit key words. */
  k0: number;
  k1: number;
  k2: number;
  k3: number;
}

export function runKeys(seed: number | string): RunKeys {
  const text = String(seed);
  const rng = seedrandom(`yibao-sim/keys/${text}`);
  return { seed: text, k0: rng.int32(), k1: rng.int32(), k2: rng.int32(), k3: rng.int32() };
}

/** A seedrandom generator for one named macro quantity of one (path, year): uniform doubles in [0, 1). */
export function macroRng(keys: RunKeys, name: string, path: number, year: number): () => number {
  const rng = seedrandom(`yibao-sim/macro/${keys.seed}/${name}/${path}/${year}`);
  return () => rng.double();
}

/** A standard normal draw from a macro generator (Box-Muller; two uniforms). */
export function macroNormal(rng: () => number): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
