/**
 * The fund ledger (decimal.js, yuan): one scheme's pooled fund (统筹基金), personal accounts (个人账户,
 * employee scheme only), risk-adjustment reserve (风险调剂金) and serious-illness sub-ledger (大病保险),
 * kept apart, year by year.
 *
 * Weight: the engine's sums are over simulated members; one member stands for `weight` people. Each
 * ledger line is the sum of its inputs in fen over the scheme's person types, multiplied by the weight
 * and rounded half up to the fen once, per line per year. Totals and balances are then exact sums of the
 * rounded lines, so every displayed identity holds to the fen; with weight 1 every line equals the
 * engine's sum exactly. Balances are carried by the ledger, so after years of scaling they may differ
 * from Σ members' balances × weight by rounding (at most half a fen per line per year).
 *
 * Provider payment: the settled pooled amounts are what the fund pays under fee for service. Under
 * another payment method (a global budget, DRG/DIP points, per-disease standards) institutions are paid
 * otherwise; the difference, paid minus settled (budget savings and overruns shared, point values,
 * forfeited quality deposits), is an expenditure line of its own.
 *
 * Serious-illness insurance is funded by its premium: the basic fund's part is a pooled-fund expenditure
 * line, the insured's part is paid on top of the basic contribution; both go into the 大病 sub-ledger,
 * which pays the settled serious-illness amounts. Medical assistance and the backstop are paid by other
 * funds (civil affairs, finance) and appear only as memo lines.
 *
 * Supervision (医保基金监管): the settled payments already include what misuse cost the fund; what
 * reviews recover and cases order returned (追回、退回), and fines when the scenario sends them to the
 * fund, are income lines of their own (zero when supervision is off). The recoveries are credited to the
 * pooled fund whichever part of the fund (pooled, serious illness, accounts) paid the leakage: the seeds
 * do not say where returned money is booked.
 */
import { Decimal, fromFen, share, ZERO } from '../money/decimal.js';
import { yuanToFen } from '../money/fen.js';
import { EMPLOYEE_TYPES, PERSON_TYPES, RESIDENT_TYPES, type PersonType, type Scheme } from '../policy/vocabulary.js';
import { residentFinancing, type EmployeeFund, type FundAssumptions, type OpeningBalance, type SchemeFund } from './assumptions.js';

/** Sums over one person type's simulated members in one year: counts, and amounts in integer fen. */
export interface MemberYearSums {
  memberYears: number;
  /** Σ contribution bases, already bounded (in-service; retirees' bases where they contribute). */
  contributionBase: number;
  employerContribution: number;
  /** The members' own contributions (for retirees: retirees' contributions). */
  employeeContribution: number;
  accountCredit: number;
  accountInterest: number;
  accountOpening: number;
  /** Balances leaving with members who die or leave (inherited or transferred out). */
  accountLeavers: number;
  /** When given, checked: opening + credit + interest − spending − leavers = closing (over the scheme). */
  accountClosing?: number;
  /** Settled payments by payer (Σ of the settlement outputs of the members' claims). */
  pooledFund: number;
  seriousIllness: number;
  assistance: number;
  backstop: number;
  personalAccount: number;
  /** Paid from a relative's (employee) account on this member's claims (家庭共济). */
  familyAccount: number;
}

/** One year of engine aggregates for the ledger. Person types absent, or fields absent, count as 0. */
export interface FundYearInputs {
  year: number;
  /** People represented by one simulated member (N / n); a string or Decimal keeps it exact. */
  weight: Decimal.Value;
  byType: Partial<Record<PersonType, Partial<MemberYearSums>>>;
  /** Per scheme: what institutions are paid minus the settled pooled amounts of that care (integer fen, may be negative; absent: 0). */
  paymentDifference?: Partial<Record<Scheme, number>>;
  /** Per scheme: supervision's recoveries and returns, and fines paid to the fund (integer fen, ≥ 0; absent: 0). */
  supervision?: Partial<Record<Scheme, { recovered: number; fines: number }>>;
}

type Money = Decimal;

export interface FundYear {
  year: number;
  /** Member-years represented (simulated member-years × weight, unrounded). */
  people: Decimal;
  /** All money received for the scheme, before the transfer to accounts (as bulletins count income). */
  income: {
    employer: Money;
    employee: Money;
    retiree: Money;
    /** Contributions due but not collected this year (negative). */
    uncollected: Money;
    arrearsRecovered: Money;
    lateFees: Money;
    residentIndividual: Money;
    fiscalSubsidy: Money;
    interest: Money;
    other: Money;
    /** Recovered and returned misused payments, and fines to the fund (supervision; 0 when off). */
    supervisionRecovered: Money;
    supervisionFines: Money;
    total: Money;
  };
  /** Out of income before it reaches the pooled fund: account credits (划入个人账户) and the reserve's share. */
  allocation: { toAccounts: Money; toReserve: Money };
  pooledIncome: Money;
  /** pooledPayments: settled; paymentDifference: paid to institutions minus settled (0 under fee for service). */
  expenditure: { pooledPayments: Money; paymentDifference: Money; seriousIllnessPremium: Money; other: Money; total: Money };
  /** 当期结余 = pooledIncome − expenditure.total. */
  currentBalance: Money;
  deficitCover: { deficit: Money; reserve: Money; government: Money; uncovered: Money };
  /** 累计结余 at the start and end of the year (after deficit cover). */
  accumulated: { opening: Money; closing: Money };
  /** 可支付月数 = closing accumulated balance ÷ (expenditure ÷ 12), 2 decimals; null without expenditure. */
  monthsCovered: Decimal | null;
  /** The reserve earns the pooled fund's rate; `cover` is what it paid towards the deficit (negative). */
  reserve: { opening: Money; allocation: Money; interest: Money; cover: Money; closing: Money };
  /** Employee scheme only. Spending includes family-account payments on any member's claims. */
  accounts: { opening: Money; credits: Money; interest: Money; spending: Money; leavers: Money; closing: Money } | null;
  seriousIllness: { opening: Money; premiumFromFund: Money; premiumFromIndividuals: Money; payments: Money; closing: Money };
  /** Paid by other funds on the scheme's claims. */
  otherPayers: { assistance: Money; backstop: Money };
}

const TYPES: Record<Scheme, readonly PersonType[]> = { employee: EMPLOYEE_TYPES, resident: RESIDENT_TYPES };

const sumOf = (input: FundYearInputs, types: readonly PersonType[], field: keyof MemberYearSums) =>
  types.reduce((s, t) => s + (input.byType[t]?.[field] ?? 0), 0);

function checkInputs(inputs: readonly FundYearInputs[]): void {
  inputs.forEach((y, i) => {
    if (i > 0 && y.year !== inputs[i - 1]!.year + 1) throw new RangeError(`fund inputs must be consecutive years; ${y.year} follows ${inputs[i - 1]!.year}`);
    if (!new Decimal(y.weight).gt(0)) throw new RangeError(`weight must be positive in ${y.year}, got ${String(y.weight)}`);
    for (const t of PERSON_TYPES) {
      for (const [field, v] of Object.entries(y.byType[t] ?? {})) {
        if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${y.year} ${t}.${field} must be a non-negative integer (fen or count), got ${v}`);
      }
    }
    for (const [scheme, v] of Object.entries(y.paymentDifference ?? {})) {
      if (!Number.isSafeInteger(v)) throw new RangeError(`${y.year} paymentDifference.${scheme} must be an integer (fen), got ${v}`);
    }
    for (const [scheme, lines] of Object.entries(y.supervision ?? {})) {
      for (const [line, v] of Object.entries(lines)) {
        if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${y.year} supervision.${scheme}.${line} must be a non-negative integer (fen), got ${v}`);
      }
    }
  });
}

const positive = (d: Decimal) => (d.gt(0) ? d : ZERO);

const NO_ARREARS = { uncollected: ZERO, arrearsRecovered: ZERO, lateFees: ZERO };

/** This year's uncollected contributions; last year's arrears recovered, with the late fee (滞纳金) on them. */
function arrearsLines(a: NonNullable<EmployeeFund['arrears']>, due: Decimal, lastYearsArrears: Decimal): typeof NO_ARREARS {
  const arrearsRecovered = share(lastYearsArrears, a.recoveredNextYear);
  return {
    uncollected: share(due, a.collectionRate).minus(due),
    arrearsRecovered,
    lateFees: share(arrearsRecovered, new Decimal(a.lateFeePerDay).mul(a.daysLate)),
  };
}

function openingAmount(opening: OpeningBalance, firstExpenditure: Decimal, scaledPerHead: (fen: number) => Decimal): Decimal {
  if ('months' in opening) return firstExpenditure.mul(opening.months).div(12).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return scaledPerHead(yuanToFen(opening.perMember));
}

/**
 * Run one scheme's ledger over consecutive years of engine aggregates. `file` names the scenario in
 * input errors (a year before the resident financing table).
 */
/** Opening balances fixed by the caller: a reform's ledger opens with its baseline's balances. */
export interface LedgerOpenings {
  accumulated: Decimal;
  reserve: Decimal;
}

export function fundLedger(scheme: Scheme, assumptions: FundAssumptions, inputs: readonly FundYearInputs[], file?: string, openings?: LedgerOpenings): FundYear[] {
  checkInputs(inputs);
  const fund: SchemeFund = assumptions[scheme];
  const types = TYPES[scheme];
  const out: FundYear[] = [];
  let arrearsCarried = ZERO;

  for (const input of inputs) {
    const prev = out[out.length - 1];
    const weight = new Decimal(input.weight);
    const scale = (fen: number) => share(fromFen(fen), weight);
    const sum = (field: keyof MemberYearSums) => sumOf(input, types, field);
    const memberYears = sum('memberYears');
    const perHead = (fen: number) => scale(memberYears * fen);

    // Income.
    const employeeScheme = scheme === 'employee';
    const employer = employeeScheme ? scale(sum('employerContribution')) : ZERO;
    const employee = employeeScheme ? scale(input.byType.inService?.employeeContribution ?? 0) : ZERO;
    const retiree = employeeScheme ? scale(input.byType.retired?.employeeContribution ?? 0) : ZERO;
    const arrears = 'arrears' in fund ? fund.arrears : null;
    const { uncollected, arrearsRecovered, lateFees } = arrears ? arrearsLines(arrears, employer.plus(employee).plus(retiree), arrearsCarried) : NO_ARREARS;
    arrearsCarried = uncollected.neg();
    const standard = 'financing' in fund ? residentFinancing(fund, input.year, file) : { individual: 0, subsidy: 0 };
    const residentIndividual = perHead(yuanToFen(standard.individual));
    const fiscalSubsidy = perHead(yuanToFen(standard.subsidy));
    const other = perHead(yuanToFen(fund.otherIncomePerMember));
    const supervisionRecovered = scale(input.supervision?.[scheme]?.recovered ?? 0);
    const supervisionFines = scale(input.supervision?.[scheme]?.fines ?? 0);

    // Expenditure does not depend on balances, so it comes first: an opening balance in months needs it.
    // (A premium set as a share of income is left out of that base, as income needs the opening's interest;
    // so is the payment difference, so that the payment method does not move the opening balance.)
    const pooledPayments = scale(sum('pooledFund'));
    const paymentDifference = scale(input.paymentDifference?.[scheme] ?? 0);
    const si = fund.seriousIllness;
    const perHeadPremium = si && 'perHead' in si;
    const fixedPremium = perHeadPremium ? perHead(yuanToFen(si.perHead.fund)) : ZERO;
    const premiumFromIndividuals = perHeadPremium ? perHead(yuanToFen(si.perHead.individual)) : ZERO;
    const otherExpenditure = perHead(yuanToFen(fund.otherExpenditurePerMember));
    const openingBase = pooledPayments.plus(fixedPremium).plus(otherExpenditure);
    const accOpening = prev?.accumulated.closing ?? openings?.accumulated ?? openingAmount(fund.opening, openingBase, perHead);
    const resOpening = prev?.reserve.closing ?? openings?.reserve ?? openingAmount(fund.reserve.opening, openingBase, perHead);
    const interestOn = (balance: Decimal) => share(positive(balance), fund.interestRate);

    const interest = interestOn(accOpening);
    const total = Decimal.sum(employer, employee, retiree, uncollected, arrearsRecovered, lateFees, residentIndividual, fiscalSubsidy, interest, other, supervisionRecovered, supervisionFines);
    const toAccounts = employeeScheme ? scale(sum('accountCredit')) : ZERO;
    const beforeReserve = total.minus(toAccounts);
    const toReserve = share(positive(beforeReserve), fund.reserve.shareOfIncome);
    const pooledIncome = beforeReserve.minus(toReserve);

    const premiumFromFund = si && 'shareOfIncome' in si ? share(positive(beforeReserve), si.shareOfIncome) : fixedPremium;
    const expenditureTotal = Decimal.sum(pooledPayments, paymentDifference, premiumFromFund, otherExpenditure);
    const currentBalance = pooledIncome.minus(expenditureTotal);

    // Deficit cover: the reserve's part is limited to what it holds.
    const reserveInterest = interestOn(resOpening);
    const reserveAvailable = positive(resOpening.plus(toReserve).plus(reserveInterest));
    const deficit = positive(currentBalance.neg());
    const { reserve: reserveShare, government: governmentShare } = fund.reserve.deficitCover;
    const reserveCover = Decimal.min(share(deficit, reserveShare), reserveAvailable);
    const governmentCover = share(deficit, governmentShare);
    const accClosing = accOpening.plus(currentBalance).plus(reserveCover).plus(governmentCover);

    const siOpening = prev?.seriousIllness.closing ?? ZERO;
    const siPayments = scale(sum('seriousIllness'));

    out.push({
      year: input.year,
      people: new Decimal(memberYears).mul(weight),
      income: { employer, employee, retiree, uncollected, arrearsRecovered, lateFees, residentIndividual, fiscalSubsidy, interest, other, supervisionRecovered, supervisionFines, total },
      allocation: { toAccounts, toReserve },
      pooledIncome,
      expenditure: { pooledPayments, paymentDifference, seriousIllnessPremium: premiumFromFund, other: otherExpenditure, total: expenditureTotal },
      currentBalance,
      deficitCover: { deficit, reserve: reserveCover, government: governmentCover, uncovered: deficit.minus(reserveCover).minus(governmentCover) },
      accumulated: { opening: accOpening, closing: accClosing },
      monthsCovered: expenditureTotal.gt(0) ? accClosing.div(expenditureTotal.div(12)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : null,
      reserve: {
        opening: resOpening,
        allocation: toReserve,
        interest: reserveInterest,
        cover: reserveCover.neg(),
        closing: resOpening.plus(toReserve).plus(reserveInterest).minus(reserveCover),
      },
      accounts: employeeScheme ? accountFlows(input, toAccounts, prev, scale) : null,
      seriousIllness: {
        opening: siOpening,
        premiumFromFund,
        premiumFromIndividuals,
        payments: siPayments,
        closing: siOpening.plus(premiumFromFund).plus(premiumFromIndividuals).minus(siPayments),
      },
      otherPayers: { assistance: scale(sum('assistance')), backstop: scale(sum('backstop')) },
    });
  }
  return out;
}

/** Employee accounts; family-account payments on any member's claims come out of employee accounts. */
function accountFlows(input: FundYearInputs, credits: Decimal, prev: FundYear | undefined, scale: (fen: number) => Decimal): NonNullable<FundYear['accounts']> {
  const sum = (field: keyof MemberYearSums, types: readonly PersonType[] = EMPLOYEE_TYPES) => sumOf(input, types, field);
  const spendingFen = sum('personalAccount') + sum('familyAccount', PERSON_TYPES);
  const closingGiven = EMPLOYEE_TYPES.every((t) => input.byType[t]?.accountClosing !== undefined);
  if (closingGiven) {
    const expected = sum('accountOpening') + sum('accountCredit') + sum('accountInterest') - spendingFen - sum('accountLeavers');
    if (expected !== sum('accountClosing')) {
      throw new RangeError(
        `${input.year}: personal accounts do not add up: opening + credits + interest − spending − leavers = ${expected} fen, closing = ${sum('accountClosing')} fen`,
      );
    }
  }
  const opening = prev?.accounts?.closing ?? scale(sum('accountOpening'));
  const interest = scale(sum('accountInterest'));
  const spending = scale(spendingFen);
  const leavers = scale(sum('accountLeavers'));
  return { opening, credits, interest, spending, leavers, closing: opening.plus(credits).plus(interest).minus(spending).minus(leavers) };
}

/** First year with a current-year deficit (当期赤字), or null. */
export function firstDeficitYear(years: readonly FundYear[]): number | null {
  return years.find((y) => y.currentBalance.lt(0))?.year ?? null;
}

/** First year the accumulated balance falls below zero (穿底), or null. */
export function depletionYear(years: readonly FundYear[]): number | null {
  return years.find((y) => y.accumulated.closing.lt(0))?.year ?? null;
}

/** The ledger as flat rows of numbers (yuan), e.g. `income.employer`, for tables and DataFrames. */
export function ledgerRows(years: readonly FundYear[]): Record<string, number | null>[] {
  return years.map((y) => {
    const row: Record<string, number | null> = {};
    const walk = (value: unknown, key: string): void => {
      if (value === null) row[key] = null;
      else if (Decimal.isDecimal(value)) row[key] = value.toNumber();
      else if (typeof value === 'number') row[key] = value;
      else if (typeof value === 'object') for (const [k, v] of Object.entries(value as object)) walk(v, key ? `${key}.${k}` : k);
    };
    walk(y, '');
    return row;
  });
}
