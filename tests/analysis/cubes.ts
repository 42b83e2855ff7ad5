/**
 * Small synthetic simulation cubes for the analysis tests: known values written into the aggregate
 * cells with the layout functions of engine/aggregates.ts (no engine run).
 */
import { AGE_BAND_LABELS, CLAIM_FIELDS, MEMBER_FIELDS, PAIRED_FIELDS, claimCell, memberCell, oopCell, pairedCell } from '../../src/engine/aggregates.js';
import { allocateCube, blockOf, type SimulationCube } from '../../src/engine/result.js';
import { LEVELS, PERSON_TYPES, SCHEMES, SETTINGS, type Level, type PersonType, type Scheme, type Setting } from '../../src/policy/vocabulary.js';

export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type PairedField = (typeof PAIRED_FIELDS)[number];

/** Writes into one (variant, path, year) block by domain names. */
export class BlockWriter {
  constructor(readonly block: Float64Array) {}

  claims(type: PersonType, setting: Setting, level: Level, values: Partial<Record<ClaimField, number>>): this {
    for (const [field, v] of Object.entries(values)) {
      this.block[claimCell(PERSON_TYPES.indexOf(type), SETTINGS.indexOf(setting), LEVELS.indexOf(level), CLAIM_FIELDS.indexOf(field as ClaimField))] += v;
    }
    return this;
  }

  members(type: PersonType, band: (typeof AGE_BAND_LABELS)[number], values: Partial<Record<MemberField, number>>): this {
    for (const [field, v] of Object.entries(values)) {
      this.block[memberCell(PERSON_TYPES.indexOf(type), AGE_BAND_LABELS.indexOf(band), MEMBER_FIELDS.indexOf(field as MemberField))] += v;
    }
    return this;
  }

  oop(scheme: Scheme, bin: number, count: number): this {
    this.block[oopCell(SCHEMES.indexOf(scheme), bin)] += count;
    return this;
  }

  paired(type: PersonType, band: (typeof AGE_BAND_LABELS)[number], values: Partial<Record<PairedField, number>>): this {
    for (const [field, v] of Object.entries(values)) {
      this.block[pairedCell(PERSON_TYPES.indexOf(type), AGE_BAND_LABELS.indexOf(band), PAIRED_FIELDS.indexOf(field as PairedField))] += v;
    }
    return this;
  }
}

/** A cube whose blocks are filled by `fill(writer, variant, path, yearIndex)`. */
export function syntheticCube(
  shape: { years: number[]; paths: number; variants: string[]; weight: number },
  fill: (w: BlockWriter, variant: number, path: number, yearIndex: number) => void,
): SimulationCube {
  const cube = allocateCube(shape.years, shape.paths, shape.variants, shape.weight);
  for (let v = 0; v < shape.variants.length; v++) {
    for (let p = 0; p < shape.paths; p++) {
      for (let y = 0; y < shape.years.length; y++) fill(new BlockWriter(blockOf(cube, v, p, y)), v, p, y);
    }
  }
  return cube;
}

/** The rows matching every given label. */
export function pick<R extends object>(rows: readonly R[], where: Partial<Record<keyof R, unknown>>): R[] {
  return rows.filter((r) => Object.entries(where).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
}

/** The one row matching the labels (fails the test otherwise). */
export function one<R extends object>(rows: readonly R[], where: Partial<Record<keyof R, unknown>>): R {
  const found = pick(rows, where);
  if (found.length !== 1) throw new Error(`expected one row for ${JSON.stringify(where)}, found ${found.length}`);
  return found[0]!;
}
