/**
 * A simulation's merged aggregates: one block per (variant, path, year), plus what is needed to read
 * them (years, variant ids, and the number of people each simulated member stands for), and one block of
 * institution, payment and cash-flow outcomes per (variant, path, year) (providerBlock.ts), and with
 * supervision on one block of its outcomes per (variant, path, year) (supervision/block.ts).
 */
import { Decimal } from '../money/decimal.js';
import { BLOCK } from './aggregates.js';
import { SUPERVISION_BLOCK } from '../supervision/block.js';
import { PROVIDER_BLOCK } from './providerBlock.js';

export interface SimulationCube {
  years: number[];
  paths: number;
  variants: string[];
  /** People represented by one simulated member slot (N / n). */
  weight: number;
  /** The same, exact to 20 significant digits as decimal text, for the ledgers (money to the fen). */
  exactWeight: string;
  /** [variant][path][yearIndex][BLOCK] */
  blocks: Float64Array;
  /** [variant][path][yearIndex][PROVIDER_BLOCK] */
  providers: Float64Array;
  /** [variant][path][yearIndex][SUPERVISION_BLOCK], present when supervision is on. */
  supervision?: Float64Array;
  /** With supervision on, per path: the hospitals inspected as top spenders by year index (highest first). */
  topSpenders?: number[][][];
  /** With supervision on, per path: the passes it took to rank its top spenders on its own payments (simulate.ts). */
  passes?: number[];
}

export function cubeOffset(cube: SimulationCube, variant: number, path: number, yearIndex: number): number {
  return ((variant * cube.paths + path) * cube.years.length + yearIndex) * BLOCK;
}

export function blockOf(cube: SimulationCube, variant: number, path: number, yearIndex: number): Float64Array {
  const at = cubeOffset(cube, variant, path, yearIndex);
  return cube.blocks.subarray(at, at + BLOCK);
}

export function providerOffset(cube: SimulationCube, variant: number, path: number, yearIndex: number): number {
  return ((variant * cube.paths + path) * cube.years.length + yearIndex) * PROVIDER_BLOCK;
}

export function providerBlockOf(cube: SimulationCube, variant: number, path: number, yearIndex: number): Float64Array {
  const at = providerOffset(cube, variant, path, yearIndex);
  return cube.providers.subarray(at, at + PROVIDER_BLOCK);
}

export function allocateCube(years: number[], paths: number, variants: string[], weight: number | { represents: number; members: number }, supervised = false): SimulationCube {
  const exact = typeof weight === 'number' ? new Decimal(weight) : new Decimal(weight.represents).div(weight.members);
  const cells = variants.length * paths * years.length;
  return {
    years,
    paths,
    variants,
    weight: exact.toNumber(),
    exactWeight: exact.toString(),
    blocks: new Float64Array(cells * BLOCK),
    providers: new Float64Array(cells * PROVIDER_BLOCK),
    ...(supervised ? { supervision: new Float64Array(cells * SUPERVISION_BLOCK), topSpenders: Array.from({ length: paths }, () => []), passes: new Array<number>(paths).fill(0) } : {}),
  };
}

export function variantIndex(cube: SimulationCube, id: string): number {
  const v = cube.variants.indexOf(id);
  if (v < 0) throw new RangeError(`no variant "${id}" in this simulation (have ${cube.variants.join(', ')})`);
  return v;
}
