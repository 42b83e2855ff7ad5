import { describe, expect, it } from 'vitest';
import { macroRng, runKeys } from '../../src/random/keys.js';
import { fastNormalQuantile, KeyedStream, logFactorial, LognormalQuantiles, normalQuantile, poissonInverse, poissonInverseExact } from '../../src/random/stream.js';

const keys = runKeys(7);

function moments(xs: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (const x of xs) m += x;
  m /= xs.length;
  let v = 0;
  for (const x of xs) v += (x - m) * (x - m);
  return { mean: m, variance: v / (xs.length - 1) };
}

function sample(n: number, draw: (s: KeyedStream) => number, stream = 1): Float64Array {
  const s = new KeyedStream(keys).member(0, 3, 0, 2021).select(stream);
  return Float64Array.from({ length: n }, () => draw(s));
}

describe('run keys', () => {
  it('come from the seed alone, numbers and their text alike', () => {
    expect(runKeys(42)).toEqual(runKeys('42'));
    expect(runKeys(42)).not.toEqual(runKeys(43));
    expect(runKeys('a')).toEqual(runKeys('a'));
  });

  it('give macro draws keyed by name, path and year', () => {
    const a = macroRng(keys, 'cost', 1, 2022)();
    expect(macroRng(keys, 'cost', 1, 2022)()).toBe(a);
    expect(macroRng(keys, 'cost', 2, 2022)()).not.toBe(a);
    expect(macroRng(keys, 'cost', 1, 2023)()).not.toBe(a);
    expect(macroRng(keys, 'wage', 1, 2022)()).not.toBe(a);
    expect(macroRng(runKeys(8), 'cost', 1, 2022)()).not.toBe(a);
  });
});

describe('keyed streams', () => {
  it('are a pure function of (keys, path, slot, generation, year, stream, index), not of call order', () => {
    const s = new KeyedStream(keys);
    const first = s.member(1, 10, 0, 2021).select(5).next();
    s.member(1, 11, 0, 2021).select(5).next();
    s.member(2, 10, 0, 2021).select(9).next();
    expect(s.member(1, 10, 0, 2021).select(5).next()).toBe(first);
    expect(new KeyedStream(runKeys(7)).member(1, 10, 0, 2021).select(5).next()).toBe(first);
    const other = [
      s.member(2, 10, 0, 2021).select(5).next(),
      s.member(1, 11, 0, 2021).select(5).next(),
      s.member(1, 10, 1, 2021).select(5).next(),
      s.member(1, 10, 0, 2022).select(5).next(),
      s.member(1, 10, 0, 2021).select(6).next(),
      s.member(1, 10, 0x10000, 2021).select(5).next(),
      new KeyedStream(runKeys(8)).member(1, 10, 0, 2021).select(5).next(),
    ];
    for (const x of other) expect(x).not.toBe(first);
  });

  it('reach any draw index directly, and fill gives the same 32-bit draws', () => {
    const s = new KeyedStream(keys).member(0, 1, 0, 2021).select(2);
    const seq = Array.from({ length: 10 }, () => s.nextU32());
    expect(s.select(2).at(7).nextU32()).toBe(seq[7]);
    const out = new Float64Array(10);
    s.select(2).fill(out, 10);
    out.forEach((u, k) => expect(u).toBe((seq[k]! + 0.5) * 2 ** -32));
    expect(s.select(2).at(3).normal()).toBe(fastNormalQuantile((seq[3]! + 0.5) * 2 ** -32));
  });

  it('fillStreams gives each stream\'s first draws at its offsets: 16-bit halves, then 32-bit uniforms, and leaves the last stream after them', () => {
    const s = new KeyedStream(keys).member(0, 1, 0, 2021);
    // The streams' 32-bit draws one by one, as select and nextU32 give them.
    const seqOf = (stream: number) => {
      s.select(stream);
      return Array.from({ length: 4 }, () => s.nextU32());
    };
    const seq9 = seqOf(9);
    const seq10 = seqOf(10);
    const halves = new Float64Array(11);
    const wide = new Float64Array(8);
    // Two streams, four halves each from index 2; one wide draw each from index 3, every third cell.
    s.select(3).fillStreams(9, 2, halves, 2, 4, wide, 3, 1, 3);
    const half = (h: number) => (h + 0.5) * 2 ** -16;
    const wideOf = (x: number) => (x + 0.5) * 2 ** -32;
    const halvesOf = (seq: number[]) => [seq[0]! >>> 16, seq[0]! & 0xffff, seq[1]! >>> 16, seq[1]! & 0xffff].map(half);
    expect(Array.from(halves)).toEqual([0, 0, ...halvesOf(seq9), ...halvesOf(seq10), 0]);
    expect(Array.from(wide)).toEqual([0, 0, 0, wideOf(seq9[2]!), 0, 0, wideOf(seq10[2]!), 0]);
    expect(s.nextU32()).toBe(seq10[3]);
    // No streams: nothing written, and the stream selected before stays where it was.
    s.select(9);
    s.nextU32();
    s.fillStreams(20, 0, halves, 0, 4, wide, 0, 1, 1);
    expect(s.nextU32()).toBe(seq9[1]);
    expect(halves[0]).toBe(0);
  });

  it('key members by the documented hash chain, whatever path, year and generation came before', () => {
    // The chain of stream.ts written out: lowbias32, absorb, the member key lanes, select and draw 0.
    const mix = (x: number) => {
      x ^= x >>> 16;
      x = Math.imul(x, 0x7feb352d);
      x ^= x >>> 15;
      x = Math.imul(x, 0x846ca68b);
      return x ^ (x >>> 16);
    };
    const golden = 0x9e3779b9 | 0;
    const silver = 0x85ebca6b | 0;
    const absorb = (h: number, c: number) => mix(((h ^ c) + golden) | 0);
    const firstDraw = (path: number, slot: number, generation: number, year: number, stream: number) => {
      const memberA = absorb(absorb(absorb(absorb(keys.k0, path), slot), generation), year);
      const memberB = absorb(absorb(absorb(absorb(keys.k1 ^ keys.k2, year), generation), slot), path ^ keys.k3);
      const a = mix(memberA ^ Math.imul(stream, silver));
      const b = mix((memberB + Math.imul(stream, golden)) | 0);
      return mix(mix(a) ^ b) >>> 0;
    };
    const s = new KeyedStream(keys);
    for (const [path, slot, generation, year] of [
      [0, 5, 0, 2021],
      [0, 5, 0, 2022],
      [3, 5, 0, 2022],
      [3, 6, 2, 2022],
      [3, 6, 0, 2022],
      [3, 6, 0, 2021],
      [0, 5, 0x10000, 2021],
      [0, 5, 0, 2021],
    ] as const) {
      expect(s.member(path, slot, generation, year).select(7).nextU32(), `${path}/${slot}/${generation}/${year}`).toBe(firstDraw(path, slot, generation, year, 7));
    }
  });

  it('are uncorrelated across adjacent members and streams', () => {
    const n = 50_000;
    const s = new KeyedStream(keys);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = s.member(0, i, 0, 2021).select(1).next();
      b[i] = s.member(0, i + 1, 0, 2021).select(1).next();
      c[i] = s.member(0, i, 0, 2021).select(2).next();
    }
    const corr = (x: Float64Array, y: Float64Array) => {
      const mx = moments(x).mean;
      const my = moments(y).mean;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += (x[i]! - mx) * (y[i]! - my);
        sxx += (x[i]! - mx) ** 2;
        syy += (y[i]! - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    // sd of a correlation of independent samples is 1/sqrt(n) = 0.0045: 0.02 is over 4 sd.
    expect(Math.abs(corr(a, b))).toBeLessThan(0.02);
    expect(Math.abs(corr(a, c))).toBeLessThan(0.02);
  });

  it('draw uniforms evenly over 16 bins (chi-square)', () => {
    const n = 160_000;
    const bins = new Float64Array(16);
    for (const u of sample(n, (s) => s.next())) bins[Math.floor(u * 16)]++;
    const chi2 = bins.reduce((sum, o) => sum + (o - n / 16) ** 2 / (n / 16), 0);
    expect(chi2).toBeLessThan(37.7); // 99.9% point of chi-square with 15 degrees of freedom
    const m = moments(sample(n, (s) => s.next53()));
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
  });
});

describe('distributions at a fixed seed', () => {
  const n = 200_000;

  it('normal quantiles are exact to 1e-9 (AS241) and the table to 1e-5', () => {
    // Reference values of the standard normal quantile (e.g. R qnorm).
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 9);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    for (let p = 0.0001; p < 1; p += 0.00037) expect(Math.abs(fastNormalQuantile(p) - normalQuantile(p))).toBeLessThan(1e-5);
  });

  it('normal: mean 0, variance 1, 0.27% beyond 3 sd', () => {
    const xs = sample(n, (s) => s.normal());
    const m = moments(xs);
    // sd of the mean 1/sqrt(n) = 0.0022; of the variance sqrt(2/n) = 0.0032
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.015);
    const tail = xs.filter((x) => Math.abs(x) > 3).length / n;
    expect(tail).toBeGreaterThan(0.0018);
    expect(tail).toBeLessThan(0.0036);
  });

  it('lognormal quantiles: within 5e-7 of exp(σ·Φ⁻¹(p) − σ²/2) by table, exact in the tails, mean 1', () => {
    for (const sigma of [0.45, 0.9]) {
      const q = new LognormalQuantiles(sigma);
      const exact = (p: number) => Math.exp(sigma * normalQuantile(p) - 0.5 * sigma * sigma);
      let worst = 0;
      for (let p = 0.00001; p < 1; p += 0.000137) worst = Math.max(worst, Math.abs(q.at(p) / exact(p) - 1));
      expect(worst).toBeLessThan(5e-7);
      expect(q.at(0.001)).toBe(exact(0.001));
      // Mean by the midpoint rule over 10^6 cells: 1 within 1e-4 (the far tails beyond 1e-6 carry less).
      let mean = 0;
      for (let k = 0; k < 1_000_000; k++) mean += q.at((k + 0.5) / 1_000_000);
      expect(Math.abs(mean / 1_000_000 - 1)).toBeLessThan(1e-4);
    }
  });

  it('poisson inversion gives the first count whose cumulative probability exceeds the uniform', () => {
    for (const lambda of [0.05, 1, 4.5, 30, 99]) {
      // The CDF summed term by term with divisions, as written in textbooks.
      const cdf: number[] = [];
      let p = Math.exp(-lambda);
      let f = p;
      for (let k = 0; k < 400 && f < 1 - 1e-15; k++) {
        cdf.push(f);
        p *= lambda / (k + 1);
        f += p;
      }
      for (let u = 0.0005; u < 0.9995; u += 0.001) {
        if (cdf.some((c) => Math.abs(c - u) < 1e-12)) continue;
        const expected = cdf.findIndex((c) => u < c);
        expect(poissonInverse(lambda, u), `lambda ${lambda}, u ${u}`).toBe(expected === -1 ? cdf.length : expected);
      }
    }
  });

  it('poisson inversion from fastExp gives the count Math.exp gives, on and beside every boundary', () => {
    // The boundaries are the exact inversion's own cumulative values: a uniform equal to one, or an ulp
    // either side, is where a start off by fastExp's error would change the count without the margin.
    const ulp = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 52);
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const lambda = 0.01 + ((i * 0.6180339887) % 1) * 99.9;
      let p = Math.exp(-lambda);
      let f = p;
      for (let k = 1; f < 0.999999; k++) {
        for (const u of [f - ulp(f), f, f + ulp(f), f + 1e-13, f - 1e-13]) {
          expect(poissonInverse(lambda, u), `lambda ${lambda}, u ${u}`).toBe(poissonInverseExact(lambda, u));
          checked++;
        }
        p *= lambda / k;
        f += p;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('lognormal with a given mean keeps it', () => {
    const m = moments(sample(n, (s) => s.lognormalMean(100, 0.8)));
    // sd of the sample mean: 100 * sqrt(exp(0.64) - 1) / sqrt(n) = 0.21
    expect(Math.abs(m.mean - 100)).toBeLessThan(1);
  });

  it.each([0.5, 1.5, 4, 20])('gamma(shape %s, scale 2): mean 2·shape, variance 4·shape', (shape) => {
    const m = moments(sample(n, (s) => s.gamma(shape, 2)));
    expect(Math.abs(m.mean / (2 * shape) - 1)).toBeLessThan(0.015);
    expect(Math.abs(m.variance / (4 * shape) - 1)).toBeLessThan(0.04);
  });

  it.each([0.2, 3, 30, 250])('poisson(%s): mean and variance lambda', (lambda) => {
    const m = moments(sample(n, (s) => s.poisson(lambda)));
    expect(Math.abs(m.mean / lambda - 1)).toBeLessThan(0.02);
    expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(0.04);
  });

  it('poisson counts never fall when the rate rises (one uniform, inverted)', () => {
    const s = new KeyedStream(keys).member(0, 1, 0, 2021);
    for (let i = 0; i < 2000; i++) {
      const low = s.select(i).poisson(2);
      expect(s.select(i).poisson(2.5)).toBeGreaterThanOrEqual(low);
    }
  });

  it('negative binomial: mean m, variance m + m²/r (over-dispersed)', () => {
    const m = moments(sample(n, (s) => s.negativeBinomial(4, 1.5)));
    expect(Math.abs(m.mean / 4 - 1)).toBeLessThan(0.02);
    expect(Math.abs(m.variance / (4 + 16 / 1.5) - 1)).toBeLessThan(0.05);
  });

  it('categorical follows its cumulative shares', () => {
    const cdf = Float64Array.of(0.1, 0.4, 1);
    const counts = [0, 0, 0];
    for (const k of sample(n, (s) => s.categorical(cdf, 0, 3))) counts[k]!++;
    expect(counts[0]! / n).toBeCloseTo(0.1, 2);
    expect(counts[1]! / n).toBeCloseTo(0.3, 2);
    expect(counts[2]! / n).toBeCloseTo(0.6, 2);
  });

  it('log factorial matches the product below and Stirling above 255', () => {
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let direct = 0;
    for (let k = 2; k <= 300; k++) direct += Math.log(k);
    expect(logFactorial(300)).toBeCloseTo(direct, 8);
  });
});
