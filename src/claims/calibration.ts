/**
 * Calibration of utilisation and costs: the simulated counterparts of the published 2021 figures
 * (data/calibration/targets-2021.csv), computed from a generated and settled sample.
 *
 * Definitions, as the bulletin's: hospitalisation rate = admissions / insured members; an admission is
 * an inpatient claim opening one, or an emergency observation that converted (its cost counts with the
 * admission's); cost per admission by level, 一级及以下 = community + primary; visits per member count
 * outpatient (门诊统筹) and chronic (门诊慢特病) claims, pharmacy purchases are not counted; the
 * policy-range inpatient ratio = pooled fund / (deductible + pooled fund + copay + above cap) over
 * admissions, i.e. the fund's share of the in-scope cost after 乙类 and out-of-area first self-pay.
 */
import { readFileSync } from 'node:fs';
import { defaultPolicyFile } from '../cli/paths.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { populationAssumptions, type PopulationAssumptions } from '../population/assumptions.js';
import type { MemberBlock } from '../population/block.js';
import { SCHEME_OF_TYPE } from '../population/compile.js';
import { PERSON_TYPES } from '../policy/vocabulary.js';
import { dataFile, parseCsv } from '../population/dataFiles.js';
import { createMembers } from '../population/members.js';
import { fillPersonColumns } from '../population/persons.js';
import { runKeys } from '../random/keys.js';
import { allocateAccumulators, allocatePersons, allocateResults, CLAIM_ADMITTED, CLAIM_NEW_ADMISSION, OUT, OUT_STRIDE } from '../settlement/columns.js';
import { compilePolicy } from '../settlement/compile.js';
import { settleBatch } from '../settlement/kernel.js';
import { utilisationAssumptions, type UtilisationAssumptions } from './assumptions.js';
import { allocateClaimBuffer, type ClaimBuffer } from './buffer.js';
import { SETTING } from './compile.js';
import { generateClaims } from './generate.js';
import { claimsMacroAt } from './inflation.js';

export type SchemeName = 'employee' | 'resident';

/** A simulated figure, keyed as the targets file is: metric, scheme, group, level. */
export interface Figure {
  metric: string;
  scheme: SchemeName;
  /** 'all', or a person type (inService, retired). */
  group: string;
  /** 'all', 'tertiary', 'secondary' or 'primaryAndBelow'. */
  level: string;
  value: number;
  /** Sampling standard error of the value (delta method for ratios). */
  standardError: number;
  /** Units the figure averages over (members, admissions or visits). */
  n: number;
}

export interface CalibrationSample {
  members: MemberBlock;
  claims: ClaimBuffer;
  /** Settlement results, OUT_STRIDE per claim. */
  out: Float64Array;
}

const SCHEMES: SchemeName[] = ['employee', 'resident'];
const LEVEL_GROUPS = ['primaryAndBelow', 'primaryAndBelow', 'secondary', 'tertiary'] as const;

/** Σy/Σx over units (members, admissions, visits) with its delta-method standard error. */
class Ratio {
  n = 0;
  x = 0;
  y = 0;
  xx = 0;
  yy = 0;
  xy = 0;
  add(y: number, x = 1): void {
    this.n++;
    this.x += x;
    this.y += y;
    this.xx += x * x;
    this.yy += y * y;
    this.xy += x * y;
  }
  get value(): number {
    return this.y / this.x;
  }
  /** sqrt(Σ(y - R x)²) / Σx, with Σ(y - R x)² expanded. */
  get standardError(): number {
    const r = this.value;
    const ss = this.yy - 2 * r * this.xy + r * r * this.xx;
    return Math.sqrt(Math.max(0, ss)) / this.x;
  }
}

export function calibrationFigures(sample: CalibrationSample): Figure[] {
  const { members, claims, out } = sample;
  const m = members.length;
  // Per member: admissions, outpatient and chronic visits.
  const admissionsOf = new Float64Array(m);
  const outpatientOf = new Float64Array(m);
  const chronicOf = new Float64Array(m);
  const cells = new Map<string, Ratio>();
  const cell = (key: string) => {
    let r = cells.get(key);
    if (!r) cells.set(key, (r = new Ratio()));
    return r;
  };
  // The admission being summed: its scheme, level, cost (fen), days, fund and range.
  let open = false;
  let k = 0;
  let level = 0;
  let cost = 0;
  let days = 0;
  let fund = 0;
  let range = 0;
  const close = () => {
    if (!open) return;
    cell(`cost/${k}/all`).add(cost / 100);
    cell(`cost/${k}/${LEVEL_GROUPS[level]}`).add(cost / 100);
    cell(`stay/${k}`).add(days);
    cell(`ratio/${k}`).add(fund, range);
    open = false;
  };
  for (let c = 0; c < claims.length; c++) {
    const p = claims.person[c]!;
    const s = claims.setting[c]!;
    const flags = claims.flags[c]!;
    const bill = claims.classA[c]! + claims.classB[c]! + claims.classC[c]!;
    const opens = (s === SETTING.inpatient && flags & CLAIM_NEW_ADMISSION) || (s === SETTING.emergencyObservation && flags & CLAIM_ADMITTED);
    const continues = s === SETTING.inpatient && !(flags & CLAIM_NEW_ADMISSION);
    if (opens || !continues) close();
    if (opens) {
      open = true;
      k = SCHEME_OF_TYPE[members.type[p]!]!;
      level = claims.level[c]!;
      cost = days = fund = range = 0;
      admissionsOf[p]++;
    }
    if (opens || continues) {
      const o = c * OUT_STRIDE;
      cost += bill;
      days += claims.lengthOfStay[c]!;
      fund += out[o + OUT.pooledFund]!;
      range += out[o + OUT.deductible]! + out[o + OUT.pooledFund]! + out[o + OUT.copay]! + out[o + OUT.aboveCap]!;
    } else if (s === SETTING.outpatient) {
      outpatientOf[p]++;
      cell(`opCost/${SCHEME_OF_TYPE[members.type[p]!]}`).add(bill / 100);
    } else if (s === SETTING.chronic) {
      chronicOf[p]++;
      cell(`chCost/${SCHEME_OF_TYPE[members.type[p]!]}`).add(bill / 100);
    }
  }
  close();
  for (let i = 0; i < m; i++) {
    if (members.alive[i] !== 1) continue;
    const type = members.type[i]!;
    const scheme = SCHEME_OF_TYPE[type]!;
    cell(`rate/${scheme}/all`).add(admissionsOf[i]!);
    cell(`rate/${scheme}/${PERSON_TYPES[type]}`).add(admissionsOf[i]!);
    cell(`op/${scheme}`).add(outpatientOf[i]!);
    cell(`ch/${scheme}`).add(chronicOf[i]!);
  }

  const figures: Figure[] = [];
  const add = (metric: string, scheme: number, key: string, group = 'all', level = 'all') => {
    const r = cells.get(key);
    if (r) figures.push({ metric, scheme: SCHEMES[scheme]!, group, level, value: r.value, standardError: r.standardError, n: r.n });
  };
  for (let scheme = 0; scheme < 2; scheme++) {
    add('hospitalisationRate', scheme, `rate/${scheme}/all`);
    add('costPerAdmission', scheme, `cost/${scheme}/all`);
    for (const lv of ['tertiary', 'secondary', 'primaryAndBelow']) add('costPerAdmission', scheme, `cost/${scheme}/${lv}`, 'all', lv);
    add('averageLengthOfStay', scheme, `stay/${scheme}`);
    add('outpatientVisitsPerMember', scheme, `op/${scheme}`);
    add('outpatientCostPerVisit', scheme, `opCost/${scheme}`);
    add('chronicVisitsPerMember', scheme, `ch/${scheme}`);
    add('chronicCostPerVisit', scheme, `chCost/${scheme}`);
    add('policyRangeInpatientRatio', scheme, `ratio/${scheme}`);
  }
  for (const type of ['inService', 'retired']) add('hospitalisationRate', 0, `rate/0/${type}`, type);
  return figures;
}

export interface CalibrationRun {
  slots?: number;
  seed?: number | string;
  year?: number;
  /** Prices of `year` relative to the utilisation's cost year (default 1). */
  costIndex?: number;
  policy?: Policy;
  population?: PopulationAssumptions;
  utilisation?: UtilisationAssumptions;
}

/** Generate one year for `slots` members of path 0, settle it under the policy, and compute the figures. */
export function simulateCalibration(run: CalibrationRun = {}): { figures: Figure[]; sample: CalibrationSample } {
  const keys = runKeys(run.seed ?? 2021);
  const year = run.year ?? 2021;
  const population = run.population ?? populationAssumptions.parse({});
  const utilisation = run.utilisation ?? utilisationAssumptions.parse({});
  const policy = run.policy ?? loadPolicy(defaultPolicyFile()).policy;
  const members = createMembers(population, keys, 0, 0, run.slots ?? 20_000, year);
  const claims = allocateClaimBuffer(members.length * 5, members.length);
  generateClaims(utilisation, keys, 0, year, members, claims, { macro: claimsMacroAt(utilisation, year, run.costIndex ?? 1) });
  const persons = allocatePersons(members.length);
  fillPersonColumns(members, persons, policy.resident?.elderlyAge);
  const out = allocateResults(claims.length);
  settleBatch(compilePolicy(policy), claims, persons, allocateAccumulators(members.length), out);
  const sample = { members, claims, out };
  return { figures: calibrationFigures(sample), sample };
}

/** A published target (data/calibration/targets-2021.csv). */
export interface CalibrationTarget {
  metric: string;
  scheme: SchemeName;
  group: string;
  level: string;
  value: number;
  unit: string;
  /** Relative tolerance the default scenario must meet; NaN when the row is for information only. */
  tolerance: number;
  /** Which part of the toolkit computes the simulated figure: 'claims' (calibrationFigures) or 'fund'. */
  computedBy: string;
  source: string;
  derivation: string;
  confidence: string;
}

export function loadCalibrationTargets(file = dataFile('calibration', 'targets-2021.csv')): CalibrationTarget[] {
  return parseCsv(readFileSync(file, 'utf8')).map((r) => ({
    metric: r['metric']!,
    scheme: r['scheme'] as SchemeName,
    group: r['group']!,
    level: r['level']!,
    value: Number(r['value']),
    unit: r['unit']!,
    tolerance: r['tolerance'] ? Number(r['tolerance']) : NaN,
    computedBy: r['computed_by']!,
    source: r['source']!,
    derivation: r['derivation']!,
    confidence: r['confidence']!,
  }));
}

export interface Comparison {
  target: CalibrationTarget;
  simulated: number;
  /** (simulated - target) / target, and the sample's standard error on the same relative scale. */
  relativeError: number;
  relativeStandardError: number;
  /** Within the target's tolerance. */
  ok: boolean;
}

/** Targets computed by the claims side, each with its simulated figure (NaN when the sample has none). */
export function compareToTargets(figures: readonly Figure[], targets: readonly CalibrationTarget[]): Comparison[] {
  return targets
    .filter((t) => t.computedBy === 'claims')
    .map((target) => {
      const f = figures.find((x) => x.metric === target.metric && x.scheme === target.scheme && x.group === target.group && x.level === target.level);
      const simulated = f ? f.value : NaN;
      const relativeError = (simulated - target.value) / target.value;
      const relativeStandardError = f ? f.standardError / target.value : NaN;
      return { target, simulated, relativeError, relativeStandardError, ok: Number.isNaN(target.tolerance) || Math.abs(relativeError) <= target.tolerance };
    });
}
