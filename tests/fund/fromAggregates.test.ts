import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { addClaims } from '../../src/engine/aggregateYear.js';
import { BLOCK, MONEY_FIELDS, memberCell, MEMBER_FIELDS, moneyCell } from '../../src/engine/aggregates.js';
import { fundAssumptions } from '../../src/fund/assumptions.js';
import { fundYearInputs } from '../../src/fund/fromAggregates.js';
import { fundLedger } from '../../src/fund/ledger.js';
import { Decimal, fromFen, share } from '../../src/money/decimal.js';
import { loadPolicy } from '../../src/policy/load.js';
import { LEVELS, PERSON_TYPES, SETTINGS, schemeOf } from '../../src/policy/vocabulary.js';
import { compilePolicy } from '../../src/settlement/compile.js';
import {
  CLAIM_NEW_ADMISSION,
  OUT,
  OUT_STRIDE,
  allocateAccumulators,
  allocateClaims,
  allocatePersons,
  allocateResults,
} from '../../src/settlement/columns.js';
import { settleBatch } from '../../src/settlement/kernel.js';

/** 400 members of every person type and 6,000 claims settled by the kernel under the default policy. */
function settledYear() {
  const rng = seedrandom('fund-ledger-pooled-sum');
  const persons = allocatePersons(400);
  for (let p = 0; p < persons.length; p++) {
    persons.type[p] = p % PERSON_TYPES.length;
    persons.accountBalance[p] = schemeOf(PERSON_TYPES[persons.type[p]!]!) === 'employee' ? Math.floor(rng() * 500_000) : 0;
  }
  const n = 6_000;
  const claims = allocateClaims(n);
  for (let i = 0; i < n; i++) {
    // Claims of a person in date order: person-major.
    claims.person[i] = Math.floor((i * persons.length) / n);
    claims.setting[i] = Math.floor(rng() * (SETTINGS.length - 1)); // outpatient, chronic, inpatient, pharmacy
    claims.level[i] = Math.floor(rng() * LEVELS.length);
    claims.flags[i] = claims.setting[i] === 2 ? CLAIM_NEW_ADMISSION : 0;
    const scale = claims.setting[i] === 2 ? 3_000_000 : 40_000;
    claims.classA[i] = Math.floor(rng() * scale);
    claims.classB[i] = Math.floor(rng() * scale * 0.3);
    claims.classC[i] = Math.floor(rng() * scale * 0.1);
  }
  const out = allocateResults(n);
  const block = new Float64Array(BLOCK);
  // Account balances before and after the year, as the engine records them per person type.
  const addBalances = (field: 'accountOpening' | 'accountClosing') => {
    for (let p = 0; p < persons.length; p++) block[moneyCell(persons.type[p]!, MONEY_FIELDS.indexOf(field))] += persons.accountBalance[p]!;
  };
  addBalances('accountOpening');
  settleBatch(compilePolicy(loadPolicy(defaultPolicyFile()).policy), claims, persons, allocateAccumulators(persons.length), out);
  addBalances('accountClosing');
  addClaims(block, 0, claims, out, persons.type, new Float64Array(persons.length), new Float64Array(persons.length), new Float64Array(persons.length * SETTINGS.length));
  return { block, claims, persons, out };
}

describe('the ledger from engine aggregates', () => {
  const { block, claims, persons, out } = settledYear();
  const pooledSum = (scheme: 'employee' | 'resident') => {
    let s = 0;
    for (let i = 0; i < claims.length; i++) if (schemeOf(PERSON_TYPES[persons.type[claims.person[i]!]!]!) === scheme) s += out[i * OUT_STRIDE + OUT.pooledFund]!;
    return s;
  };

  it('pooled expenditure equals the sum of settled pooled-fund payments to the fen, per scheme', () => {
    const fund = fundAssumptions.parse({});
    for (const scheme of ['employee', 'resident'] as const) {
      const expected = pooledSum(scheme);
      expect(expected).toBeGreaterThan(0);
      const ledger = fundLedger(scheme, fund, [fundYearInputs(block, 0, 2021, 1)]);
      expect(ledger[0]!.expenditure.pooledPayments.mul(100).toNumber()).toBe(expected);
    }
  });

  it('account spending is what the kernel took from the accounts', () => {
    let spent = 0;
    for (let i = 0; i < claims.length; i++) spent += out[i * OUT_STRIDE + OUT.personalAccount]!;
    expect(spent).toBeGreaterThan(0);
    const accounts = fundLedger('employee', fundAssumptions.parse({}), [fundYearInputs(block, 0, 2021, 1)])[0]!.accounts!;
    expect(accounts.spending.mul(100).toNumber()).toBe(spent);
    expect(accounts.closing.mul(100).toNumber()).toBe(accounts.opening.mul(100).toNumber() - spent);
  });

  it('with a weight, it is that sum × weight rounded once to the fen', () => {
    const weight = '1234.5678';
    const ledger = fundLedger('employee', fundAssumptions.parse({}), [fundYearInputs(block, 0, 2021, weight)]);
    const expected = share(fromFen(pooledSum('employee')), weight);
    expect(ledger[0]!.expenditure.pooledPayments.toFixed(2)).toBe(expected.toFixed(2));
    expect(expected.mul(100).isInteger()).toBe(true);
    expect(expected.eq(fromFen(pooledSum('employee')).mul(weight))).toBe(false); // rounding did something
  });

  it('reads member-years and money cells per person type', () => {
    const b = new Float64Array(BLOCK);
    const t = PERSON_TYPES.indexOf('retired');
    b[memberCell(t, 6, MEMBER_FIELDS.indexOf('memberYears'))] = 7;
    b[memberCell(t, 7, MEMBER_FIELDS.indexOf('memberYears'))] = 5;
    b[moneyCell(t, MONEY_FIELDS.indexOf('accountCredit'))] = 864_000;
    const inputs = fundYearInputs(b, 0, 2030, new Decimal(3));
    expect(inputs.byType.retired).toMatchObject({ memberYears: 12, accountCredit: 864_000, pooledFund: 0 });
    expect(inputs.byType.inService).toMatchObject({ memberYears: 0 });
    expect(inputs.year).toBe(2030);
  });
});
