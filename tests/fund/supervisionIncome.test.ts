/**
 * Supervision's income lines in the fund ledger: recoveries and fines to the fund are scaled by the weight
 * and rounded once like every line, added to income (and so to the pooled fund's balance), zero when
 * absent, kept to their own scheme, and rejected when not whole non-negative fen.
 */
import { describe, expect, it } from 'vitest';
import { fundAssumptions } from '../../src/fund/assumptions.js';
import { fundLedger, type FundYearInputs } from '../../src/fund/ledger.js';

const assumptions = fundAssumptions.parse({ employee: { interestRate: 0, opening: { perMember: 0 }, reserve: { shareOfIncome: 0 } } });
const year = (supervision?: FundYearInputs['supervision']): FundYearInputs => ({
  year: 2021,
  weight: '2.5',
  byType: { inService: { memberYears: 10, employerContribution: 1_000_000, pooledFund: 400_000 } },
  supervision,
});

describe('supervision income in the ledger', () => {
  const [without] = fundLedger('employee', assumptions, [year()]);
  const [withLines] = fundLedger('employee', assumptions, [year({ employee: { recovered: 12_345, fines: 101 }, resident: { recovered: 999_999, fines: 999_999 } })]);

  it('is zero when supervision is off', () => {
    expect(without!.income.supervisionRecovered.toFixed(2)).toBe('0.00');
    expect(without!.income.supervisionFines.toFixed(2)).toBe('0.00');
  });

  it('scales each line by the weight, rounded half up to the fen once, and adds it to income and the balance', () => {
    // 12,345 fen × 2.5 = 308.625 yuan → 308.63; 101 fen × 2.5 = 2.525 yuan → 2.53.
    expect(withLines!.income.supervisionRecovered.toFixed(2)).toBe('308.63');
    expect(withLines!.income.supervisionFines.toFixed(2)).toBe('2.53');
    expect(withLines!.income.total.minus(without!.income.total).toFixed(2)).toBe('311.16');
    expect(withLines!.accumulated.closing.minus(without!.accumulated.closing).toFixed(2)).toBe('311.16');
    // Expenditure is untouched: the settled payments already include the leakage.
    expect(withLines!.expenditure.pooledPayments.toFixed(2)).toBe(without!.expenditure.pooledPayments.toFixed(2));
  });

  it('rejects amounts that are not whole non-negative fen', () => {
    expect(() => fundLedger('employee', assumptions, [year({ employee: { recovered: -1, fines: 0 } })])).toThrow(/2021 supervision\.employee\.recovered must be a non-negative integer \(fen\), got -1/);
    expect(() => fundLedger('employee', assumptions, [year({ employee: { recovered: 0, fines: 0.5 } })])).toThrow(/supervision\.employee\.fines/);
  });
});
