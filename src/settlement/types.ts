/**
 * The objects of the readable (reference) settlement. The batch kernel uses the same fields as
 * typed-array columns (see columns.ts). Amounts here are integer fen.
 */
import type { Cause, Level, Location, PersonType, Setting } from '../policy/vocabulary.js';

export interface Person {
  id?: string;
  type: PersonType;
  age?: number;
  /** Personal account (个人账户) balance in fen; employees only. */
  accountBalance: number;
  /** A relative's account balance in fen that may be used under family mutual aid (家庭共济). */
  familyAccountBalance: number;
  /** Eligible for medical assistance (医疗救助), e.g. 低保 or 特困 members. */
  assistanceEligible: boolean;
  /** Registered poor household (建档立卡贫困户), eligible for the backstop (兜底). */
  povertyRegistered: boolean;
}

export interface Claim {
  id?: string;
  /** Date of service, YYYY-MM-DD; the settlement year is its year. */
  date: string;
  setting: Setting;
  level: Level;
  location: Location;
  cause: Cause;
  /** 甲类 amount (fully in scope), fen. */
  classA: number;
  /** 乙类 amount (in scope after the first self-pay share), fen. */
  classB: number;
  /** 丙类 / 自费 amount (out of scope), fen. */
  classC: number;
  /** Inpatient: whether this claim opens a new admission (false continues the current one). */
  newAdmission: boolean;
  /** Emergency observation: whether it converted to an admission (then settled as inpatient). */
  admitted: boolean;
}

/** One person's running totals within a settlement year (结算年度). */
export interface Accumulators {
  year: number;
  /** Annual deductible used: outpatient pool (shared with pharmacy) and chronic. */
  outpatientDeductibleUsed: number;
  chronicDeductibleUsed: number;
  /** Admissions opened this year (for the lower deductible of later admissions). */
  admissions: number;
  /** Deductible still to pay in the current admission, and its policy-range cost so far. */
  admissionDeductibleLeft: number;
  admissionRangeCost: number;
  /** Pooled-fund payments this year per benefit setting (pharmacy counts under outpatient). */
  outpatientPaid: number;
  chronicPaid: number;
  inpatientPaid: number;
  /** Pooled-fund payments counted towards the annual fund cap (封顶线). */
  fundCapPaid: number;
  /** Policy-range cost this year per benefit setting, the axis of annual cost bands. */
  outpatientRangeCost: number;
  chronicRangeCost: number;
  inpatientRangeCost: number;
  pharmacyRangeCost: number;
  /** Serious-illness insurance (大病保险): eligible burden accumulated, and paid. */
  seriousIllnessBasis: number;
  seriousIllnessPaid: number;
  /** Medical assistance (医疗救助): deductible used and paid. */
  assistanceDeductibleUsed: number;
  assistancePaid: number;
}

/** The split of one claim. Components add up to the bill; so do payers. */
export interface Split {
  bill: number;
  outOfScope: number;
  firstSelfPay: number;
  deductible: number;
  pooledFund: number;
  copay: number;
  aboveCap: number;
  seriousIllness: number;
  assistance: number;
  backstop: number;
  personalAccount: number;
  familyAccount: number;
  cash: number;
}

export function emptyAccumulators(year: number): Accumulators {
  return {
    year,
    outpatientDeductibleUsed: 0,
    chronicDeductibleUsed: 0,
    admissions: 0,
    admissionDeductibleLeft: 0,
    admissionRangeCost: 0,
    outpatientPaid: 0,
    chronicPaid: 0,
    inpatientPaid: 0,
    fundCapPaid: 0,
    outpatientRangeCost: 0,
    chronicRangeCost: 0,
    inpatientRangeCost: 0,
    pharmacyRangeCost: 0,
    seriousIllnessBasis: 0,
    seriousIllnessPaid: 0,
    assistanceDeductibleUsed: 0,
    assistancePaid: 0,
  };
}

export const ACCUMULATOR_FIELDS = Object.keys(emptyAccumulators(0)).filter((k) => k !== 'year') as Exclude<
  keyof Accumulators,
  'year'
>[];
