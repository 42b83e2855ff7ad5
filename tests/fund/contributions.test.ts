import { describe, expect, it } from 'vitest';
import { fundAssumptions, type FundAssumptionsInput } from '../../src/fund/assumptions.js';
import {
  accountInterest,
  contributionBase,
  contributionTerms,
  employeeContribution,
  employerContribution,
  inServiceAccountCredit,
  retiredAccountCredit,
  retiredContribution,
} from '../../src/fund/contributions.js';

const terms = (employee: FundAssumptionsInput['employee'] = {}) => contributionTerms(fundAssumptions.parse({ employee }).employee);

describe('contribution base bounds (60%–300% of the average wage)', () => {
  const t = terms();
  const average = 10_000_000; // 100,000.00 yuan in fen: floor 60,000.00, ceiling 300,000.00 (computed by hand)

  it('keeps a wage exactly at the floor or the ceiling, and one in between', () => {
    expect(contributionBase(6_000_000, average, t)).toBe(6_000_000);
    expect(contributionBase(30_000_000, average, t)).toBe(30_000_000);
    expect(contributionBase(12_345_678, average, t)).toBe(12_345_678);
  });

  it('raises a wage one fen below the floor and lowers one a fen above the ceiling', () => {
    expect(contributionBase(5_999_999, average, t)).toBe(6_000_000);
    expect(contributionBase(0, average, t)).toBe(6_000_000);
    expect(contributionBase(30_000_001, average, t)).toBe(30_000_000);
  });

  it('rounds each bound half up to the fen', () => {
    // 10,000,001 × 0.6 = 6,000,000.6 → 6,000,001; × 3 = 30,000,003 (computed by hand)
    expect(contributionBase(1, 10_000_001, t)).toBe(6_000_001);
    expect(contributionBase(99_999_999, 10_000_001, t)).toBe(30_000_003);
  });

  it('follows configured bounds', () => {
    const narrow = terms({ contributions: { base: { floor: 0.7, ceiling: 2.5 } } });
    expect(contributionBase(1, average, narrow)).toBe(7_000_000);
    expect(contributionBase(99_999_999, average, narrow)).toBe(25_000_000);
  });
});

describe('contributions and account credits', () => {
  const base = 6_000_000; // 60,000.00 yuan

  it('employer 8% and employee 2% of the base (seed 000 L70); retirees pay nothing by default', () => {
    const t = terms();
    expect(employerContribution(base, t)).toBe(480_000); // 4,800.00
    expect(employeeContribution(base, t)).toBe(120_000); // 1,200.00
    expect(retiredContribution(3_600_000, t)).toBe(0);
    expect(retiredContribution(3_600_000, terms({ contributions: { retiredRate: 0.01 } }))).toBe(36_000);
  });

  it('mutual-aid rule: an in-service account gets only the own 2%', () => {
    expect(inServiceAccountCredit(base, terms())).toBe(120_000);
  });

  it('legacy rule: the own 2% plus 30% of the employer 8%', () => {
    // 1,200.00 + 30% × 4,800.00 = 1,200.00 + 1,440.00 = 2,640.00 (computed by hand)
    expect(inServiceAccountCredit(base, terms({ accounts: { rule: 'legacy' } }))).toBe(264_000);
    // each part rounded on its own: base 12,345.67 → own 246.91 (246.9134), employer 987.65 (987.6536),
    // 30% of 987.65 = 296.295 → 296.30; total 543.21 (computed by hand)
    expect(inServiceAccountCredit(1_234_567, terms({ accounts: { rule: 'legacy' } }))).toBe(54_321);
  });

  it('a retiree gets 2% of the average pension, or a fixed sum', () => {
    expect(retiredAccountCredit(terms())).toBe(72_000); // 2% × 36,000 = 720.00
    expect(retiredAccountCredit(terms({ accounts: { retired: { shareOfAveragePension: 0.025, averagePension: 40_000 } } }))).toBe(100_000);
    expect(retiredAccountCredit(terms({ accounts: { retired: { fixed: 600 } } }))).toBe(60_000);
  });

  it('account interest at the demand-deposit rate on positive balances only', () => {
    // 0.35% × 10,000.00 = 35.00; 0.35% × 1,234.57 = 4.3209... → 4.32 (computed by hand)
    expect(accountInterest(1_000_000, terms())).toBe(3_500);
    expect(accountInterest(123_457, terms())).toBe(432);
    expect(accountInterest(0, terms())).toBe(0);
  });
});
