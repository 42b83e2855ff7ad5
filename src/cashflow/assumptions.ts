/**
 * Direct settlement and cash flow (zod schema `cashflowAssumptions`): how often patients advance the
 * whole bill (全额垫付) instead of settling with the card (联网刷卡结算), why, how long manual
 * reimbursement (零星报销) takes, and how out-of-area care is cleared between pooled regions.
 *
 * Seed 002 篇1 (L15) measured at one hospital, since its outpatient network opened: card-swipe rates of
 * 35% for 城镇职工 outpatient care, 40% for 城镇职工 门诊特殊病 (special outpatient diseases: `chronic`) and 80%
 * for 城镇居民 门诊特殊病. The rest was full self-advance. It names the causes (L19–L27): emergency
 * observation whose ratio is unknown until admission is decided; network faults; a claim under audit
 * blocking the card; employer arrears or batched declarations; the patient (habit, not understanding the
 * deductible, a damaged or replaced card). Today real-time settlement covers designated institutions
 * (seed 004 L10: 全部建立计算机网络联接…实时结算), so the defaults are a modern region's: audits do not
 * block the card and the chance causes are small (assumed). data/institutions/channels-seed002.yaml turns
 * the hospital's mechanisms on and is calibrated to its rates.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { readDocument, validateDocument } from '../input/document.js';
import { dataFile } from '../population/dataFiles.js';
import { ratio } from '../policy/schema.js';

const bySetting = (d: number) =>
  z
    .strictObject({
      outpatient: ratio.default(d),
      chronic: ratio.default(d),
      inpatient: ratio.default(d),
      pharmacy: ratio.default(d),
      emergencyObservation: ratio.default(d),
    })
    .prefault({});

const delay = (median: number) =>
  z
    .strictObject({
      /** Median days from paying the bill to being reimbursed, and the lognormal log-scale spread. */
      medianDays: z.number().positive().max(730).default(median),
      sigma: z.number().min(0).max(3).default(0.5),
    })
    .prefault({});

export const cashflowAssumptions = z.strictObject({
  causes: z
    .strictObject({
      /** Chance an emergency observation (急诊留观) claim cannot be swiped: 1, the rule of seed 002 L19; 0 under one emergency ratio (its L33 lever). */
      observation: ratio.default(1),
      /**
       * Out-of-area care (异地就医): chance of self-advance when registered (备案: direct settlement across
       * regions; assumption 0) and unregistered (seed 002 篇2 L63: the patient pays and claims at home: 1).
       */
      outOfArea: z.strictObject({ registered: ratio.default(0), unregistered: ratio.default(1) }).prefault({}),
      /** Chance an employee's employer is in arrears or declares late in a year: every claim that year is advanced (seed 002 L25). Assumption: 0, as the fund's arrears. */
      employerArrears: ratio.default(0),
      /**
       * Days a self-advanced bill stays under audit after it is paid, blocking the card (seed 002 L23, 在途审核:
       * 存在未审核的全额垫付费用); each blocked visit is another self-advance, the 恶性循环 of L39. The seed gives
       * no duration. 0 by default: real-time audit.
       */
      auditBlockDays: z.number().int().min(0).max(365).default(0),
      /**
       * Days after an employee's discharge during which the agency audits the stay and the card fails for
       * 门诊特殊病 visits (seed 002 L23). 0 by default: real-time audit.
       */
      dischargeAuditDays: z.number().int().min(0).max(365).default(0),
      /** Chance of a network fault per claim (seed 002 L21). Assumption. */
      networkFault: bySetting(0.005),
      /** Chance the patient advances the bill (habit, misunderstanding, card problems; seed 002 L27), by scheme and setting. Assumption. */
      patient: z.strictObject({ employee: bySetting(0.02), resident: bySetting(0.02) }).prefault({}),
    })
    .prefault({}),
  /**
   * Days from paying to reimbursement, lognormal. Employees claim through their employer (回单位报销, seed 002
   * L25), so longer. Assumptions.
   */
  reimbursement: z.strictObject({ employee: delay(45), resident: delay(30) }).prefault({}),
  /**
   * Clearing of out-of-area care settled directly (registered, swiped): the home fund pays the month's
   * amounts `lagMonths` later through the clearing account, and keeps an advance (预付金) there worth
   * `advanceMonths` of last year's average monthly amount, topped up or drawn down each January. Assumptions.
   */
  clearing: z
    .strictObject({ lagMonths: z.number().int().min(0).max(11).default(2), advanceMonths: z.number().min(0).max(12).default(2) })
    .prefault({}),
});

export type CashflowAssumptions = z.output<typeof cashflowAssumptions>;

/**
 * Built-in sets of cash-flow assumptions: `modern` (the defaults) and `seed002` (the seed 002 hospital,
 * data/institutions/channels-seed002.yaml).
 */
export const CASHFLOW_PRESETS = ['modern', 'seed002'] as const;

/** The scenario's `cashflow:` section: the assumptions written out, a preset name, or a file relative to the scenario. */
export const cashflowSection = z
  .union([
    z
      .string()
      .refine((c) => (CASHFLOW_PRESETS as readonly string[]).includes(c) || /\.(ya?ml|json)$/.test(c), `must be ${CASHFLOW_PRESETS.join(' or ')}, or a file (.yaml, .yml or .json) relative to the scenario`),
    cashflowAssumptions,
  ])
  .prefault({});

export type CashflowSection = z.output<typeof cashflowSection>;

/** The assumptions a scenario's `cashflow:` section stands for (`scenarioDir` resolves a file). */
export function resolveCashflow(section: CashflowSection, scenarioDir: string): CashflowAssumptions {
  if (typeof section !== 'string') return section;
  if (section === 'modern') return cashflowAssumptions.parse({});
  return loadCashflowAssumptions(userCashflowFile(section, scenarioDir) ?? dataFile('institutions', 'channels-seed002.yaml'));
}

/** The user's own cash-flow file the section names (beside the scenario), or undefined for assumptions or a preset. */
export function userCashflowFile(section: CashflowSection, scenarioDir: string): string | undefined {
  return typeof section !== 'string' || (CASHFLOW_PRESETS as readonly string[]).includes(section) ? undefined : resolve(scenarioDir, section);
}

/** A file holding a `cashflowAssumptions` document (e.g. data/institutions/channels-seed002.yaml). */
export function loadCashflowAssumptions(file: string): CashflowAssumptions {
  return validateDocument(readDocument(file), cashflowAssumptions);
}
