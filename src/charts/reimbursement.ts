/**
 * Reimbursement ratios by setting and hospital level: the policy-range ratio (政策范围内报销比例,
 * fund ÷ policy-range cost) beside the actual ratio (实际报销比例, fund ÷ whole bill).
 */
import { composeChart } from './frame.js';
import { facetLabelMargin, shortTerm, termLabel } from './format.js';
import { categoryOrder } from './order.js';
import { COLORS, Plot, plotPanel } from './plot.js';

export interface ReimbursementRow {
  /** Who, e.g. a person type ("retired") or scheme; one row of panels per group. */
  group: string;
  /** A setting (SETTINGS) or another label; one column of panels per setting. */
  setting: string;
  /** A hospital level (LEVELS) or another label. */
  level: string;
  /** Ratios as fractions, 0–1. */
  policyRange: number;
  actual: number;
}

export interface ReimbursementOptions {
  title?: string;
  subtitle?: string;
  note?: string;
}

export function reimbursementChart(rows: readonly ReimbursementRow[], options: ReimbursementOptions = {}): string {
  if (rows.length === 0) throw new Error('reimbursementChart: no rows');
  rows.forEach((r, i) => {
    for (const k of ['policyRange', 'actual'] as const) {
      if (!(r[k] >= 0 && r[k] <= 1)) throw new Error(`reimbursementChart: row ${i} ${k} must be a ratio from 0 to 1, got ${r[k]}`);
    }
  });
  const groups = categoryOrder(rows.map((r) => r.group));
  const settings = categoryOrder(rows.map((r) => r.setting));
  const levels = categoryOrder(rows.map((r) => r.level));
  const data = rows.map((r) => ({ ...r, policyRange: r.policyRange * 100, actual: r.actual * 100 }));
  const facet = { fx: 'setting', ...(groups.length > 1 ? { fy: 'group' } : {}) } as const;
  const panel = plotPanel({
    width: Math.max(640, 80 + settings.length * levels.length * 44),
    height: 90 + groups.length * 210,
    marginLeft: 50,
    marginRight: groups.length > 1 ? facetLabelMargin(groups.map(termLabel)) : 20,
    fx: { domain: settings, label: null, tickFormat: termLabel, padding: 0.08 },
    fy: { domain: groups, label: null, tickFormat: termLabel },
    x: { domain: levels, label: 'Hospital level', tickFormat: shortTerm, padding: 0.15 },
    y: { domain: [0, 100], label: 'Reimbursement ratio (%)', grid: true },
    marks: [
      Plot.barY(data, { ...facet, x: 'level', y: 'policyRange', fill: COLORS.band, fillOpacity: 0.35, className: 'yb-policy-range', ariaDescription: 'policy-range ratio' }),
      Plot.barY(data, { ...facet, x: 'level', y: 'actual', fill: COLORS.band, insetLeft: 5, insetRight: 5, className: 'yb-actual', ariaDescription: 'actual ratio' }),
      Plot.text(data, { ...facet, x: 'level', y: 'actual', text: (d: { actual: number }) => d.actual.toFixed(0), dy: -6, fontSize: 9, className: 'yb-actual-label' }),
      Plot.ruleY([0]),
    ],
  });
  return composeChart({
    kind: 'reimbursement',
    title: options.title ?? 'Reimbursement ratios by setting and hospital level',
    subtitle: options.subtitle ?? '报销比例: the pooled fund’s share of policy-range cost (政策范围内) and of the whole bill (实际)',
    legend: [
      { label: 'policy-range ratio 政策范围内报销比例', color: COLORS.band, opacity: 0.35 },
      { label: 'actual ratio 实际报销比例', color: COLORS.band },
    ],
    panels: [panel],
    note: options.note,
  });
}
