import { describe, expect, it } from 'vitest';
import { fundAssumptions, type FundAssumptionsInput } from '../../src/fund/assumptions.js';
import { depletionYear, firstDeficitYear, fundLedger, ledgerRows, type FundYear, type FundYearInputs, type MemberYearSums } from '../../src/fund/ledger.js';
import { InputError } from '../../src/input/inputError.js';
import type { Decimal } from '../../src/money/decimal.js';

const Y = 100; // fen per yuan: amounts below are written in yuan × Y
const text = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

/**
 * A two-year employee fund with round numbers. 125 simulated members stand for 1,250 people (weight 10):
 * 100 in service with a base of 50,000 yuan each, 25 retirees. Simulated sums (yuan):
 *   employer 8% = 400,000; employee 2% = 100,000 (= in-service account credits); retiree credits 25 × 720 = 18,000;
 *   pooled payments 299,000 (2021) and 799,000 (2022).
 * Assumptions: 1% interest, opening balance 12 months, serious-illness premium 8 (fund) + 4 (individual) a head.
 */
function employeeYear(year: number, pooledSimulated: number): FundYearInputs {
  const inService: Partial<MemberYearSums> = {
    memberYears: 100,
    contributionBase: 5_000_000 * Y,
    employerContribution: 400_000 * Y,
    employeeContribution: 100_000 * Y,
    accountCredit: 100_000 * Y,
    pooledFund: (pooledSimulated - 9_000) * Y,
    seriousIllness: 1_000 * Y,
  };
  const retired: Partial<MemberYearSums> = { memberYears: 25, accountCredit: 18_000 * Y, pooledFund: 9_000 * Y, seriousIllness: 2_000 * Y, assistance: 50 * Y };
  return { year, weight: 10, byType: { inService, retired } };
}

const twoYears = [employeeYear(2021, 299_000), employeeYear(2022, 799_000)];

const assumptions = (employee: FundAssumptionsInput['employee']) =>
  fundAssumptions.parse({
    employee: {
      interestRate: 0.01,
      opening: { months: 12 },
      seriousIllness: { perHead: { fund: 8, individual: 4 } },
      accounts: { retired: { fixed: 720 } },
      ...employee,
    },
  });

describe('a two-year employee fund, computed by hand', () => {
  const noCover = fundLedger('employee', assumptions({ reserve: { deficitCover: { reserve: 0, government: 0 } } }), twoYears);
  const [y1, y2] = noCover as [FundYear, FundYear];

  it('2021: income lines, interest on the opening balance, allocation to accounts', () => {
    // scaled ×10: employer 4,000,000; employee 1,000,000; people 1,250
    expect(y1.people.toNumber()).toBe(1250);
    expect(text(y1.income.employer)).toBe('4000000.00');
    expect(text(y1.income.employee)).toBe('1000000.00');
    expect(text(y1.income.retiree)).toBe('0.00');
    // expenditure = pooled 2,990,000 + premium 1,250 × 8 = 10,000 → 3,000,000
    expect(text(y1.expenditure.pooledPayments)).toBe('2990000.00');
    expect(text(y1.expenditure.seriousIllnessPremium)).toBe('10000.00');
    expect(text(y1.expenditure.total)).toBe('3000000.00');
    // opening = 12 months of 3,000,000 = 3,000,000; interest 1% = 30,000
    expect(text(y1.accumulated.opening)).toBe('3000000.00');
    expect(text(y1.income.interest)).toBe('30000.00');
    expect(text(y1.income.total)).toBe('5030000.00');
    // to accounts = (100,000 + 18,000) × 10 = 1,180,000; pooled income = 5,030,000 − 1,180,000 = 3,850,000
    expect(text(y1.allocation.toAccounts)).toBe('1180000.00');
    expect(text(y1.pooledIncome)).toBe('3850000.00');
  });

  it('2021: current balance, accumulated balance and months covered', () => {
    // 3,850,000 − 3,000,000 = 850,000; accumulated 3,000,000 + 850,000 = 3,850,000; ÷ (3,000,000 ÷ 12) = 15.4 months
    expect(text(y1.currentBalance)).toBe('850000.00');
    expect(text(y1.accumulated.closing)).toBe('3850000.00');
    expect(text(y1.monthsCovered)).toBe('15.40');
    expect(text(y1.deficitCover.deficit)).toBe('0.00');
  });

  it('2022: deficit and depletion when nothing covers the deficit', () => {
    // interest 1% × 3,850,000 = 38,500; income 5,038,500; pooled income 3,858,500
    // expenditure 7,990,000 + 10,000 = 8,000,000; current balance 3,858,500 − 8,000,000 = −4,141,500
    // accumulated 3,850,000 − 4,141,500 = −291,500; months −291,500 ÷ (8,000,000 ÷ 12) = −0.437 → −0.44
    expect(text(y2.income.interest)).toBe('38500.00');
    expect(text(y2.pooledIncome)).toBe('3858500.00');
    expect(text(y2.expenditure.total)).toBe('8000000.00');
    expect(text(y2.currentBalance)).toBe('-4141500.00');
    expect(text(y2.deficitCover.uncovered)).toBe('4141500.00');
    expect(text(y2.accumulated.closing)).toBe('-291500.00');
    expect(text(y2.monthsCovered)).toBe('-0.44');
    expect(firstDeficitYear(noCover)).toBe(2022);
    expect(depletionYear(noCover)).toBe(2022);
  });

  it('2022: a 50/50 cover (seed 002 篇8) by the reserve and a government subsidy keeps the fund whole', () => {
    // reserve opening 2,000 a head × 1,250 = 2,500,000; interest 1%: 25,000 (2021), 25,250 (2022) → 2,550,250 available
    // deficit 4,141,500: reserve 2,070,750, government 2,070,750; accumulated stays 3,850,000
    const ledger = fundLedger('employee', assumptions({ reserve: { opening: { perMember: 2000 } } }), twoYears);
    const z = ledger[1]!;
    expect(text(z.reserve.opening)).toBe('2525000.00');
    expect(text(z.reserve.interest)).toBe('25250.00');
    expect(text(z.deficitCover.reserve)).toBe('2070750.00');
    expect(text(z.deficitCover.government)).toBe('2070750.00');
    expect(text(z.deficitCover.uncovered)).toBe('0.00');
    expect(text(z.accumulated.closing)).toBe('3850000.00');
    expect(text(z.reserve.closing)).toBe('479500.00'); // 2,550,250 − 2,070,750
    expect(firstDeficitYear(ledger)).toBe(2022);
    expect(depletionYear(ledger)).toBeNull();
  });

  it('the reserve covers at most what it holds; the rest falls on the accumulated balance', () => {
    // reserve 1,000 a head = 1,250,000; +12,500 (2021) +12,625 (2022) = 1,275,125 < its half 2,070,750
    // accumulated 3,850,000 − 4,141,500 + 1,275,125 + 2,070,750 = 3,054,375; uncovered 795,625
    const z = fundLedger('employee', assumptions({ reserve: { opening: { perMember: 1000 } } }), twoYears)[1]!;
    expect(text(z.deficitCover.reserve)).toBe('1275125.00');
    expect(text(z.deficitCover.uncovered)).toBe('795625.00');
    expect(text(z.accumulated.closing)).toBe('3054375.00');
    expect(text(z.reserve.closing)).toBe('0.00');
  });

  it('a share of income set aside for the reserve reduces the pooled income', () => {
    // 2021: 5% × (5,030,000 − 1,180,000) = 192,500; pooled income 3,657,500
    const z = fundLedger('employee', assumptions({ reserve: { shareOfIncome: 0.05 } }), twoYears)[0]!;
    expect(text(z.allocation.toReserve)).toBe('192500.00');
    expect(text(z.pooledIncome)).toBe('3657500.00');
    expect(text(z.reserve.closing)).toBe('192500.00');
  });

  it('the serious-illness sub-ledger: premiums in, settled payments out, balance carried', () => {
    // premiums 10,000 (fund) + 5,000 (individuals, 1,250 × 4); payments (1,000 + 2,000) × 10 = 30,000 a year
    expect(text(y1.seriousIllness.premiumFromFund)).toBe('10000.00');
    expect(text(y1.seriousIllness.premiumFromIndividuals)).toBe('5000.00');
    expect(text(y1.seriousIllness.payments)).toBe('30000.00');
    expect(text(y1.seriousIllness.closing)).toBe('-15000.00');
    expect(text(y2.seriousIllness.closing)).toBe('-30000.00');
    expect(text(y1.otherPayers.assistance)).toBe('500.00');
  });

  it('a premium as a share of income is paid wholly by the fund', () => {
    // the opening's 12 months are of 2,990,000 (a premium set by income is not in that base): interest 29,900;
    // income after account credits 5,029,900 − 1,180,000 = 3,849,900; 1% of it = 38,499
    const z = fundLedger('employee', assumptions({ seriousIllness: { shareOfIncome: 0.01 } }), twoYears)[0]!;
    expect(text(z.accumulated.opening)).toBe('2990000.00');
    expect(text(z.seriousIllness.premiumFromFund)).toBe('38499.00');
    expect(text(z.seriousIllness.premiumFromIndividuals)).toBe('0.00');
    expect(text(z.expenditure.total)).toBe('3028499.00'); // 2,990,000 + 38,499
  });

  it('flat rows for tables', () => {
    const rows = ledgerRows(noCover);
    expect(rows[0]!['income.employer']).toBe(4_000_000);
    expect(rows[1]!['accumulated.closing']).toBe(-291_500);
    expect(rows[0]!['monthsCovered']).toBe(15.4);
  });
});

describe('provider payment', () => {
  it('adds what institutions are paid beyond the settled amounts as its own expenditure line, weighted', () => {
    // Institutions are paid 12,345.67 yuan less than settled (simulated): × weight 10 = −123,456.70.
    // 2021 expenditure 3,000,000 − 123,456.70 = 2,876,543.30; the opening balance (12 months of settled
    // expenditure) stays 3,000,000; current balance 3,850,000 − 2,876,543.30 = 973,456.70.
    const years = [{ ...twoYears[0]!, paymentDifference: { employee: -1_234_567, resident: 999 } }, twoYears[1]!];
    const [y1, y2] = fundLedger('employee', assumptions({}), years) as [FundYear, FundYear];
    expect(text(y1.expenditure.pooledPayments)).toBe('2990000.00');
    expect(text(y1.expenditure.paymentDifference)).toBe('-123456.70');
    expect(text(y1.expenditure.total)).toBe('2876543.30');
    expect(text(y1.accumulated.opening)).toBe('3000000.00');
    expect(text(y1.currentBalance)).toBe('973456.70');
    expect(text(y2.expenditure.paymentDifference)).toBe('0.00');
  });

  it('rejects a difference that is not whole fen', () => {
    expect(() => fundLedger('employee', assumptions({}), [{ ...twoYears[0]!, paymentDifference: { employee: 0.5 } }])).toThrow(/paymentDifference\.employee must be an integer/);
  });
});

describe('personal accounts', () => {
  // Simulated (yuan): opening 300,000 + 125,000; credits 118,000; interest 1,050 + 437.50;
  // spending 80,000 + 20,000 own + 5,000 from a resident's family-account use; leavers 2,000.
  const withAccounts = (closingRetired: number): FundYearInputs => {
    const y = employeeYear(2021, 299_000);
    Object.assign(y.byType.inService!, { accountOpening: 300_000 * Y, accountInterest: 1_050 * Y, personalAccount: 80_000 * Y, accountClosing: 0 });
    Object.assign(y.byType.retired!, { accountOpening: 125_000 * Y, accountInterest: 43_750, personalAccount: 20_000 * Y, accountLeavers: 2_000 * Y, accountClosing: closingRetired });
    y.byType.adult = { familyAccount: 5_000 * Y };
    return y;
  };

  it('opening + credits + interest − spending (own and family) − leavers = closing, scaled by the weight', () => {
    // ×10: 4,250,000 + 1,180,000 + 14,875 − 1,050,000 − 20,000 = 4,374,875
    const a = fundLedger('employee', assumptions({}), [withAccounts(43_748_750)])[0]!.accounts!;
    expect(text(a.opening)).toBe('4250000.00');
    expect(text(a.credits)).toBe('1180000.00');
    expect(text(a.interest)).toBe('14875.00');
    expect(text(a.spending)).toBe('1050000.00');
    expect(text(a.leavers)).toBe('20000.00');
    expect(text(a.closing)).toBe('4374875.00');
  });

  it("rejects engine sums whose closing balance does not add up", () => {
    expect(() => fundLedger('employee', assumptions({}), [withAccounts(43_748_751)])).toThrow(/do not add up/);
  });

  it('residents have no accounts', () => {
    const resident = fundLedger('resident', fundAssumptions.parse({}), [{ year: 2021, weight: 1, byType: { adult: { memberYears: 1 } } }])[0]!;
    expect(resident.accounts).toBeNull();
  });
});

describe('resident income', () => {
  const residents = (year: number): FundYearInputs => ({
    year,
    weight: 1,
    byType: { adult: { memberYears: 700 }, child: { memberYears: 250 }, elderly: { memberYears: 50 }, inService: { memberYears: 9, employerContribution: 100 } },
  });

  it('individual contributions and the fiscal subsidy per head: 320 / 580 in 2021, +40 / +30 a year after', () => {
    const [a, b] = fundLedger('resident', fundAssumptions.parse({}), [residents(2021), residents(2022)]) as [FundYear, FundYear];
    // 1,000 residents (employee members are another fund): 320,000 and 580,000; 2022: 360,000 and 610,000
    expect(text(a.income.residentIndividual)).toBe('320000.00');
    expect(text(a.income.fiscalSubsidy)).toBe('580000.00');
    expect(text(a.income.employer)).toBe('0.00');
    expect(text(b.income.residentIndividual)).toBe('360000.00');
    expect(text(b.income.fiscalSubsidy)).toBe('610000.00');
    // default premium 10.5 a head from the fund: 10,500
    expect(text(a.expenditure.seriousIllnessPremium)).toBe('10500.00');
  });

  it('a year before the financing table is an input error naming the field', () => {
    const run = () => fundLedger('resident', fundAssumptions.parse({}), [residents(2019)], 'scenario.yaml');
    expect(run).toThrow(InputError);
    expect(run).toThrow(/scenario\.yaml: fund\.resident\.financing\.byYear = \[2021\]: no resident financing standard for 2019/);
  });
});

describe('arrears and late fees (2‰ a day, seed 001 第4篇 Art 13)', () => {
  it('uncollected contributions come back next year with the late fee', () => {
    const f = assumptions({ arrears: { collectionRate: 0.96, daysLate: 90 } });
    const [a, b] = fundLedger('employee', f, twoYears) as [FundYear, FundYear];
    // due 5,000,000; 4% uncollected = 200,000; next year recovered 200,000 × 0.002 × 90 = 36,000 late fees
    expect(text(a.income.uncollected)).toBe('-200000.00');
    expect(text(a.income.arrearsRecovered)).toBe('0.00');
    expect(text(b.income.arrearsRecovered)).toBe('200000.00');
    expect(text(b.income.lateFees)).toBe('36000.00');
    expect(text(b.income.uncollected)).toBe('-200000.00');
    // 2022 income: 5,000,000 − 200,000 + 200,000 + 36,000 + interest 1% of (3,850,000 − 200,000) = 36,500
    expect(text(b.income.total)).toBe('5072500.00');
  });

  it('only the recovered share of arrears comes back', () => {
    const f = assumptions({ arrears: { collectionRate: 0.96, daysLate: 30, recoveredNextYear: 0.5 } });
    const b = fundLedger('employee', f, twoYears)[1]!;
    // 50% × 200,000 = 100,000; × 0.002 × 30 = 6,000
    expect(text(b.income.arrearsRecovered)).toBe('100000.00');
    expect(text(b.income.lateFees)).toBe('6000.00');
  });
});

describe('weights and input checks', () => {
  it('rounds each line once, half up to the fen', () => {
    // 1.23 yuan × 2.5 = 3.075 → 3.08; 3 fen × 2.5 = 7.5 fen → 8 fen (computed by hand)
    const z = fundLedger('employee', assumptions({ seriousIllness: null }), [
      { year: 2021, weight: '2.5', byType: { inService: { pooledFund: 123 }, retired: { pooledFund: 0, seriousIllness: 3 } } },
    ])[0]!;
    expect(text(z.expenditure.pooledPayments)).toBe('3.08');
    expect(text(z.seriousIllness.payments)).toBe('0.08');
  });

  it('rejects gaps between years, non-integer sums and a non-positive weight', () => {
    const f = assumptions({});
    expect(() => fundLedger('employee', f, [employeeYear(2021, 299_000), employeeYear(2023, 299_000)])).toThrow(/consecutive/);
    expect(() => fundLedger('employee', f, [{ year: 2021, weight: 1, byType: { inService: { pooledFund: 1.5 } } }])).toThrow(/non-negative integer/);
    expect(() => fundLedger('employee', f, [{ year: 2021, weight: 0, byType: {} }])).toThrow(/weight/);
  });
});
