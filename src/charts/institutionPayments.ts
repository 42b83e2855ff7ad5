/**
 * Who gains under a payment method (支付方式改革): for each kind of institution, what the fund paid it
 * against what its care settled at item by item (fee for service), as a change in percent.
 */
import { composeChart } from './frame.js';
import { formatNumber, termLabel, yuanScale } from './format.js';
import { categoryOrder } from './order.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface InstitutionPaymentRow {
  /** A hospital level (LEVELS), "pharmacy", or another label. */
  group: string;
  /** Yuan: the care's settled pooled amount, and what the fund paid for it. */
  settled: number;
  paid: number;
}

export interface InstitutionPaymentsOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

export function institutionPaymentsChart(rows: readonly InstitutionPaymentRow[], options: InstitutionPaymentsOptions = {}): string {
  if (rows.length === 0) throw new Error('institutionPaymentsChart: no rows');
  rows.forEach((r, i) => {
    if (!(r.settled > 0) || !Number.isFinite(r.paid)) throw new Error(`institutionPaymentsChart: row ${i} (${r.group}) needs settled > 0 and a finite paid amount, got ${r.settled}, ${r.paid}`);
  });
  const scale = yuanScale(Math.max(...rows.map((r) => Math.abs(r.paid - r.settled))));
  const data = rows.map((r) => {
    const change = (100 * (r.paid - r.settled)) / r.settled;
    const diff = Math.round(((r.paid - r.settled) / scale.divisor) * 100) / 100 || 0;
    return { ...r, change, label: `${change >= 0 ? '+' : ''}${change.toFixed(1)}% (${diff >= 0 ? '+' : ''}${formatNumber(diff)} ${scale.unit.split(',')[0]})` };
  });
  const groups = categoryOrder(rows.map((r) => r.group));
  const extent = [0, ...data.map((r) => r.change)];
  const panel = plotPanel({
    width: 640,
    height: 50 + groups.length * 34,
    marginLeft: 130,
    marginRight: 170,
    x: { label: 'Paid against settled (%)', grid: true, nice: true, domain: [Math.min(...extent), Math.max(...extent)], tickFormat: formatNumber },
    y: { domain: groups, label: null, tickFormat: termLabel, padding: 0.25 },
    marks: [
      Plot.barX(data, { y: 'group', x: 'change', fill: (r: { change: number }) => (r.change >= 0 ? COLORS.band : COLORS.accent), className: 'yb-change', ariaDescription: 'paid against settled' }),
      Plot.text(data, { y: 'group', x: (r: { change: number }) => Math.max(0, r.change), text: 'label', dx: 6, textAnchor: 'start', className: 'yb-change-label' }),
      Plot.ruleX([0]),
    ],
  });
  return composeChart({
    kind: 'institution-payments',
    title: options.title ?? 'What institutions are paid against fee for service',
    subtitle: options.subtitle ?? '支付方式: paid by the fund minus the settled pooled amount of the same care, mean across paths',
    panels: [panel],
    note: options.note,
  });
}
