/**
 * The answers in plain words, computed from a result's tables: what the fund's balance will be, how
 * likely a deficit and depletion are, what patients get reimbursed, how cash leaves the funds month by
 * month, what a payment method other than fee for service pays institutions, and what a reform changes;
 * first, whether utilisation responds to a reform's cost sharing (the behavioural response).
 */
import { behaviourStatement } from '../claims/demand.js';
import { PAYMENT_METHODS } from '../payment/assumptions.js';
import { schemeCanHaveMembers } from '../population/assumptions.js';
import { CHINESE, SCHEMES, SETTINGS, type Scheme } from '../policy/vocabulary.js';
import { isSupervised } from '../supervision/tables.js';
import { supervisionAnswer } from '../supervision/views.js';
import type { ScenarioResult } from './scenarioRun.js';
import {
  cashMonthMeans,
  channelMean,
  claimsMean,
  deficitCoverChange,
  depletionByYear,
  fundPercentiles,
  gainersLosersRows,
  institutionPaymentRows,
  paymentIsReformed,
  paymentMean,
  inForceText,
  reformDeltaRows,
  reformRatioRows,
  reformYears,
  schemeHasMembers,
  yearsText,
} from './views.js';

const yi = (yuan: number) => `${(yuan / 1e8).toFixed(2)} 亿元`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function riskRows(r: ScenarioResult, scheme: Scheme, event: 'deficit' | 'depletion') {
  return ((r.tables.fund_risk_by_year ?? []) as Record<string, unknown>[]).filter((x) => x.variant === 'baseline' && x.scheme === scheme && x.event === event);
}

/** Years as runs: [2021, 2022, 2023, 2026] → "2021–2023 and 2026". */
function yearRuns(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of years) {
    const run = runs[runs.length - 1];
    if (run && y === run[1] + 1) run[1] = y;
    else runs.push([y, y]);
  }
  const text = runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  return text.length > 1 ? `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}` : text[0]!;
}

/**
 * When a current-year deficit is more likely than not (more than half the paths; half is not most): in every
 * year, from a year on when every later one stays so, or in the years named.
 */
function deficitSentence(r: ScenarioResult, scheme: Scheme): string {
  const rows = riskRows(r, scheme, 'deficit');
  const likely = rows.filter((x) => Number(x.probability) > 0.5).map((x) => Number(x.year));
  if (likely.length === 0) {
    return rows.some((x) => Number(x.probability) > 0) ? 'Current-year deficits occur on some paths but never on most.' : 'No path shows a current-year deficit.';
  }
  const years = rows.map((x) => Number(x.year));
  const from = likely[0]!;
  const toTheEnd = years.filter((y) => y >= from).every((y) => likely.includes(y));
  const when = !toTheEnd || from === years[years.length - 1] ? `in ${yearRuns(likely)}` : from === years[0] ? 'in every year' : `in every year from ${from}`;
  return `A current-year deficit (当期赤字) is more likely than not ${when}.`;
}

/** A share of paths with its 95% interval (fund_risk_by_year's): "0.0% of 20 paths (95% interval 0.0% to 16.1%)". */
function shareOfPaths(x: { probability: number; lo: number; hi: number; paths: number } | undefined): string {
  if (!x || !Number.isFinite(x.probability)) return pct(NaN);
  if (x.paths < 2) return `${pct(x.probability)} (one path)`;
  return `${pct(x.probability)} of ${x.paths} paths (95% interval ${pct(x.lo)} to ${pct(x.hi)})`;
}

/** Why a scheme has no members: the scenario has none, or a sample too small to draw any. */
function noMembers(r: ScenarioResult, scheme: Scheme): string {
  const { population, sample } = r.scenario.scenario;
  if (!schemeCanHaveMembers(population, scheme)) return 'no members in this scenario';
  return `no members among the ${sample.members.toLocaleString('en')} simulated (too few to draw any; simulate more members)`;
}

export function fundAnswer(r: ScenarioResult, scheme: Scheme): string {
  const last = r.spec.years[r.spec.years.length - 1]!;
  const balance = fundPercentiles(r, scheme, 'accumulated_balance_yuan').find((x) => x.year === last);
  const months = fundPercentiles(r, scheme, 'months_covered').find((x) => x.year === last);
  const depletion = depletionByYear(r, scheme).find((x) => x.year === last);
  const label = `The ${scheme} pooled fund (${CHINESE[scheme]}统筹基金)`;
  if (!schemeHasMembers(r, scheme)) return `${label}: ${noMembers(r, scheme)}.`;
  if (!balance) return `${label}: no results.`;
  const spread = r.cube.paths > 1 ? `median; 90% of paths between ${yi(balance.p5)} and ${yi(balance.p95)}` : 'one path';
  return (
    `${label} ends ${last} with an accumulated balance (累计结余) of ${yi(balance.p50)} (${spread})` +
    (months ? `, ${months.p50.toFixed(1)} months of payment covered (可支付月数)` : '') +
    `. Probability of depletion (穿底) by ${last}: ${shareOfPaths(depletion)}. ` +
    deficitSentence(r, scheme)
  );
}

export function ratioAnswer(r: ScenarioResult): string {
  const year = r.spec.years[0]!;
  // A scheme with no members (or no admissions) has no ratio: say so rather than print NaN%.
  const parts = SCHEMES.filter((scheme) => schemeHasMembers(r, scheme)).map((scheme) => {
    const policy = claimsMean(r, 'policy_range_ratio', year, { scheme, setting: 'inpatient' });
    const actual = claimsMean(r, 'actual_ratio', year, { scheme, setting: 'inpatient' });
    if (!Number.isFinite(policy) || !Number.isFinite(actual)) return `${CHINESE[scheme]}: no inpatient claims`;
    return `${CHINESE[scheme]} ${pct(policy)} of policy-range inpatient cost (${pct(actual)} of the whole bill)`;
  });
  if (parts.length === 0) return `In ${year} no scheme has members.`;
  return `In ${year} the pooled funds reimburse ${parts.join('; ')}.`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const signed = (x: number, text: string) => `${x >= 0 ? '+' : ''}${text}`;
const METHOD_WORDS: Record<string, string> = {
  globalBudget: 'global budget (总额控制)',
  drg: 'DRG (按疾病诊断相关分组)',
  dip: 'DIP (按病种分值)',
};

/** The funds' monthly cash in the first year, and what patients advance under direct settlement. */
export function cashAnswer(r: ScenarioResult): string {
  const year = r.spec.years[0]!;
  const cash = cashMonthMeans(r, 'cash_out_yuan', year);
  const peak = cash.indexOf(Math.max(...cash));
  const average = cash.reduce((s, x) => s + x, 0) / 12;
  const owed = cashMonthMeans(r, 'patients_outstanding_yuan', year)[11]!;
  return (
    `In ${year} the funds pay out ${yi(average)} a month on average, most in ${MONTHS[peak]} (${yi(cash[peak]!)}). ` +
    `${pct(channelMean(r, 'swipe_rate', year))} of claims are settled by card (联网刷卡结算); for the rest patients advance the bill (全额垫付), ` +
    `${yi(channelMean(r, 'advanced_yuan', year))} beyond their own share in the year, reimbursed after ${channelMean(r, 'mean_days_outstanding', year).toFixed(0)} days on average; ` +
    `${yi(owed)} is still owed to them at the end of December (means across paths).`
  );
}

/** How institutions are paid, when some care is paid otherwise than fee for service, against fee for service. */
export function paymentAnswer(r: ScenarioResult): string {
  const { methods, perDisease } = r.scenario.scenario.payment;
  const first = r.spec.years[0]!;
  const last = r.spec.years[r.spec.years.length - 1]!;
  const how = PAYMENT_METHODS.filter((m) => m !== 'feeForService')
    .map((m) => ({ m, settings: SETTINGS.filter((s) => methods[s] === m) }))
    .filter((x) => x.settings.length > 0)
    .map((x) => `${x.settings.join(', ')} care by ${METHOD_WORDS[x.m]}`);
  if (perDisease.length > 0) how.push(`${perDisease.length} case group${perDisease.length > 1 ? 's' : ''} at a fixed standard per case (按病种)`);
  const settled = paymentMean(r, 'settled_yuan', last);
  const paid = paymentMean(r, 'paid_yuan', last);
  const rates = SCHEMES.map((scheme) => ({ scheme, from: paymentMean(r, 'rate_per_weight_yuan', first, scheme), to: paymentMean(r, 'rate_per_weight_yuan', last, scheme) })).filter(
    (x) => Number.isFinite(x.from) && Number.isFinite(x.to),
  );
  const gains = institutionPaymentRows(r, last).map((x) => `${x.group} ${signed(x.paid - x.settled, pct((x.paid - x.settled) / x.settled))}`);
  return (
    `Provider payment (支付方式): ${how.join('; ')}. In ${last} the funds pay institutions ${yi(paid)} for care that settles at ${yi(settled)} item by item ` +
    `(fee for service, 按项目): ${signed(paid - settled, yi(paid - settled))} (${signed(paid - settled, pct((paid - settled) / settled))}; mean across paths, forfeited deposits included). ` +
    (rates.length > 0
      ? `The rate per case of relative weight 1 (point value × 10,000) moves from ${rates.map((x) => `${x.from.toFixed(0)} yuan in ${first} to ${x.to.toFixed(0)} yuan in ${last} (${CHINESE[x.scheme]})`).join(', and from ')}. `
      : '') +
    `Against fee for service, institutions are paid: ${gains.join(', ')}.`
  );
}

export function reformAnswer(r: ScenarioResult, id: string, name: string): string {
  const rows = reformDeltaRows(r, id);
  // A dated reform is measured over the years it is in force (its tables' from_year): say when that is.
  const span = reformYears(r, id);
  const inForce = inForceText(r, id);
  if (span.startYear !== undefined && span.startYear > span.to) return `Reform "${name}" is ${inForce}.`;
  // One path gives no spread across paths, so no interval: say so once rather than print a zero-width one.
  const identified = rows.some((x) => Number.isFinite(x.lo));
  const interval = (x: (typeof rows)[number]) => (Number.isFinite(x.lo) ? ` (95% CI ${x.lo.toFixed(2)} to ${x.hi.toFixed(2)})` : '');
  const text = rows.map((x) => `${x.metric}: ${signed(x.delta, x.delta.toFixed(2))} ${x.unit}${interval(x)}`);
  const draws = identified ? 'on the same random draws' : 'on the same random draws (95% CI not identified with one path)';
  const changes = text.length > 0 ? text.join('; ') : 'no scheme with members to compare';
  return `Reform "${name}"${inForce ? ` (${inForce})` : ''} against the baseline ${yearsText(span)}, ${draws}: ${changes}.${ratioNote(r, id)}${coverNote(r, id, rows)}${whoGains(r, id)}`;
}

/** " The resident policy-range inpatient ratio (政策范围内住院报销比例) goes from 70.12% to 69.74% (-0.38 points, 95% CI -0.41 to -0.36)." */
function ratioNote(r: ScenarioResult, id: string): string {
  const points = (x: number) => (100 * x).toFixed(2);
  // A scheme the reform leaves alone has the same ratio on every path (common random numbers): nothing to say.
  return reformRatioRows(r, id)
    .filter((x) => x.delta !== 0 || x.lo < 0 || x.hi > 0)
    .map((x) => {
      const interval = Number.isFinite(x.lo) ? `, 95% CI ${points(x.lo)} to ${points(x.hi)}` : '';
      return ` The ${x.scheme} policy-range inpatient ratio (政策范围内住院报销比例) goes from ${points(x.baseline)}% to ${points(x.reform)}% (${signed(x.delta, points(x.delta))} points${interval}).`;
    })
    .join('');
}

/**
 * Why the accumulated balance can move less than the current-year balances summed: a deficit is covered in part by
 * the reserve and the government (fund_ledger_by_year), and a reform that changes the deficit changes that cover.
 * Said only when the cover moves by at least the 0.01 亿元 the answer shows.
 */
function coverNote(r: ScenarioResult, id: string, rows: readonly { scheme: string; measure: string }[]): string {
  return SCHEMES.filter((scheme) => rows.some((x) => x.scheme === scheme && x.measure === 'final_accumulated_balance_yuan'))
    .map((scheme) => ({ scheme, cover: deficitCoverChange(r, id, scheme) }))
    .filter((x) => Math.abs(x.cover) >= 0.005e8)
    .map((x) => ` The ${x.scheme} accumulated balance moves by its current-year balances plus the change in deficit cover from the reserve and the government (${signed(x.cover, yi(x.cover))}).`)
    .join('');
}

/** " Of all member-years, 62.1% pay less out of pocket and 0.3% pay more. The change is largest for retired 退休: -101.04 yuan a member-year." */
function whoGains(r: ScenarioResult, id: string): string {
  const everyone = ((r.tables.gainers_losers_over_horizon ?? []) as Record<string, unknown>[]).filter(
    (x) => x.variant === id && x.scheme === 'all' && x.person_type === 'all' && x.age_band === 'all',
  );
  const share = (metric: string) => Number(everyone.find((x) => x.metric === metric)?.mean ?? NaN);
  const [gainers, losers] = [share('gainers_share'), share('losers_share')];
  if (!Number.isFinite(gainers) || !Number.isFinite(losers)) return '';
  const types = gainersLosersRows(r, id).filter((x) => x.dimension === 'person type' && x.change !== 0);
  const most = types.reduce<(typeof types)[number] | undefined>((a, b) => (!a || Math.abs(b.change) > Math.abs(a.change) ? b : a), undefined);
  const change = most ? ` The change is largest for ${most.group}: ${most.change > 0 ? '+' : ''}${most.change.toFixed(2)} yuan a member-year.` : '';
  return ` Of all member-years, ${pct(gainers)} pay less out of pocket and ${pct(losers)} pay more.${change}`;
}

export function answers(r: ScenarioResult): string[] {
  return [
    behaviourStatement(r.scenario.scenario.behaviour),
    ...SCHEMES.map((s) => fundAnswer(r, s)),
    ratioAnswer(r),
    cashAnswer(r),
    ...(paymentIsReformed(r) ? [paymentAnswer(r)] : []),
    ...(isSupervised(r.cube) ? [supervisionAnswer(r.cube)] : []),
    ...r.reforms.map((f) => reformAnswer(r, f.id, f.name)),
  ];
}
