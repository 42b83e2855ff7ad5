/** Shared fixtures of the population tests. */
import { populationAssumptions } from '../../src/population/assumptions.js';
import type { MemberBlock } from '../../src/population/block.js';
import type { PopulationMacro } from '../../src/population/macro.js';

export const defaults = populationAssumptions.parse({});

export const MEMBER_COLUMNS = ['slot', 'generation', 'type', 'sex', 'age', 'alive', 'wage', 'flags', 'health', 'event', 'leaveDay'] as const;

/** Concatenate the columns of consecutive blocks. */
export function concatBlocks(blocks: MemberBlock[]): Record<(typeof MEMBER_COLUMNS)[number], number[]> {
  return Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, blocks.flatMap((b) => Array.from(b[c] as ArrayLike<number>))])) as Record<
    (typeof MEMBER_COLUMNS)[number],
    number[]
  >;
}

/** Macro quantities of `year` on a path whose average wage grows by `growth` a year from 2021. */
export function wageMacro(year: number, growth = 0.05): PopulationMacro {
  return { year, wageIndex: (1 + growth) ** (year - 2021), wageGrowth: growth };
}
