/**
 * Supervision tables across Monte Carlo paths, as the analysis tables are (analysis/cubeTables.ts): per
 * year, a summary of the distribution over paths; over the whole horizon, a confidence interval of the
 * mean of each path's cumulative sums. Rows are ordered by variant, measure, then year.
 */
import { cubeOffset, type SimulationCube } from '../engine/result.js';
import { BLOCK } from '../engine/aggregates.js';
import { intervalColumns, shareRange, summaryColumns, type IntervalColumns, type SummaryColumns } from '../analysis/acrossPaths.js';
import { SUPERVISION_BLOCK } from './block.js';
import {
  supervisionBehaviourMeasures,
  supervisionCaseMeasures,
  supervisionFundMeasures,
  supervisionScreenMeasures,
  type Label,
  type SupervisionMeasures,
} from './measures.js';

/** A cube with its supervision blocks: [variant][path][yearIndex][SUPERVISION_BLOCK]. */
export type SupervisedCube = SimulationCube & { supervision: Float64Array };

type Labels = Record<string, Label>;

export function supervisionOffset(cube: SimulationCube, variant: number, path: number, yearIndex: number): number {
  return ((variant * cube.paths + path) * cube.years.length + yearIndex) * SUPERVISION_BLOCK;
}

export function supervisionBlockOf(cube: SupervisedCube, variant: number, path: number, yearIndex: number): Float64Array {
  const at = supervisionOffset(cube, variant, path, yearIndex);
  return cube.supervision.subarray(at, at + SUPERVISION_BLOCK);
}

/** Values of the years given (summed per path): value k of path p at [p × K + k]. */
function read<L extends Labels>(cube: SupervisedCube, variant: number, yearIndexes: readonly number[], m: SupervisionMeasures<L>): Float64Array {
  const k = m.labels.length;
  const out = new Float64Array(cube.paths * k);
  const block = new Float64Array(SUPERVISION_BLOCK);
  const aggregate = new Float64Array(BLOCK);
  for (let p = 0; p < cube.paths; p++) {
    block.fill(0);
    aggregate.fill(0);
    for (const y of yearIndexes) {
      const s = supervisionOffset(cube, variant, p, y);
      for (let i = 0; i < SUPERVISION_BLOCK; i++) block[i] += cube.supervision[s + i]!;
      const a = cubeOffset(cube, variant, p, y);
      for (let i = 0; i < BLOCK; i++) aggregate[i] += cube.blocks[a + i]!;
    }
    m.read(block, aggregate, cube.weight, out.subarray(p * k, (p + 1) * k));
  }
  return out;
}

const across = (values: Float64Array, k: number, count: number) => Float64Array.from({ length: values.length / count }, (_, p) => values[p * count + k]!);

export type SupervisionYearRow<L extends Labels> = { variant: string } & L & { year: number } & SummaryColumns;
export type SupervisionHorizonRow<L extends Labels> = { variant: string } & L & { from_year: number; to_year: number } & IntervalColumns;

/** Per (variant, measure, year): mean, standard error and percentiles across paths. */
export function supervisionByYear<L extends Labels>(cube: SupervisedCube, m: SupervisionMeasures<L>): SupervisionYearRow<L>[] {
  return cube.variants.flatMap((variant, v) => {
    const perYear = cube.years.map((_, y) => read(cube, v, [y], m));
    return m.labels.flatMap((labels, k) => cube.years.map((year, y) => ({ variant, ...labels, year, ...summaryColumns(across(perYear[y]!, k, m.labels.length)) })));
  });
}

/** Per (variant, measure): each path's sums over the whole horizon, mean with a (1 − alpha) interval. */
export function supervisionOverHorizon<L extends Labels>(cube: SupervisedCube, m: SupervisionMeasures<L>, alpha = 0.05): SupervisionHorizonRow<L>[] {
  const span = { from_year: cube.years[0]!, to_year: cube.years[cube.years.length - 1]! };
  return cube.variants.flatMap((variant, v) => {
    const values = read(cube, v, cube.years.map((_, y) => y), m);
    return m.labels.map((labels, k) => ({ variant, ...labels, ...span, ...intervalColumns(across(values, k, m.labels.length), alpha, shareRange(m.shares, labels)) }));
  });
}

/** The supervision tables of a run, keyed by table name. */
export function supervisionTables(cube: SupervisedCube, alpha = 0.05): Record<string, object[]> {
  return {
    supervision_by_year: supervisionByYear(cube, supervisionFundMeasures),
    supervision_over_horizon: supervisionOverHorizon(cube, supervisionFundMeasures, alpha),
    supervision_cases_by_year: supervisionByYear(cube, supervisionCaseMeasures),
    supervision_screens_by_year: supervisionByYear(cube, supervisionScreenMeasures),
    supervision_screens_over_horizon: supervisionOverHorizon(cube, supervisionScreenMeasures, alpha),
    supervision_behaviours_by_year: supervisionByYear(cube, supervisionBehaviourMeasures),
  };
}

/** Whether a cube carries supervision blocks (the scenario's supervision was on). */
export function isSupervised(cube: SimulationCube): cube is SupervisedCube {
  return cube.supervision !== undefined;
}
