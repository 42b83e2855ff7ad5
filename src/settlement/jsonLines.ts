/**
 * The settlement JSON-lines interface: one claim per input line, one settled claim per output line.
 * Each person's accumulators and account balances carry from claim to claim in line order (a new
 * calendar year starts the accumulators afresh). A bad line yields problems naming its line number,
 * field, value and what is allowed; it changes nothing, and the other lines are still settled.
 * No I/O here: the `yibao settle` and `yibao explain` commands and notebooks share these functions.
 * Money in and out is yuan; output amounts are strings with exactly two decimals, so they are exact.
 */
import { z } from 'zod';
import { problemsFromZod, type Problem } from '../input/inputError.js';
import { fenToYuan, MAX_FEN, yuanToFen } from '../money/fen.js';
import type { Policy } from '../policy/schema.js';
import { CAUSES, CHINESE, LEVELS, LOCATIONS, PERSON_TYPES, schemeOf, SETTINGS } from '../policy/vocabulary.js';
import { accumulatorsFor, settleReference, type Settlement } from './reference.js';
import type { Step } from './rules/trace.js';
import type { Accumulators, Claim, Person, Split } from './types.js';

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
  /** Inpatient: false continues the person's current admission (same deductible). */
  newAdmission: flag.default(true),
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
  if (p.message === 'unknown field') return `unknown field (allowed: ${CLAIM_LINE_FIELDS.join(', ')})`;
  if (p.value === undefined && p.message.startsWith('must be ')) return `is required: ${p.message.slice('must be '.length)}`;
  return p.message;
}

/** What is known of a person after their latest settled claim. */
export interface PersonState {
  person: Person;
  accumulators: Accumulators;
  date: string;
  line: number;
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

/**
 * Settle a validated line against the ledger. On success the person's state in the ledger advances;
 * on problems (the line does not fit the policy or the person's earlier claims) nothing changes.
 */
export function settleClaimLine(ledger: Ledger, input: ClaimLine, where: LineRef): Parsed<SettledClaim> {
  const problems: Problem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ file: where.file, line: where.line, path: [field], value: input[field as keyof ClaimLine], message });
  const key = String(input.person);
  const before = ledger.persons.get(key);
  const { policy } = ledger;

  const type = input.type ?? before?.person.type;
  if (type === undefined) bad('type', `is required on a person's first line: ${oneOf(PERSON_TYPES)}`);
  else if (!policy[schemeOf(type)]) bad('type', `policy "${policy.id}" has no ${schemeOf(type)} scheme (${CHINESE[schemeOf(type)]})`);

  const { from, to } = policy.effective;
  if (input.date < from || (to !== undefined && input.date > to)) {
    bad('date', `must be within the effective dates of policy "${policy.id}" (${from} to ${to ?? 'open-ended'})`);
  } else if (before && input.date < before.date) {
    bad('date', `is before this person's previous claim (${before.date}, line ${before.line}): a person's claims must be in date order`);
  }

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
    newAdmission: input.newAdmission,
    admitted: input.admitted,
  };
  const accumulators = accumulatorsFor(claim, before?.accumulators);
  if (input.setting === 'inpatient' && !input.newAdmission && accumulators.admissions === 0) {
    bad('newAdmission', `continues an admission, but this person has no admission in ${accumulators.year}: must be true (the default) here`);
  }
  if (problems.length > 0 || type === undefined) return { ok: false, problems };

  const person: Person = {
    id: key,
    type,
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
  });
  return { ok: true, value: { where, input, person, claim, settlement } };
}

/** Parse and settle one line; undefined for a blank line. */
export function settleJsonLine(ledger: Ledger, text: string, where: LineRef): Parsed<SettledClaim> | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseClaimLine(text, where);
  return parsed.ok ? settleClaimLine(ledger, parsed.value, where) : parsed;
}

/** Accumulators that count admissions or name the year; every other accumulator is money. */
const COUNTS = new Set<keyof Accumulators>(['year', 'admissions']);

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

/** Settle a whole JSON-lines text (e.g. in a notebook): the settled lines and every problem. */
export function settleJsonLines(policy: Policy, text: string, file = '-', options: { explain?: boolean } = {}) {
  const ledger = newLedger(policy);
  const settled: SettledLineJson[] = [];
  const problems: Problem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const result = settleJsonLine(ledger, line, { file, line: i + 1 });
    if (result?.ok) settled.push(settledLineJson(result.value, options));
    else if (result) problems.push(...result.problems);
  });
  return { settled, problems, ledger };
}
