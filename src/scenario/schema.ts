/**
 * The scenario file: everything that defines a run. A scenario names its policy file (and dated policy
 * changes), and carries the assumptions of each part of the model, each section owned by its module:
 * population (src/population), utilisation (src/claims), fund (src/fund), macro and indexation
 * (src/projection), designated institutions (src/institutions), provider payment (src/payment) and
 * direct settlement and cash flow (src/cashflow), and fund supervision (src/supervision, off unless
 * enabled). Same scenario + same seed = same numbers, on any machine and worker count.
 */
import { z } from 'zod';
import { cashflowSection } from '../cashflow/assumptions.js';
import { utilisationAssumptions } from '../claims/assumptions.js';
import { behaviourAssumptions } from '../claims/demand.js';
import { fundAssumptions } from '../fund/assumptions.js';
import { institutionSection } from '../institutions/assumptions.js';
import { paymentSection } from '../payment/assumptions.js';
import { populationAssumptions } from '../population/assumptions.js';
import { indexationRules } from '../projection/indexation.js';
import { macroAssumptions } from '../projection/macro.js';
import { source } from '../policy/schema.js';
import { supervisionAssumptions } from '../supervision/assumptions.js';

/** Limits of a run's size; run-time overrides are held to them too (load.ts overrideProblems). */
const MAX_HORIZON = 100;
const MAX_PATHS = 100_000;
const MAX_MEMBERS = 100_000_000;

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const scenarioSchema = z.strictObject({
  // It names the output directory out/<id>: "." or ".." would put the results in out/ itself or above it.
  id: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'must be letters, digits, "_", "." or "-", starting with a letter, digit or "_" (it names the output directory out/<id>)'),
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(source).default([]),
  /** The random seed: a number or any text. */
  // An empty seed (often `--seed "$SEED"` with SEED unset) would run, but its manifest could not be rerun.
  seed: z.union([z.number().int(), z.string().refine((t) => t.trim() !== '', 'must not be empty: a number or any text')]).default(20211231),
  baseYear: z.number().int().min(1990).max(2200),
  /** Projection years, the base year included (1 = the base year only). */
  horizon: z.number().int().min(1, 'must be at least 1 year').max(MAX_HORIZON, `must be at most ${MAX_HORIZON} years`),
  /** Monte Carlo paths. */
  paths: z.number().int().min(1, 'needs at least one path').max(MAX_PATHS, `must be at most ${MAX_PATHS.toLocaleString('en')}`),
  /** A weighted sample: `members` simulated slots stand for `represents` insured people. */
  sample: z
    .strictObject({
      members: z.number().int().min(1, 'needs at least one member').max(MAX_MEMBERS, `must be at most ${MAX_MEMBERS.toLocaleString('en')}`),
      represents: z.number().int().min(1),
    })
    .refine((s) => s.represents >= s.members, { message: 'must represent at least as many people as it simulates', path: ['represents'] }),
  /** The baseline policy file, relative to this scenario file. */
  policy: z.string().min(1),
  /** Dated policy changes (reform files with a startYear), relative to this file, applied in order. */
  policyChanges: z.array(z.string().min(1)).default([]),
  indexation: indexationRules.default([]),
  macro: macroAssumptions.prefault({}),
  population: populationAssumptions.prefault({}),
  utilisation: utilisationAssumptions.prefault({}),
  /** Behavioural response of utilisation to a reform's cost sharing (induced demand); off unless elasticity < 0. */
  behaviour: behaviourAssumptions.prefault({}),
  fund: fundAssumptions.prefault({}),
  /** Designated institutions and their agreement rules; every run assigns claims to them. */
  institutions: institutionSection.prefault({}),
  /** How the fund pays institutions: fee for service everywhere unless a method is set. */
  payment: paymentSection.prefault({}),
  /** Card settlement or self-advance, reimbursement delays, out-of-area clearing: assumptions, a preset or a file. */
  cashflow: cashflowSection,
  /** Fraud and abuse, screens, inspection and sanctions (医保基金监管); off unless `enabled: true`. */
  supervision: supervisionAssumptions.prefault({}),
  analysis: z
    .strictObject({
      /** Catastrophic spending: out-of-pocket above this share of the member's annual income. */
      catastrophicShare: share.default(0.25),
      /** Annual income of residents in the base year (yuan): 2021 全国居民人均可支配收入 35,128 (国家统计局). */
      residentIncome: z.number().positive().default(35128),
      /** Annual pension of retirees in the base year (yuan), for their catastrophic threshold. */
      retireeIncome: z.number().positive().default(36000),
    })
    .prefault({}),
  engine: z
    .strictObject({
      /** Members per chunk; does not change results, only memory and load balance. */
      chunkMembers: z.number().int().min(1).default(5000),
    })
    .prefault({}),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
