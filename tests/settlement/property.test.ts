/**
 * The batch kernel (compilePolicy + settleBatch) must agree with the reference (settleReference) to the fen
 * on every output component, every accumulator and both balances, claim after claim, on random policies
 * and random claim sequences (see support/). Every claim must also conserve money.
 * Fixed seeds: a failure names the seed, policy, person and claim so it can be replayed.
 * Edge cases are aimed at on purpose, and the test checks that each occurred often enough.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/schema.js';
import { allocateAccumulators, allocateResults } from '../../src/settlement/columns.js';
import { compilePolicy } from '../../src/settlement/compile.js';
import { settleBatch } from '../../src/settlement/kernel.js';
import { accumulatorsAt, claimColumns, personColumns, splitAt } from '../../src/settlement/objects.js';
import { schemePolicyFor } from '../../src/settlement/reference.js';
import { ratioBands } from '../../src/settlement/rules/coinsurance.js';
import { benefitSettingOf } from '../../src/settlement/rules/routing.js';
import { ACCUMULATOR_FIELDS, type Person, type Split } from '../../src/settlement/types.js';
import { COMPONENTS, PAYERS, type PersonType } from '../../src/policy/vocabulary.js';
import { yuanToFen } from '../../src/money/fen.js';
import { randomCase, type Case, type SettledClaim } from './support/randomClaims.js';
import { randomPolicy } from './support/randomPolicy.js';

/** Every field of a split (pooledFund is both a component and a payer). */
const SPLIT_FIELDS = [...COMPONENTS, ...PAYERS.filter((p) => p !== 'pooledFund')] as const;

type Coverage = Record<string, number>;

interface Mismatch {
  where: string;
  field: string;
  reference: number;
  kernel: number;
}

/** The first few mismatches in full, and how many there were. */
interface Mismatches {
  count: number;
  first: Mismatch[];
}

function conservationProblems(s: Split): string[] {
  const out: string[] = [];
  const components = COMPONENTS.reduce((sum, c) => sum + s[c], 0);
  const payers = PAYERS.reduce((sum, p) => sum + s[p], 0);
  if (components !== s.bill) out.push(`components sum to ${components}, bill ${s.bill}`);
  if (payers !== s.bill) out.push(`payers sum to ${payers}, bill ${s.bill}`);
  for (const f of [...COMPONENTS, ...PAYERS]) {
    if (s[f] < 0 || !Number.isInteger(s[f])) out.push(`${f} = ${s[f]}`);
  }
  return out;
}

/** Where a capped claim's covered cost ends relative to its bands: inside a band, or past a zero-ratio band. */
function capCrossing(policy: Policy, type: PersonType, c: SettledClaim, cover: Coverage): void {
  const s = c.split;
  if (!(s.aboveCap > 0 && s.pooledFund > 0)) return;
  bump(cover, 'cap crossed mid-claim');
  const scheme = schemePolicyFor(policy, { type } as Person);
  const benefit = benefitSettingOf(c.claim.setting, c.claim.admitted);
  const perAdmission = benefit === 'inpatient' && scheme.inpatient.bandBasis === 'admission';
  const opens = c.claim.newAdmission || c.claim.setting === 'emergencyObservation';
  const start = perAdmission ? (opens ? 0 : (c.before?.admissionRangeCost ?? 0)) : (c.before?.[`${benefit}RangeCost`] ?? 0);
  const x0 = start + s.deductible;
  const end = x0 + s.pooledFund + s.copay;
  for (const b of ratioBands(scheme, type, benefit, c.claim.level)) {
    const from = yuanToFen(b.from);
    const to = b.to === undefined ? Infinity : yuanToFen(b.to);
    if (end > from && end < to) bump(cover, 'cap reached inside a band');
    if (from > x0 && from < end) bump(cover, 'cap reached after crossing into a higher band');
    if (b.ratio === 0 && from >= x0 && to <= end) bump(cover, 'zero-ratio band inside covered cost');
  }
}

const bump = (cover: Coverage, key: string, when = true) => {
  if (when) cover[key] = (cover[key] ?? 0) + 1;
};

/** Settle a case with the kernel, claim by claim, comparing each claim with the reference. */
function check(label: string, policy: Policy, kase: Case, mismatches: Mismatches, cover: Coverage): void {
  const t = compilePolicy(policy);
  const claims = claimColumns(kase.claims);
  const persons = personColumns(kase.persons);
  const acc = allocateAccumulators(kase.persons.length);
  const out = allocateResults(kase.claims.length);
  const note = (where: string, field: string, reference: number, kernel: number) => {
    if (mismatches.first.length < 10) mismatches.first.push({ where, field, reference, kernel });
    mismatches.count++;
  };
  for (let i = 0; i < kase.claims.length; i++) {
    settleBatch(t, claims, persons, acc, out, i, i + 1);
    const c = kase.claims[i]!;
    const where = `${label} claim ${i} (person ${c.person}, ${c.kind} ${JSON.stringify(c.claim)})`;
    const k = splitAt(out, claims, i);
    for (const f of SPLIT_FIELDS) if (k[f] !== c.split[f]) note(where, f, c.split[f], k[f]);
    const ka = accumulatorsAt(acc, c.person, c.accumulators.year);
    for (const f of ACCUMULATOR_FIELDS) if (ka[f] !== c.accumulators[f]) note(where, `accumulators.${f}`, c.accumulators[f], ka[f]);
    if (persons.accountBalance[c.person] !== c.accountBalance) note(where, 'accountBalance', c.accountBalance, persons.accountBalance[c.person]!);
    if (persons.familyBalance[c.person] !== c.familyAccountBalance) note(where, 'familyAccountBalance', c.familyAccountBalance, persons.familyBalance[c.person]!);
    for (const problem of [...conservationProblems(c.split).map((p) => `reference: ${p}`), ...conservationProblems(k).map((p) => `kernel: ${p}`)]) note(where, problem, 0, 0);
    tally(policy, kase, c, cover);
  }

  // The whole batch at once (persons interleaved) gives the same rows.
  const persons2 = personColumns(kase.persons);
  const acc2 = allocateAccumulators(kase.persons.length);
  const out2 = allocateResults(kase.claims.length);
  settleBatch(t, claims, persons2, acc2, out2);
  for (let j = 0; j < out.length; j++) if (out2[j] !== out[j]) note(`${label} whole batch, result slot ${j}`, 'result', out[j]!, out2[j]!);
  for (let j = 0; j < acc.length; j++) if (acc2[j] !== acc[j]) note(`${label} whole batch, accumulator slot ${j}`, 'accumulator', acc[j]!, acc2[j]!);
}

function tally(policy: Policy, kase: Case, c: SettledClaim, cover: Coverage): void {
  const inc = (key: string, when: boolean) => bump(cover, key, when);
  const s = c.split;
  const person = kase.persons[c.person]!;
  inc('claims', true);
  inc(`kind ${c.kind}`, true);
  inc('bill exactly at the deductible left', c.kind === 'atDeductible' && s.deductible === s.bill && s.bill > 0 && s.outOfScope === 0);
  inc('second or later admission', c.claim.newAdmission && c.claim.setting === 'inpatient' && (c.before?.admissions ?? 0) >= 1);
  inc('continuation claim', c.claim.setting === 'inpatient' && !c.claim.newAdmission && (c.before?.admissions ?? 0) >= 1);
  inc('emergency observation admitted', c.claim.setting === 'emergencyObservation' && c.claim.admitted);
  inc('emergency observation not admitted', c.claim.setting === 'emergencyObservation' && !c.claim.admitted);
  inc('out-of-area', c.claim.location !== 'local');
  inc('excluded cause', s.outOfScope === s.bill && s.bill > 0 && c.claim.cause !== 'illness');
  inc('cap already reached', s.aboveCap > 0 && s.pooledFund === 0);
  inc('serious illness pays', s.seriousIllness > 0);
  inc('assistance pays', s.assistance > 0);
  inc('backstop pays', s.backstop > 0);
  inc('account pays', s.personalAccount > 0);
  inc('account empty, share left', s.personalAccount === 0 && s.cash > 0 && c.accountBalance === 0);
  inc('family account pays', s.familyAccount > 0);
  const fu = schemePolicyFor(policy, person).personalAccount?.familyUse;
  if (fu) {
    const before = c.familyAccountBalance + s.familyAccount;
    inc('family balance exactly at the historic minimum', before === yuanToFen(fu.minHistoricBalance));
    inc('family pays leaving exactly the minimum', s.familyAccount > 0 && c.familyAccountBalance === yuanToFen(fu.minRemaining));
    inc('family pays a claim of exactly the minimum', s.familyAccount === yuanToFen(fu.minClaim) && s.familyAccount > 0);
  }
  capCrossing(policy, person.type, c, cover);
}

interface Run {
  seed: string;
  policies: number;
  persons: number;
  maxClaims: number;
}

// Sized so the four runs settle well over 200,000 claims (about 20 s on one core, mostly the reference).
const RUNS: Run[] = [
  { seed: 'yibao-property-1', policies: 110, persons: 40, maxClaims: 30 },
  { seed: 'yibao-property-2', policies: 110, persons: 40, maxClaims: 30 },
  { seed: 'yibao-property-3', policies: 220, persons: 20, maxClaims: 30 },
  { seed: 'yibao-property-4', policies: 55, persons: 40, maxClaims: 60 },
];
const MIN_CLAIMS = 200_000;

describe('kernel agrees with the reference on random policies and claims', () => {
  const total: Coverage = {};
  for (const run of RUNS) {
    it(`seed ${run.seed}`, () => {
      const rng = seedrandom(run.seed);
      const mismatches: Mismatches = { count: 0, first: [] };
      for (let k = 0; k < run.policies; k++) {
        const policy = randomPolicy(rng, `${run.seed}-${k}`);
        const kase = randomCase(rng, policy, run.persons, run.maxClaims);
        check(`${run.seed} policy ${k}`, policy, kase, mismatches, total);
      }
      expect(mismatches).toEqual({ count: 0, first: [] });
    }, 120_000);
  }

  it(`covered at least ${MIN_CLAIMS} claims and every edge case often`, () => {
    expect(total['claims']).toBeGreaterThanOrEqual(MIN_CLAIMS);
    const edges = [
      'kind zero',
      'kind allClassC',
      'bill exactly at the deductible left',
      'second or later admission',
      'continuation claim',
      'emergency observation admitted',
      'emergency observation not admitted',
      'out-of-area',
      'excluded cause',
      'cap crossed mid-claim',
      'cap reached inside a band',
      'cap reached after crossing into a higher band',
      'zero-ratio band inside covered cost',
      'cap already reached',
      'serious illness pays',
      'assistance pays',
      'backstop pays',
      'account pays',
      'account empty, share left',
      'family account pays',
      'family balance exactly at the historic minimum',
      'family pays leaving exactly the minimum',
      'family pays a claim of exactly the minimum',
    ];
    const rare = edges.filter((e) => (total[e] ?? 0) < 100).map((e) => `${e}: ${total[e] ?? 0}`);
    expect(rare).toEqual([]);
  });
});
