/** Who pays one bill (支付方): the pooled fund, serious-illness insurance, assistance, accounts, cash. */
import { PAYERS } from '../policy/vocabulary.js';
import type { Split } from '../settlement/types.js';
import { composeChart } from './frame.js';
import { formatNumber, formatYuan, termLabel } from './format.js';
import { categoryOrder } from './order.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface PayerRow {
  /** A payer (PAYERS) or another label. */
  payer: string;
  yuan: number;
}

export interface WhoPaysOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

/** The payers of a settled claim that paid something, in yuan. */
export function payerRows(split: Split): PayerRow[] {
  return PAYERS.filter((p) => split[p] !== 0).map((payer) => ({ payer, yuan: split[payer] / 100 }));
}

export function whoPaysChart(rows: readonly PayerRow[], options: WhoPaysOptions = {}): string {
  if (rows.length === 0) throw new Error('whoPaysChart: no rows');
  rows.forEach((r, i) => {
    if (!(r.yuan >= 0)) throw new Error(`whoPaysChart: row ${i} (${r.payer}) needs an amount ≥ 0, got ${r.yuan}`);
  });
  const total = rows.reduce((s, r) => s + r.yuan, 0);
  const data = rows.map((r) => ({ ...r, label: `${formatYuan(r.yuan)} (${total > 0 ? ((100 * r.yuan) / total).toFixed(1) : '0.0'}%)` }));
  const payers = categoryOrder(rows.map((r) => r.payer));
  const panel = plotPanel({
    width: 640,
    height: 50 + payers.length * 34,
    marginLeft: 150,
    marginRight: 130,
    x: { label: 'Amount (yuan)', grid: true, nice: true, domain: [0, Math.max(...rows.map((r) => r.yuan))], tickFormat: formatNumber },
    y: { domain: payers, label: null, tickFormat: termLabel, padding: 0.25 },
    marks: [
      Plot.barX(data, { y: 'payer', x: 'yuan', fill: COLORS.band, className: 'yb-payer', ariaDescription: 'amount paid' }),
      Plot.text(data, { y: 'payer', x: 'yuan', text: 'label', dx: 6, textAnchor: 'start', className: 'yb-payer-label' }),
      Plot.ruleX([0]),
    ],
  });
  return composeChart({
    kind: 'who-pays',
    title: options.title ?? 'Who pays the bill',
    subtitle: options.subtitle ?? `支付方: a bill of ${formatYuan(total)} yuan`,
    panels: [panel],
    note: options.note,
  });
}
