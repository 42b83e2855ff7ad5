/**
 * Compile a validated policy into flat typed-array tables for the batch kernel: integer fen,
 * ratios in basis points, one row per person type (× benefit setting × hospital level).
 * Keyed values were already resolved by the schema, so this is a plain copy with unit changes.
 */
import { BP, ratioToBp, yuanToFen } from '../money/fen.js';
import type { Band, Policy, SchemePolicy } from '../policy/schema.js';
import {
  BENEFIT_SETTINGS,
  CAUSES,
  LEVELS,
  LOCATIONS,
  PERSON_TYPES,
  SETTINGS,
  schemeOf,
  type PersonType,
} from '../policy/vocabulary.js';

export const NC = PERSON_TYPES.length;
export const NB = BENEFIT_SETTINGS.length;
export const NL = LEVELS.length;
export const NLOC = LOCATIONS.length;
export const MAX_BANDS = 8;

/** Bits of the serious-illness basis mask and the personal-account component mask. */
export const BURDEN_BIT = { deductible: 1, copay: 2, aboveCap: 4 } as const;
export const COMPONENT_BIT = { outOfScope: 1, firstSelfPay: 2, deductible: 4, copay: 8, aboveCap: 16 } as const;

export interface CompiledPolicy {
  id: string;
  hasClass: Uint8Array;
  pooled: Uint8Array;
  classBBp: Float64Array;
  annualDeductible: Float64Array;
  admissionDeductible: Float64Array;
  bandBasisAdmission: Uint8Array;
  bandCount: Uint8Array;
  bandFrom: Float64Array;
  bandTo: Float64Array;
  bandBp: Float64Array;
  poolCap: Float64Array;
  fundCap: Float64Array;
  fundCapMask: Uint8Array;
  areaReductionBp: Float64Array;
  areaFirstSelfPayBp: Float64Array;
  excludedMask: Uint16Array;
  siMask: Uint8Array;
  siBasisMask: Uint8Array;
  siDeductible: Float64Array;
  siCap: Float64Array;
  siBandCount: Uint8Array;
  siBandFrom: Float64Array;
  siBandTo: Float64Array;
  siBandBp: Float64Array;
  asMask: Uint8Array;
  asDeductible: Float64Array;
  asBp: Float64Array;
  asCap: Float64Array;
  bsMask: Uint8Array;
  bsTargetBp: Float64Array;
  bsBasisTotal: Uint8Array;
  paSettingMask: Uint8Array;
  paComponentMask: Uint8Array;
  famEnabled: Uint8Array;
  famMinHistoric: Float64Array;
  famMinClaim: Float64Array;
  famMinRemaining: Float64Array;
}

function allocate(id: string): CompiledPolicy {
  const f = (n: number) => new Float64Array(n);
  const u = (n: number) => new Uint8Array(n);
  const bands = NC * NB * NL * MAX_BANDS;
  return {
    id,
    hasClass: u(NC),
    pooled: u(NC * NB),
    classBBp: f(NC * NB),
    annualDeductible: f(NC * NB),
    admissionDeductible: f(NC * NL * 2),
    bandBasisAdmission: u(NC),
    bandCount: u(NC * NB * NL),
    bandFrom: f(bands),
    bandTo: f(bands),
    bandBp: f(bands),
    poolCap: f(NC * NB).fill(Infinity),
    fundCap: f(NC).fill(Infinity),
    fundCapMask: u(NC),
    areaReductionBp: f(NC * NLOC),
    areaFirstSelfPayBp: f(NC * NLOC),
    excludedMask: new Uint16Array(NC),
    siMask: u(NC),
    siBasisMask: u(NC),
    siDeductible: f(NC),
    siCap: f(NC).fill(Infinity),
    siBandCount: u(NC),
    siBandFrom: f(NC * MAX_BANDS),
    siBandTo: f(NC * MAX_BANDS),
    siBandBp: f(NC * MAX_BANDS),
    asMask: u(NC),
    asDeductible: f(NC),
    asBp: f(NC),
    asCap: f(NC).fill(Infinity),
    bsMask: u(NC),
    bsTargetBp: f(NC),
    bsBasisTotal: u(NC),
    paSettingMask: u(NC),
    paComponentMask: u(NC),
    famEnabled: u(NC),
    famMinHistoric: f(NC),
    famMinClaim: f(NC),
    famMinRemaining: f(NC),
  };
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? Infinity : yuanToFen(yuan));
const maskOf = (names: readonly string[], vocabulary: readonly string[]) => names.reduce((m, n) => m | (1 << vocabulary.indexOf(n)), 0);

function writeBands(bands: readonly Band[], from: Float64Array, to: Float64Array, bp: Float64Array, at: number): number {
  if (bands.length > MAX_BANDS) throw new RangeError(`at most ${MAX_BANDS} bands are supported, got ${bands.length}`);
  bands.forEach((b, k) => {
    from[at + k] = yuanToFen(b.from);
    to[at + k] = b.to === undefined ? Infinity : yuanToFen(b.to);
    bp[at + k] = ratioToBp(b.ratio);
  });
  return bands.length;
}

function asBandList(spec: number | readonly Band[]): readonly Band[] {
  return typeof spec === 'number' ? [{ from: 0, ratio: spec }] : spec;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const t = allocate(policy.id);
  PERSON_TYPES.forEach((type, c) => {
    const scheme = policy[schemeOf(type)];
    if (scheme) compileClass(t, scheme, type, c);
  });
  return t;
}

function compileClass(t: CompiledPolicy, s: SchemePolicy, type: PersonType, c: number): void {
  t.hasClass[c] = 1;
  BENEFIT_SETTINGS.forEach((b, k) => {
    const i = c * NB + k;
    t.pooled[i] = b === 'inpatient' ? 1 : s[b].pooled ? 1 : 0;
    t.classBBp[i] = ratioToBp(s[b].classBFirstSelfPay ?? s.classBFirstSelfPay);
    if (b === 'outpatient' || b === 'chronic') {
      t.annualDeductible[i] = yuanToFen(s[b].deductible[type]!);
      t.poolCap[i] = fen(s[b].cap[type]);
    }
    if (b === 'inpatient') t.poolCap[i] = fen(s.inpatient.cap[type]);
    LEVELS.forEach((level, l) => {
      const spec = b === 'pharmacy' ? s.pharmacy.ratio[type]! : s[b].ratio[type]![level];
      const at = ((c * NB + k) * NL + l) * MAX_BANDS;
      t.bandCount[(c * NB + k) * NL + l] = writeBands(asBandList(spec), t.bandFrom, t.bandTo, t.bandBp, at);
    });
  });
  LEVELS.forEach((level, l) => {
    t.admissionDeductible[(c * NL + l) * 2] = yuanToFen(s.inpatient.deductible[type]![level]);
    const later = s.inpatient.laterAdmissionDeductible ?? s.inpatient.deductible;
    t.admissionDeductible[(c * NL + l) * 2 + 1] = yuanToFen(later[type]![level]);
  });
  t.bandBasisAdmission[c] = s.inpatient.bandBasis === 'admission' ? 1 : 0;
  t.fundCap[c] = yuanToFen(s.fundCap.amount[type]!);
  t.fundCapMask[c] = maskOf(s.fundCap.settings, BENEFIT_SETTINGS);
  LOCATIONS.forEach((loc, k) => {
    if (loc === 'local') return;
    t.areaReductionBp[c * NLOC + k] = ratioToBp(s.outOfArea[loc].ratioReduction);
    t.areaFirstSelfPayBp[c * NLOC + k] = ratioToBp(s.outOfArea[loc].firstSelfPay);
  });
  t.excludedMask[c] = maskOf(s.excludedCauses, CAUSES);
  compileLayers(t, s, type, c);
}

function compileLayers(t: CompiledPolicy, s: SchemePolicy, type: PersonType, c: number): void {
  const si = s.seriousIllness;
  if (si) {
    t.siMask[c] = maskOf(si.settings, BENEFIT_SETTINGS);
    t.siBasisMask[c] = si.basis.reduce((m, b) => m | BURDEN_BIT[b], 0);
    t.siDeductible[c] = yuanToFen(si.deductible[type]!);
    t.siCap[c] = fen(si.cap);
    t.siBandCount[c] = writeBands(si.bands, t.siBandFrom, t.siBandTo, t.siBandBp, c * MAX_BANDS);
  }
  const as = s.assistance;
  if (as) {
    t.asMask[c] = maskOf(as.settings, BENEFIT_SETTINGS);
    t.asDeductible[c] = yuanToFen(as.deductible);
    t.asBp[c] = ratioToBp(as.ratio);
    t.asCap[c] = fen(as.cap);
  }
  const bs = s.backstop;
  if (bs) {
    t.bsMask[c] = maskOf(bs.settings, BENEFIT_SETTINGS);
    t.bsTargetBp[c] = ratioToBp(bs.targetRatio);
    t.bsBasisTotal[c] = bs.basis === 'total' ? 1 : 0;
  }
  const pa = s.personalAccount;
  if (pa) {
    t.paSettingMask[c] = maskOf(pa.settings, SETTINGS);
    t.paComponentMask[c] = pa.components.reduce((m, k) => m | COMPONENT_BIT[k], 0);
    if (pa.familyUse) {
      t.famEnabled[c] = 1;
      t.famMinHistoric[c] = yuanToFen(pa.familyUse.minHistoricBalance);
      t.famMinClaim[c] = yuanToFen(pa.familyUse.minClaim);
      t.famMinRemaining[c] = yuanToFen(pa.familyUse.minRemaining);
    }
  }
}

export { BP };
