/**
 * Statutory retirement age (法定退休年龄) in months, by schedule and birth year: men 60, women 50
 * (workers) or 55 (cadres), raised gradually under the 2024 NPCSC decision (全国人大常委会关于实施渐进式
 * 延迟法定退休年龄的决定, from 2025): one month later per 4 birth months (men, women 55) or per 2 (women
 * 50), up to 3, 3 and 5 years. Members have no birth month, so each is taken as born mid-year.
 */
import type { PopulationAssumptions } from './assumptions.js';

/** Retirement schedules. */
export const SCHEDULE_MEN = 0;
export const SCHEDULE_WOMEN_WORKER = 1;
export const SCHEDULE_WOMEN_CADRE = 2;

const MID_YEAR_MONTH = 6;

export function retirementAgeMonths(rules: PopulationAssumptions['retirement'], schedule: number, birthYear: number): number {
  const base = schedule === SCHEDULE_MEN ? rules.men : schedule === SCHEDULE_WOMEN_WORKER ? rules.womenWorker : rules.womenCadre;
  const delay = rules.delay && (schedule === SCHEDULE_MEN ? rules.delay.men : schedule === SCHEDULE_WOMEN_WORKER ? rules.delay.womenWorker : rules.delay.womenCadre);
  let months = base * 12;
  if (delay && birthYear >= delay.fromBirthYear) {
    const since = (birthYear - delay.fromBirthYear) * 12 + MID_YEAR_MONTH;
    months += Math.min(delay.maxMonths, Math.floor(since / delay.birthMonthsPerMonth) + 1);
  }
  return months;
}

/** Whether a member of this age (completed years, mid-year) in `year` has reached retirement age. */
export function hasReachedRetirement(rules: PopulationAssumptions['retirement'], schedule: number, age: number, year: number): boolean {
  return age * 12 + MID_YEAR_MONTH >= retirementAgeMonths(rules, schedule, year - age);
}
