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
 *
 * Speed: this is the engine's inner loop. The scratch rows are the module's constant arrays and one
 * generator per thread keeps the call's tables (nothing allocated per member or claim); a setting's claims
 * take all their draws in one call (KeyedStream.fillStreams) and a visit's cost comes from a lognormal
 * quantile table (no exponential); a count whose draw lies below 1 − λ is 0 without one. Choices on random
 * draws avoid branches the processor would mispredict half the time (rounding, the level, the date order).
 */
import { AGES, SCHEME_OF_TYPE } from '../population/compile.js';
import { daysInYear, MEMBER_CHRONIC, MEMBER_OUT_OF_AREA, type MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import { fastNormalQuantile, KeyedStream, POISSON_INVERSION_MAX, poissonInverse } from '../random/stream.js';
import { claimStreamOf, STREAM } from '../random/streamIds.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../settlement/columns.js';
import type { UtilisationAssumptions } from './assumptions.js';
import { reserveClaims, reserveMembers, type ClaimBuffer } from './buffer.js';
import { compileUtilisation, NL, NS, NT, SETTING, type CompiledUtilisation } from './compile.js';
import type { ClaimsMacro } from './inflation.js';
import { roundHalfUp } from '../money/fen.js';

/** Math.round without a branch (money/fen.ts). */
const round = roundHalfUp;

export interface GenerateOptions {
  /**
   * Optional utilisation multiplier per member and setting (behavioural response), member-major:
   * demand[i * SETTINGS.length + setting] (SETTINGS order). Absent: 1.
   */
  demand?: Float32Array;
  /** The year's cost and utilisation indices (from the macro path; `claimsMacroAt` builds one). */
  macro: ClaimsMacro;
}

// Local copies of shared constants: a module-level const here is cheaper to read than an import.
const OUTPATIENT = SETTING.outpatient;
const CHRONIC = SETTING.chronic;
const INPATIENT = SETTING.inpatient;
const PHARMACY = SETTING.pharmacy;
const EMERGENCY = SETTING.emergencyObservation;
const LEVEL_COUNT = NL;
if (LEVEL_COUNT !== 4) throw new Error('generate.ts chooses a claim\'s level among four (Generator.start)');
const SETTING_COUNT = NS;
const TYPE_COUNT = NT;
const AGE_COUNT = AGES;
const SHOCK_STREAM = STREAM.shock;
const CLAIM_STREAM = STREAM.claimBase;
const COUNT_STREAM = STREAM.counts;
const BIG_COUNT_STREAM = STREAM.countBase;
const LOCAL = 0;
const REGISTERED = 1;
const UNREGISTERED = 2;
/** Sort key: day * SEQ + order of generation, so an admitted observation precedes its admission. */
const SEQ_BITS = 16;
const SEQ = 1 << SEQ_BITS;
/** Members with more claims than this are put in date order by a radix sort; up to it, each row counts the keys below its own. */
const RANK_MAX = 12;
/** The radix sort's two digits of a day: its low 5 bits, then the rest (days of a year are below 2^9). */
const LOW_DAY_BITS = 5;
const LOW_DAYS = 1 << LOW_DAY_BITS;
const HIGH_DAYS = 1 << (9 - LOW_DAY_BITS);

/*
 * The current member's claims before they are put in date order (scratch rows, generation order) and
 * their draws. Module-level constants, not fields: optimised code then reads each array as a constant,
 * without loading it and checking its kind on every use (≈ 10% of generation). Rows hold a member's claims,
 * fewer than SEQ (generateClaims checks), so the columns never grow (≈ 8 MB reserved a thread; their pages
 * are only touched as far as the most claims a member has had). One set per thread is enough: generation runs
 * to the end of a call before another can start.
 */
const rowKey = new Int32Array(SEQ);
/** Where each row goes among the member's claims (writeInDateOrder). */
const rowPlace = new Int32Array(SEQ);
/** The rows in order of their days' low digit (the radix sort's first pass). */
const byLowDigit = new Int32Array(SEQ);
const lowDigitAt = new Int32Array(LOW_DAYS);
const highDigitAt = new Int32Array(HIGH_DAYS);
const rowDay = new Uint16Array(SEQ);
const rowSetting = new Uint8Array(SEQ);
const rowLevel = new Uint8Array(SEQ);
const rowLocation = new Uint8Array(SEQ);
const rowCause = new Uint8Array(SEQ);
const rowFlags = new Uint8Array(SEQ);
const rowClassA = new Float64Array(SEQ);
const rowClassB = new Float64Array(SEQ);
const rowClassC = new Float64Array(SEQ);
const rowLos = new Uint16Array(SEQ);
/** Each row's draws: CHOICES 16-bit uniforms for choices, COSTS 32-bit ones for costs. */
const CHOICES = 8;
const COSTS = 2;
const rowChoice = new Float64Array(SEQ * CHOICES);
const rowCost = new Float64Array(SEQ * COSTS);
/** The member's count draws and counts, by setting. */
const countU = new Float64Array(SETTING_COUNT);
const counts = new Int32Array(SETTING_COUNT);
/** Mean cost per claim in fen of this year: [(setting * 2 + scheme) * NL + level]. */
const meanFen = new Float64Array(SETTING_COUNT * 2 * LEVEL_COUNT);

/**
 * Split a bill (fen) of row j into 甲/乙/丙: 丙 a uniform part of the bill on [0, 2 × its mean share), 甲 its
 * mean share ± the spread (kept within [0, 1]) of the rest, 乙 what is left. Rounded half up (fen.ts).
 */
function splitRow(j: number, bill: number, shareC: number, shareA: number, spread: number, uC: number, uA: number): void {
  const c = round(bill * shareC * 2 * uC);
  let a = shareA + (uA - 0.5) * 2 * spread;
  a = a < 0 ? 0 : a > 1 ? 1 : a;
  const classA = round((bill - c) * a);
  rowClassC[j] = c;
  rowClassA[j] = classA;
  rowClassB[j] = bill - c - classA;
}

/** The generator's state: the current call's stream and tables, the current member. */
class Generator {
  /** Scratch rows in use. */
  n = 0;
  // The current call (set by prepare).
  s!: KeyedStream;
  t!: CompiledUtilisation;
  // The current member.
  scheme = 0;
  away = false;
  /** Days of the year the member is in the pool. */
  days = 0;

  /** Make ready for a call: the run's keys, the tables, and this year's prices. */
  prepare(keys: RunKeys, t: CompiledUtilisation, costIndex: number): void {
    this.s = new KeyedStream(keys);
    this.t = t;
    const fen = costIndex * 100;
    for (let k = 0; k < meanFen.length; k++) meanFen[k] = t.meanCost[k]! * fen;
  }

  /**
   * The next `count` scratch rows, from the common draws of their claims, already in their rowChoice: day,
   * level, place, cause (choices 0–4); choices 5 and 6 are left for the 甲/乙/丙 split. The call's tables
   * are read once, before the loop (optimised code would load them again at every row).
   */
  startRows(setting: number, causeRow: number, count: number): void {
    const t = this.t;
    const days = this.days;
    const cdfAt = (setting * 2 + this.scheme) * LEVEL_COUNT;
    const level1 = t.levelCdf[cdfAt]!;
    const level2 = t.levelCdf[cdfAt + 1]!;
    const level3 = t.levelCdf[cdfAt + 2]!;
    const away = this.away;
    const awayShare = t.awayMembers;
    const outShare = t.outOfArea[setting * 2 + this.scheme]!;
    const registeredShare = t.outOfAreaRegistered;
    const cdf = t.causeCdf[causeRow]!;
    const code = t.causeCode[causeRow]!;
    const first = this.n;
    const end = first + count;
    for (let j = first; j < end; j++) {
      const h = j * CHOICES;
      const day = Math.floor(rowChoice[h]! * days);
      // The first level whose cumulative share exceeds u is the count of those at or below it (the shares
      // rise); counted without a branch, as a loop's exit would be mispredicted on random draws.
      const uLevel = rowChoice[h + 1]!;
      const lv = +(uLevel >= level1) + +(uLevel >= level2) + +(uLevel >= level3);
      const uArea = rowChoice[h + 2]!;
      let location = LOCAL;
      if (away) location = uArea < awayShare ? REGISTERED : LOCAL;
      else if (uArea < outShare) location = rowChoice[h + 3]! < registeredShare ? REGISTERED : UNREGISTERED;
      let cause = 0;
      const uCause = rowChoice[h + 4]!;
      for (let c = 0; c < cdf.length; c++) {
        if (uCause < cdf[c]!) {
          cause = code[c]!;
          break;
        }
      }
      rowKey[j] = day * SEQ + j;
      rowDay[j] = day;
      rowSetting[j] = setting;
      rowLevel[j] = lv;
      rowLocation[j] = location;
      rowCause[j] = cause;
      rowFlags[j] = 0;
      rowLos[j] = 0;
    }
    this.n = end;
  }

  /** Split a bill (fen) of row j into 甲/乙/丙 with the setting's shares at the row's level. */
  split(j: number, setting: number, bill: number, uC: number, uA: number): void {
    const t = this.t;
    const at = setting * LEVEL_COUNT + rowLevel[j]!;
    splitRow(j, bill, t.classC[at]!, t.classA[at]!, t.classSpread, uC, uA);
  }

  /**
   * The member's `count` claims of a visit setting (outpatient, chronic, pharmacy, emergency observation),
   * in three passes over their rows (draws, common choices, cost and split): a call a setting, not a claim,
   * and each pass small enough for V8 to inline what it calls (its budget is per function).
   */
  visits(setting: number, count: number): void {
    const first = this.n;
    this.drawVisits(setting, first, count);
    this.startRows(setting, setting === EMERGENCY ? 0 : 1, count);
    this.priceVisits(setting, first, count);
  }

  /**
   * The draws of claims 0 … count − 1 of a visit setting (claim k's stream is claim 0's + k) into rows
   * first … first + count − 1.
   */
  drawVisits(setting: number, first: number, count: number): void {
    this.s.fillStreams(claimStreamOf(CLAIM_STREAM, setting, 0), count, rowChoice, first * CHOICES, CHOICES, rowCost, first * COSTS, 1, COSTS);
  }

  /** The bills of rows first … first + count − 1 of a visit setting (from their cost draws), split. */
  priceVisits(setting: number, first: number, count: number): void {
    const t = this.t;
    const quantiles = t.costQuantiles;
    const classC = t.classC;
    const classA = t.classA;
    const spread = t.classSpread;
    const meanAt = (setting * 2 + this.scheme) * LEVEL_COUNT;
    const levelAt = setting * LEVEL_COUNT;
    for (let j = first; j < first + count; j++) {
      const level = rowLevel[j]!;
      const at = levelAt + level;
      const bill = Math.max(1, round(meanFen[meanAt + level]! * quantiles[at]!.at(rowCost[j * COSTS]!)));
      splitRow(j, bill, classC[at]!, classA[at]!, spread, rowChoice[j * CHOICES + 5]!, rowChoice[j * CHOICES + 6]!);
    }
  }

  /** The k-th admission: length of stay and a cost tied to it; through emergency observation or not. */
  admission(k: number): void {
    const t = this.t;
    const j = this.n;
    this.s.fillStreams(claimStreamOf(CLAIM_STREAM, INPATIENT, k), 1, rowChoice, j * CHOICES, CHOICES, rowCost, j * COSTS, 2, COSTS);
    this.startRows(INPATIENT, 0, 1);
    const h = j * CHOICES;
    const level = rowLevel[j]!;
    const at = INPATIENT * LEVEL_COUNT + level;
    const zStay = fastNormalQuantile(rowCost[j * COSTS]!);
    const uC = rowChoice[h + 5]!;
    const uA = rowChoice[h + 6]!;
    const los = Math.max(1, round(t.lengthOfStay[this.scheme]! * Math.exp(t.staySigma * zStay - t.stayHalfVariance)));
    const mean = meanFen[(INPATIENT * 2 + this.scheme) * LEVEL_COUNT + level]!;
    const bill = Math.max(1, round(mean * Math.exp(t.stayCostSigma * zStay - t.stayCostHalfVariance + t.costSigma[at]! * fastNormalQuantile(rowCost[j * COSTS + 1]!) - t.costHalfVariance[at]!)));
    rowLos[j] = Math.min(los, 65535);
    if (rowChoice[h + 7]! >= t.viaEmergency) {
      rowFlags[j] = CLAIM_NEW_ADMISSION;
      this.split(j, INPATIENT, bill, uC, uA);
      return;
    }
    // Row j becomes the observation; the admission continuing it goes to the next row, so it sorts after.
    const observed = round(bill * t.observationCostShare);
    const o = this.n++;
    rowKey[o] = rowKey[j]! - j + o;
    rowDay[o] = rowDay[j]!;
    rowSetting[o] = INPATIENT;
    rowLevel[o] = level;
    rowLocation[o] = rowLocation[j]!;
    rowCause[o] = rowCause[j]!;
    rowFlags[o] = 0;
    rowLos[o] = rowLos[j]!;
    rowSetting[j] = EMERGENCY;
    rowFlags[j] = CLAIM_ADMITTED;
    rowLos[j] = 0;
    this.split(j, EMERGENCY, observed, uC, uA);
    this.split(o, INPATIENT, bill - observed, uC, uA);
  }

  /**
   * rowPlace[j] for n rows by a least-significant-digit radix sort on the day, two passes of counting (32
   * and 16 buckets). Both passes keep the rows' order within a bucket, so ties stay in generation order:
   * the same places as sorting the keys, at a few ns a row instead of tens.
   */
  placeByRadix(n: number): void {
    lowDigitAt.fill(0);
    highDigitAt.fill(0);
    for (let j = 0; j < n; j++) {
      const d = rowDay[j]!;
      lowDigitAt[d & (LOW_DAYS - 1)]++;
      highDigitAt[d >> LOW_DAY_BITS]++;
    }
    let sum = 0;
    for (let digit = 0; digit < LOW_DAYS; digit++) {
      const c = lowDigitAt[digit]!;
      lowDigitAt[digit] = sum;
      sum += c;
    }
    sum = 0;
    for (let digit = 0; digit < HIGH_DAYS; digit++) {
      const c = highDigitAt[digit]!;
      highDigitAt[digit] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) byLowDigit[lowDigitAt[rowDay[j]! & (LOW_DAYS - 1)]++] = j;
    for (let r = 0; r < n; r++) {
      const j = byLowDigit[r]!;
      rowPlace[j] = highDigitAt[rowDay[j]! >> LOW_DAY_BITS]++;
    }
  }

  /**
   * Append the member's rows to the buffer sorted by day, ties in generation order. A key is
   * day * SEQ + row (keys are distinct), so a row's place is the number of keys below its own. A few rows
   * count it for each row, without a branch (a comparison sort's jumps are mispredicted about half the
   * time on random days); more rows go through a stable radix sort on the day (placeByRadix).
   */
  writeInDateOrder(b: ClaimBuffer, person: number): void {
    const n = this.n;
    if (n <= RANK_MAX) {
      for (let j = 0; j < n; j++) {
        const v = rowKey[j]!;
        let below = 0;
        // Keys are below 2^25: the difference is a small int32, negative exactly when the key is smaller.
        for (let k = 0; k < n; k++) below += (rowKey[k]! - v) >>> 31;
        rowPlace[j] = below;
      }
    } else this.placeByRadix(n);
    reserveClaims(b, b.length + n);
    const bPerson = b.person;
    const bSetting = b.setting;
    const bLevel = b.level;
    const bLocation = b.location;
    const bCause = b.cause;
    const bFlags = b.flags;
    const bClassA = b.classA;
    const bClassB = b.classB;
    const bClassC = b.classC;
    const bDay = b.day;
    const bLos = b.lengthOfStay;
    const first = b.length;
    for (let j = 0; j < n; j++) {
      const at = first + rowPlace[j]!;
      bPerson[at] = person;
      bSetting[at] = rowSetting[j]!;
      bLevel[at] = rowLevel[j]!;
      bLocation[at] = rowLocation[j]!;
      bCause[at] = rowCause[j]!;
      bFlags[at] = rowFlags[j]!;
      bClassA[at] = rowClassA[j]!;
      bClassB[at] = rowClassB[j]!;
      bClassC[at] = rowClassC[j]!;
      bDay[at] = rowDay[j]!;
      bLos[at] = rowLos[j]!;
    }
    b.length = first + n;
  }
}

/** The thread's generator (its scratch rows are the module's). */
const g = new Generator();

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
  options: GenerateOptions,
): void {
  const t = compileUtilisation(assumptions);
  const { macro, demand } = options;
  if (macro.year !== year) throw new RangeError(`the claims macro is for ${macro.year}, the claims for ${year}`);
  if (demand && demand.length < block.length * SETTING_COUNT) throw new RangeError(`demand holds ${demand.length} values, needs ${block.length * SETTING_COUNT} (members × settings)`);
  g.prepare(keys, t, macro.costIndex);
  const s = g.s;
  const intensityTable = t.intensity;
  const shape = assumptions.yearShockShape;
  const scale = 1 / shape;
  const utilisationIndex = macro.utilisationIndex;
  const fullYear = daysInYear(year);
  const { alive, type: types, sex, age, flags, leaveDay, slot, generation, health } = block;
  reserveMembers(buffer, block.length);
  const memberStart = buffer.memberStart;
  buffer.length = 0;

  for (let i = 0; i < block.length; i++) {
    memberStart[i] = buffer.length;
    if (alive[i] !== 1) continue;
    const type = types[i]!;
    const row = type * 2 * AGE_COUNT + sex[i]! * AGE_COUNT + age[i]!;
    const memberFlags = flags[i]!;
    g.scheme = SCHEME_OF_TYPE[type]!;
    g.away = (memberFlags & MEMBER_OUT_OF_AREA) !== 0;
    g.days = leaveDay[i]! >= 0 ? leaveDay[i]! + 1 : fullYear;
    s.member(path, slot[i]!, generation[i]!, year);
    const intensity = health[i]! * s.select(SHOCK_STREAM).gamma(shape, scale) * utilisationIndex;
    const chronic = (memberFlags & MEMBER_CHRONIC) !== 0;
    let total = 0;
    s.select(COUNT_STREAM).fill(countU, SETTING_COUNT);
    for (let setting = 0; setting < SETTING_COUNT; setting++) {
      let lambda = setting === CHRONIC && !chronic ? 0 : intensityTable[setting * TYPE_COUNT * 2 * AGE_COUNT + row]! * intensity;
      if (demand) lambda *= demand[i * SETTING_COUNT + setting]!;
      const u = countU[setting]!;
      // Below 1 − λ ≤ e^−λ the inversion gives 0: most members draw no admission, so skip its exp.
      const n = !(lambda > 0) || u < 1 - lambda ? 0 : lambda <= POISSON_INVERSION_MAX ? poissonInverse(lambda, u) : s.select(BIG_COUNT_STREAM + setting).poisson(lambda);
      counts[setting] = n;
      total += setting === INPATIENT ? 2 * n : n;
    }
    if (total === 0) continue;
    if (total >= SEQ) throw new RangeError(`slot ${slot[i]} has ${total} claims in ${year}; at most ${SEQ - 1} are supported (check the rates)`);
    g.n = 0;
    for (let k = 0; k < counts[INPATIENT]!; k++) g.admission(k);
    if (counts[EMERGENCY]! > 0) g.visits(EMERGENCY, counts[EMERGENCY]!);
    if (counts[OUTPATIENT]! > 0) g.visits(OUTPATIENT, counts[OUTPATIENT]!);
    if (counts[CHRONIC]! > 0) g.visits(CHRONIC, counts[CHRONIC]!);
    if (counts[PHARMACY]! > 0) g.visits(PHARMACY, counts[PHARMACY]!);
    g.writeInDateOrder(buffer, i);
  }
  memberStart[block.length] = buffer.length;
}
