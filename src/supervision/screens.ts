/**
 * Screens over a member-year's claims (seed 004's 两个异常 and focus list; seed 003's findings), each a
 * yes/no flag on a member or a claim, computed on bills and dates only, so every policy variant sees
 * the same flags:
 *   visits        member: more visits and purchases in the year than `visitsAbove` (就诊次数异常);
 *   costs         member: a year's bills above `costAbove` yuan (就诊费用异常);
 *   mismatch      claim: diagnosis, age and drugs do not match (年龄或诊断与用药不相符; a drawn signal);
 *   heavyTesting  stay: tests at least `testsAtLeast` of the bill and drugs at most `drugsAtMost`
 *                 (大检查多或无药费、少药费的住院);
 *   readmission   stay: admitted to the same hospital within `readmissionDays` days of a discharge
 *                 (the first day after discharge is day 1; a stay starting on the discharge day, day 0);
 *   sameDay       claim: a second claim of the same setting at the same institution on the same day
 *                 (重复收费);
 *   peerOutlier   institution: bill per claim above its peers' median by `above` (peers.ts).
 */
import { termWords } from '../charts/format.js';
import { SETTINGS } from '../policy/vocabulary.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../settlement/columns.js';
import type { SupervisionAssumptions } from './assumptions.js';
import type { SupervisedClaims } from './claims.js';

export const SCREENS = ['visits', 'costs', 'mismatch', 'heavyTesting', 'readmission', 'sameDay', 'peerOutlier'] as const;
export type Screen = (typeof SCREENS)[number];
export const SCREEN_CHINESE: Record<Screen, string> = {
  visits: '就诊次数异常',
  costs: '就诊费用异常',
  mismatch: '年龄、诊断与用药不符',
  heavyTesting: '大检查多、少药费住院',
  readmission: '出院后短期再入院',
  sameDay: '同日重复收费',
  peerOutlier: '同级同类机构费用异常',
};
/** A screen for a reader, e.g. "heavy testing 大检查多、少药费住院"; 'any' (flagged by any screen) is "any flag". */
export function screenLabel(screen: Screen | 'any'): string {
  return screen === 'any' ? 'any flag' : `${termWords(screen)} ${SCREEN_CHINESE[screen]}`;
}
/** What a screen flags: a member-year, a claim, or an institution-year. */
export const SCREEN_UNIT: Record<Screen, 'member' | 'claim' | 'institution'> = {
  visits: 'member',
  costs: 'member',
  mismatch: 'claim',
  heavyTesting: 'claim',
  readmission: 'claim',
  sameDay: 'claim',
  peerOutlier: 'institution',
};
export const SCREEN_BIT = Object.fromEntries(SCREENS.map((s, i) => [s, 1 << i])) as Record<Screen, number>;

const INPATIENT = SETTINGS.indexOf('inpatient');
const EMERGENCY = SETTINGS.indexOf('emergencyObservation');

/** Member flags (visits, costs) and claim flags (the claim screens) of member claims [first, end). */
export function screenMember(a: SupervisionAssumptions, sc: SupervisedClaims, first: number, end: number, claimFlags: Uint8Array): number {
  const { setting, classA, classB, classC } = sc.claims;
  const s = a.screens;
  const costAbove = Math.round(s.costAbove * 100);
  let visits = 0;
  let cost = 0;
  for (let c = first; c < end; c++) {
    const st = setting[c]!;
    const bill = classA[c]! + classB[c]! + classC[c]!;
    cost += bill;
    if (st !== INPATIENT) visits++;
    let f = sc.signal[c] === 1 ? SCREEN_BIT.mismatch : 0;
    if (st === INPATIENT && bill > 0 && sc.tests[c]! >= s.heavyTesting.testsAtLeast * bill && sc.drugs[c]! <= s.heavyTesting.drugsAtMost * bill) f |= SCREEN_BIT.heavyTesting;
    if (st === INPATIENT && readmitted(sc, first, c, s.readmissionDays)) f |= SCREEN_BIT.readmission;
    if (sameDayBefore(sc, first, c)) f |= SCREEN_BIT.sameDay;
    claimFlags[c] = f;
  }
  return (visits > s.visitsAbove ? SCREEN_BIT.visits : 0) | (cost > costAbove ? SCREEN_BIT.costs : 0);
}

/** The day a stay starts: its own day, or its emergency observation's for an admission that continues one. */
function stayStart(sc: SupervisedClaims, first: number, c: number): number {
  const { setting, flags, day } = sc.claims;
  return c > first && setting[c - 1] === EMERGENCY && flags[c - 1]! & CLAIM_ADMITTED ? day[c - 1]! : day[c]!;
}

/** Whether stay c starts within `days` days after an earlier stay of the member at the same institution ended. */
function readmitted(sc: SupervisedClaims, first: number, c: number, days: number): boolean {
  const { setting, flags, day, lengthOfStay } = sc.claims;
  const inst = sc.institution[c]!;
  const continues = !(flags[c]! & CLAIM_NEW_ADMISSION) && !(c > first && setting[c - 1] === EMERGENCY && flags[c - 1]! & CLAIM_ADMITTED);
  if (inst < 0 || continues) return false;
  const start = stayStart(sc, first, c);
  for (let p = c - 1; p >= first; p--) {
    if (setting[p] !== INPATIENT || sc.institution[p] !== inst) continue;
    const gap = start - (day[p]! + lengthOfStay[p]!);
    return gap >= 0 && gap <= days;
  }
  return false;
}

/** Whether an earlier claim of the member has the same day, setting and institution. */
function sameDayBefore(sc: SupervisedClaims, first: number, c: number): boolean {
  const { setting, day } = sc.claims;
  const inst = sc.institution[c]!;
  if (inst < 0) return false;
  for (let p = c - 1; p >= first && day[p] === day[c]; p--) {
    if (setting[p] === setting[c] && sc.institution[p] === inst) return true;
  }
  return false;
}
