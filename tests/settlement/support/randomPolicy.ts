/**
 * Random policies for the property test: both schemes, every person type, bands up to 8 (with zero-ratio
 * bands), caps and layers on and off, family use, out-of-area terms, excluded causes, pooled/unpooled
 * settings, annual or per-admission band basis. Values are generated resolved (per person type and level)
 * and then written in one of the forms a user may write (single value, table with default, full table),
 * so the schema's normalisation is exercised too. Amounts are kept small enough that caps are often crossed.
 */
import { MAX_BANDS } from '../../../src/policy/schema.js';
import { policySchema, type Policy, type PolicyInput } from '../../../src/policy/schema.js';
import {
  BENEFIT_SETTINGS,
  CAUSES,
  EMPLOYEE_TYPES,
  LEVELS,
  RESIDENT_TYPES,
  SETTINGS,
} from '../../../src/policy/vocabulary.js';
import { chance, int, pick, ratio, subset, yuanAmount, type Rng } from './random.js';

type Table<V> = Record<string, V>;

/** Write a resolved table (every key has a value) in one of the forms the schema accepts. */
function written<V>(rng: Rng, keys: readonly string[], table: Table<V>): V | Table<V> {
  const same = (a: V, b: V) => JSON.stringify(a) === JSON.stringify(b);
  const first = table[keys[0]!]!;
  if (keys.every((k) => same(table[k]!, first)) && chance(rng, 0.7)) return first;
  const r = rng();
  if (r < 0.5) {
    const def = table[pick(rng, keys)]!;
    const out: Table<V> = { default: def };
    for (const k of keys) if (!same(table[k]!, def) || chance(rng, 0.2)) out[k] = table[k]!;
    return out;
  }
  return Object.fromEntries(keys.map((k) => [k, table[k]!]));
}

/** A resolved table where values repeat often (as real policies do). */
function tableOf<V>(rng: Rng, keys: readonly string[], gen: () => V): Table<V> {
  if (chance(rng, 0.4)) {
    const v = gen();
    return Object.fromEntries(keys.map((k) => [k, v]));
  }
  return Object.fromEntries(keys.map((k) => [k, gen()]));
}

interface BandInput {
  from: number;
  to?: number;
  ratio: number;
}

/** 1 to 8 bands from 0, widths in [minWidth, maxWidth] yuan; some bands pay nothing. */
export function randomBands(rng: Rng, minWidth: number, maxWidth: number, maxRatio = 1): BandInput[] {
  const n = chance(rng, 0.3) ? 1 : int(rng, 2, MAX_BANDS);
  const out: BandInput[] = [];
  let from = 0;
  for (let k = 0; k < n; k++) {
    const r = chance(rng, 0.15) ? 0 : ratio(rng, 0, maxRatio);
    if (k === n - 1) out.push({ from, ratio: r });
    else {
      const to = Math.round((from + yuanAmount(rng, minWidth, maxWidth)) * 100) / 100;
      out.push({ from, to, ratio: r });
      from = to;
    }
  }
  return out;
}

const ratioSpec = (rng: Rng, minWidth: number, maxWidth: number) => (chance(rng, 0.5) ? ratio(rng) : randomBands(rng, minWidth, maxWidth));

/** Scale of amounts per benefit (yuan): typical deductible, band width, cap head-room. */
const SCALE = {
  outpatient: { deductible: 800, band: [50, 1500], cap: 4000 },
  chronic: { deductible: 1500, band: [200, 6000], cap: 20000 },
  inpatient: { deductible: 2000, band: [500, 30000], cap: 80000 },
} as const;

function schemeInput(rng: Rng, types: readonly string[]) {
  const perType = <V>(gen: () => V) => tableOf(rng, types, gen);
  const perLevel = <V>(gen: () => V) => tableOf(rng, LEVELS, gen);
  const w = <V>(keys: readonly string[], t: Table<V>) => written(rng, keys, t);

  const outpatientBenefit = (which: 'outpatient' | 'chronic') => {
    const sc = SCALE[which];
    const deductible = perType(() => (chance(rng, 0.3) ? 0 : yuanAmount(rng, 0, sc.deductible)));
    const ratioTable = perType(() => w(LEVELS, perLevel(() => ratioSpec(rng, sc.band[0], sc.band[1]))));
    // Caps never below the deductible (the schema refuses that).
    const cap = Object.fromEntries(types.map((t) => [t, chance(rng, 0.3) ? null : Math.round((deductible[t]! + yuanAmount(rng, 0, sc.cap)) * 100) / 100]));
    return {
      pooled: chance(rng, 0.85),
      deductible: w(types, deductible),
      ratio: w(types, ratioTable),
      cap: w(types, cap),
      ...(chance(rng, 0.3) ? { classBFirstSelfPay: ratio(rng, 0, 0.5) } : {}),
    };
  };

  const sc = SCALE.inpatient;
  const first = perType(() => perLevel(() => (chance(rng, 0.1) ? 0 : yuanAmount(rng, 0, sc.deductible))));
  const later = Object.fromEntries(
    types.map((t) => [t, Object.fromEntries(LEVELS.map((l) => [l, Math.floor(first[t]![l]! * 100 * pick(rng, [0, 0.5, 0.5, 1, rng()])) / 100]))]),
  );
  const maxDeductible = Object.fromEntries(types.map((t) => [t, Math.max(...LEVELS.map((l) => first[t]![l]!))]));
  const inpatientCap = Object.fromEntries(types.map((t) => [t, chance(rng, 0.6) ? null : Math.round((maxDeductible[t]! + yuanAmount(rng, 0, sc.cap)) * 100) / 100]));
  const fundCapAmount = Object.fromEntries(types.map((t) => [t, Math.round((maxDeductible[t]! + yuanAmount(rng, 0, 2 * sc.cap)) * 100) / 100]));
  const fundCapSettings = subset(rng, BENEFIT_SETTINGS, 0.5);

  // Layer caps never below their deductibles (the schema refuses that); the draws are taken in the same order.
  const above = (floor: number, head: number) => Math.round((floor + yuanAmount(rng, 0, head)) * 100) / 100;
  const layers = {
    seriousIllness: chance(rng, 0.6)
      ? (() => {
          const settings = subset(rng, BENEFIT_SETTINGS, 0.6);
          const deductible = perType(() => (chance(rng, 0.3) ? 0 : yuanAmount(rng, 0, 20000)));
          return {
            settings,
            deductible: w(types, deductible),
            bands: randomBands(rng, 1000, 50000),
            cap: chance(rng, 0.4) ? null : above(Math.max(...types.map((t) => deductible[t]!)), 100000),
            basis: pick(rng, [['aboveCap'], ['deductible', 'copay', 'aboveCap'], ['copay'], ['deductible', 'copay'], ['copay', 'aboveCap']]),
          };
        })()
      : null,
    assistance: chance(rng, 0.5)
      ? (() => {
          const settings = subset(rng, BENEFIT_SETTINGS, 0.6);
          const deductible = yuanAmount(rng, 0, 3000);
          return { settings, deductible, ratio: ratio(rng), cap: chance(rng, 0.4) ? null : above(deductible, 30000) };
        })()
      : null,
    backstop: chance(rng, 0.5)
      ? { settings: subset(rng, BENEFIT_SETTINGS, 0.5), targetRatio: ratio(rng, 0.5, 1), basis: pick(rng, ['total', 'policyRange'] as const) }
      : null,
    personalAccount: chance(rng, 0.75)
      ? {
          settings: subset(rng, SETTINGS, 0.7),
          components: subset(rng, ['outOfScope', 'firstSelfPay', 'deductible', 'copay', 'aboveCap'] as const, 0.7),
          familyUse: chance(rng, 0.7)
            ? { minHistoricBalance: yuanAmount(rng, 0, 8000), minClaim: yuanAmount(rng, 0, 3000), minRemaining: yuanAmount(rng, 0, 4000) }
            : null,
        }
      : null,
  };

  const outOfAreaTerms = () => ({ ratioReduction: ratio(rng, 0, 0.3), firstSelfPay: ratio(rng, 0, 0.3) });
  return {
    classBFirstSelfPay: ratio(rng, 0, 0.5),
    excludedCauses: subset(rng, CAUSES.filter((c) => c !== 'illness'), 0.6),
    outpatient: outpatientBenefit('outpatient'),
    chronic: outpatientBenefit('chronic'),
    inpatient: {
      deductible: w(types, Object.fromEntries(types.map((t) => [t, w(LEVELS, first[t]!)]))),
      ...(chance(rng, 0.6) ? { laterAdmissionDeductible: w(types, Object.fromEntries(types.map((t) => [t, w(LEVELS, later[t]!)]))) } : {}),
      ratio: w(types, perType(() => w(LEVELS, perLevel(() => ratioSpec(rng, sc.band[0], sc.band[1]))))),
      bandBasis: pick(rng, ['annual', 'admission'] as const),
      cap: w(types, inpatientCap),
      ...(chance(rng, 0.3) ? { classBFirstSelfPay: ratio(rng, 0, 0.5) } : {}),
    },
    pharmacy: { pooled: chance(rng, 0.6), ratio: w(types, perType(() => ratio(rng))), ...(chance(rng, 0.3) ? { classBFirstSelfPay: ratio(rng, 0, 0.5) } : {}) },
    fundCap: { amount: w(types, fundCapAmount), settings: fundCapSettings.length > 0 ? fundCapSettings : ['inpatient'] },
    outOfArea: { outOfAreaRegistered: outOfAreaTerms(), outOfAreaUnregistered: outOfAreaTerms() },
    ...layers,
  };
}

export function randomPolicyInput(rng: Rng, id: string): PolicyInput {
  const which = pick(rng, ['both', 'both', 'both', 'employee', 'resident'] as const);
  return {
    id,
    name: `random policy ${id}`,
    jurisdiction: 'CN-test',
    effective: { from: '2021-01-01' },
    ...(which !== 'resident' ? { employee: schemeInput(rng, EMPLOYEE_TYPES) } : {}),
    ...(which !== 'employee' ? { resident: { ...schemeInput(rng, RESIDENT_TYPES), elderlyAge: 60 } } : {}),
  } as PolicyInput;
}

export function randomPolicy(rng: Rng, id: string): Policy {
  return policySchema.parse(randomPolicyInput(rng, id));
}
