/**
 * Case groups for per-case payment (DRG 疾病诊断相关分组 / DIP 病种分值): a table of groups with a relative
 * weight (1 = the average admission) and a frequency, and a grouper that gives each admission a group.
 *
 * The claims generator draws an admission's bill, not its diagnosis, so the grouper works backwards from
 * the bill: group g is drawn with probability ∝ frequency(g) × the lognormal density of the bill around
 * weight(g) × baseCost (mean-preserving, log-scale spread `sigma`). Costlier admissions fall in heavier
 * groups, the table's frequencies hold on average, and the draw is keyed by (seed, path, member, year,
 * admission ordinal), so a policy change that leaves the bill alone leaves the group alone.
 */
import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../input/inputError.js';
import { dataFile, parseCsv } from '../population/dataFiles.js';
import { SETTINGS } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { FAST_EXP_ERROR, fastExp } from '../random/fastExp.js';
import { KeyedStream } from '../random/stream.js';
import { CLAIM_STREAM, claimStreamOf } from '../random/streamIds.js';
import type { ClaimView, MemberKeys } from '../institutions/views.js';

const INPATIENT = SETTINGS.indexOf('inpatient');
/** Not a per-case admission (another setting). */
export const NO_GROUP = -1;

export interface CaseGroups {
  file: string;
  length: number;
  code: string[];
  family: string[];
  severity: Uint8Array;
  /** Relative weight (RW): cost of the group's average case over the average admission's. */
  weight: Float64Array;
  /** Points of a case: the weight in 1/10,000 (an integer, so sums stay exact). */
  points: Int32Array;
  frequency: Float64Array;
  /** Logs of the weights and frequencies (−Infinity for a zero frequency), for the grouper's hot loop. */
  logWeight: Float64Array;
  logFrequency: Float64Array;
  nameZh: string[];
  nameEn: string[];
  /** The group an up-coded case moves to: its family's next severity, or itself at the top. */
  upcode: Int16Array;
}

export function defaultCaseGroupsFile(): string {
  return dataFile('institutions', 'case-groups.csv');
}

export function loadCaseGroups(file = defaultCaseGroupsFile()): CaseGroups {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([{ file, path: [], message: 'cannot read the case-group table' }]);
  }
  return caseGroupsFromCsv(text, file);
}

export function caseGroupsFromCsv(text: string, file: string): CaseGroups {
  const rows = parseCsv(text);
  const problems: Problem[] = [];
  const n = rows.length;
  const g: CaseGroups = {
    file,
    length: n,
    code: [],
    family: [],
    severity: new Uint8Array(n),
    weight: new Float64Array(n),
    points: new Int32Array(n),
    frequency: new Float64Array(n),
    logWeight: new Float64Array(n),
    logFrequency: new Float64Array(n),
    nameZh: [],
    nameEn: [],
    upcode: new Int16Array(n),
  };
  const number = (r: number, column: string, test: (x: number) => boolean, allowed: string): number => {
    const text = rows[r]![column] ?? '';
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || !test(x)) problems.push({ file, line: r + 2, path: [r, column], value: text, message: `must be ${allowed}` });
    return x;
  };
  rows.forEach((row, r) => {
    const code = row['code'] ?? '';
    if (!/^[A-Za-z0-9_-]+$/.test(code)) problems.push({ file, line: r + 2, path: [r, 'code'], value: code, message: 'must be letters, digits, "_" or "-"' });
    else if (g.code.includes(code)) problems.push({ file, line: r + 2, path: [r, 'code'], value: code, message: 'is listed twice' });
    g.code.push(code);
    g.family.push(row['family'] ?? '');
    g.nameZh.push(row['name_zh'] ?? '');
    g.nameEn.push(row['name_en'] ?? '');
    g.severity[r] = number(r, 'severity', (x) => Number.isInteger(x) && x >= 1 && x <= 9, 'a whole number from 1 to 9');
    g.weight[r] = number(r, 'weight', (x) => x > 0 && x <= 100 && Math.abs(Math.round(x * 10_000) - x * 10_000) < 1e-6, 'above 0, at most 100, with at most 4 decimals');
    g.points[r] = Math.round(g.weight[r]! * 10_000);
    g.frequency[r] = number(r, 'frequency', (x) => x >= 0 && x <= 1, 'a share from 0 to 1');
  });
  const total = g.frequency.reduce((s, f) => s + f, 0);
  if (n === 0) problems.push({ file, path: [], message: 'needs at least one group' });
  else if (Math.abs(total - 1) > 1e-3) problems.push({ file, path: ['frequency'], value: total, message: 'frequencies must add up to 1' });
  if (problems.length > 0) throw new InputError(problems);
  for (let i = 0; i < n; i++) {
    g.logWeight[i] = Math.log(g.weight[i]!);
    g.logFrequency[i] = g.frequency[i]! > 0 ? Math.log(g.frequency[i]!) : -Infinity;
    let next = i;
    for (let j = 0; j < n; j++) {
      if (g.family[j] === g.family[i] && g.severity[j]! > g.severity[i]! && (next === i || g.severity[j]! < g.severity[next]!)) next = j;
    }
    g.upcode[i] = next;
  }
  return g;
}

/**
 * Relative distance from a boundary between groups within which the choice is made again with Math.exp:
 * a hundred times the fast sums' largest possible error (each term within FAST_EXP_ERROR, each addition
 * within 2^-53), so outside it the fast choice is the exact one; it catches about 7e-8 of admissions.
 */
const marginFor = (groups: number) => 100 * groups * (FAST_EXP_ERROR + 2 ** -52) + 1e-9;

/**
 * The group of one admission from its bill (fen), the cost of weight 1 (fen), the spread and a uniform:
 * the first group whose cumulative weight exceeds u × the total, weights exp(log density − the largest).
 * `scratch` holds 2 × groups.length values.
 *
 * The weights are taken with fastExp (Math.exp is ≈ 10 ns a call, 35 calls an admission); when u falls
 * within the margin of a boundary the choice is made again with Math.exp, so the group is always the one
 * Math.exp gives (tests/payment/groups.test.ts compares them, on boundaries too).
 */
export function groupOfBill(groups: CaseGroups, bill: number, baseCost: number, sigma: number, u: number, scratch = new Float64Array(2 * groups.length)): number {
  const n = groups.length;
  const x = Math.log(bill / baseCost) + 0.5 * sigma * sigma;
  let best = -Infinity;
  for (let g = 0; g < n; g++) {
    const z = (x - groups.logWeight[g]!) / sigma;
    const logDensity = groups.logFrequency[g]! - 0.5 * z * z;
    scratch[g] = logDensity;
    if (logDensity > best) best = logDensity;
  }
  let total = 0;
  for (let g = 0; g < n; g++) total += scratch[n + g] = fastExp(scratch[g]! - best);
  const target = u * total;
  const margin = marginFor(n) * total;
  let acc = 0;
  for (let g = 0; g < n; g++) {
    const below = acc;
    acc += scratch[n + g]!;
    if (target < acc) return acc - target > margin && target - below > margin ? g : exactGroup(scratch, n, best, u);
  }
  return exactGroup(scratch, n, best, u);
}

/** The choice with Math.exp, from the log densities in scratch[0, n) and their largest. */
function exactGroup(scratch: Float64Array, n: number, best: number, u: number): number {
  let total = 0;
  for (let g = 0; g < n; g++) total += scratch[n + g] = Math.exp(scratch[g]! - best);
  let acc = 0;
  const target = u * total;
  for (let g = 0; g < n; g++) {
    acc += scratch[n + g]!;
    if (target < acc) return g;
  }
  return n - 1;
}

/** Groups of a year's admissions into `out` (NO_GROUP for other claims). */
export function groupAdmissions(
  groups: CaseGroups,
  baseCost: number,
  sigma: number,
  keys: RunKeys,
  path: number,
  year: number,
  members: MemberKeys,
  claims: ClaimView,
  out: Int16Array,
): void {
  const s = new KeyedStream(keys);
  const scratch = new Float64Array(2 * groups.length);
  const { setting, classA, classB, classC, memberStart } = claims;
  for (let i = 0; i < members.length; i++) {
    let k = 0;
    const end = memberStart[i + 1]!;
    for (let c = memberStart[i]!; c < end; c++) {
      if (setting[c] !== INPATIENT) {
        out[c] = NO_GROUP;
        continue;
      }
      // Keyed at the member's first admission: most members with claims have none.
      if (k === 0) s.member(path, members.slot[i]!, members.generation[i]!, year);
      const bill = Math.max(1, classA[c]! + classB[c]! + classC[c]!);
      out[c] = groupOfBill(groups, bill, baseCost, sigma, s.select(claimStreamOf(CLAIM_STREAM.group, INPATIENT, k++)).next(), scratch);
    }
  }
}
