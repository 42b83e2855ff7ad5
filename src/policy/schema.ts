/**
 * The policy file: a dated, jurisdiction-tagged description of both schemes' benefits.
 * Parameters are data; the rules that use them live in src/settlement/.
 * Amounts are yuan (at most 2 decimals), ratios are decimals in [0, 1] (at most 4 decimals).
 *
 * Most parameters may be written as a single value or keyed by person type and/or hospital level,
 * e.g. `ratio: 0.8`, `ratio: {secondary: 0.85, default: 0.8}`,
 * `ratio: {retired: {tertiary: 0.9, default: 0.95}, default: 0.85}`.
 */
import { z } from 'zod';
import { isWholeFen, MAX_FEN } from '../money/fen.js';
import { withConsistencyChecks } from './consistency.js';
import {
  BENEFIT_SETTINGS,
  CAUSES,
  EMPLOYEE_TYPES,
  LEVELS,
  RESIDENT_TYPES,
  SETTINGS,
  type PersonType,
} from './vocabulary.js';

export const yuan = z
  .number()
  .min(0, 'must be 0 or more')
  .max(MAX_FEN / 100, `must be at most ${MAX_FEN / 100} yuan`)
  .refine(isWholeFen, 'must have at most 2 decimals (whole fen)');

export const ratio = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1')
  .refine((r) => Math.abs(Math.round(r * 10_000) - r * 10_000) < 1e-6, 'must have at most 4 decimals');

/** A day that exists (2021-02-30 and 2021-13-01 do not): the date rolls over otherwise. */
function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v;
}

const isoDate = z.string().refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD');

/** A day of every year, MM-DD (29 February is not one). */
const monthDay = z.string().refine((v) => /^\d{2}-\d{2}$/.test(v) && v !== '02-29' && isCalendarDate(`2021-${v}`), 'must be a day of the year written MM-DD, e.g. "09-01" (not "02-29")');

/**
 * A list of names, each at most once. A repeated name is a slip, and not a harmless one: the reference
 * settlement sums a 大病保险 basis part by part, so `basis: [copay, copay]` counted the co-payment twice
 * (the batch kernel, reading flags, once), paying more than the burden and leaving negative cash.
 */
function distinct<T extends z.ZodType<string>>(item: T) {
  return z.array(item).superRefine((list, ctx) => {
    list.forEach((v, i) => {
      if (list.indexOf(v) < i) ctx.addIssue({ code: 'custom', path: [i], message: `"${v}" is listed twice (at ${list.indexOf(v)} and ${i}): list each once` });
    });
  });
}

/** Most bands a ratio table may have (the batch kernel's fixed row width). */
export const MAX_BANDS = 8;

/** A cost band (分段): ratio applies to cost in [from, to); the last band is open-ended. */
export const band = z.strictObject({ from: yuan, to: yuan.optional(), ratio });
export type Band = z.output<typeof band>;

/** Bands must start at 0, follow each other without gap or overlap, and end open. */
export const bands = z
  .array(band)
  .min(1, 'needs at least one band')
  .max(MAX_BANDS, `at most ${MAX_BANDS} bands are allowed`)
  .superRefine((list, ctx) => {
    if (list[0]!.from !== 0) ctx.addIssue({ code: 'custom', path: [0, 'from'], message: 'the first band must start at 0' });
    list.forEach((b, i) => {
      const last = i === list.length - 1;
      if (last && b.to !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'the last band must be open-ended (no "to")' });
      if (!last && b.to === undefined) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'only the last band may be open-ended' });
      if (b.to !== undefined && b.to <= b.from) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: `must be above "from" (${b.from})` });
      const next = list[i + 1];
      if (next && b.to !== undefined && next.from !== b.to) {
        const what = next.from > b.to ? 'leaves a gap after' : 'overlaps';
        ctx.addIssue({ code: 'custom', path: [i + 1, 'from'], message: `${what} the previous band (which ends at ${b.to}); must equal ${b.to}` });
      }
    });
  });

/** A single ratio, or bands of ratios by cost. */
export const ratioSpec = z.union([ratio, bands]);
export type RatioSpec = z.output<typeof ratioSpec>;

/** As written in a file: one value, or a table by key with an optional `default`. */
type Keyed<T> = T | { [k: string]: T | undefined };

/**
 * A value that may be given once, or per key with an optional `default`. Every key must resolve;
 * unknown keys are errors. Parsing normalises it to a full table, so rule code never resolves defaults.
 */
function keyed<S extends z.ZodType, K extends string>(value: S, keys: readonly K[], what: string) {
  const shape: Record<string, z.ZodOptional<S>> = { default: value.optional() };
  for (const k of keys) shape[k] = value.optional();
  const fill = (get: (k: K) => z.output<S> | undefined) =>
    Object.fromEntries(keys.map((k) => [k, get(k)])) as Record<K, z.output<S>>;
  const table = z
    .strictObject(shape)
    .superRefine((obj, ctx) => {
      if (obj['default'] !== undefined) return;
      for (const k of keys) {
        if (obj[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `missing ${what} "${k}" (give it, or a "default")` });
      }
    })
    // An explicit null (e.g. "no cap" for one person type) is a value, not a fall-back to the default.
    .transform((obj) => fill((k) => (obj[k] !== undefined ? obj[k] : obj['default']) as z.output<S>));
  const single = value.transform((v) => fill(() => v as z.output<S>));
  return z.union([single, table]) as unknown as z.ZodType<Record<K, z.output<S>>, Keyed<z.input<S>>>;
}

export const byLevel = <S extends z.ZodType>(v: S) => keyed(v, LEVELS, 'hospital level');
const byEmployee = <S extends z.ZodType>(v: S) => keyed(v, EMPLOYEE_TYPES, 'person type');
const byResident = <S extends z.ZodType>(v: S) => keyed(v, RESIDENT_TYPES, 'person type');
type ByPerson = <S extends z.ZodType>(v: S) => z.ZodType<Record<string, z.output<S>>, Keyed<z.input<S>>>;

const benefitSetting = z.enum(BENEFIT_SETTINGS);
const optionalCap = yuan.nullable();

function schemeSchema(byPerson: ByPerson, types: readonly PersonType[]) {
  /** General outpatient pooling (门诊统筹) and chronic/special-disease outpatient (门诊慢特病). */
  const outpatientBenefit = z.strictObject({
    pooled: z.boolean().default(true),
    deductible: byPerson(yuan).prefault(0),
    ratio: byPerson(byLevel(ratioSpec)),
    cap: byPerson(optionalCap).prefault(null),
    classBFirstSelfPay: ratio.optional(),
  });

  const inpatient = z.strictObject({
    deductible: byPerson(byLevel(yuan)),
    laterAdmissionDeductible: byPerson(byLevel(yuan)).optional(),
    ratio: byPerson(byLevel(ratioSpec)),
    bandBasis: z.enum(['annual', 'admission']).default('annual'),
    cap: byPerson(optionalCap).prefault(null),
    classBFirstSelfPay: ratio.optional(),
  });

  /** Designated pharmacy (定点药店): shares the outpatient pool's deductible and cap when pooled. */
  const pharmacy = z.strictObject({
    pooled: z.boolean().default(false),
    ratio: byPerson(ratio).prefault(0),
    classBFirstSelfPay: ratio.optional(),
  });

  const outOfAreaTerms = z.strictObject({ ratioReduction: ratio.default(0), firstSelfPay: ratio.default(0) });

  const seriousIllness = z.strictObject({
    settings: distinct(benefitSetting).default(['inpatient', 'chronic']),
    deductible: byPerson(yuan),
    bands,
    cap: optionalCap.default(null),
    basis: distinct(z.enum(['deductible', 'copay', 'aboveCap'])).min(1).default(['deductible', 'copay', 'aboveCap']),
  });

  const assistance = z.strictObject({
    settings: distinct(benefitSetting).default(['inpatient', 'chronic']),
    deductible: yuan.prefault(0),
    ratio,
    cap: optionalCap.default(null),
  });

  const backstop = z.strictObject({
    settings: distinct(benefitSetting).default(['inpatient']),
    targetRatio: ratio,
    basis: z.enum(['total', 'policyRange']).default('total'),
  });

  const personalAccount = z.strictObject({
    settings: distinct(z.enum(SETTINGS)).default([...SETTINGS]),
    components: distinct(z.enum(['outOfScope', 'firstSelfPay', 'deductible', 'copay', 'aboveCap'])).default([
      'firstSelfPay',
      'deductible',
      'copay',
      'aboveCap',
    ]),
    familyUse: z
      .strictObject({ minHistoricBalance: yuan, minClaim: yuan, minRemaining: yuan })
      .nullable()
      .default(null),
  });

  const scheme = z.strictObject({
    classBFirstSelfPay: ratio.prefault(0),
    excludedCauses: distinct(z.enum(CAUSES).exclude(['illness'])).default(CAUSES.filter((c) => c !== 'illness') as never),
    outpatient: outpatientBenefit,
    chronic: outpatientBenefit,
    inpatient,
    pharmacy: pharmacy.prefault({}),
    fundCap: z.strictObject({
      amount: byPerson(yuan),
      settings: distinct(benefitSetting).min(1).default(['inpatient', 'chronic']),
    }),
    outOfArea: z
      .strictObject({ outOfAreaRegistered: outOfAreaTerms.prefault({}), outOfAreaUnregistered: outOfAreaTerms.prefault({}) })
      .prefault({}),
    seriousIllness: seriousIllness.nullable().default(null),
    assistance: assistance.nullable().default(null),
    backstop: backstop.nullable().default(null),
    personalAccount: personalAccount.nullable().default(null),
  });
  return withConsistencyChecks(scheme, types);
}

export const employeePolicy = schemeSchema(byEmployee, EMPLOYEE_TYPES);
export const residentPolicy = schemeSchema(byResident, RESIDENT_TYPES).extend({
  /** Age from which a resident adult counts as elderly (老年居民), as the region defines it. */
  elderlyAge: z.number().int().min(50).max(80).default(60),
});

export const source = z.strictObject({
  title: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional(),
});

export const policySchema = z
  .strictObject({
    // "+" joins a baseline's id and a reform's (see reform.ts).
    id: z.string().regex(/^[A-Za-z0-9_.+-]+$/, 'must be letters, digits, "_", ".", "+" or "-"'),
    name: z.string().min(1),
    jurisdiction: z.string().min(2),
    effective: z.strictObject({ from: isoDate, to: isoDate.optional() }).superRefine((e, ctx) => {
      // Compared only when both are real days; a bad one is reported on its own.
      if (e.to && isCalendarDate(e.from) && isCalendarDate(e.to) && e.to < e.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before effective.from (${e.from})` });
    }),
    /**
     * The benefit year (医保年度, 待遇享受年度): the day deductibles, caps and admission counts start afresh. Most
     * regions use the calendar year; a student scheme may run from 1 September (seed 003 篇四 L413).
     */
    benefitYearStart: monthDay.default('01-01'),
    description: z.string().optional(),
    sources: z.array(source).default([]),
    employee: employeePolicy.optional(),
    resident: residentPolicy.optional(),
  })
  .superRefine(
    (p, ctx) => {
      if (!p.employee && !p.resident) ctx.addIssue({ code: 'custom', path: [], message: 'needs an "employee" or a "resident" scheme (or both)' });
    },
    // Reported with every other problem, unless the document is not even an object.
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value) },
  );

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type EmployeePolicy = z.output<typeof employeePolicy>;
export type ResidentPolicy = z.output<typeof residentPolicy>;
export type SchemePolicy = EmployeePolicy | ResidentPolicy;
export type { Keyed };


