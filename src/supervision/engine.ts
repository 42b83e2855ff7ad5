/**
 * Supervision as the engine runs it (off unless the scenario's `supervision.enabled`):
 *   - setup, once per thread: the compiled assumptions and the penalty rules (checked before any worker starts);
 *   - per path, in every thread that builds the path: the institution plan (plan.ts), whose suspensions
 *     and terminations go into the pool's monthly statuses before any claim is assigned;
 *   - per chunk, ChunkSupervision wraps chunkYear.ts's steps in the order the year loop calls them;
 *   - per path on the main thread, closePathSupervision turns the merged sums into the cube's blocks.
 */
import { CAUSE } from '../cashflow/channel.js';
import type { ClaimBuffer } from '../claims/buffer.js';
import type { Institutions } from '../institutions/generate.js';
import type { PoolYear } from '../institutions/pool.js';
import type { ProviderScratch } from '../payment/chunk.js';
import type { MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import type { PersonColumns } from '../settlement/columns.js';
import type { CompiledPolicy } from '../settlement/compile.js';
import type { SupervisionAssumptions } from './assumptions.js';
import {
  addSupervisionSums,
  allocateSupervisionScratch,
  closeSupervisionYear,
  settleCounterfactual,
  superviseClaims,
  type SupervisionModels,
  type SupervisionScratch,
} from './chunkYear.js';
import { closeSupervision } from './close.js';
import { compileSupervision, type CompiledSupervision } from './compile.js';
import { planSupervision, type LastYearPaid, type SupervisionPlan } from './plan.js';
import { sanctionRulesByYear, type SanctionRules } from './rules.js';

export interface SupervisionSetup {
  compiled: CompiledSupervision;
  rules: SanctionRules;
}

/** The compiled assumptions and rules, or null when supervision is off. Throws InputError (paths relative to the `supervision` section). */
export function supervisionSetup(a: SupervisionAssumptions, scenarioDir: string, scenarioFile: string): SupervisionSetup | null {
  if (!a.enabled) return null;
  return { compiled: compileSupervision(a), rules: sanctionRulesByYear(a, scenarioDir, scenarioFile) };
}

/** A path's supervision: what the workers need, and the plan the main thread closes with. */
export interface PathSupervision {
  models: SupervisionModels;
  plan: SupervisionPlan;
}

/**
 * Plan the path (in place on `pools`' monthly statuses: call before claims are assigned), ranking each
 * year's top spenders on `lastYearPaid` (plan.ts).
 */
export function pathSupervision(
  setup: SupervisionSetup,
  keys: RunKeys,
  path: number,
  institutions: Institutions,
  pools: readonly PoolYear[],
  years: readonly number[],
  lastYearPaid?: LastYearPaid,
): PathSupervision {
  const plan = planSupervision(setup.compiled, setup.rules, keys, path, institutions, pools, years, lastYearPaid);
  return { models: supervisionModels(setup, institutions.type), plan };
}

/** What the workers run supervision with on a path whose institutions have these types. */
export function supervisionModels(setup: SupervisionSetup, institutionType: Uint8Array): SupervisionModels {
  // A member whose networked settlement is suspended pays in full and claims later, like a patient's own self-advance.
  return { compiled: setup.compiled, rules: setup.rules, institutionType, suspendedChannel: CAUSE.patient };
}

/** One chunk's supervision through the years; methods in the order the year loop calls them. */
export class ChunkSupervision {
  private readonly scratch: SupervisionScratch;
  private prepared: ClaimBuffer | null = null;
  private year = 0;

  constructor(
    private readonly s: PathSupervision,
    private readonly keys: RunKeys,
    private readonly path: number,
    private readonly block: MemberBlock,
  ) {
    this.scratch = allocateSupervisionScratch(block.length);
  }

  /** The year's behaviours, screens and reviews on the prepared claims: the claims to settle and their provider columns. */
  claims(yearIndex: number, year: number, prepared: ClaimBuffer, provider: ProviderScratch): { claims: ClaimBuffer; provider: ProviderScratch } {
    this.prepared = prepared;
    this.year = year;
    return superviseClaims(this.s.models, this.s.plan, yearIndex, this.keys, this.path, year, this.block, prepared, provider, this.scratch);
  }

  /** Before a variant settles: the counterfactual on a copy of its members' accounts. */
  beforeSettle(policy: CompiledPolicy, persons: PersonColumns): void {
    settleCounterfactual(policy, this.prepared!, persons, this.scratch);
  }

  /** After a variant settles (`out`): its supervision sums. Variant 0's sanctions on members feed back. */
  afterSettle(variant: number, out: Float64Array, sums: Float64Array): void {
    addSupervisionSums(this.s.models, this.keys, this.path, this.year, this.block, this.prepared!, out, this.scratch, sums, variant === 0);
  }

  endYear(): void {
    closeSupervisionYear(this.scratch, this.year, this.block);
  }
}

/** Close a path on the main thread: `sums(v, y)` the merged worker sums, `block(v, y)` the cube's zeroed block. */
export function closePathSupervision(
  setup: SupervisionSetup,
  s: PathSupervision,
  keys: RunKeys,
  path: number,
  institutions: Institutions,
  variants: number,
  sums: (variant: number, yearIndex: number) => Float64Array,
  block: (variant: number, yearIndex: number) => Float64Array,
): void {
  closeSupervision({ compiled: setup.compiled, rules: setup.rules, keys, path, plan: s.plan, institutions, variants, sums, block });
}

