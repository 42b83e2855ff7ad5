/**
 * The answers in plain words, computed from a result's tables: what the fund's balance will be, how
 * likely a deficit and depletion are, what patients get reimbursed, and what a reform changes.
 */
import { CHINESE, SCHEMES, type Scheme } from '../policy/vocabulary.js';
import type { ScenarioResult } from './scenarioRun.js';
import { claimsMean, depletionByYear, fundPercentiles, reformDeltaRows } from './views.js';

const yi = (yuan: number) => `${(yuan / 1e8).toFixed(2)} 亿元`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function riskRows(r: ScenarioResult, scheme: Scheme, event: 'deficit' | 'depletion') {
  return ((r.tables.fund_risk_by_year ?? []) as Record<string, unknown>[]).filter((x) => x.variant === 'baseline' && x.scheme === scheme && x.event === event);
}

export function fundAnswer(r: ScenarioResult, scheme: Scheme): string {
  const last = r.spec.years[r.spec.years.length - 1]!;
  const balance = fundPercentiles(r, scheme, 'accumulated_balance_yuan').find((x) => x.year === last);
  const months = fundPercentiles(r, scheme, 'months_covered').find((x) => x.year === last);
  const depletion = depletionByYear(r, scheme).find((x) => x.year === last)?.probability ?? NaN;
  const firstDeficit = riskRows(r, scheme, 'deficit').find((x) => Number(x.probability) >= 0.5);
  const anyDeficit = riskRows(r, scheme, 'deficit').some((x) => Number(x.probability) > 0);
  const label = `The ${scheme} pooled fund (${CHINESE[scheme]}统筹基金)`;
  if (!balance) return `${label}: no results.`;
  return (
    `${label} ends ${last} with an accumulated balance (累计结余) of ${yi(balance.p50)} (median; 90% of paths between ${yi(balance.p5)} and ${yi(balance.p95)})` +
    (months ? `, ${months.p50.toFixed(1)} months of payment covered (可支付月数)` : '') +
    `. Probability of depletion (穿底) by ${last}: ${pct(depletion)}. ` +
    (firstDeficit ? `A current-year deficit (当期赤字) is more likely than not from ${String(firstDeficit.year)}.` : anyDeficit ? 'Current-year deficits occur on some paths but never on most.' : 'No path shows a current-year deficit.')
  );
}

export function ratioAnswer(r: ScenarioResult): string {
  const year = r.spec.years[0]!;
  const parts = SCHEMES.map((scheme) => {
    const policy = claimsMean(r, 'policy_range_ratio', year, { scheme, setting: 'inpatient' });
    const actual = claimsMean(r, 'actual_ratio', year, { scheme, setting: 'inpatient' });
    return `${CHINESE[scheme]} ${pct(policy)} of policy-range inpatient cost (${pct(actual)} of the whole bill)`;
  });
  return `In ${year} the pooled funds reimburse ${parts.join('; ')}.`;
}

export function reformAnswer(r: ScenarioResult, id: string, name: string): string {
  const rows = reformDeltaRows(r, id);
  const years = `${r.spec.years[0]}–${r.spec.years[r.spec.years.length - 1]}`;
  const text = rows.map((x) => `${x.metric} ${x.delta >= 0 ? '+' : ''}${x.delta.toFixed(2)} ${x.unit} (95% CI ${x.lo.toFixed(2)} to ${x.hi.toFixed(2)})`);
  return `Reform "${name}" against the baseline over ${years}, on the same random draws: ${text.join('; ')}.`;
}

export function answers(r: ScenarioResult): string[] {
  return [...SCHEMES.map((s) => fundAnswer(r, s)), ratioAnswer(r), ...r.reforms.map((f) => reformAnswer(r, f.id, f.name))];
}
