/**
 * Keyed random streams for member-level draws.
 *
 * Design. Every draw must be a pure function of (seed, path, member slot, occupant generation, year,
 * stream, draw index), never of call order or time: then any worker count and chunk size give the same
 * members and claims, and a baseline and its reform see the same draws (common random numbers).
 * Constructing a seeded PRNG per member-year-stream (seedrandom: 0.25-1 µs each) would dominate the
 * budget of ≥ 5 million claims per second, so streams are counter-based instead:
 *  - a member key (two 32-bit lanes, 64 bits, so keys of millions of members never collide) is a hash
 *    chain of the run keys and (path, slot, generation, year): `member(...)`;
 *  - a stream key folds a stream id into it: `select(stream)` (cheap, done per claim);
 *  - draw i is mix32(mix32(a + i·golden) ^ b): a Weyl counter through two rounds of a strong integer
 *    finaliser (SplitMix-style). Any index can be reached in O(1) (`at(i)`); nothing is allocated and
 *    one object is re-keyed in place for every member and stream.
 * Uniforms carry 32 random bits (`next`), 53 (`next53`) where the tails matter, or 16 for coarse choices
 * (two per draw, `fillStreams`). Normals are drawn by inversion of one uniform (a table in the centre,
 * Wichura's AS241 in the tails), lognormal costs likewise from a table of the lognormal itself
 * (`LognormalQuantiles`, no exponential per draw), Poisson counts by inversion up to λ = 100 (one
 * uniform, monotone in λ, so a changed rate moves counts smoothly), gamma by Marsaglia-Tsang rejection.
 * Hot code asks for draws in bulk (`fill`, `fillStreams` into a typed array): a double returned from a
 * call is boxed, one written to a typed array is not.
 */
import { fastExp } from './fastExp.js';
import type { RunKeys } from './keys.js';

/*
 * Integer mixing with Math.imul (kept in this module: hot loops call it, and an imported function is
 * read from the module object on every call). mix32 is Chris Wellons' "lowbias32" finaliser, a bijection
 * on 32-bit integers with near-ideal avalanche, so a chain of mixes keeps distinct inputs distinct for a
 * fixed prefix. Values stay signed int32 (never boxed); they are read unsigned (>>> 0) only at the end.
 */
/** Golden-ratio increment (Weyl sequence step) and a second odd constant for the other key lane. */
const GOLDEN = 0x9e3779b9 | 0;
const SILVER = 0x85ebca6b | 0;

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** Fold one more component into a running hash (order matters: (a, b) and (b, a) differ). */
function absorb(h: number, component: number): number {
  return mix32(((h ^ component) + GOLDEN) | 0);
}

const TWO_M32 = 2 ** -32;
const TWO_M16 = 2 ** -16;
const TWO_M53 = 2 ** -53;
const TWO_26 = 2 ** 26;
const LOG_FACTORIAL = (() => {
  const t = new Float64Array(256);
  for (let k = 1; k < 256; k++) t[k] = t[k - 1]! + Math.log(k);
  return t;
})();
/** Rates above this use PTRS (transformed rejection) instead of inversion. */
export const POISSON_INVERSION_MAX = 100;
/** 1/k: the inversion multiplies by it (a division is several times slower, and the loop waits on it). */
const RECIPROCAL = Float64Array.from({ length: 1024 }, (_, k) => 1 / k);

/**
 * Poisson(lambda) by inversion of the uniform u, for 0 < lambda <= POISSON_INVERSION_MAX: the first k whose
 * cumulative probability exceeds u, summed from e^−lambda. That exponential is taken with fastExp (Math.exp
 * is a call out of line, a few per member-year); when u falls within POISSON_MARGIN of a cumulative value
 * it compared, the count is taken again from Math.exp, so it is always the one Math.exp gives
 * (`poissonInverseExact`; tests/random/stream.test.ts compares them on the boundaries).
 */
export function poissonInverse(lambda: number, u: number): number {
  const k = invertPoisson(fastExp(-lambda), lambda, u, POISSON_MARGIN);
  return k >= 0 ? k : poissonInverseExact(lambda, u);
}

/** poissonInverse from Math.exp: the definition the fast one keeps to. */
export function poissonInverseExact(lambda: number, u: number): number {
  return invertPoisson(Math.exp(-lambda), lambda, u, -1);
}

/**
 * Far above the cumulative values' difference between the two starts (fastExp within FAST_EXP_ERROR,
 * then at most 2^−53 a step over ≤ 1024 steps, on values ≤ 1); u lands that near one of a count's few
 * boundaries about once in 10^11 counts.
 */
const POISSON_MARGIN = 1e-12;

/**
 * The inversion from p = e^−lambda. With margin ≥ 0, −1 when u lies within it of a cumulative value it
 * compared, or when the tail ran out of precision: the caller then inverts from the exact start.
 */
function invertPoisson(p: number, lambda: number, u: number, margin: number): number {
  let f = p;
  let below = -1;
  let k = 0;
  while (u >= f) {
    k++;
    p *= lambda * RECIPROCAL[k]!;
    const next = f + p;
    if (next === f) return margin < 0 ? k : -1; // the rest of the tail is below double precision
    below = f;
    f = next;
  }
  return u - below < margin || f - u < margin ? -1 : k;
}

/** log(k!) from a table, Stirling's series beyond it. */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL[k]!;
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** Standard normal quantile, Wichura (1988) AS241 PPND16: relative accuracy about 1e-16. */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}

/** Quantile table on a grid of 2^13 cells for the centre, where linear interpolation is within 3e-6. */
const GRID = 8192;
const TABLE_LOW = 1 / 64;
const QUANTILE_TABLE = (() => {
  const t = new Float64Array(GRID + 1);
  for (let i = 1; i < GRID; i++) t[i] = normalQuantile(i / GRID);
  return t;
})();

/** normalQuantile by table interpolation in [1/64, 63/64], exact in the tails (about 3% of draws). */
export function fastNormalQuantile(p: number): number {
  if (p < TABLE_LOW || p > 1 - TABLE_LOW) return normalQuantile(p);
  const x = p * GRID;
  const i = x | 0;
  const lo = QUANTILE_TABLE[i]!;
  return lo + (QUANTILE_TABLE[i + 1]! - lo) * (x - i);
}

/** The lognormal quantile table's grid: 2^11 cells, small enough to stay in the L1 cache. */
const LOGNORMAL_GRID = 2048;

/**
 * exp(sigma·Φ⁻¹(p) − sigma²/2), the p-quantile of a lognormal with mean 1: by cubic (Catmull-Rom)
 * interpolation of a table in the centre [1/64, 63/64], within 5e-7 of the exact value (a draw needs no
 * exponential), exact in the tails.
 */
export class LognormalQuantiles {
  readonly sigma: number;
  private readonly halfVariance: number;
  private readonly table = new Float64Array(LOGNORMAL_GRID + 1);

  constructor(sigma: number) {
    this.sigma = sigma;
    this.halfVariance = 0.5 * sigma * sigma;
    for (let i = 1; i < LOGNORMAL_GRID; i++) this.table[i] = Math.exp(sigma * normalQuantile(i / LOGNORMAL_GRID) - this.halfVariance);
  }

  at(p: number): number {
    if (p < TABLE_LOW || p > 1 - TABLE_LOW) return Math.exp(this.sigma * normalQuantile(p) - this.halfVariance);
    const x = p * LOGNORMAL_GRID;
    const i = x | 0;
    const t = x - i;
    const table = this.table;
    const p0 = table[i - 1]!;
    const p1 = table[i]!;
    const p2 = table[i + 1]!;
    const p3 = table[i + 2]!;
    return p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
  }
}

export class KeyedStream {
  private readonly keys: RunKeys;
  private memberA = 0;
  private memberB = 0;
  private a = 0;
  private b = 0;
  private counter = 0;
  // The parts of the member key shared by every member of a path and year (a block's members all are).
  private path = 0;
  private year = 0;
  private pathA = 0;
  private pathB = 0;
  private yearB = 0;
  private yearGeneration0B = 0;
  // Marsaglia-Tsang constants of the last gamma shape.
  private gammaShape = 1;
  private gammaD = 2 / 3;
  private gammaC = 1 / Math.sqrt(6);

  constructor(keys: RunKeys) {
    this.keys = keys;
    this.keyPath(0);
    this.keyYear(0);
  }

  private keyPath(path: number): void {
    this.path = path;
    this.pathA = absorb(this.keys.k0, path);
    this.pathB = path ^ this.keys.k3;
  }

  private keyYear(year: number): void {
    this.year = year;
    this.yearB = absorb(this.keys.k1 ^ this.keys.k2, year);
    this.yearGeneration0B = absorb(this.yearB, 0);
  }

  /**
   * Key the stream to one member-year; call `select` before drawing. Each component is absorbed on its
   * own, so any 32-bit values key distinct streams (other models key institutions with a generation
   * above the members' 16 bits). The path's and the year's parts are kept between calls.
   */
  member(path: number, slot: number, generation: number, year: number): this {
    if (path !== this.path) this.keyPath(path);
    if (year !== this.year) this.keyYear(year);
    this.memberA = absorb(absorb(absorb(this.pathA, slot), generation), year);
    const b = generation === 0 ? this.yearGeneration0B : absorb(this.yearB, generation);
    this.memberB = absorb(absorb(b, slot), this.pathB);
    return this;
  }

  /** Choose a stream of the current member-year and rewind it to draw 0. */
  select(stream: number): this {
    this.a = mix32(this.memberA ^ Math.imul(stream, SILVER));
    this.b = mix32((this.memberB + Math.imul(stream, GOLDEN)) | 0);
    this.counter = 0;
    return this;
  }

  /** Jump to draw index i of the selected stream. */
  at(index: number): this {
    this.counter = index;
    return this;
  }

  /** 32 random bits as a signed int32. */
  private bits(): number {
    const x = mix32((this.a + Math.imul(this.counter++, GOLDEN)) | 0);
    return mix32(x ^ this.b);
  }

  /** 32 random bits as an unsigned integer. */
  nextU32(): number {
    return this.bits() >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits. */
  next(): number {
    return (this.bits() >>> 0) * TWO_M32;
  }

  /** The next n uniforms, strictly inside (0, 1) with 32 bits, written to out[0..n). */
  fill(out: Float64Array, n: number): void {
    const a = this.a;
    const b = this.b;
    let c = this.counter;
    for (let k = 0; k < n; k++, c++) {
      const x = mix32((a + Math.imul(c, GOLDEN)) | 0);
      out[k] = ((mix32(x ^ b) >>> 0) + 0.5) * TWO_M32;
    }
    this.counter = c;
  }

  /**
   * Draw `index` of the selected stream as `fill` writes it (strictly inside (0, 1), 32 bits), leaving the
   * counter alone: a model that needs only some of a claim's draws computes just those.
   */
  uniformAt(index: number): number {
    return ((mix32(mix32((this.a + Math.imul(index, GOLDEN)) | 0) ^ this.b) >>> 0) + 0.5) * TWO_M32;
  }

  /**
   * The first draws of `count` streams, `first` … first + count − 1, each selected in turn (claims of one
   * setting take all their draws this way, in one call): stream k writes n16 16-bit uniforms into u16 from
   * at16 + k·n16, two per draw (n16 even; the high half first), then n32 32-bit uniforms into u32 from
   * at32 + k·step32 (as `fill`). All strictly inside (0, 1). The last stream stays selected, after its draws
   * (none: the stream is left as it was).
   */
  fillStreams(first: number, count: number, u16: Float64Array, at16: number, n16: number, u32: Float64Array, at32: number, n32: number, step32: number): void {
    if (count <= 0) return;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = 0; k < count; k++) {
      const stream = first + k;
      a = mix32(this.memberA ^ Math.imul(stream, SILVER));
      b = mix32((this.memberB + Math.imul(stream, GOLDEN)) | 0);
      c = 0;
      const to16 = at16 + (k + 1) * n16;
      for (let i = at16 + k * n16; i < to16; i += 2, c++) {
        const x = mix32(mix32((a + Math.imul(c, GOLDEN)) | 0) ^ b);
        u16[i] = ((x >>> 16) + 0.5) * TWO_M16;
        u16[i + 1] = ((x & 0xffff) + 0.5) * TWO_M16;
      }
      const from32 = at32 + k * step32;
      for (let i = from32; i < from32 + n32; i++, c++) u32[i] = ((mix32(mix32((a + Math.imul(c, GOLDEN)) | 0) ^ b) >>> 0) + 0.5) * TWO_M32;
    }
    this.a = a;
    this.b = b;
    this.counter = c;
  }

  /** Uniform in [0, 1) with 53 bits (two draws). */
  next53(): number {
    const hi = this.bits() >>> 5;
    const lo = this.bits() >>> 6;
    return (hi * TWO_26 + lo) * TWO_M53;
  }

  /** Standard normal by inversion of one uniform strictly inside (0, 1). */
  normal(): number {
    return fastNormalQuantile(((this.bits() >>> 0) + 0.5) * TWO_M32);
  }

  /** exp(N(mu, sigma²)); its mean is exp(mu + sigma²/2). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Lognormal with the given mean and log-scale sigma. */
  lognormalMean(mean: number, sigma: number): number {
    return mean * Math.exp(sigma * this.normal() - 0.5 * sigma * sigma);
  }

  /** Gamma(shape, scale): mean shape·scale, variance shape·scale² (Marsaglia-Tsang). */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      const boost = Math.pow(1 - this.next(), 1 / shape);
      return this.gamma(shape + 1, scale) * boost;
    }
    if (shape !== this.gammaShape) {
      this.gammaShape = shape;
      this.gammaD = shape - 1 / 3;
      this.gammaC = 1 / Math.sqrt(9 * this.gammaD);
    }
    const d = this.gammaD;
    const c = this.gammaC;
    for (;;) {
      const x = this.normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = this.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Poisson(lambda): inversion with one uniform up to lambda 100, PTRS (Hörmann 1993) above. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    return lambda > POISSON_INVERSION_MAX ? this.poissonPtrs(lambda) : poissonInverse(lambda, this.next());
  }

  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logFactorial(k)) return k;
    }
  }

  /** Negative binomial with the given mean and shape r (Poisson-gamma): variance mean + mean²/r. */
  negativeBinomial(mean: number, shape: number): number {
    return this.poisson(this.gamma(shape, mean / shape));
  }

  /** Index i in [0, n) with P(i) = cdf[from+i] - cdf[from+i-1]; cdf ascending, last entry 1. */
  categorical(cdf: ArrayLike<number>, from: number, n: number): number {
    const u = this.next();
    let i = 0;
    while (i < n - 1 && u >= cdf[from + i]!) i++;
    return i;
  }
}
