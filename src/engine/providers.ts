/**
 * The institution, payment and cash-flow models as the engine runs them. `providerSetup` reads what the
 * scenario names (agreement rules, case groups, cash-flow preset or file) once per thread; every problem
 * is reported against the scenario before anything runs. `pathProviders` builds a path's institutions
 * and runs their agreement lifecycle year by year: keyed by (seed, path, institution, year), so any thread
 * building it gets the same pool. The main thread builds each path once (≈ 15 ms) and sends the part the
 * workers need with every chunk of the path (`pathShare`): with a few chunks a path, each worker ran some of
 * nearly every path, and building them all again took ≈ 7% of its time in the default scenario.
 */
import { dirname, resolve } from 'node:path';
import { resolveCashflow, type CashflowAssumptions } from '../cashflow/assumptions.js';
import { InputError, type Problem } from '../input/inputError.js';
import { checkGroundChances, type InstitutionSection } from '../institutions/assumptions.js';
import { shareTable, type ShareTable } from '../institutions/assign.js';
import { generateInstitutions, type Institutions } from '../institutions/generate.js';
import { advancePool, initialStates, type PoolStatuses, type PoolYear } from '../institutions/pool.js';
import { agreementRulesFile, loadAgreementRules, type AgreementRules } from '../institutions/rules.js';
import { paymentReformed, type PaymentAssumptions } from '../payment/assumptions.js';
import type { ProviderModels } from '../payment/chunk.js';
import { loadCaseGroups, type CaseGroups } from '../payment/groups.js';
import { compilePayment, type CompiledPayment } from '../payment/sums.js';
import { pathSupervision, supervisionModels, supervisionSetup, type PathSupervision, type SupervisionSetup } from '../supervision/engine.js';
import type { LastYearPaid, SupervisionPlan } from '../supervision/plan.js';
import type { RunSpec } from './spec.js';

export interface ProviderSetup {
  institutions: InstitutionSection;
  rules: AgreementRules;
  groups: CaseGroups;
  payment: PaymentAssumptions;
  compiled: CompiledPayment;
  cashflow: CashflowAssumptions;
  /** Some care is paid otherwise than fee for service: quality deposits can then be forfeited. */
  reformed: boolean;
  /** Fund supervision (null: off). */
  supervision: SupervisionSetup | null;
}

export function providerSetup(spec: RunSpec): ProviderSetup {
  const { scenario, scenarioFile } = spec;
  const dir = dirname(resolve(scenarioFile));
  const problems: Problem[] = [];
  /** Run `load`; its problems join the list, a file that cannot be read named at the scenario field pointing to it. */
  const attempt = <T>(load: () => T, section: string, field: string | readonly string[] | undefined, value: unknown): T | undefined => {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) {
        if (p.file === scenarioFile) problems.push({ ...p, path: [section, ...p.path] });
        else if (p.path.length === 0 && p.line === undefined) problems.push({ file: scenarioFile, path: [section, ...(field === undefined ? [] : typeof field === 'string' ? [field] : field)], value, message: `${p.message}: ${p.file}` });
        else problems.push(p);
      }
      return undefined;
    }
  };
  const inst = scenario.institutions;
  const rules = attempt(() => loadAgreementRules(agreementRulesFile(inst.rules, dir)), 'institutions', 'rules', inst.rules);
  if (rules) attempt(() => checkGroundChances(inst, rules, scenarioFile), 'institutions', 'lifecycle', undefined);
  const { payment } = scenario;
  const { caseGroups } = payment;
  const groups = attempt(() => loadCaseGroups(caseGroups === undefined ? undefined : resolve(dir, caseGroups)), 'payment', 'caseGroups', caseGroups);
  const compiled = groups && attempt(() => compilePayment(payment, groups, scenarioFile), 'payment', 'perDisease', undefined);
  const cashflow = attempt(() => resolveCashflow(scenario.cashflow, dir), 'cashflow', undefined, scenario.cashflow);
  // The file that cannot be read is the one sanctions.rules names (the default file is always there).
  const supervision = attempt(() => supervisionSetup(scenario.supervision, dir, scenarioFile), 'supervision', ['sanctions', 'rules'], scenario.supervision.sanctions.rules);
  if (problems.length > 0 || !rules || !groups || !compiled || !cashflow || supervision === undefined) throw new InputError(problems);
  return { institutions: inst, rules, groups, payment, compiled, cashflow, reformed: paymentReformed(payment), supervision };
}

/** What a worker runs a path's chunks with. */
export interface ChunkProviders {
  models: ProviderModels;
  /** By year index: each institution's status by month and, with agreement terms, the hospitals' 甲类 shares. */
  pools: PoolStatuses[];
  /** The path's supervision plan (its sanctions are already in the pools' statuses), or null. */
  supervision: PathSupervision | null;
}

/** A path's institutions, the models the workers run on them, and the pool's year outcomes by year index. */
export interface PathProviders extends ChunkProviders {
  institutions: Institutions;
  pools: PoolYear[];
}

/** The part of a path's ChunkProviders that is the path's own (the rest is the run's setup): sent with its chunks. */
export interface PathShare {
  institutionType: Uint8Array;
  table: ShareTable;
  pools: PoolStatuses[];
  plan: SupervisionPlan | null;
}

export function pathShare(p: PathProviders): PathShare {
  const pools = p.pools.map(({ monthly, terms }) => (terms ? { monthly, terms } : { monthly }));
  return { institutionType: p.institutions.type, table: p.models.table, pools, plan: p.supervision?.plan ?? null };
}

/** A path's ChunkProviders from its share and the run's setup (what pathProviders gives, without building the pool). */
export function chunkProviders(setup: ProviderSetup, share: PathShare): ChunkProviders {
  const { institutionType, table, pools, plan } = share;
  const supervision = setup.supervision && plan ? { models: supervisionModels(setup.supervision, institutionType), plan } : null;
  return { models: providerModels(setup, institutionType.length, table), pools, supervision };
}

function providerModels(setup: ProviderSetup, institutions: number, table: ShareTable): ProviderModels {
  return { institutions, table, groups: setup.groups, payment: setup.payment, compiled: setup.compiled, cashflow: setup.cashflow };
}

/** `lastYearPaid`: the basis of the supervision plan's top-spender ranking (supervision/plan.ts). */
export function pathProviders(setup: ProviderSetup, spec: RunSpec, path: number, lastYearPaid?: LastYearPaid): PathProviders {
  const { keys, years } = spec;
  const institutions = generateInstitutions(setup.institutions, keys, path, years[0]!);
  let states = initialStates(institutions);
  const pools = years.map((year) => {
    const pool = advancePool(setup.institutions, setup.rules, keys, path, institutions, states, year);
    states = pool.states;
    return pool;
  });
  const models = providerModels(setup, institutions.length, shareTable(institutions));
  const supervision = setup.supervision && pathSupervision(setup.supervision, keys, path, institutions, pools, years, lastYearPaid);
  return { institutions, models, pools, supervision };
}
