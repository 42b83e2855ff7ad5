/**
 * Macro paths: the average wage and medical cost level of each projection year, for one Monte Carlo
 * path. Growth rates are the scenario's (by year, else the default); with an sd, each (path, year) adds
 * a normal shock drawn from a seedrandom generator keyed by (seed, name, path, year) (src/random/keys.ts),
 * so every chunk and worker of a path sees the same history whatever the call order. The shocks use the
 * key names of the population's wage growth ('wage', src/population/macro.ts) and the claims' cost
 * inflation ('cost', src/claims/inflation.ts), so the same sd gives the same shocks. Draws are rounded to 6 decimals and indices are decimal.js products (20 significant
 * digits), so a deterministic path can be checked by hand.
 */
import { z } from 'zod';
import { Decimal } from '../money/decimal.js';
import { InputError } from '../input/inputError.js';
import { yuan } from '../policy/schema.js';
import { macroNormal, macroRng, type RunKeys } from '../random/keys.js';
import { fourDecimals, yearTable } from './schemaParts.js';

const growth = z.number().min(-0.5, 'must be at least -0.5').max(1, 'must be at most 1').refine(fourDecimals, 'must have at most 4 decimals');

function schedule(rate: number, byYear: Record<string, number>) {
  return z
    .strictObject({
      /** Growth in a year not listed in `byYear`. */
      rate: growth.default(rate),
      byYear: yearTable(growth).default(byYear),
      /** Standard deviation of the yearly shock (0: deterministic). */
      sd: z.number().min(0).max(0.5).default(0),
    })
    .prefault({});
}

export const macroAssumptions = z.strictObject({
  // Average wage of the base year, the reference for contribution bounds and wage-indexed parameters:
  // 2021 城镇非私营单位 average 106,837 yuan (国家统计局, 人民网 2022-05-22). Bases use the 全口径 average
  // since 2019, which blends in the 私营 average (62,884) and is lower: give the region's.
  averageWage: yuan.default(106837),
  // Nominal growth of the 城镇非私营单位 average: 2022 +6.7%, 2023 +5.8% (国家统计局 via 新华社 2024-05-17),
  // 5.8% a year after.
  wageGrowth: schedule(0.058, { '2022': 0.067, '2023': 0.058 }),
  // Growth of cost per claim: employee cost per admission 10,413 yuan in 2015 → 12,948 in 2021
  // (reference/nhsa_benefit_utilisation_series.csv, 住院医疗费 ÷ 出院人次) = 3.7% a year [derived].
  medicalInflation: schedule(0.037, {}),
});
export type MacroAssumptions = z.output<typeof macroAssumptions>;

export interface MacroYear {
  year: number;
  /** Growth from the previous year (0 in the base year). */
  wageGrowth: Decimal;
  medicalInflation: Decimal;
  /** Levels relative to the base year (1 in the base year). */
  wageIndex: Decimal;
  costIndex: Decimal;
  /** Average wage of the year, yuan to the fen. */
  averageWage: Decimal;
}

export interface MacroPath {
  path: number;
  years: MacroYear[];
}

/** Where the horizon was written, for the error. */
export interface Where {
  file: string;
  path: (string | number)[];
}

/** The projection years: baseYear and the horizon − 1 years after it. */
export function projectionYears(baseYear: number, horizon: number, where: Where = { file: '(projection)', path: ['horizon'] }): number[] {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 100) {
    throw new InputError([{ ...where, value: horizon, message: 'the horizon must be a whole number of years from 1 to 100 (the base year counts as one)' }]);
  }
  if (!Number.isInteger(baseYear) || baseYear < 1990 || baseYear > 2200) {
    throw new InputError([{ file: where.file, path: ['baseYear'], value: baseYear, message: 'must be a calendar year from 1990 to 2200' }]);
  }
  return Array.from({ length: horizon }, (_, i) => baseYear + i);
}

type Schedule = MacroAssumptions['wageGrowth'];

function growthIn(s: Schedule, keys: RunKeys, name: string, path: number, year: number): Decimal {
  const planned = s.byYear[String(year)] ?? s.rate;
  const drawn = s.sd > 0 ? planned + s.sd * macroNormal(macroRng(keys, name, path, year)) : planned;
  return new Decimal(drawn).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

/** The macro path of one Monte Carlo path over the projection years (the first is the base year). */
export function macroPath(a: MacroAssumptions, keys: RunKeys, path: number, years: readonly number[]): MacroPath {
  const out: MacroYear[] = [];
  let wageIndex = new Decimal(1);
  let costIndex = new Decimal(1);
  years.forEach((year, i) => {
    const wageGrowth = i === 0 ? new Decimal(0) : growthIn(a.wageGrowth, keys, 'wage', path, year);
    const medicalInflation = i === 0 ? new Decimal(0) : growthIn(a.medicalInflation, keys, 'cost', path, year);
    wageIndex = wageIndex.mul(wageGrowth.plus(1));
    costIndex = costIndex.mul(medicalInflation.plus(1));
    const averageWage = wageIndex.mul(a.averageWage).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    out.push({ year, wageGrowth, medicalInflation, wageIndex, costIndex, averageWage });
  });
  return { path, years: out };
}
