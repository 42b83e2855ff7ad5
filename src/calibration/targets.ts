/**
 * The published 2021 figures (data/calibration/targets-2021.csv) put on the model's definitions, so the
 * calibration report compares like with like. Claims rows are used as published. The employee fund rows are
 * published "含生育保险" (maternity insurance merged into the employee fund since 2019), which the model has
 * no claims or contributions for: their targets are derived without maternity and labelled as derived.
 * Personal-account flows stay in (统账结合): the simulated figures are built to include them (figures.ts).
 */
import { loadCalibrationTargets, type CalibrationTarget } from '../claims/calibration.js';

/**
 * 生育保险基金支出 2021: 899.1亿元 (reference/nhsa_benefit_utilisation_series.csv: NHSA 2012-2025年医保待遇享受
 * 相关数据, B) over 职工医保参保人数 35,431万 (2021 bulletin, A) = 253.76 yuan per employee member [derived].
 */
export const MATERNITY_PER_EMPLOYEE_2021 = 899.1e8 / 35431e4;

/** Targets the engine's base-year aggregates cannot be compared with, and why. */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  averageLengthOfStay: "the engine's aggregates carry no length of stay (see simulateCalibration for it)",
};

export interface CalibrationTargetRow extends CalibrationTarget {
  /** How the row was put on the model's definition; empty when it is used as published. */
  adjustment: string;
}

const adjusted = (t: CalibrationTarget, value: number, adjustment: string): CalibrationTargetRow => ({
  ...t,
  value: Math.round(value * 10) / 10,
  confidence: `derived from ${t.confidence}`,
  adjustment,
});

/** Every published row, on the model's definitions; rows in NOT_COMPARED are left out. */
export function calibrationTargets(rows: readonly CalibrationTarget[] = loadCalibrationTargets()): CalibrationTargetRow[] {
  return rows
    .filter((t) => !(t.metric in NOT_COMPARED))
    .map((t) => {
      if (t.scheme !== 'employee') return { ...t, adjustment: '' };
      if (t.metric === 'fundExpenditurePerMember') {
        // 14,746.73亿 − 899.1亿 maternity = 13,847.63亿 over 35,431万 = 3,908.3.
        return adjusted(t, t.value - MATERNITY_PER_EMPLOYEE_2021, `derived: published ${t.value} less maternity benefits ${MATERNITY_PER_EMPLOYEE_2021.toFixed(1)} (899.1亿 / 35,431万)`);
      }
      if (t.metric === 'fundIncomePerMember') {
        // Maternity contributions are not published separately after the merger; the maternity fund is
        // taken to have been in balance (C), so its income is taken equal to its 899.1亿 of benefits.
        return adjusted(
          t,
          t.value - MATERNITY_PER_EMPLOYEE_2021,
          `derived: published ${t.value} less maternity contributions, assumed equal to maternity benefits ${MATERNITY_PER_EMPLOYEE_2021.toFixed(1)} (C)`,
        );
      }
      return { ...t, adjustment: '' };
    });
}
