/**
 * The settlement JSON-lines interface: one claim per input line, one settled claim per output line.
 * Each person's accumulators and account balances carry from claim to claim in line order (a new
 * benefit year, 1 January unless the policy's benefitYearStart says otherwise, starts them afresh); a person's first line may give the accumulators to
 * start from (a claim from mid-year), and an age sets a resident's type. A bad line yields problems
 * naming its line number, field, value and what is allowed; it changes nothing, and the other lines
 * are still settled.
 * No I/O here: the `yibao settle` and `yibao explain` commands and notebooks share these functions.
 * Money in and out is yuan; output amounts are strings with exactly two decimals, so they are exact.
 */
import { z } from 'zod';
import { problemsFromZod, type Problem } from '../input/inputError.js';
import { fenToYuan, MAX_FEN, yuanToFen } from '../money/fen.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { Policy, SchemePolicy } from '../policy/schema.js';
import { CAUSES, CHINESE, LEVELS, LOCATIONS, PERSON_TYPES, schemeOf, SETTINGS, type PersonType } from '../policy/vocabulary.js';
import { accumulatorsFor, benefitYearOf, settleReference, type Settlement } from './reference.js';
import type { Step } from './rules/trace.js';
import { ACCUMULATOR_FIELDS, emptyAccumulators, type Accumulators, type Claim, type Person, type Split } from './types.js';

/** Where a line is: the file (or "-" for standard input) and its 1-based line number. */
export interface LineRef {
  file: string;
  line: number;
}

const oneOf = (values: readonly string[]) => `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be ${oneOf(values)}` });
/** A field that `accept` turns into its value, or undefined if it does not fit: "must be <rule>". */
function field<T>(rule: string, accept: (v: unknown) => T | undefined) {
  return z.unknown().transform((v, ctx): T => {
    const value = accept(v);
    if (value !== undefined) return value;
    ctx.addIssue({ code: 'custom', message: `must be ${rule}`, input: v });
    return z.NEVER;
  });
}

/** A yuan amount written as a number or a decimal string, parsed to integer fen. */
const fen = field(`a yuan amount (number or string) with at most 2 decimals, from 0 to ${MAX_FEN / 100}`, (v) => {
  if (typeof v !== 'number' && typeof v !== 'string') return undefined;
  try {
    const amount = yuanToFen(v);
    return amount >= 0 && amount <= MAX_FEN ? amount : undefined;
  } catch {
    return undefined;
  }
});

const isoDate = field('a calendar date written YYYY-MM-DD', (v) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v ? v : undefined;
});

const flag = field('true or false', (v) => (typeof v === 'boolean' ? v : undefined));

/** A whole number from `lo` to `hi`. */
const whole = (rule: string, lo: number, hi: number) =>
  field(rule, (v) => (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : undefined));

/** Accumulators as given on a person's first line: the output's names, every field optional (0). */
export type AccumulatorsInput = { year?: number } & Partial<Omit<Accumulators, 'year'>>;

/** Accumulators that count admissions or name the year; every other accumulator is money. */
const COUNTS = new Set<keyof Accumulators>(['year', 'admissions']);

const accumulatorsSchema = z.strictObject({
  year: whole('a year, the benefit year of the claim\'s date (named by the calendar year it starts in)', 1900, 2200).optional(),
  ...Object.fromEntries(
    ACCUMULATOR_FIELDS.map((k) => [k, (COUNTS.has(k) ? whole('a whole number from 0 to 1000', 0, 1000) : fen).optional()]),
  ),
}) as unknown as z.ZodType<AccumulatorsInput, unknown>;
const ACCUMULATOR_INPUT_FIELDS = ['year', ...ACCUMULATOR_FIELDS];

const idValue = (v: unknown) => ((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined);

/**
 * One input line. Person fields (type, balances, eligibility) describe the person from this claim on:
 * omitted, they carry over from the person's previous line (on the first line: the defaults).
 */
export const claimLineSchema = z.strictObject({
  /** Optional claim id, echoed in the output. */
  id: field('a claim id (a non-empty string or a number)', idValue).optional(),
  person: field('a person id (a non-empty string or a number)', idValue),
  type: enumOf(PERSON_TYPES).optional(),
  /** Age in years; without `type` it sets a resident type from the policy's resident.elderlyAge. */
  age: whole('a whole number of years from 0 to 150', 0, 150).optional(),
  /** The person's accumulators for the claim's year before this claim (first line only). */
  accumulators: accumulatorsSchema.optional(),
  /** Personal account (个人账户) balance before this claim; on later lines it replaces the carried balance. */
  accountBalance: fen.optional(),
  /** A relative's account balance available for family mutual aid (家庭共济). */
  familyAccountBalance: fen.optional(),
  assistanceEligible: flag.optional(),
  povertyRegistered: flag.optional(),
  date: isoDate,
  setting: enumOf(SETTINGS),
  level: enumOf(LEVELS),
  location: enumOf(LOCATIONS).default('local'),
  cause: enumOf(CAUSES).default('illness'),
  classA: fen.default(0),
  classB: fen.default(0),
  classC: fen.default(0),
  /**
   * Inpatient: false continues the person's current admission (same deductible). Not given: true, except
   * right after the person's admitted emergency observation, which the line continues (seed 002).
   */
  newAdmission: flag.optional(),
  /** Emergency observation: converted to an admission. */
  admitted: flag.default(false),
});
export type ClaimLine = z.output<typeof claimLineSchema>;
export const CLAIM_LINE_FIELDS = Object.keys(claimLineSchema.shape);

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Parse and validate one line of JSON. `defaultPerson` stands in for a missing person id. */
export function parseClaimLine(text: string, where: LineRef, defaultPerson?: string): Parsed<ClaimLine> {
  const at = (p: Omit<Problem, 'file' | 'line'>): Problem => ({ ...p, file: where.file, line: where.line });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [at({ path: [], message: `not valid JSON: ${(err as Error).message}` })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    return { ok: false, problems: [at({ path: [], message: `must be a JSON object (one claim per line), got ${got}` })] };
  }
  if (defaultPerson !== undefined && !('person' in data)) data = { ...data, person: defaultPerson };
  const result = claimLineSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems = problemsFromZod(result.error.issues, data, where.file).map((p) => at({ ...p, message: reworded(p) }));
  return { ok: false, problems };
}

function reworded(p: Problem): string {
  if (p.message === 'unknown field') {
    const allowed = p.path.length === 2 && p.path[0] === 'accumulators' ? ACCUMULATOR_INPUT_FIELDS : CLAIM_LINE_FIELDS;
    return `unknown field (allowed: ${allowed.join(', ')})`;
  }
  if (p.value === undefined && p.message.startsWith('must be ')) return `is required: ${p.message.slice('must be '.length)}`;
  return p.message;
}

/** What is known of a person after their latest settled claim. */
export interface PersonState {
  person: Person;
  accumulators: Accumulators;
  date: string;
  line: number;
  /** The latest claim was an emergency observation that converted to an admission (急诊留观转住院). */
  admittedObservation: boolean;
}

/** The running state of a claims file: the policy and every person seen so far, by id. */
export interface Ledger {
  policy: Policy;
  persons: Map<string, PersonState>;
}

export function newLedger(policy: Policy): Ledger {
  return { policy, persons: new Map() };
}

export interface SettledClaim {
  where: LineRef;
  input: ClaimLine;
  /** The person as they were before the claim (balances before). */
  person: Person;
  claim: Claim;
  settlement: Settlement;
}

/** The resident type (城乡居民) for an age: child under 18, elderly from the policy's elderlyAge, else adult. */
export function residentTypeForAge(age: number, elderlyAge: number): PersonType {
  return age < 18 ? 'child' : age >= elderlyAge ? 'elderly' : 'adult';
}

/**
 * Settle a validated line against the ledger. On success the person's state in the ledger advances;
 * on problems (the line does not fit the policy or the person's earlier claims) nothing changes.
 */
/** "2021", or "the benefit year 2009-09-01 to 2010-08-31" when it does not start on 1 January. */
function benefitYearText(year: number, start: string): string {
  if (start === '01-01') return String(year);
  const last = new Date(Date.UTC(year + 1, Number(start.slice(0, 2)) - 1, Number(start.slice(3)) - 1)).toISOString().slice(0, 10);
  return `the benefit year ${year}-${start} to ${last}`;
}

export function settleClaimLine(ledger: Ledger, input: ClaimLine, where: LineRef): Parsed<SettledClaim> {
  const problems: Problem[] = [];
  const report = (path: (string | number)[], message: string, value?: unknown) =>
    problems.push({ file: where.file, line: where.line, path, message, ...(value === undefined ? {} : { value }) });
  const bad = (field: keyof ClaimLine, message: string) => report([field], message, input[field]);
  const key = String(input.person);
  const before = ledger.persons.get(key);
  const { policy } = ledger;
  const year = benefitYearOf(input.date, policy.benefitYearStart);
  const inYear = benefitYearText(year, policy.benefitYearStart);

  const type = personType(policy, input, before, bad);

  const { from, to } = policy.effective;
  if (input.date < from || (to !== undefined && input.date > to)) {
    bad('date', `must be within the effective dates of policy "${policy.id}" (${from} to ${to ?? 'open-ended'})`);
  } else if (before && input.date < before.date) {
    bad('date', `is before this person's previous claim (${before.date}, line ${before.line}): a person's claims must be in date order`);
  }

  // The two schemes are separate funds, each with its own deductibles, admissions count and caps: a person's
  // accumulators under one cannot carry into the other within a year (they did, so a resident's payments used up
  // the employee fund cap and a first employee admission paid the later-admission deductible).
  if (before && type !== undefined && schemeOf(type) !== schemeOf(before.person.type) && before.accumulators.year === year) {
    bad(
      'type',
      `moves this person from ${CHINESE[schemeOf(before.person.type)]} ("${before.person.type}", line ${before.line}) to ${CHINESE[schemeOf(type)]} within ${inYear}; ` +
        `the schemes keep separate deductibles and caps, so this year's accumulators cannot carry: settle the claims under the new scheme with a new person id`,
    );
  }

  // The admission flags mean something on one setting each; elsewhere they were ignored without a word, so an
  // observation marked "newAdmission": false (meant as part of a stay) still opened an admission and its deductible.
  if (input.admitted && input.setting !== 'emergencyObservation') {
    bad('admitted', `is for an emergency observation (${CHINESE.emergencyObservation}) line only, not "${input.setting}": leave it out, or set setting to "emergencyObservation"`);
  }
  if (input.newAdmission !== undefined && input.setting !== 'inpatient') {
    const why = input.setting === 'emergencyObservation'
      ? 'an admitted observation always opens an admission, and the inpatient line after it continues that admission by default'
      : `"${input.setting}" has no admissions`;
    bad('newAdmission', `is for inpatient (${CHINESE.inpatient}) lines only: ${why}; leave it out`);
  }

  // Starting accumulators: given on the person's first line (a claim from mid-year), else carried.
  let start = before?.accumulators;
  const given = input.accumulators;
  if (given !== undefined) {
    if (before) {
      report(['accumulators'], `may only be given on a person's first line: this person's accumulators carry from line ${before.line}`);
    }
    if (given.year !== undefined && given.year !== year) {
      report(['accumulators', 'year'], `must be the benefit year of the claim's date (${year}${policy.benefitYearStart === '01-01' ? '' : `: ${inYear}`}): accumulators are for one settlement year`, given.year);
    }
    if (!given.admissions && ((given.admissionDeductibleLeft ?? 0) > 0 || (given.admissionRangeCost ?? 0) > 0)) {
      report(['accumulators', 'admissions'], 'must be at least 1 when admissionDeductibleLeft or admissionRangeCost is given (they describe the current admission)', given.admissions);
    }
    start = emptyAccumulators(year);
    for (const k of ACCUMULATOR_FIELDS) start[k] = given[k] ?? 0;
    const scheme = type === undefined ? undefined : policy[schemeOf(type)];
    if (scheme && type !== undefined) {
      for (const [k, message] of unreachableAccumulators(scheme, type, start)) report(['accumulators', k], message, fenToYuan(start[k]));
    }
  }

  // 急诊留观 (seed 002): an inpatient line right after the person's admitted emergency observation, in the
  // same year, continues that admission (shares its deductible) unless the line says newAdmission.
  const continuesObservation = input.setting === 'inpatient' && before !== undefined && before.admittedObservation && before.accumulators.year === year;
  const newAdmission = input.newAdmission ?? !continuesObservation;

  const claim: Claim = {
    id: input.id === undefined ? undefined : String(input.id),
    date: input.date,
    setting: input.setting,
    level: input.level,
    location: input.location,
    cause: input.cause,
    classA: input.classA,
    classB: input.classB,
    classC: input.classC,
    newAdmission,
    admitted: input.admitted,
  };
  const accumulators = accumulatorsFor(claim, start, policy.benefitYearStart);
  if (input.setting === 'inpatient' && !newAdmission && accumulators.admissions === 0) {
    bad('newAdmission', `continues an admission, but this person has no admission in ${inYear}: must be true (the default) here`);
  }
  if (problems.length > 0 || type === undefined) return { ok: false, problems };

  const age = input.age ?? before?.person.age;
  const person: Person = {
    id: key,
    type,
    ...(age === undefined ? {} : { age }),
    accountBalance: input.accountBalance ?? before?.person.accountBalance ?? 0,
    familyAccountBalance: input.familyAccountBalance ?? before?.person.familyAccountBalance ?? 0,
    assistanceEligible: input.assistanceEligible ?? before?.person.assistanceEligible ?? false,
    povertyRegistered: input.povertyRegistered ?? before?.person.povertyRegistered ?? false,
  };
  const settlement = settleReference(policy, person, accumulators, claim);
  ledger.persons.set(key, {
    person: { ...person, accountBalance: settlement.accountBalance, familyAccountBalance: settlement.familyAccountBalance },
    accumulators: settlement.accumulators,
    date: input.date,
    line: where.line,
    admittedObservation: input.setting === 'emergencyObservation' && input.admitted,
  });
  return { ok: true, value: { where, input, person, claim, settlement } };
}

/**
 * Accumulators given for a claim from mid-year that no claims under the policy could have left: more of a
 * deductible used than the deductible, more paid than a cap, a fund cap that has counted less than the
 * settings it covers paid. They were taken as given, and settled the claim as if from an impossible year.
 */
function unreachableAccumulators(scheme: SchemePolicy, type: PersonType, acc: Accumulators): [keyof Accumulators, string][] {
  const out: [keyof Accumulators, string][] = [];
  const who = `${type} (${CHINESE[type]})`;
  const atMost = (k: keyof Accumulators, limit: number | null | undefined, what: string) => {
    if (limit !== null && limit !== undefined && acc[k] > Math.round(limit * 100)) out.push([k, `must be at most ${fenToYuan(Math.round(limit * 100))}, ${what}`]);
  };
  atMost('outpatientDeductibleUsed', scheme.outpatient.deductible[type], `the annual ${CHINESE.outpatient} deductible for ${who}`);
  atMost('chronicDeductibleUsed', scheme.chronic.deductible[type], `the annual ${CHINESE.chronic} deductible for ${who}`);
  atMost('admissionDeductibleLeft', Math.max(...LEVELS.map((l) => scheme.inpatient.deductible[type]![l])), `the highest first-admission deductible for ${who}`);
  atMost('outpatientPaid', scheme.outpatient.cap[type], `the ${CHINESE.outpatient} annual limit for ${who}`);
  atMost('chronicPaid', scheme.chronic.cap[type], `the ${CHINESE.chronic} annual limit for ${who}`);
  atMost('inpatientPaid', scheme.inpatient.cap[type], `the ${CHINESE.inpatient} annual limit for ${who}`);
  atMost('fundCapPaid', scheme.fundCap.amount[type], `the fund cap (封顶线) for ${who}`);
  atMost('seriousIllnessPaid', scheme.seriousIllness?.cap, `the ${CHINESE.seriousIllness} annual cap`);
  atMost('assistancePaid', scheme.assistance?.cap, `the ${CHINESE.assistance} annual cap`);
  atMost('assistanceDeductibleUsed', scheme.assistance?.deductible, `the ${CHINESE.assistance} annual deductible`);
  // The fund cap counts every payment in the settings it covers (pharmacy payments share outpatientPaid, so
  // only inpatient and chronic care are summed here).
  const covered = (['inpatient', 'chronic'] as const).filter((b) => (scheme.fundCap.settings as readonly string[]).includes(b));
  const counted = covered.reduce((sum, b) => sum + acc[b === 'inpatient' ? 'inpatientPaid' : 'chronicPaid'], 0);
  if (acc.fundCapPaid < counted) {
    const fields = covered.map((b) => (b === 'inpatient' ? 'inpatientPaid' : 'chronicPaid')).join(' + ');
    out.push(['fundCapPaid', `must be at least ${fields} (${fenToYuan(counted)}): the fund cap (封顶线) counts every payment in the settings it covers`]);
  }
  return out;
}

/**
 * The person type of a line: `type` if given (checked against `age` for residents), else the resident
 * type for `age` (unless the person is an employee), else the carried type. Reports problems with `bad`.
 */
function personType(
  policy: Policy,
  input: ClaimLine,
  before: PersonState | undefined,
  bad: (field: keyof ClaimLine, message: string) => void,
): PersonType | undefined {
  const carried = before?.person.type;
  const { age } = input;
  let type = input.type ?? carried;
  if (age !== undefined && input.type === undefined && (carried === undefined || schemeOf(carried) === 'resident')) {
    if (!policy.resident) {
      bad('type', `is required here: age alone sets a resident type, and policy "${policy.id}" has no resident scheme (${CHINESE.resident}); ${oneOf(PERSON_TYPES)}`);
      return undefined;
    }
    type = residentTypeForAge(age, policy.resident.elderlyAge);
  }
  if (type === undefined) {
    bad('type', `is required on a person's first line (or age, for a resident): ${oneOf(PERSON_TYPES)}`);
    return undefined;
  }
  if (!policy[schemeOf(type)]) {
    bad('type', `policy "${policy.id}" has no ${schemeOf(type)} scheme (${CHINESE[schemeOf(type)]})`);
    return undefined;
  }
  if (age !== undefined && input.type !== undefined && policy.resident && schemeOf(input.type) === 'resident') {
    const elderlyAge = policy.resident.elderlyAge;
    const implied = residentTypeForAge(age, elderlyAge);
    // A student (学生) is in the child group at any age below the elderly age.
    const fits = input.type === implied || (input.type === 'child' && age < elderlyAge);
    if (!fits) {
      bad(
        'age',
        `does not fit type "${input.type}": policy "${policy.id}" counts residents as elderly (${CHINESE.elderly}) from age ${elderlyAge} ` +
          `(resident.elderlyAge), so a resident aged ${age} is "${implied}" ("child" fits under 18, and students under ${elderlyAge})`,
      );
      return undefined;
    }
  }
  return type;
}

/** Parse and settle one line; undefined for a blank line. */
export function settleJsonLine(ledger: Ledger, text: string, where: LineRef): Parsed<SettledClaim> | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseClaimLine(text, where);
  return parsed.ok ? settleClaimLine(ledger, parsed.value, where) : parsed;
}

export type SplitJson = Record<keyof Split, string>;
export type AccumulatorsJson = { year: number; admissions: number } & Record<string, number | string>;

/** One output line. */
export interface SettledLineJson {
  line: number;
  id?: string | number;
  person: string | number;
  type: Person['type'];
  date: string;
  split: SplitJson;
  accumulators: AccumulatorsJson;
  accountBalance: string;
  familyAccountBalance: string;
  explanation?: Step[];
}

/** Accumulators for output: counts as integers, money as yuan strings. */
export function accumulatorsJson(acc: Accumulators): AccumulatorsJson {
  return Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, COUNTS.has(k as keyof Accumulators) ? v : fenToYuan(v)])) as AccumulatorsJson;
}

export function settledLineJson(s: SettledClaim, options: { explain?: boolean } = {}): SettledLineJson {
  const { settlement } = s;
  const split = Object.fromEntries(Object.entries(settlement.split).map(([k, v]) => [k, fenToYuan(v)])) as SplitJson;
  return {
    line: s.where.line,
    ...(s.input.id === undefined ? {} : { id: s.input.id }),
    person: s.input.person,
    type: s.person.type,
    date: s.claim.date,
    split,
    accumulators: accumulatorsJson(settlement.accumulators),
    accountBalance: fenToYuan(settlement.accountBalance),
    familyAccountBalance: fenToYuan(settlement.familyAccountBalance),
    ...(options.explain ? { explanation: settlement.trace } : {}),
  };
}

/**
 * Settle a whole JSON-lines text (e.g. in a notebook): the settled lines and every problem. The policy as
 * validated, or as `loadPolicy` returns it (with its file).
 */
export function settleJsonLines(policy: Policy | LoadedPolicy, text: string, file = '-', options: { explain?: boolean } = {}) {
  const ledger = newLedger('raw' in policy ? policy.policy : policy);
  const settled: SettledLineJson[] = [];
  const problems: Problem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const result = settleJsonLine(ledger, line, { file, line: i + 1 });
    if (result?.ok) settled.push(settledLineJson(result.value, options));
    else if (result) problems.push(...result.problems);
  });
  return { settled, problems, ledger };
}
