/**
 * The fund's cash by calendar month (cashflow_by_month): what leaves each fund for institutions (monthly
 * payments, prepayments, the year-end clearing), for patients reimbursed after a self-advance (by the
 * month paid), for the out-of-area clearing account (and its advance), and what patients have advanced
 * and not yet been reimbursed. Care years (provider blocks) are laid over calendar years
 * (cashflow/fundFlow.ts), so a December bill reimbursed in February is next year's cash. The care year
 * before the first is not simulated: its tail in the first calendar year is taken as the first care
 * year's own (priorCareYear). Amounts are population-level yuan, summarised across paths.
 */
import { monthCell, outstandingByMonth } from '../cashflow/aggregates.js';
import { CASH_MONTHS } from '../cashflow/calendar.js';
import { calendarCash, overCalendar, priorCareYear, type CareYearCash, type CareYearLine } from '../cashflow/fundFlow.js';
import { monthLineCell, paymentCell, PROVIDER_OFFSET } from '../engine/providerBlock.js';
import { providerOffset, type SimulationCube } from '../engine/result.js';
import { SCHEMES } from '../policy/vocabulary.js';
import { summaryColumns, type SummaryColumns } from './acrossPaths.js';
import { resolveVariant, type VariantRef } from './measures.js';

export const CASHFLOW_METRICS = [
  'institutions_yuan',
  'reimbursements_yuan',
  'out_of_area_clearing_yuan',
  'advance_change_yuan',
  /** The four above: everything leaving the fund in the month. */
  'cash_out_yuan',
  /** Patients: paid beyond their own share (bill − own share) when advancing, reimbursed (fund and other payers), and still owed at month end. */
  'patients_advanced_yuan',
  'patients_reimbursed_yuan',
  'patients_outstanding_yuan',
] as const;
export type CashflowMetric = (typeof CASHFLOW_METRICS)[number];

export type CashflowMonthRow = { variant: string; scheme: string; year: number; month: number; metric: CashflowMetric } & SummaryColumns;

/** One path's calendar months (fen) of one scheme, per metric. */
function pathMonths(cube: SimulationCube, v: number, p: number, scheme: number): Record<CashflowMetric, Float64Array> {
  const first = cube.years[0]!;
  const last = cube.years[cube.years.length - 1]!;
  const blocks = cube.years.map((_, y) => providerOffset(cube, v, p, y));
  const care: CareYearCash[] = cube.years.map((year, y) => {
    const at = blocks[y]!;
    const line = (name: 'institutions' | 'reimbursements' | 'outOfAreaClearing') =>
      Float64Array.from({ length: CASH_MONTHS }, (_, m) => cube.providers[at + monthLineCell(scheme, name, m)]!);
    return {
      year,
      institutions: line('institutions'),
      reimbursements: line('reimbursements'),
      outOfAreaClearing: line('outOfAreaClearing'),
      advance: cube.providers[at + paymentCell(scheme, 'advance')]!,
      advanceChange: cube.providers[at + paymentCell(scheme, 'advanceChange')]!,
    };
  });
  const fund = calendarCash([priorCareYear(care[0]!), ...care], first, last);
  const cash = PROVIDER_OFFSET.cash;
  const patientLine = (months: (at: number) => ArrayLike<number>) => {
    const lines: CareYearLine[] = cube.years.map((year, y) => ({ year, months: months(blocks[y]!) }));
    return overCalendar([{ ...lines[0]!, year: first - 1 }, ...lines], first, last);
  };
  const advanced = patientLine((at) => Float64Array.from({ length: CASH_MONTHS }, (_, m) => cube.providers[at + cash + monthCell('advanced', scheme, m)]!));
  const reimbursed = patientLine((at) =>
    Float64Array.from({ length: CASH_MONTHS }, (_, m) => cube.providers[at + cash + monthCell('fund', scheme, m)]! + cube.providers[at + cash + monthCell('others', scheme, m)]!),
  );
  // Owed at the start: the prior care year's advances not yet reimbursed at its December.
  let owed = outstandingByMonth(cube.providers, blocks[0]! + cash, scheme)[11]!;
  const outstanding = advanced.map((a, k) => (owed += a - reimbursed[k]!));
  const cashOut = fund.institutions.map((x, k) => x + fund.reimbursements[k]! + fund.outOfAreaClearing[k]! + fund.advanceChange[k]!);
  return {
    institutions_yuan: fund.institutions,
    reimbursements_yuan: fund.reimbursements,
    out_of_area_clearing_yuan: fund.outOfAreaClearing,
    advance_change_yuan: fund.advanceChange,
    cash_out_yuan: cashOut,
    patients_advanced_yuan: advanced,
    patients_reimbursed_yuan: reimbursed,
    patients_outstanding_yuan: outstanding,
  };
}

/** Rows per variant, scheme ('all' = both funds), calendar year, month (1–12) and metric. */
export function cashflowByMonth(cube: SimulationCube, variants: readonly VariantRef[] = cube.variants.map((_, v) => v)): CashflowMonthRow[] {
  const months = cube.years.length * 12;
  const schemeRows = [{ label: 'all', schemes: SCHEMES.map((_, s) => s) }, ...SCHEMES.map((label, s) => ({ label, schemes: [s] }))];
  return variants.flatMap((ref) => {
    const v = resolveVariant(cube, ref);
    // Each path's calendar months per scheme (fen), then one row per scheme row, metric and month.
    const perPath = Array.from({ length: cube.paths }, (_, p) => SCHEMES.map((_, s) => pathMonths(cube, v, p, s)));
    return schemeRows.flatMap((row) =>
      CASHFLOW_METRICS.flatMap((metric) =>
        Array.from({ length: months }, (_, k) => {
          const values = perPath.map((schemes) => row.schemes.reduce((t, s) => t + schemes[s]![metric][k]!, 0) * cube.weight / 100);
          return { variant: cube.variants[v]!, scheme: row.label, year: cube.years[Math.floor(k / 12)]!, month: (k % 12) + 1, metric, ...summaryColumns(values) };
        }),
      ),
    );
  });
}
