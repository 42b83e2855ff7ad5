/** Small helpers over a seeded generator (seedrandom), for the property test's policies and claims. */
export type Rng = () => number;

export const chance = (rng: Rng, p: number): boolean => rng() < p;
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const subset = <T>(rng: Rng, xs: readonly T[], p = 0.5): T[] => xs.filter(() => chance(rng, p));

/** Pick by weight: [[value, weight], ...]. */
export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

/** An amount in fen between lo and hi (fen), log-uniform so small and large amounts both occur; often whole yuan. */
export function fenAmount(rng: Rng, lo: number, hi: number): number {
  if (hi <= lo) return lo;
  const x = Math.floor(Math.exp(Math.log(lo + 1) + rng() * (Math.log(hi + 1) - Math.log(lo + 1)))) - 1;
  const v = Math.min(hi, Math.max(lo, x));
  return chance(rng, 0.5) ? Math.min(hi, Math.max(lo, Math.round(v / 100) * 100)) : v;
}

/** A yuan amount (at most 2 decimals) between lo and hi yuan. */
export const yuanAmount = (rng: Rng, lo: number, hi: number): number => fenAmount(rng, lo * 100, hi * 100) / 100;

/** A ratio with at most 4 decimals, often a round percentage, sometimes exactly 0 or 1. */
export function ratio(rng: Rng, lo = 0, hi = 1): number {
  const r = rng();
  if (r < 0.05) return lo;
  if (r < 0.1) return hi;
  if (r < 0.7) return int(rng, Math.ceil(lo * 100), Math.floor(hi * 100)) / 100;
  return int(rng, Math.ceil(lo * 10_000), Math.floor(hi * 10_000)) / 10_000;
}
