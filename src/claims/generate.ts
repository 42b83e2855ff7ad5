/**
 * Generating one year of claims for a block of members into a reusable claim buffer.
 *
 * Per member-year: a shared health shock (Gamma, mean 1) times the member's persistent frailty gives
 * Poisson-gamma (over-dispersed) counts per setting, each inverted from its own draw, and the k-th claim
 * of a setting has its own stream (day, level, place, cause, cost, 甲/乙/丙 split), so a claim's draws do
 * not depend on the member's claims in other settings, nor on the policy (common random numbers).
 * Admissions draw a length of stay and a cost tied to it; some come through emergency observation:
 * then an observation claim (ADMITTED) comes first and the admission continues it (not a new one,
 * sharing its deductible). A member's claims are written in date order; members in block order.
 */
import { AGES, SCHEME_OF_TYPE } from '../population/compile.js';
import { daysInYear, MEMBER_CHRONIC, MEMBER_OUT_OF_AREA, type MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream, POISSON_INVERSION_MAX, poissonInverse } from '../random/stream.js';
import { CLAIM_INDEX_BITS, STREAM } from '../random/streamIds.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../settlement/columns.js';
import type { UtilisationAssumptions } from './assumptions.js';
import { reserveClaims, reserveMembers, type ClaimBuffer } from './buffer.js';
import { compileUtilisation, NL, NS, NT, SETTING, type CompiledUtilisation } from './compile.js';
import { claimsMacro, type ClaimsMacro } from './inflation.js';

export interface GenerateOptions {
  /**
   * Optional utilisation multiplier per member and setting (behavioural response), member-major:
   * demand[i * SETTINGS.length + setting] (SETTINGS order). Absent: 1.
   */
  demand?: Float32Array;
  /** The year's cost and utilisation indices; default: the path's own (claimsMacro). */
  macro?: ClaimsMacro;
}

// Local copies of shared constants: a module-level const here is cheaper to read than an import.
const OUTPATIENT = SETTING.outpatient;
const CHRONIC = SETTING.chronic;
const INPATIENT = SETTING.inpatient;
const PHARMACY = SETTING.pharmacy;
const EMERGENCY = SETTING.emergencyObservation;
const LEVEL_COUNT = NL;
const SETTING_COUNT = NS;
const TYPE_COUNT = NT;
const AGE_COUNT = AGES;
const CLAIM_STREAM = STREAM.claimBase;
const COUNT_STREAM = STREAM.counts;
const BIG_COUNT_STREAM = STREAM.countBase;
const INDEX_BITS = CLAIM_INDEX_BITS;
const LOCAL = 0;
const REGISTERED = 1;
const UNREGISTERED = 2;
/** Sort key: day * SEQ + order of generation, so an admitted observation precedes its admission. */
const SEQ = 65536;

/** One member's claims before they are put in date order. */
class Scratch {
  n = 0;
  capacity = 64;
  key = new Float64Array(this.capacity);
  setting = new Uint8Array(this.capacity);
  level = new Uint8Array(this.capacity);
  location = new Uint8Array(this.capacity);
  cause = new Uint8Array(this.capacity);
  flags = new Uint8Array(this.capacity);
  classA = new Float64Array(this.capacity);
  classB = new Float64Array(this.capacity);
  classC = new Float64Array(this.capacity);
  los = new Uint16Array(this.capacity);

  reserve(n: number): void {
    if (n <= this.capacity) return;
    let c = this.capacity * 2;
    while (c < n) c *= 2;
    const grow = <T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (k: number) => T)(c);
      b.set(a);
      return b;
    };
    this.key = grow(this.key);
    this.setting = grow(this.setting);
    this.level = grow(this.level);
    this.location = grow(this.location);
    this.cause = grow(this.cause);
    this.flags = grow(this.flags);
    this.classA = grow(this.classA);
    this.classB = grow(this.classB);
    this.classC = grow(this.classC);
    this.los = grow(this.los);
    this.capacity = c;
  }
}

const scratches = new WeakMap<ClaimBuffer, Scratch>();

/**
 * Fill `buffer` with the year's claims of `block` (person = index of the member in the block).
 * The buffer is reset; its arrays grow as needed and are reused across calls.
 */
export function generateClaims(
  assumptions: UtilisationAssumptions,
  keys: RunKeys,
  path: number,
  year: number,
  block: MemberBlock,
  buffer: ClaimBuffer,
  options: GenerateOptions = {},
): void {
  const t = compileUtilisation(assumptions);
  const macro = options.macro ?? claimsMacro(assumptions, keys, path, year);
  const demand = options.demand;
  if (demand && demand.length < block.length * SETTING_COUNT) throw new RangeError(`demand holds ${demand.length} values, needs ${block.length * SETTING_COUNT} (members × settings)`);
  let scratch = scratches.get(buffer);
  if (!scratch) scratches.set(buffer, (scratch = new Scratch()));
  const s = new KeyedStream(keys);
  const counts = new Int32Array(SETTING_COUNT);
  const countU = new Float64Array(SETTING_COUNT);
  const g: Gen = { t, s, scratch, fen: macro.costIndex * 100, away: false, scheme: 0, days: 0, Z: new Float64Array(2), H: new Float64Array(8) };
  const shape = assumptions.yearShockShape;
  const fullYear = daysInYear(year);
  reserveMembers(buffer, block.length);
  buffer.length = 0;

  for (let i = 0; i < block.length; i++) {
    buffer.memberStart[i] = buffer.length;
    if (block.alive[i] !== 1) continue;
    const type = block.type[i]!;
    const row = type * 2 * AGE_COUNT + block.sex[i]! * AGE_COUNT + block.age[i]!;
    g.scheme = SCHEME_OF_TYPE[type]!;
    g.away = (block.flags[i]! & MEMBER_OUT_OF_AREA) !== 0;
    g.days = block.leaveDay[i]! >= 0 ? block.leaveDay[i]! + 1 : fullYear;
    s.member(path, block.slot[i]!, block.generation[i]!, year);
    const intensity = block.health[i]! * s.select(STREAM.shock).gamma(shape, 1 / shape) * macro.utilisationIndex;
    const chronic = (block.flags[i]! & MEMBER_CHRONIC) !== 0;
    let total = 0;
    s.select(COUNT_STREAM).fill(countU, SETTING_COUNT);
    for (let setting = 0; setting < SETTING_COUNT; setting++) {
      let lambda = setting === CHRONIC && !chronic ? 0 : t.intensity[setting * TYPE_COUNT * 2 * AGE_COUNT + row]! * intensity;
      if (demand) lambda *= demand[i * SETTING_COUNT + setting]!;
      const n = !(lambda > 0) ? 0 : lambda <= POISSON_INVERSION_MAX ? poissonInverse(lambda, countU[setting]!) : s.select(BIG_COUNT_STREAM + setting).poisson(lambda);
      counts[setting] = n;
      total += setting === INPATIENT ? 2 * n : n;
    }
    if (total >= SEQ) throw new RangeError(`slot ${block.slot[i]} has ${total} claims in ${year}; at most ${SEQ - 1} are supported (check the rates)`);
    scratch.reserve(total);
    scratch.n = 0;
    for (let k = 0; k < counts[INPATIENT]!; k++) admission(g, k);
    for (let k = 0; k < counts[EMERGENCY]!; k++) visit(g, EMERGENCY, k);
    for (let k = 0; k < counts[OUTPATIENT]!; k++) visit(g, OUTPATIENT, k);
    for (let k = 0; k < counts[CHRONIC]!; k++) visit(g, CHRONIC, k);
    for (let k = 0; k < counts[PHARMACY]!; k++) visit(g, PHARMACY, k);
    writeInDateOrder(scratch, buffer, i);
  }
  buffer.memberStart[block.length] = buffer.length;
}

interface Gen {
  t: CompiledUtilisation;
  s: KeyedStream;
  scratch: Scratch;
  /** Fen per yuan of the cost year, in this year's prices. */
  fen: number;
  away: boolean;
  scheme: number;
  /** Days of the year the member is in the pool. */
  days: number;
  /** The current claim's draws: normals (Z) and 16-bit uniforms for choices (H). */
  Z: Float64Array;
  H: Float64Array;
}

/**
 * The common draws of a claim, from 16-bit uniforms H: day, level, place, cause (H[0..4]); H[5], H[6]
 * are left for the 甲/乙/丙 split. Returns the scratch index.
 */
function start(g: Gen, setting: number, causeRow: number): number {
  const { t, scratch, H } = g;
  const j = scratch.n++;
  const day = Math.floor(H[0]! * g.days);
  const cdfAt = (setting * 2 + g.scheme) * LEVEL_COUNT;
  let lv = 0;
  while (lv < LEVEL_COUNT - 1 && H[1]! >= t.levelCdf[cdfAt + lv]!) lv++;
  const uArea = H[2]!;
  let location = LOCAL;
  if (g.away) location = uArea < t.awayMembers ? REGISTERED : LOCAL;
  else if (uArea < t.outOfArea[setting * 2 + g.scheme]!) location = H[3]! < t.outOfAreaRegistered ? REGISTERED : UNREGISTERED;
  let cause = 0;
  const cdf = t.causeCdf[causeRow]!;
  for (let c = 0; c < cdf.length; c++) {
    if (H[4]! < cdf[c]!) {
      cause = t.causeCode[causeRow]![c]!;
      break;
    }
  }
  scratch.key[j] = day * SEQ + j;
  scratch.setting[j] = setting;
  scratch.level[j] = lv;
  scratch.location[j] = location;
  scratch.cause[j] = cause;
  scratch.flags[j] = 0;
  scratch.los[j] = 0;
  return j;
}

/** Split a bill (fen) into 甲/乙/丙 with the setting's shares at the claim's level. */
function split(g: Gen, j: number, setting: number, bill: number, uC: number, uA: number): void {
  const { t, scratch } = g;
  const at = setting * LEVEL_COUNT + scratch.level[j]!;
  const c = Math.round(bill * t.classC[at]! * 2 * uC);
  let shareA = t.classA[at]! + (uA - 0.5) * 2 * t.classSpread;
  shareA = shareA < 0 ? 0 : shareA > 1 ? 1 : shareA;
  const a = Math.round((bill - c) * shareA);
  scratch.classC[j] = c;
  scratch.classA[j] = a;
  scratch.classB[j] = bill - c - a;
}

function visit(g: Gen, setting: number, k: number): void {
  const { t, s, Z, H } = g;
  s.select(((CLAIM_STREAM + setting) << INDEX_BITS) | k);
  s.fill16(H, 8);
  s.fillNormal(Z, 1);
  const j = start(g, setting, setting === EMERGENCY ? 0 : 1);
  const level = g.scratch.level[j]!;
  const sigma = t.costSigma[setting * LEVEL_COUNT + level]!;
  const mean = t.meanCost[(setting * 2 + g.scheme) * LEVEL_COUNT + level]!;
  const bill = Math.max(1, Math.round(mean * g.fen * Math.exp(sigma * Z[0]! - 0.5 * sigma * sigma)));
  split(g, j, setting, bill, H[5]!, H[6]!);
}

function admission(g: Gen, k: number): void {
  const { t, s, scratch, Z, H } = g;
  const inp = t.u.inpatient;
  s.select(((CLAIM_STREAM + INPATIENT) << INDEX_BITS) | k);
  s.fill16(H, 8);
  s.fillNormal(Z, 2);
  const j = start(g, INPATIENT, 0);
  const sl = inp.lengthOfStaySigma;
  const beta = inp.costLengthElasticity;
  const sc = t.costSigma[INPATIENT * LEVEL_COUNT + scratch.level[j]!]!;
  const zStay = Z[0]!;
  const zCost = Z[1]!;
  const uC = H[5]!;
  const uA = H[6]!;
  const los = Math.max(1, Math.round(t.lengthOfStay[g.scheme]! * Math.exp(sl * zStay - 0.5 * sl * sl)));
  const mean = t.meanCost[(INPATIENT * 2 + g.scheme) * LEVEL_COUNT + scratch.level[j]!]!;
  const bill = Math.max(1, Math.round(mean * g.fen * Math.exp(beta * sl * zStay - 0.5 * beta * beta * sl * sl + sc * zCost - 0.5 * sc * sc)));
  scratch.los[j] = Math.min(los, 65535);
  if (H[7]! >= inp.viaEmergency) {
    scratch.flags[j] = CLAIM_NEW_ADMISSION;
    split(g, j, INPATIENT, bill, uC, uA);
    return;
  }
  // Row j becomes the observation; the admission continuing it goes to the next row, so it sorts after.
  const observed = Math.round(bill * inp.observationCostShare);
  const o = scratch.n++;
  scratch.key[o] = scratch.key[j]! - j + o;
  scratch.setting[o] = INPATIENT;
  scratch.level[o] = scratch.level[j]!;
  scratch.location[o] = scratch.location[j]!;
  scratch.cause[o] = scratch.cause[j]!;
  scratch.flags[o] = 0;
  scratch.los[o] = scratch.los[j]!;
  scratch.setting[j] = EMERGENCY;
  scratch.flags[j] = CLAIM_ADMITTED;
  scratch.los[j] = 0;
  split(g, j, EMERGENCY, observed, uC, uA);
  split(g, o, INPATIENT, bill - observed, uC, uA);
}

/**
 * Append the member's claims to the buffer sorted by day, ties in generation order. A key is
 * day * SEQ + scratch index, so sorting the keys sorts the claims (and the key names the row).
 */
function writeInDateOrder(sc: Scratch, b: ClaimBuffer, person: number): void {
  const n = sc.n;
  const key = sc.key;
  for (let a = 1; a < n; a++) {
    const v = key[a]!;
    let p = a - 1;
    while (p >= 0 && key[p]! > v) {
      key[p + 1] = key[p]!;
      p--;
    }
    key[p + 1] = v;
  }
  reserveClaims(b, b.length + n);
  let at = b.length;
  for (let r = 0; r < n; r++, at++) {
    const v = key[r]!;
    const day = Math.floor(v / SEQ);
    const j = v - day * SEQ;
    b.person[at] = person;
    b.setting[at] = sc.setting[j]!;
    b.level[at] = sc.level[j]!;
    b.location[at] = sc.location[j]!;
    b.cause[at] = sc.cause[j]!;
    b.flags[at] = sc.flags[j]!;
    b.classA[at] = sc.classA[j]!;
    b.classB[at] = sc.classB[j]!;
    b.classC[at] = sc.classC[j]!;
    b.day[at] = day;
    b.lengthOfStay[at] = sc.los[j]!;
  }
  b.length = at;
}
