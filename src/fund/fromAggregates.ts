/**
 * The ledger's yearly input read from one merged aggregate block of the engine (engine/aggregates.ts):
 * member-years from the member cells, settled payments from the claim cells (summed over settings and
 * levels), contributions and account flows from the money cells.
 */
import type { Decimal } from '../money/decimal.js';
import { LEVELS, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import { AGE_BANDS, CLAIM_FIELDS, MEMBER_FIELDS, MONEY_FIELDS, claimCell, memberCell, moneyCell } from '../engine/aggregates.js';
import type { FundYearInputs, MemberYearSums } from './ledger.js';

const PAYERS = ['pooledFund', 'seriousIllness', 'assistance', 'backstop', 'personalAccount', 'familyAccount'] as const;
const MONEY = [
  'contributionBase',
  'employerContribution',
  'employeeContribution',
  'accountCredit',
  'accountInterest',
  'accountOpening',
  'accountLeavers',
  'accountClosing',
] as const satisfies readonly (keyof MemberYearSums & (typeof MONEY_FIELDS)[number])[];

/** `block[at…]` is one (variant, path, year) block; `weight` is the people one simulated member stands for. */
export function fundYearInputs(block: Float64Array, at: number, year: number, weight: Decimal.Value): FundYearInputs {
  const byType: FundYearInputs['byType'] = {};
  PERSON_TYPES.forEach((type, t) => {
    const sums: Partial<MemberYearSums> = {};
    let memberYears = 0;
    for (let band = 0; band < AGE_BANDS.length; band++) memberYears += block[at + memberCell(t, band, MEMBER_FIELDS.indexOf('memberYears'))]!;
    sums.memberYears = memberYears;
    for (const payer of PAYERS) {
      const field = CLAIM_FIELDS.indexOf(payer);
      let total = 0;
      for (let s = 0; s < SETTINGS.length; s++) for (let l = 0; l < LEVELS.length; l++) total += block[at + claimCell(t, s, l, field)]!;
      sums[payer] = total;
    }
    for (const field of MONEY) sums[field] = block[at + moneyCell(t, MONEY_FIELDS.indexOf(field))]!;
    byType[type] = sums;
  });
  return { year, weight, byType };
}
