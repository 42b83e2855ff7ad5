/**
 * Months of payment the accumulated balance covers (累计结余可支付月数: balance ÷ average monthly
 * expenditure), as a percentile fan against a reference line (6 months by default).
 */
import { fanLegend, fanPanel } from './fan.js';
import { composeChart } from './frame.js';
import { checkPercentileRows, type PercentileRow } from './percentiles.js';

export interface MonthsCoveredOptions {
  /** The reference level in months (default 6). */
  reference?: number;
  title?: string;
  subtitle?: string;
  note?: string;
}

/** Rows: one per year, percentiles of months covered. Returns an SVG string. */
export function monthsCoveredChart(rows: readonly PercentileRow[], options: MonthsCoveredOptions = {}): string {
  checkPercentileRows('monthsCoveredChart', rows);
  const months = options.reference ?? 6;
  if (!(months > 0)) throw new Error(`monthsCoveredChart: reference must be a positive number of months, got ${months}`);
  const reference = { value: months, label: `${months}-month reference` };
  return composeChart({
    kind: 'months-covered',
    title: options.title ?? 'Months of payment covered by the balance',
    subtitle: options.subtitle ?? '累计结余可支付月数: accumulated balance ÷ average monthly expenditure, percentiles across paths',
    legend: fanLegend(reference),
    panels: [fanPanel(rows, { yLabel: 'Months covered (months)', divisor: 1, reference, zeroLine: true })],
    note: options.note,
  });
}
