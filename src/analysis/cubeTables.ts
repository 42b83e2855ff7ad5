/**
 * Monte Carlo tables from a simulation cube and a set of measures: per year, or over the whole
 * horizon, a summary across paths, a confidence interval for the mean, or a paired reform − baseline
 * comparison (same paths: common random numbers). Rows are ordered by variant, measure, then year.
 */
import type { SimulationCube } from '../engine/result.js';
import { intervalColumns, pairedColumns, shareRange, summaryColumns, type IntervalColumns, type PairedColumns, type SummaryColumns } from './acrossPaths.js';
import { firstYearIndex, measureAcrossPaths, readHorizon, readYear, resolveVariant, type Labels, type Measures, type VariantRef } from './measures.js';

export type YearRow<L extends Labels, C> = { variant: string } & L & { year: number } & C;
export type HorizonRow<L extends Labels, C> = { variant: string } & L & { from_year: number; to_year: number } & C;
export type PairedYearRow<L extends Labels> = { reform: string; baseline: string } & L & { year: number } & PairedColumns;
export type PairedHorizonRow<L extends Labels> = { reform: string; baseline: string } & L & { from_year: number; to_year: number } & PairedColumns;

/** The years summed over: from `fromYear` (a dated reform's first year in force; see firstYearIndex) to the last. */
function horizon(cube: SimulationCube, fromYear?: number): { index: number; span: { from_year: number; to_year: number } } {
  if (cube.years.length === 0) throw new RangeError('the simulation has no years');
  const index = firstYearIndex(cube.years, fromYear);
  return { index, span: { from_year: cube.years[index]!, to_year: cube.years[cube.years.length - 1]! } };
}

/**
 * Rows per (measure, year), measure-major. Years are read one at a time, so memory holds one year of
 * values (paths × measures) besides the rows.
 */
function measureMajor<L extends Labels, R>(
  cube: SimulationCube,
  measures: Measures<L>,
  rowFor: (values: (variant: number) => Float64Array, labels: L, year: number) => R,
  variantsRead: readonly number[],
): R[] {
  const k = measures.labels.length;
  const rows: R[][] = measures.labels.map(() => []);
  cube.years.forEach((year, y) => {
    const read = new Map(variantsRead.map((v) => [v, readYear(cube, v, y, measures)]));
    measures.labels.forEach((labels, i) => rows[i]!.push(rowFor((v) => measureAcrossPaths(read.get(v)!, i, k), labels, year)));
  });
  return rows.flat();
}

function byYear<L extends Labels, C>(
  cube: SimulationCube,
  variant: number,
  measures: Measures<L>,
  columns: (values: Float64Array, labels: L) => C,
): YearRow<L, C>[] {
  const id = cube.variants[variant]!;
  return measureMajor(cube, measures, (values, labels, year) => ({ variant: id, ...labels, year, ...columns(values(variant), labels) }), [variant]);
}

function overHorizon<L extends Labels, C>(
  cube: SimulationCube,
  variant: number,
  measures: Measures<L>,
  columns: (values: Float64Array, labels: L) => C,
  fromYear?: number,
): HorizonRow<L, C>[] {
  const k = measures.labels.length;
  const { index, span } = horizon(cube, fromYear);
  const values = readHorizon(cube, variant, measures, index);
  return measures.labels.map((labels, i) => ({ variant: cube.variants[variant]!, ...labels, ...span, ...columns(measureAcrossPaths(values, i, k), labels) }));
}

const allVariants = (cube: SimulationCube) => cube.variants.map((_, v) => v);

/** Mean, standard error and p5…p95 across paths, per year; every variant unless some are named. */
export function summaryByYear<L extends Labels>(
  cube: SimulationCube,
  measures: Measures<L>,
  variants: readonly VariantRef[] = allVariants(cube),
): YearRow<L, SummaryColumns>[] {
  return variants.flatMap((v) => byYear(cube, resolveVariant(cube, v), measures, summaryColumns));
}

/** Mean with a (1 − alpha) t confidence interval across paths, per year, for one variant. */
export function intervalByYear<L extends Labels>(cube: SimulationCube, measures: Measures<L>, variant: VariantRef, alpha = 0.05): YearRow<L, IntervalColumns>[] {
  return byYear(cube, resolveVariant(cube, variant), measures, (values, labels) => intervalColumns(values, alpha, shareRange(measures.shares, labels)));
}

/** The same over the horizon (blocks summed over the years per path, see readHorizon), from `fromYear` if given. */
export function intervalOverHorizon<L extends Labels>(
  cube: SimulationCube,
  measures: Measures<L>,
  variant: VariantRef,
  alpha = 0.05,
  fromYear?: number,
): HorizonRow<L, IntervalColumns>[] {
  return overHorizon(cube, resolveVariant(cube, variant), measures, (values, labels) => intervalColumns(values, alpha, shareRange(measures.shares, labels)), fromYear);
}

function pairedVariants(cube: SimulationCube, reform: VariantRef, baseline: VariantRef): [number, number] {
  const r = resolveVariant(cube, reform);
  const b = resolveVariant(cube, baseline);
  if (r === b) throw new RangeError(`a reform must be compared with another variant, got "${cube.variants[r]}" twice`);
  return [r, b];
}

/** Reform − baseline per year and measure, paired by path, with (1 − alpha) confidence intervals. */
export function compareByYear<L extends Labels>(
  cube: SimulationCube,
  measures: Measures<L>,
  reform: VariantRef,
  baseline: VariantRef = 0,
  alpha = 0.05,
): PairedYearRow<L>[] {
  const [r, b] = pairedVariants(cube, reform, baseline);
  const ids = { reform: cube.variants[r]!, baseline: cube.variants[b]! };
  return measureMajor(
    cube,
    measures,
    (values, labels, year) => ({ ...ids, ...labels, year, ...pairedColumns(values(r), values(b), alpha, shareRange(measures.shares, labels)) }),
    [r, b],
  );
}

/**
 * Reform − baseline over the horizon: cumulative totals, ratios of cumulative sums, per member-year figures;
 * from `fromYear` (the reform's first year in force) if given, so years it was not in force do not dilute them.
 */
export function compareOverHorizon<L extends Labels>(
  cube: SimulationCube,
  measures: Measures<L>,
  reform: VariantRef,
  baseline: VariantRef = 0,
  alpha = 0.05,
  fromYear?: number,
): PairedHorizonRow<L>[] {
  const [r, b] = pairedVariants(cube, reform, baseline);
  const k = measures.labels.length;
  const { index, span } = horizon(cube, fromYear);
  const rv = readHorizon(cube, r, measures, index);
  const bv = readHorizon(cube, b, measures, index);
  const ids = { reform: cube.variants[r]!, baseline: cube.variants[b]! };
  return measures.labels.map((labels, i) => ({
    ...ids,
    ...labels,
    ...span,
    ...pairedColumns(measureAcrossPaths(rv, i, k), measureAcrossPaths(bv, i, k), alpha, shareRange(measures.shares, labels)),
  }));
}
