/**
 * Compile a validated policy into two flat tables for the batch kernel, in integer fen and ratios in
 * basis points: a claim row per (person type, benefit setting, hospital level) holding everything a claim
 * there needs, and a type row per person type for the layers and accounts. Yes/no facts are bits of one
 * field. Keyed values were already resolved by the schema, so this is a plain copy with unit changes.
 * Two tables (rather than an array per parameter) and packed flags keep the kernel's loads few.
 */
import { ratioToBp, yuanToFen } from '../money/fen.js';
import { MAX_BANDS, type Band, type Policy, type SchemePolicy } from '../policy/schema.js';
import {
  BENEFIT_SETTINGS,
  CAUSES,
  LEVELS,
  LOCATIONS,
  PERSON_TYPES,
  SETTINGS,
  schemeOf,
  type BenefitSetting,
  type PersonType,
} from '../policy/vocabulary.js';

/** Sizes of the vocabulary, as literals for the kernel (checked against the vocabulary below). */
export const enum Dim {
  types = 5,
  settings = 5,
  benefits = 4,
  levels = 4,
  locations = 3,
  causes = 9,
  bands = 8,
}
if (
  PERSON_TYPES.length !== Dim.types ||
  SETTINGS.length !== Dim.settings ||
  BENEFIT_SETTINGS.length !== Dim.benefits ||
  LEVELS.length !== Dim.levels ||
  LOCATIONS.length !== Dim.locations ||
  CAUSES.length !== Dim.causes ||
  MAX_BANDS !== Dim.bands
) {
  throw new Error('settlement/compile.ts: Dim no longer matches the vocabulary; update it');
}

/** Fields of a claim row (one per person type × benefit setting × hospital level). */
export const enum Row {
  /** RowFlag bits. */
  flags,
  classBBp,
  /** The annual deductible of the setting's pool (pharmacy: the outpatient pool's). */
  annualDeductible,
  firstAdmissionDeductible,
  laterAdmissionDeductible,
  /** The pool's own annual cap (Infinity when none). */
  poolCap,
  bandCount,
  /** Dim.bands × (from, to, ratio bp); `to` is Infinity for the open band. */
  bands,
  size = bands + 3 * Dim.bands,
}

/** Bits of Row.flags: yes/no facts of a claim row, one load for all of them. */
export const enum RowFlag {
  pooled = 1,
  bandBasisAdmission = 2,
  inFundCap = 4,
  seriousIllness = 8,
  assistance = 16,
  backstop = 32,
}

/** Fields of a type row (one per person type). */
export const enum TypeRow {
  /** TypeFlag bits, and bit fields at TypeShift: excluded causes, account settings and components. */
  flags,
  fundCap,
  /** + location (local is 0). */
  areaReductionBp,
  areaFirstSelfPayBp = areaReductionBp + Dim.locations,
  siDeductible = areaFirstSelfPayBp + Dim.locations,
  siCap,
  siBandCount,
  siBands,
  asDeductible = siBands + 3 * Dim.bands,
  asBp,
  asCap,
  bsTargetBp,
  familyMinHistoric,
  familyMinClaim,
  familyMinRemaining,
  size,
}

/** Bits of TypeRow.flags. */
export const enum TypeFlag {
  siBasisDeductible = 1,
  siBasisCopay = 2,
  siBasisAboveCap = 4,
  bsBasisTotal = 8,
  familyUse = 16,
}

/** Where the bit fields of TypeRow.flags start (24 bits in all, so the field stays an exact int32). */
export const enum TypeShift {
  /** A bit per cause (CAUSES order): the pooled fund never pays for it. */
  excludedCauses = 5,
  /** A bit per claim setting (SETTINGS order): the personal account pays there. */
  accountSettings = excludedCauses + Dim.causes,
  /** AccountComponent bits: the parts of the patient's share the account may pay. */
  accountComponents = accountSettings + Dim.settings,
}

/** Bits of the account-component field of TypeRow.flags. */
export const enum AccountComponent {
  outOfScope = 1,
  firstSelfPay = 2,
  deductible = 4,
  copay = 8,
  aboveCap = 16,
}

export interface CompiledPolicy {
  id: string;
  /** 1 for person types the policy has a scheme for. */
  hasType: Uint8Array;
  /** Claim rows, Row.size each, at ((type × Dim.benefits + benefit) × Dim.levels + level) × Row.size. */
  rows: Float64Array;
  /** Type rows, TypeRow.size each, at type × TypeRow.size. */
  types: Float64Array;
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? Infinity : yuanToFen(yuan));
/** A bit mask from a list of yes/no facts, e.g. [[RowFlag.pooled, true], ...]. */
const bits = (facts: readonly (readonly [number, boolean])[]) => facts.reduce((m, [bit, on]) => (on ? m | bit : m), 0);
/** A bit per listed name, by its index in the vocabulary. */
const maskOf = (names: readonly string[], vocabulary: readonly string[]) => vocabulary.reduce((m, v, k) => (names.includes(v) ? m | (1 << k) : m), 0);

function writeBands(bands: readonly Band[], table: Float64Array, at: number): void {
  if (bands.length > Dim.bands) throw new RangeError(`at most ${Dim.bands} bands are supported, got ${bands.length}`);
  bands.forEach((b, k) => {
    table[at + 3 * k] = yuanToFen(b.from);
    table[at + 3 * k + 1] = b.to === undefined ? Infinity : yuanToFen(b.to);
    table[at + 3 * k + 2] = ratioToBp(b.ratio);
  });
}

function asBandList(spec: number | readonly Band[]): readonly Band[] {
  return typeof spec === 'number' ? [{ from: 0, ratio: spec }] : spec;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const t: CompiledPolicy = {
    id: policy.id,
    hasType: new Uint8Array(Dim.types),
    rows: new Float64Array(Dim.types * Dim.benefits * Dim.levels * Row.size),
    types: new Float64Array(Dim.types * TypeRow.size),
  };
  PERSON_TYPES.forEach((type, c) => {
    const scheme = policy[schemeOf(type)];
    if (!scheme) return;
    t.hasType[c] = 1;
    BENEFIT_SETTINGS.forEach((b, k) => LEVELS.forEach((_, l) => compileRow(t.rows, ((c * Dim.benefits + k) * Dim.levels + l) * Row.size, scheme, type, b, l)));
    compileType(t.types, c * TypeRow.size, scheme, type);
  });
  return t;
}

function compileRow(rows: Float64Array, r: number, s: SchemePolicy, type: PersonType, b: BenefitSetting, l: number): void {
  const level = LEVELS[l]!;
  const pool = b === 'pharmacy' ? 'outpatient' : b;
  rows[r + Row.flags] = bits([
    [RowFlag.pooled, b === 'inpatient' || s[b].pooled],
    [RowFlag.bandBasisAdmission, s.inpatient.bandBasis === 'admission'],
    [RowFlag.inFundCap, s.fundCap.settings.includes(b)],
    [RowFlag.seriousIllness, !!s.seriousIllness?.settings.includes(b)],
    [RowFlag.assistance, !!s.assistance?.settings.includes(b)],
    [RowFlag.backstop, !!s.backstop?.settings.includes(b)],
  ]);
  rows[r + Row.classBBp] = ratioToBp(s[b].classBFirstSelfPay ?? s.classBFirstSelfPay);
  rows[r + Row.annualDeductible] = pool === 'inpatient' ? 0 : yuanToFen(s[pool].deductible[type]!);
  rows[r + Row.firstAdmissionDeductible] = yuanToFen(s.inpatient.deductible[type]![level]);
  rows[r + Row.laterAdmissionDeductible] = yuanToFen((s.inpatient.laterAdmissionDeductible ?? s.inpatient.deductible)[type]![level]);
  rows[r + Row.poolCap] = fen(s[pool].cap[type]);
  const bands = asBandList(b === 'pharmacy' ? s.pharmacy.ratio[type]! : s[b].ratio[type]![level]);
  rows[r + Row.bandCount] = bands.length;
  writeBands(bands, rows, r + Row.bands);
}

function compileType(types: Float64Array, y: number, s: SchemePolicy, type: PersonType): void {
  const si = s.seriousIllness;
  const bs = s.backstop;
  const pa = s.personalAccount;
  const flags = bits([
    [TypeFlag.siBasisDeductible, !!si?.basis.includes('deductible')],
    [TypeFlag.siBasisCopay, !!si?.basis.includes('copay')],
    [TypeFlag.siBasisAboveCap, !!si?.basis.includes('aboveCap')],
    [TypeFlag.bsBasisTotal, bs?.basis === 'total'],
    [TypeFlag.familyUse, !!pa?.familyUse],
  ]);
  const accountSettings = pa ? maskOf(pa.settings, SETTINGS) : 0;
  const accountComponents = pa
    ? bits([
        [AccountComponent.outOfScope, pa.components.includes('outOfScope')],
        [AccountComponent.firstSelfPay, pa.components.includes('firstSelfPay')],
        [AccountComponent.deductible, pa.components.includes('deductible')],
        [AccountComponent.copay, pa.components.includes('copay')],
        [AccountComponent.aboveCap, pa.components.includes('aboveCap')],
      ])
    : 0;
  types[y + TypeRow.flags] =
    flags |
    (maskOf(s.excludedCauses, CAUSES) << TypeShift.excludedCauses) |
    (accountSettings << TypeShift.accountSettings) |
    (accountComponents << TypeShift.accountComponents);
  types[y + TypeRow.fundCap] = yuanToFen(s.fundCap.amount[type]!);
  LOCATIONS.forEach((loc, k) => {
    if (loc === 'local') return;
    types[y + TypeRow.areaReductionBp + k] = ratioToBp(s.outOfArea[loc].ratioReduction);
    types[y + TypeRow.areaFirstSelfPayBp + k] = ratioToBp(s.outOfArea[loc].firstSelfPay);
  });
  if (si) {
    types[y + TypeRow.siDeductible] = yuanToFen(si.deductible[type]!);
    types[y + TypeRow.siCap] = fen(si.cap);
    types[y + TypeRow.siBandCount] = si.bands.length;
    writeBands(si.bands, types, y + TypeRow.siBands);
  }
  const as = s.assistance;
  if (as) {
    types[y + TypeRow.asDeductible] = yuanToFen(as.deductible);
    types[y + TypeRow.asBp] = ratioToBp(as.ratio);
    types[y + TypeRow.asCap] = fen(as.cap);
  }
  if (bs) types[y + TypeRow.bsTargetBp] = ratioToBp(bs.targetRatio);
  if (pa?.familyUse) {
    types[y + TypeRow.familyMinHistoric] = yuanToFen(pa.familyUse.minHistoricBalance);
    types[y + TypeRow.familyMinClaim] = yuanToFen(pa.familyUse.minClaim);
    types[y + TypeRow.familyMinRemaining] = yuanToFen(pa.familyUse.minRemaining);
  }
}
