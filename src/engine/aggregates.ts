/**
 * What leaves a worker: small, mergeable aggregates per (variant, year) for one path and member block.
 * Every cell is a sum of integers (fen or counts), so sums are exact in a double (< 2^53) and the merged
 * result is bit-identical for any chunk size, worker count or merge order. (We still merge in a fixed order.)
 *
 * One block of BLOCK cells per (variant, year), laid out as:
 *   claims  [personType][setting][level][CLAIM_FIELDS]   sums over settled claims
 *   area    [scheme][location][AREA_FIELDS]              out-of-area care (异地就医)
 *   members [personType][ageBand][MEMBER_FIELDS]         member-years, events, burden
 *   money   [personType][MONEY_FIELDS]                   contribution bases, contributions, accounts
 *   oop     [scheme][OOP_BINS]                           member-year out-of-pocket histogram
 *   paired  [personType][ageBand][PAIRED_FIELDS]         reform vs baseline, per member-year (variant > 0)
 *   pairedSetting [personType][setting][PAIRED_FIELDS]   the same for each setting's out-of-pocket
 */
import { LEVELS, LOCATIONS, PERSON_TYPES, SCHEMES, SETTINGS } from '../policy/vocabulary.js';
import { OUT_FIELDS } from '../settlement/columns.js';

/** Lower bounds of the age bands used in every by-age table. */
export const AGE_BANDS = [0, 7, 18, 35, 45, 55, 60, 65, 75, 85] as const;
export const AGE_BAND_LABELS = ['0-6', '7-17', '18-34', '35-44', '45-54', '55-59', '60-64', '65-74', '75-84', '85+'] as const;

export function ageBandOf(age: number): number {
  let band = 0;
  while (band + 1 < AGE_BANDS.length && age >= AGE_BANDS[band + 1]!) band++;
  return band;
}

/** count = claims; episodes = admissions opened (住院人次); bill; then the twelve settlement outputs. */
export const CLAIM_FIELDS = ['count', 'episodes', 'bill', ...OUT_FIELDS] as const;
export const AREA_FIELDS = ['count', 'bill', 'pooledFund'] as const;
/** oop = the patient's share (account + family account + cash); catastrophic = member-years above the threshold. */
export const MEMBER_FIELDS = ['memberYears', 'deaths', 'exits', 'entrants', 'retirements', 'withClaims', 'bill', 'oop', 'catastrophic'] as const;
export const MONEY_FIELDS = [
  'contributionBase',
  'employeeContribution',
  'employerContribution',
  'accountCredit',
  'accountInterest',
  'accountOpening',
  'accountClosing',
  'accountLeavers',
] as const;
/** Out-of-pocket bins: [0] exactly zero, then log-spaced upper bounds from 10 yuan to 10 million yuan. */
export const OOP_BINS = 64;
export const PAIRED_FIELDS = ['gainers', 'losers', 'deltaOop'] as const;

const NT = PERSON_TYPES.length;
const NS = SETTINGS.length;
const NL = LEVELS.length;
const NA = AGE_BANDS.length;

export const OFFSET = (() => {
  const claims = 0;
  const area = claims + NT * NS * NL * CLAIM_FIELDS.length;
  const members = area + SCHEMES.length * LOCATIONS.length * AREA_FIELDS.length;
  const money = members + NT * NA * MEMBER_FIELDS.length;
  const oop = money + NT * MONEY_FIELDS.length;
  const paired = oop + SCHEMES.length * OOP_BINS;
  const pairedSetting = paired + NT * NA * PAIRED_FIELDS.length;
  const end = pairedSetting + NT * NS * PAIRED_FIELDS.length;
  return { claims, area, members, money, oop, paired, pairedSetting, end };
})();
export const BLOCK = OFFSET.end;

export const claimCell = (type: number, setting: number, level: number, field: number) =>
  OFFSET.claims + ((type * NS + setting) * NL + level) * CLAIM_FIELDS.length + field;
export const areaCell = (scheme: number, location: number, field: number) =>
  OFFSET.area + (scheme * LOCATIONS.length + location) * AREA_FIELDS.length + field;
export const memberCell = (type: number, band: number, field: number) => OFFSET.members + (type * NA + band) * MEMBER_FIELDS.length + field;
export const moneyCell = (type: number, field: number) => OFFSET.money + type * MONEY_FIELDS.length + field;
export const oopCell = (scheme: number, bin: number) => OFFSET.oop + scheme * OOP_BINS + bin;
export const pairedCell = (type: number, band: number, field: number) => OFFSET.paired + (type * NA + band) * PAIRED_FIELDS.length + field;
export const pairedSettingCell = (type: number, setting: number, field: number) => OFFSET.pairedSetting + (type * NS + setting) * PAIRED_FIELDS.length + field;

const OOP_LOG_LOW = Math.log(1000); // 10 yuan in fen
const OOP_LOG_HIGH = Math.log(1_000_000_000); // 10 million yuan in fen

/** Histogram bin of an out-of-pocket amount in fen. */
export function oopBin(fen: number): number {
  if (fen <= 0) return 0;
  const x = (Math.log(fen) - OOP_LOG_LOW) / (OOP_LOG_HIGH - OOP_LOG_LOW);
  const bin = 1 + Math.floor(Math.max(0, x) * (OOP_BINS - 2));
  return bin > OOP_BINS - 1 ? OOP_BINS - 1 : bin;
}

/** Upper bound in fen of an out-of-pocket bin (bin 0 is exactly zero). */
export function oopBinUpper(bin: number): number {
  if (bin === 0) return 0;
  if (bin >= OOP_BINS - 1) return Infinity;
  return Math.exp(OOP_LOG_LOW + (bin / (OOP_BINS - 2)) * (OOP_LOG_HIGH - OOP_LOG_LOW));
}

/** A (variant, year) block's offset in a chunk's result: index = variant * years + yearIndex. */
export function blockOffset(variant: number, yearIndex: number, years: number): number {
  return (variant * years + yearIndex) * BLOCK;
}

export function addInto(target: Float64Array, source: Float64Array): void {
  if (target.length !== source.length) throw new RangeError(`aggregate sizes differ: ${target.length} vs ${source.length}`);
  for (let i = 0; i < target.length; i++) target[i] += source[i]!;
}
