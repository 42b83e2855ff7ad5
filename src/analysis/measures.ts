/**
 * Measures: a fixed list of labelled quantities read from one aggregate block. The labels are built
 * once and the values written into a reused array, so reading thousands of (path, year) blocks
 * allocates nothing per measure.
 */
import { BLOCK } from '../engine/aggregates.js';
import { PROVIDER_BLOCK } from '../engine/providerBlock.js';
import { cubeOffset, providerOffset, variantIndex, type SimulationCube } from '../engine/result.js';

export type Label = string | number;
export type Labels = Readonly<Record<string, Label>>;

export interface Measures<L extends Labels> {
  /** One entry per value, in the order `read` writes them. */
  labels: readonly L[];
  /** Write one block's values into `out` (length labels.length); `weight` = people per simulated member. */
  read(block: Float64Array, weight: number, out: Float64Array): void;
  /** The blocks read: the aggregate blocks (default) or the provider blocks (engine/providerBlock.ts). */
  source?: 'blocks' | 'providers';
  /** Metrics that are shares of a whole (0 to 1): their confidence intervals are cut to [0, 1] (acrossPaths.ts). */
  shares?: readonly string[];
}

/** The cube's array a measure reads, one block's size, and where a (variant, path, year) block starts. */
function blocksOf(cube: SimulationCube, measures: Measures<Labels>) {
  return measures.source === 'providers'
    ? { data: cube.providers, size: PROVIDER_BLOCK, offset: providerOffset }
    : { data: cube.blocks, size: BLOCK, offset: cubeOffset };
}

/** A variant by position in the cube or by id. */
export type VariantRef = number | string;

export function resolveVariant(cube: SimulationCube, variant: VariantRef): number {
  if (typeof variant === 'string') return variantIndex(cube, variant);
  if (!Number.isInteger(variant) || variant < 0 || variant >= cube.variants.length) {
    throw new RangeError(`no variant ${variant} in this simulation (it has ${cube.variants.length})`);
  }
  return variant;
}

/** Values for one year: value k of path p at [p * K + k], K = labels.length. */
export function readYear<L extends Labels>(cube: SimulationCube, variant: number, yearIndex: number, measures: Measures<L>): Float64Array {
  const k = measures.labels.length;
  const { data, size, offset } = blocksOf(cube, measures);
  const out = new Float64Array(cube.paths * k);
  for (let p = 0; p < cube.paths; p++) {
    const at = offset(cube, variant, p, yearIndex);
    measures.read(data.subarray(at, at + size), cube.weight, out.subarray(p * k, (p + 1) * k));
  }
  return out;
}

/**
 * Where the years a reform is in force start: the index of `fromYear` (a dated reform's startYear) among the
 * horizon's years, 0 without one. A reform dated after the last year changes nothing in the run: its
 * comparison keeps the whole horizon (the command line notes it).
 */
export function firstYearIndex(years: readonly number[], fromYear?: number): number {
  if (fromYear === undefined) return 0;
  const i = years.findIndex((y) => y >= fromYear);
  return i < 0 ? 0 : i;
}

/**
 * Values over the horizon, from the year at index `from` (default: the first) to the last: each path's blocks
 * summed over those years first, so totals are cumulative, ratios are ratios of cumulative sums, and
 * per-member figures are per member-year.
 */
export function readHorizon<L extends Labels>(cube: SimulationCube, variant: number, measures: Measures<L>, from = 0): Float64Array {
  const k = measures.labels.length;
  const { data, size, offset } = blocksOf(cube, measures);
  const out = new Float64Array(cube.paths * k);
  const sum = new Float64Array(size);
  for (let p = 0; p < cube.paths; p++) {
    sum.fill(0);
    for (let y = from; y < cube.years.length; y++) {
      const at = offset(cube, variant, p, y);
      for (let i = 0; i < size; i++) sum[i] += data[at + i]!;
    }
    measures.read(sum, cube.weight, out.subarray(p * k, (p + 1) * k));
  }
  return out;
}

/** Measure k across paths from a readYear/readHorizon array. */
export function measureAcrossPaths(values: Float64Array, k: number, count: number): Float64Array {
  const paths = values.length / count;
  const out = new Float64Array(paths);
  for (let p = 0; p < paths; p++) out[p] = values[p * count + k]!;
  return out;
}
