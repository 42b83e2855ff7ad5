/**
 * The scenario's `fund:` section: how each scheme's fund is financed and kept, with defaults for the
 * default prefecture (base year 2021). Amounts are yuan (at most 2 decimals), rates are decimals
 * (at most 4 decimals), as in policy files. Every default names its source.
 *
 * The fund modelled is basic medical insurance without maternity insurance (生育保险): since the 2019
 * merger bulletins report the employee fund "含生育保险", so compare with care.
 */
import { z } from 'zod';
import { InputError } from '../input/inputError.js';
import { ratio, yuan } from '../policy/schema.js';
import { fourDecimals, yearTable } from '../projection/schemaParts.js';

/** A multiple of the average wage (contribution base bounds), e.g. 0.6 or 3. */
const multiple = z.number().min(0, 'must be 0 or more').max(20, 'must be at most 20').refine(fourDecimals, 'must have at most 4 decimals');

/**
 * An opening balance: months of the first projected year's expenditure (可支付月数), or yuan per person
 * represented in the first year (an absolute sum would not scale with the sample).
 */
const openingBalance = z.union([
  z.strictObject({ months: z.number().min(0, 'must be 0 or more').max(600, 'must be at most 600 months') }),
  z.strictObject({ perMember: yuan }),
]);
export type OpeningBalance = z.output<typeof openingBalance>;

/**
 * The risk-adjustment reserve (风险调剂金): a share of pooled income set aside each year; a current-year
 * deficit is covered `deficitCover.reserve` by the reserve (up to its balance) and `deficitCover.government`
 * by a government special subsidy (政府专项补助); what neither covers falls on the accumulated balance.
 */
const reserve = z.strictObject({
  // No published share was found: none set aside unless the scenario says so.
  shareOfIncome: ratio.default(0),
  opening: openingBalance.default({ perMember: 0 }),
  // 50% reserve / 50% government: Hangzhou notice of 2010-08-31, seed 002 篇8 L403 (domain F9).
  deficitCover: z
    .strictObject({ reserve: ratio.default(0.5), government: ratio.default(0.5) })
    .prefault({})
    .refine((c) => c.reserve + c.government <= 1, 'reserve + government must be at most 1 (the whole deficit)'),
});

/**
 * Funding of serious-illness insurance (大病保险): a premium per head split between the basic fund and the
 * insured, or a share of the pooled fund's income (paid wholly by the fund).
 */
const seriousIllnessFunding = z.union([
  z.strictObject({ perHead: z.strictObject({ fund: yuan, individual: yuan }) }),
  z.strictObject({ shareOfIncome: ratio }),
]);

/** Parts every scheme's fund has. */
const fundCommon = {
  // Bank demand-deposit benchmark rate 0.35% (中国人民银行, in force from 2015-10-24 through 2021), the
  // accounts' rate (seed 002 篇8 L399, domain B16). The ledger credits it once a year on the pooled fund's
  // (and the reserve's) accumulated balance at the start of the year, when positive: an assumption, as the
  // seeds give the crediting rule for accounts only (those are credited on the year-end balance, below).
  interestRate: ratio.default(0.0035),
  reserve: reserve.prefault({}),
  // 15 yuan a head = 10.5 from the basic fund + 4.5 from the insured: Hangzhou, seed 002 篇8 L425 (domain B9).
  // null: no premium (serious-illness payments then run its sub-ledger into deficit).
  seriousIllness: seriousIllnessFunding.nullable().default({ perHead: { fund: 10.5, individual: 4.5 } }),
  // Donations and other income (其他收入), other spending: none unless the scenario says so.
  otherIncomePerMember: yuan.default(0),
  otherExpenditurePerMember: yuan.default(0),
};

/** Contributions not collected in the year (欠费) and recovered the next year with a late fee (滞纳金). */
const arrears = z.strictObject({
  // Share of contributions due that is paid in the year; 96% is the collection-rate gate of seed 001
  // 第4篇 Art 7 (domain F3), a floor rather than a typical rate, so it is no default.
  collectionRate: ratio,
  // Share of last year's arrears recovered this year; the rest is written off.
  recoveredNextYear: ratio.default(1),
  // Average days from due date to payment for recovered arrears.
  daysLate: z.number().int().min(0).max(3650),
  // 2‰ a day on the arrears, paid into the fund: seed 001 第4篇 Art 13 L261 (domain F5).
  lateFeePerDay: ratio.default(0.002),
});

/** The account credit of a retiree: a share of the average pension, or a fixed sum a year. */
const retiredCredit = z.union([
  z.strictObject({ shareOfAveragePension: ratio, averagePension: yuan }),
  z.strictObject({ fixed: yuan }),
]);

const employeeFund = z.strictObject({
  contributions: z
    .strictObject({
      // Employer 8% and employee 2% of the contribution base, excluding maternity insurance: seed 000 L70
      // ("公司占8%,个人占2%"). Where maternity is merged the local employer rate is higher (e.g. 北京 9.8%
      // 含生育, reference/contribution_rates_cities.csv).
      employerRate: ratio.default(0.08),
      employeeRate: ratio.default(0.02),
      // Retirees pay nothing (社会保险法 Art 27, with enough contribution years); a rate on the retiree's
      // base (the pension the engine supplies) models regions that charge them.
      retiredRate: ratio.default(0),
      // The base is the wage bounded to 60%–300% of the average wage: the 上海, 广州 and 深圳 rows of
      // reference/contribution_rates_cities.csv have ceiling ÷ floor = 5, i.e. 300% ÷ 60% (北京's floor is lower).
      base: z
        .strictObject({ floor: multiple.default(0.6), ceiling: multiple.default(3) })
        .prefault({})
        .refine((b) => b.floor <= b.ceiling, { message: 'floor must not be above ceiling', path: ['floor'] }),
    })
    .prefault({}),
  accounts: z
    .strictObject({
      // mutualAid: after the 2021 outpatient mutual-aid reform (国办发〔2021〕14号, 门诊共济) an in-service
      // member's account gets the member's own contribution and the employer's goes wholly to the pooled fund.
      // legacy: the older rule (国发〔1998〕44号): also `legacyEmployerShare` of the employer's contribution.
      rule: z.enum(['mutualAid', 'legacy']).default('mutualAid'),
      // "一般为用人单位缴费的30%左右" (国发〔1998〕44号); seed 000 L70 quotes about 0.5 of the 8 points for the young.
      legacyEmployerShare: ratio.default(0.3),
      // 国办发〔2021〕14号: retirees' accounts get a fixed sum from the pooled fund of about 2% of the
      // average basic pension of the reform year. The 36,000 yuan (3,000 a month) is an assumption near
      // the national average of 2021: not in shared/reference; give the region's figure.
      retired: retiredCredit.default({ shareOfAveragePension: 0.02, averagePension: 36000 }),
      // Demand-deposit rate, credited once a year at the year-end rollover (seed 002 篇8 L399, domain B16).
      // The engine credits it per member on the balance at the end of the year (after the year's credit and
      // the year's account spending, before the balance of a member who died or left goes out), when positive,
      // rounded half up to the fen; the ledger's accounts_interest line is the sum of those credits.
      interestRate: ratio.default(0.0035),
      // Balance per employee member at the start: 11,753.98亿 accounts ÷ 35,431万 members at end-2021
      // (2021 national bulletin, reference/nhsa_national_bulletins.csv) [derived]. The engine seeds members with it.
      openingPerMember: yuan.default(3317.43),
    })
    .prefault({}),
  // Contributions collected in full unless the scenario sets arrears.
  arrears: arrears.nullable().default(null),
  // Pooled-fund balance at the start: 17,685.74亿 (36,156.30 all funds − 6,716.58 resident − 11,753.98 accounts)
  // ÷ (14,746.73亿 employee expenditure ÷ 12) = 14.4 months, 2021 national bulletin [derived]. The
  // expenditure includes account spending and maternity, so the pooled fund's own months are higher.
  opening: openingBalance.default({ months: 14.4 }),
  ...fundCommon,
});

const perHeadStandard = z.strictObject({ individual: yuan, subsidy: yuan });

const residentFund = z.strictObject({
  financing: z
    .strictObject({
      // Individual contribution and fiscal subsidy per head (个人缴费, 财政补助), by year. 2021: 320 / 580
      // (reference/resident_financing_standards.csv: 山西's notice implementing 医保发〔2020〕32号; its 320 is
      // collected in 2021, and the ledger books money in the year it is received).
      byYear: yearTable(perHeadStandard)
        .refine((t) => Object.keys(t).length > 0, 'needs at least one year')
        .default({ '2021': { individual: 320, subsidy: 580 } }),
      // After the last year listed, each standard rises by these sums a year: +40 individual, +30 subsidy
      // as in 2021 (same file); it gives a 610 subsidy for 2022, the figure of the 2023 政府工作报告.
      annualIncrease: perHeadStandard.default({ individual: 40, subsidy: 30 }),
    })
    .prefault({}),
  // 6,716.58亿 accumulated ÷ (9,296.37亿 expenditure ÷ 12) = 8.7 months, 2021 national bulletin [derived].
  opening: openingBalance.default({ months: 8.7 }),
  ...fundCommon,
});

export const fundAssumptions = z.strictObject({
  employee: employeeFund.prefault({}),
  resident: residentFund.prefault({}),
});

export type FundAssumptions = z.output<typeof fundAssumptions>;
export type FundAssumptionsInput = z.input<typeof fundAssumptions>;
export type EmployeeFund = z.output<typeof employeeFund>;
export type ResidentFund = z.output<typeof residentFund>;
export type SchemeFund = EmployeeFund | ResidentFund;

/**
 * The resident financing standard of a year: the year's row, or the last row raised by the annual
 * increase for each year after it. A year before the first row is an input error.
 */
export function residentFinancing(fund: ResidentFund, year: number, file = '(fund assumptions)'): { individual: number; subsidy: number } {
  const { byYear, annualIncrease } = fund.financing;
  const listed = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  const exact = byYear[String(year)];
  if (exact) return exact;
  const last = listed.filter((y) => y < year).pop();
  if (last === undefined) {
    throw new InputError([
      {
        file,
        path: ['fund', 'resident', 'financing', 'byYear'],
        value: listed,
        message: `no resident financing standard for ${year}: the table starts in ${listed[0]}; add a row for ${year}`,
      },
    ]);
  }
  const base = byYear[String(last)]!;
  const n = year - last;
  // Whole fen, as the standards are written: sums of yuan amounts with at most 2 decimals.
  const add = (a: number, b: number) => Math.round(a * 100 + n * b * 100) / 100;
  return { individual: add(base.individual, annualIncrease.individual), subsidy: add(base.subsidy, annualIncrease.subsidy) };
}
