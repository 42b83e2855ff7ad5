/**
 * Checks across fields of one scheme, which no single field's rule can see. They catch the usual unit and
 * copy mistakes (a cap written in 万元, a table pasted into the wrong field):
 *  - a setting's annual cap (门诊统筹/门诊慢特病 年度支付限额) below its annual deductible;
 *  - the inpatient cap below an inpatient deductible (any hospital level);
 *  - the fund cap (封顶线), when it covers inpatient care, below an inpatient deductible;
 *  - a later admission's deductible above the first admission's (seed 000: later admissions pay a lower one);
 *  - the serious-illness (大病保险) or medical-assistance (医疗救助) annual cap below its own deductible.
 * A check runs only when the fields it reads parsed cleanly, so it is reported together with every other
 * problem of the file. Problems are placed at the resolved key (e.g. `cap.inService`); loading moves them
 * to the field as written (see writtenPath in load.ts).
 */
import type { z } from 'zod';
import { CHINESE, LEVELS, type Level } from './vocabulary.js';

type ByType<T> = Record<string, T>;

/** The fields of a parsed scheme the checks read. */
export interface CheckedScheme {
  outpatient: { deductible: ByType<number>; cap: ByType<number | null> };
  chronic: { deductible: ByType<number>; cap: ByType<number | null> };
  inpatient: {
    deductible: ByType<Record<Level, number>>;
    laterAdmissionDeductible?: ByType<Record<Level, number>> | undefined;
    cap: ByType<number | null>;
  };
  fundCap: { amount: ByType<number>; settings: readonly string[] };
  seriousIllness: { deductible: ByType<number>; cap: number | null } | null;
  assistance: { deductible: number; cap: number | null } | null;
}

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** One inconsistency for one person type: where (the resolved path) and what, given who it concerns. */
interface Finding {
  path: Path;
  text: (who: string) => string;
}

interface SchemeCheck {
  /** Fields of the scheme the check reads; it is skipped while any of them has a problem. */
  reads: string[][];
  find(s: CheckedScheme, type: string): Finding[];
}

const who = (type: string) => `${type} (${CHINESE[type] ?? type})`;

/** The highest inpatient deductible of a person type, and the level it applies at. */
function highestDeductible(s: CheckedScheme, type: string): { amount: number; level: Level } {
  const table = s.inpatient.deductible[type]!;
  const level = LEVELS.reduce((best, l) => (table[l] > table[best] ? l : best), LEVELS[0]);
  return { amount: table[level], level };
}

const CHECKS: SchemeCheck[] = [
  ...(['outpatient', 'chronic'] as const).map<SchemeCheck>((setting) => ({
    reads: [
      [setting, 'cap'],
      [setting, 'deductible'],
    ],
    find(s, t) {
      const cap = s[setting].cap[t];
      const deductible = s[setting].deductible[t]!;
      if (cap === null || cap === undefined || cap >= deductible) return [];
      return [{ path: [setting, 'cap', t], text: (w) => `the annual cap ${cap} for ${w} is below the annual deductible ${deductible}: must be at least ${deductible} (or null for no cap)` }];
    },
  })),
  {
    reads: [
      ['inpatient', 'cap'],
      ['inpatient', 'deductible'],
    ],
    find(s, t) {
      const cap = s.inpatient.cap[t];
      const top = highestDeductible(s, t);
      if (cap === null || cap === undefined || cap >= top.amount) return [];
      return [{ path: ['inpatient', 'cap', t], text: (w) => `the inpatient cap ${cap} for ${w} is below the inpatient deductible ${top.amount} (${top.level}): must be at least ${top.amount} (or null for no cap)` }];
    },
  },
  {
    reads: [
      ['inpatient', 'deductible'],
      ['inpatient', 'laterAdmissionDeductible'],
    ],
    find(s, t) {
      const later = s.inpatient.laterAdmissionDeductible?.[t];
      if (!later) return [];
      return LEVELS.filter((l) => later[l] > s.inpatient.deductible[t]![l]).map((l) => {
        const first = s.inpatient.deductible[t]![l];
        return { path: ['inpatient', 'laterAdmissionDeductible', t, l], text: (w) => `the later-admission deductible ${later[l]} for ${w} at ${l} is above the first admission's ${first}: must be at most ${first}` };
      });
    },
  },
  {
    reads: [['inpatient', 'deductible'], ['fundCap']],
    find(s, t) {
      const top = highestDeductible(s, t);
      const amount = s.fundCap.amount[t]!;
      if (!s.fundCap.settings.includes('inpatient') || amount >= top.amount) return [];
      return [{ path: ['fundCap', 'amount', t], text: (w) => `the fund cap ${amount} for ${w} is below the inpatient deductible ${top.amount} (${top.level}): must be at least ${top.amount}` }];
    },
  },
  {
    reads: [['seriousIllness']],
    find(s, t) {
      const si = s.seriousIllness;
      const deductible = si?.deductible[t];
      if (!si || si.cap === null || deductible === undefined || si.cap >= deductible) return [];
      return [{ path: ['seriousIllness', 'cap'], text: (w) => `the serious-illness (大病保险) cap ${si.cap} is below its deductible ${deductible} for ${w}: must be at least ${deductible} (or null for no cap)` }];
    },
  },
  {
    reads: [['assistance']],
    find(s) {
      const as = s.assistance;
      if (!as || as.cap === null || as.cap >= as.deductible) return [];
      return [{ path: ['assistance', 'cap'], text: () => `the medical-assistance (医疗救助) cap ${as.cap} is below its deductible ${as.deductible}: must be at least ${as.deductible} (or null for no cap)` }];
    },
  },
];

/** Run a check for every person type, reporting the same finding once for all the types it concerns. */
function run(check: SchemeCheck, s: CheckedScheme, types: readonly string[], report: Report): void {
  const groups = new Map<string, Finding & { types: string[] }>();
  for (const t of types) {
    for (const f of check.find(s, t)) {
      const key = JSON.stringify([f.path.filter((k) => k !== t), f.text('')]);
      const group = groups.get(key);
      if (group) group.types.push(t);
      else groups.set(key, { ...f, types: [t] });
    }
  }
  for (const g of groups.values()) report(g.path, g.text(g.types.map(who).join(', ')));
}

/**
 * Whether an earlier problem leaves a field the check reads unusable: a problem inside that field, or in
 * an object holding it (an unknown key beside it does not matter).
 */
function blocks(issue: { code: string; path?: PropertyKey[] | undefined }, reads: readonly string[][]): boolean {
  if (issue.code === 'unrecognized_keys') return false;
  const path = issue.path ?? [];
  const prefix = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.every((k, i) => k === b[i]);
  return reads.some((read) => (path.length <= read.length ? prefix(path, read) : prefix(read, path)));
}

/** Add the consistency checks to a scheme's object schema. */
export function withConsistencyChecks<S extends z.ZodType<CheckedScheme>>(schema: S, types: readonly string[]): S {
  let out = schema;
  for (const check of CHECKS) {
    out = out.superRefine(
      (s, ctx) => run(check, s, types, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
      { when: (payload) => !payload.issues.some((i) => blocks(i, check.reads)) },
    ) as S;
  }
  return out;
}
