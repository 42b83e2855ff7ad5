/**
 * One Monte Carlo path of a simulation as a cube of its own, for the per-path solver: its ledgers are run
 * alone at each lever value. Every per-(variant, path, year) array is cut to the path, not the aggregates
 * alone: the ledgers also read the payment difference (providers) and supervision's income, and a view
 * with the aggregates of path p and those of path 0 booked path 0's payment reform and recoveries on every
 * path (a DRG, DIP or global-budget scenario, or one with supervision, was sized on mixed-up paths).
 */
import { BLOCK } from '../engine/aggregates.js';
import { PROVIDER_BLOCK } from '../engine/providerBlock.js';
import type { SimulationCube } from '../engine/result.js';
import { SUPERVISION_BLOCK } from '../supervision/block.js';

/** Path `path` of the first variant (the baseline): its years of each per-(variant, path, year) array. */
export function pathCube(cube: SimulationCube, path: number): SimulationCube {
  const years = cube.years.length;
  const cut = (data: Float64Array, block: number) => data.subarray(path * years * block, (path + 1) * years * block);
  return {
    ...cube,
    paths: 1,
    variants: cube.variants.slice(0, 1),
    blocks: cut(cube.blocks, BLOCK),
    providers: cut(cube.providers, PROVIDER_BLOCK),
    ...(cube.supervision ? { supervision: cut(cube.supervision, SUPERVISION_BLOCK) } : {}),
    ...(cube.topSpenders ? { topSpenders: cube.topSpenders.slice(path, path + 1) } : {}),
    ...(cube.passes ? { passes: cube.passes.slice(path, path + 1) } : {}),
  };
}
