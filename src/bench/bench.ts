/**
 * What a benchmark is, and small helpers to time and print. A benchmark prints its own figures through
 * `log`; src/bench/main.ts runs the registered ones in order. Benchmarks are for `npm run bench` only:
 * tests never time anything.
 */
export interface Bench {
  /** Short name, also the command-line filter: `node dist/bench/main.js settlement`. */
  name: string;
  run(log: (line: string) => void): void | Promise<void>;
}

/** Run `fn` once, by default after a garbage collection (when node runs with --expose-gc); wall-clock seconds. */
export function timed<T>(fn: () => T, collectFirst = true): { result: T; seconds: number } {
  if (collectFirst) (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} million claims/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} thousand claims/s`;
  return `${perSecond.toFixed(0)} claims/s`;
}

export function seconds(s: number): string {
  return s >= 100 ? `${s.toFixed(0)} s` : s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(1)} ms`;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
