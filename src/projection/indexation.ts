/**
 * Indexation rules: which amounts of a policy follow the average wage or medical costs from year to year.
 *
 * A rule names a field path in the policy document as written, e.g. `employee.inpatient.deductible`,
 * `resident.fundCap.amount`, `resident.seriousIllness.bands.1.from`, or a whole scheme (`employee`). Every
 * amount in yuan under it (deductibles, caps, band bounds, family-use thresholds; never ratios) is:
 *   fixed        left as written (to exempt part of a broader rule);
 *   wageIndex    scaled by the wage index since the year the amount was set;
 *   costIndex    scaled by the medical cost index since then;
 *   averageWage  set to `multiple` × the year's average wage (a deductible at 0.1, a cap at 6).
 * The most specific rule wins. A value is "set" in the base year, or by a reform in its start year.
 * Indexed amounts are rounded half up to whole yuan, as local rules publish them; in the year a value
 * is set it is used as written.
 */
import { z } from 'zod';
import { Decimal } from '../money/decimal.js';
import { LEVELS, PERSON_TYPES } from '../policy/vocabulary.js';
import type { MacroYear } from './macro.js';
import { fourDecimals } from './schemaParts.js';


const fieldPath = z
  .string()
  .regex(/^(employee|resident)(\.[A-Za-z0-9]+)*$/, 'must be a dotted field path starting with "employee" or "resident", e.g. "employee.inpatient.deductible"');
const note = z.string().optional();

export const indexationRule = z.discriminatedUnion('mode', [
  z.strictObject({ path: fieldPath, mode: z.literal('fixed'), note }),
  z.strictObject({ path: fieldPath, mode: z.literal('wageIndex'), note }),
  z.strictObject({ path: fieldPath, mode: z.literal('costIndex'), note }),
  z.strictObject({
    path: fieldPath,
    mode: z.literal('averageWage'),
    multiple: z.number().positive('must be above 0').max(100, 'must be at most 100').refine(fourDecimals, 'must have at most 4 decimals'),
    note,
  }),
]);
export type IndexationRule = z.output<typeof indexationRule>;

/** The scenario's `indexation:` list. */
export const indexationRules = z.array(indexationRule).superRefine((rules, ctx) => {
  const seen = new Map<string, number>();
  rules.forEach((r, i) => {
    const first = seen.get(r.path);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: `the same path as rule ${first}; give one rule per path` });
    else seen.set(r.path, i);
  });
});

export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Fields holding yuan amounts in a policy (schema.ts); a keyed table's keys are looked through. */
const AMOUNT_FIELDS = new Set(['deductible', 'laterAdmissionDeductible', 'cap', 'amount', 'from', 'to', 'minHistoricBalance', 'minClaim', 'minRemaining']);
const TABLE_KEYS = new Set<Segment>([...PERSON_TYPES, ...LEVELS, 'default']);

/** Whether the number at this path is an amount in yuan: its field, looking through table keys and list indices. */
export function isAmountPath(path: readonly Segment[]): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i]!;
    if (typeof s === 'number' || TABLE_KEYS.has(s)) continue;
    return AMOUNT_FIELDS.has(s);
  }
  return false;
}

export const startsWith = (path: readonly Segment[], prefix: readonly Segment[]) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/** Every numeric amount leaf under `value` (at `at`), with its path. */
export function amountLeaves(value: unknown, at: Segment[] = []): Segment[][] {
  if (typeof value === 'number') return isAmountPath(at) ? [at] : [];
  if (value === null || typeof value !== 'object') return [];
  const entries: [Segment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => amountLeaves(v, [...at, k]));
}

/** The rule that governs an amount at `path`: the one with the longest matching path. */
export function governingRule<R extends { rule: IndexationRule; segments: Segment[] }>(rules: readonly R[], path: readonly Segment[]): R | undefined {
  let best: R | undefined;
  for (const r of rules) if (startsWith(path, r.segments) && (!best || r.segments.length > best.segments.length)) best = r;
  return best;
}

export interface IndexingYear {
  macro: MacroYear;
  /** The macro year in which an amount at `path` was set (base year or a reform's start year). */
  setIn: (path: readonly Segment[]) => MacroYear;
}

/**
 * A copy of a policy document with the rules applied for one year; `used` collects the indices of
 * rules that changed or governed at least one amount.
 */
export function indexDocument(raw: unknown, rules: readonly IndexationRule[], at: IndexingYear, used: Set<number>): unknown {
  const compiled = rules.map((rule, i) => ({ rule, i, segments: parsePath(rule.path) }));
  const copy = structuredClone(raw);
  for (const leaf of amountLeaves(copy)) {
    const governing = governingRule(compiled, leaf);
    if (!governing) continue;
    used.add(governing.i);
    const parent = leaf.slice(0, -1).reduce<Record<Segment, unknown>>((o, k) => o[k] as Record<Segment, unknown>, copy as Record<Segment, unknown>);
    const key = leaf[leaf.length - 1]!;
    parent[key] = indexedAmount(parent[key] as number, governing.rule, at.macro, at.setIn(leaf));
  }
  return copy;
}

function indexedAmount(value: number, rule: IndexationRule, year: MacroYear, set: MacroYear): number {
  const whole = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  switch (rule.mode) {
    case 'fixed':
      return value;
    case 'averageWage':
      return whole(year.averageWage.mul(rule.multiple));
    case 'wageIndex':
    case 'costIndex': {
      const index = (y: MacroYear) => (rule.mode === 'wageIndex' ? y.wageIndex : y.costIndex);
      const factor = index(year).div(index(set));
      return factor.eq(1) ? value : whole(factor.mul(value));
    }
  }
}
