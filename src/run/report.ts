/**
 * The self-contained HTML report of a run or a comparison: the answers in words first, then charts
 * and tables, then the manifest.
 */
import { dirname, resolve } from 'node:path';
import { balanceFanChart, gainersLosersChart, monthsCoveredChart, oopDistributionChart, reformDeltaChart, reimbursementChart } from '../charts/index.js';
import { termLabel } from '../charts/format.js';
import { institutionPaymentsChart } from '../charts/institutionPayments.js';
import { monthlyCashChart } from '../charts/monthlyCash.js';
import { behaviourStatement } from '../claims/demand.js';
import { buildReport, type ReportSection, type ReportTable } from '../report/index.js';
import { CHINESE, SCHEMES, SETTINGS, type Scheme } from '../policy/vocabulary.js';
import { covers, jurisdictionText } from '../policy/jurisdiction.js';
import { agreementRulesFile, loadAgreementRules } from '../institutions/rules.js';
import type { ScenarioResult } from './scenarioRun.js';
import { answers, cashAnswer, paymentAnswer } from './answers.js';
import { NOT_APPLICABLE, tidySection } from './reportCells.js';
import { supervisionSection } from './supervisionSection.js';
import {
  cashMonthMeans,
  channelMean,
  claimsMean,
  fundPercentiles,
  gainersLosersRows,
  institutionMean,
  institutionPaymentRows,
  monthlyCashRows,
  oopRows,
  paymentIsReformed,
  paymentMean,
  ratioRows,
  inForceText,
  reformDeltaRows,
  reformYears,
  schemeHasMembers,
  yearsText,
} from './views.js';

const YI = 1e-8; // yuan → 亿元

export function reportHtml(r: ScenarioResult): string {
  const s = r.scenario.scenario;
  const sections: ReportSection[] = [
    { heading: 'Answers', text: answers(r).join('\n\n') },
    // A scheme with no members (a single-scheme scenario) has no fund to show.
    ...SCHEMES.filter((scheme) => schemeHasMembers(r, scheme)).map((scheme) => fundSection(r, scheme)),
    ratioSection(r),
    burdenSection(r),
    providerSection(r),
    cashSection(r),
    ...supervisionSection(r),
    ...r.reforms.map((reform) => reformSection(r, reform.id, reform.name)),
  ].map(tidySection); // years without separators, "—" for what does not apply (see reportCells.ts)
  return buildReport({
    title: `${s.name}`,
    subtitle: `${s.sample.members.toLocaleString('en')} simulated members standing for ${s.sample.represents.toLocaleString('en')} insured; ${s.paths} Monte Carlo paths; ${r.spec.years[0]}–${r.spec.years[r.spec.years.length - 1]}; seed ${String(s.seed)}; ${behaviourStatement(s.behaviour)}`,
    sections,
    manifest: r.manifest,
  });
}

/** A chart of `rows`, or none when there are none (a tiny sample may have no claims of a kind). */
/** A chart of the rows, or none: a tiny sample may have no rows of a kind, and an empty chart fails to draw. */
const chartIfAny = <R>(rows: R[], draw: (rows: R[]) => string): string[] => (rows.length > 0 ? [draw(rows)] : []);

function fundSection(r: ScenarioResult, scheme: Scheme): ReportSection {
  const balance = fundPercentiles(r, scheme, 'accumulated_balance_yuan', 'baseline');
  const months = fundPercentiles(r, scheme, 'months_covered', 'baseline');
  const name = `${scheme === 'employee' ? 'Employee' : 'Resident'} pooled fund (${CHINESE[scheme]}统筹基金)`;
  const table: ReportTable = {
    caption: 'Median across paths, 亿元 (months covered: months of expenditure)',
    columns: ['year', 'income', 'expenditure', 'current balance', 'accumulated balance', 'months covered'],
    rows: r.spec.years.map((year) => [
      year,
      ...['income_yuan', 'expenditure_yuan', 'current_balance_yuan', 'accumulated_balance_yuan'].map((m) => fundPercentiles(r, scheme, m).find((x) => x.year === year)?.p50 ?? NaN).map((v) => v * YI),
      months.find((x) => x.year === year)?.p50 ?? NaN,
    ]),
  };
  return {
    heading: name,
    charts: [
      balanceFanChart(balance, { title: `${name}: accumulated balance`, subtitle: '累计结余, percentile bands across paths' }),
      ...chartIfAny(months, (rows) => monthsCoveredChart(rows, { title: `${name}: months of payment covered`, subtitle: '可支付月数' })),
    ],
    tables: [table],
  };
}

function ratioSection(r: ScenarioResult): ReportSection {
  const year = r.spec.years[0]!;
  const table: ReportTable = {
    caption: `Inpatient reimbursement ratios in ${year}, mean across paths`,
    columns: ['scheme', 'policy-range ratio (政策范围内)', 'actual ratio (实际)'],
    rows: SCHEMES.filter((scheme) => schemeHasMembers(r, scheme)).map((scheme) => [CHINESE[scheme]!, claimsMean(r, 'policy_range_ratio', year, { scheme, setting: 'inpatient' }), claimsMean(r, 'actual_ratio', year, { scheme, setting: 'inpatient' })]),
  };
  return {
    heading: 'Reimbursement ratios (报销比例)',
    charts: chartIfAny(ratioRows(r, year), (rows) => reimbursementChart(rows, { title: `Reimbursement ratios by setting and hospital level, ${year}` })),
    tables: [table],
  };
}

function burdenSection(r: ScenarioResult): ReportSection {
  const year = r.spec.years[0]!;
  const deciles = ((r.tables.oop_deciles_by_year ?? []) as Record<string, unknown>[]).filter((x) => x.variant === 'baseline' && x.year === year);
  const table: ReportTable = {
    caption: `Out-of-pocket per member-year in ${year} (yuan): deciles, mean across paths`,
    columns: ['scheme', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `D${d}`)],
    rows: ['all', ...SCHEMES.filter((scheme) => schemeHasMembers(r, scheme))].map((scheme) => [
      scheme === 'all' ? 'all' : CHINESE[scheme]!,
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => Number(deciles.find((x) => x.scheme === scheme && Math.abs(Number(x.quantile) - d / 10) < 1e-9)?.mean ?? NaN)),
    ]),
  };
  return {
    heading: 'Out-of-pocket burden (个人负担)',
    charts: chartIfAny(oopRows(r, year), (rows) => oopDistributionChart(rows, { title: `Out-of-pocket per member-year, ${year}` })),
    tables: [table],
  };
}

function reformSection(r: ScenarioResult, id: string, name: string): ReportSection {
  const rows = reformDeltaRows(r, id);
  const who = gainersLosersRows(r, id);
  const years = yearsText(reformYears(r, id));
  const inForce = inForceText(r, id);
  return {
    heading: `Reform: ${name}`,
    text:
      `Differences reform − baseline ${years}${inForce ? ` (${inForce})` : ''}, on the same random draws (common random numbers), with 95% confidence intervals across paths` +
      (r.cube.paths > 1 ? '. ' : ' (not identified with one path: —). ') +
      'Who gains and who loses: the share of member-years whose out-of-pocket falls or rises, and the mean change per member-year (means across paths; intervals in the gainers_losers tables).',
    charts: [
      ...chartIfAny(rows, (x) => reformDeltaChart(x, { title: `${name}: change against the baseline` })),
      ...chartIfAny(who, (x) => gainersLosersChart(x, { title: `${name}: who gains and who loses` })),
    ],
    tables: [
      {
        columns: ['measure', 'change', '95% CI low', '95% CI high', 'unit'],
        rows: rows.map((x) => [x.metric, x.delta, x.lo, x.hi, x.unit]),
      },
      {
        caption: `Who gains and who loses ${years}, mean across paths`,
        // In percent: shares of a few percent told to the table's 2 decimals as 0.01–0.07 could not be told apart.
        columns: ['by', 'group', 'gainers (% of member-years)', 'losers (% of member-years)', 'out-of-pocket change per member-year (yuan)'],
        rows: who.map((x) => [x.dimension, x.group, 100 * x.gainers, 100 * x.losers, x.change]),
      },
    ],
  };
}

const INSTITUTION_ROWS = ['tertiary', 'secondary', 'primary', 'community', 'pharmacy', 'all'];

function providerSection(r: ScenarioResult): ReportSection {
  const last = r.spec.years[r.spec.years.length - 1]!;
  const reformed = paymentIsReformed(r);
  const gains = institutionPaymentRows(r, last);
  // The rate per case of relative weight 1 exists only for a fund paying some care per case (DRG/DIP points):
  // under fee for service or global budgets alone it does not apply, and its column is left out.
  const rates = SCHEMES.map((scheme) => ({ scheme, byYear: r.spec.years.map((year) => paymentMean(r, 'rate_per_weight_yuan', year, scheme)) })).filter(
    (x) => schemeHasMembers(r, x.scheme) && x.byYear.some(Number.isFinite),
  );
  const payments: ReportTable = {
    caption:
      'Paid to institutions against their care settled item by item (fee for service), both funds, mean across paths, 亿元' +
      (rates.length > 0 ? `; the rate per case of relative weight 1 (yuan) per fund (${NOT_APPLICABLE}: not paid per case that year)` : ''),
    columns: ['year', 'settled', 'paid', 'paid − settled', 'deposits forfeited', ...rates.map((x) => `rate ${CHINESE[x.scheme]!}`)],
    rows: r.spec.years.map((year, y) => [
      year,
      ...['settled_yuan', 'paid_yuan', 'paid_minus_settled_yuan', 'forfeited_deposits_yuan'].map((m) => paymentMean(r, m, year) * YI),
      ...rates.map((x) => x.byYear[y]!),
    ]),
  };
  const institutions: ReportTable = {
    caption:
      `Designated institutions (定点医药机构) in ${last}, mean across paths; patients are claims treated (人次), money in 亿元; ` +
      '甲类 share: of card-settled spending, against the agreement’s minimum by level (hospitals only; 甲类医药费使用比例)',
    columns: ['institutions', 'in the pool', 'designated in December', 'suspended months', 'terminations', 'patients', 'settled', 'paid', '甲类 share', 'short of the 甲类 minimum'],
    rows: INSTITUTION_ROWS.map((group) => [
      group === 'all' ? 'all' : termLabel(group),
      ...['institutions', 'designated_in_december', 'suspended_months', 'terminations', 'patients'].map((m) => institutionMean(r, m, last, group)),
      ...['settled_yuan', 'fund_paid_yuan'].map((m) => institutionMean(r, m, last, group) * YI),
      // Pharmacies are outside the term; 'all' mixes them into the share, but its count of hospitals short is whole.
      group === 'pharmacy' || group === 'all' ? NaN : institutionMean(r, 'class_a_share', last, group),
      group === 'pharmacy' ? NaN : institutionMean(r, 'class_a_share_unmet', last, group),
    ]),
  };
  const tables = [payments, institutions];
  if (r.scenario.scenario.institutions.lifecycle.terms) tables.push(termsTable(r, last));
  return {
    heading: 'Institutions and provider payment (定点医药机构与支付方式)',
    text: `${reformed ? paymentAnswer(r) : 'Every setting is paid fee for service (按项目): the funds pay institutions the settled pooled amounts of their card-settled care.'} ${agreementRulesText(r)}`,
    charts: reformed ? chartIfAny(gains, (rows) => institutionPaymentsChart(rows, { title: `What institutions are paid against fee for service, ${last}` })) : [],
    tables,
  };
}

/** Which agreement rules the institutions live under, and whether they are the region's own. */
function agreementRulesText(r: ScenarioResult): string {
  const rules = loadAgreementRules(agreementRulesFile(r.scenario.scenario.institutions.rules, dirname(resolve(r.scenario.file))));
  const region = r.scenario.policy.policy.jurisdiction;
  const own = covers(rules.jurisdiction, region);
  return `Agreements are designated, suspended and ended under ${rules.title} (${rules.id}, ${jurisdictionText(rules.jurisdiction, region)})${own ? '' : `, another jurisdiction's rules standing in for those of the policy's region, ${region}`}.`;
}

/** With `institutions.lifecycle.terms`: the terms hospitals missed in the year and what the lifecycle made of them. */
function termsTable(r: ScenarioResult, year: number): ReportTable {
  const metrics = [
    ...['class_a_share_unmet', 'class_a_assessment_failures', 'drug_availability_unmet', 'drug_availability_assessment_failures', 'positive_rate_unmet', 'positive_rate_suspensions'],
    ...['item_terms_noncompliant_share', 'chart_sample_suspensions', 'assessment_failures', 'terminations'],
  ];
  return {
    caption: `The agreement’s terms drawn as the hospitals’ behaviour (institutions.lifecycle.terms), hospitals in ${year}, mean across paths: short of each term, and the failed assessments and suspensions it caused`,
    columns: [
      ...['hospitals', 'short: 甲类 share', 'failed on it', 'short: stocking rates', 'failed on them', 'below the positive-rate floor', 'positive-rate suspensions'],
      ...['item terms broken (share of bill)', 'chart-sample suspensions', 'failed assessments (all causes)', 'terminations'],
    ],
    rows: ['tertiary', 'secondary', 'primary', 'community', 'hospitals'].map((group) => [termLabel(group), ...metrics.map((m) => institutionMean(r, m, year, group))]),
  };
}

function cashSection(r: ScenarioResult): ReportSection {
  const year = r.spec.years[0]!;
  const lines = ['institutions_yuan', 'reimbursements_yuan', 'out_of_area_clearing_yuan', 'advance_change_yuan', 'cash_out_yuan', 'patients_outstanding_yuan'];
  const byLine = lines.map((m) => cashMonthMeans(r, m, year));
  const schemes = SCHEMES.filter((scheme) => schemeHasMembers(r, scheme));
  const months: ReportTable = {
    caption: `Cash out of both funds by month of ${year}, mean across paths, 亿元 (patients owed: advanced and not yet reimbursed at month end)`,
    columns: ['month', 'institutions', 'patients reimbursed', 'out-of-area clearing', 'clearing advance', 'total', 'patients owed'],
    rows: Array.from({ length: 12 }, (_, m) => [m + 1, ...byLine.map((line) => line[m]! * YI)]),
  };
  const channels: ReportTable = {
    caption: `Card-swipe rate (刷卡率) by setting in ${year}, mean across paths (emergency observation is swiped only under one emergency ratio, cashflow.causes.observation below 1: by seed 002's rule its ratio is unknown until admission is decided)`,
    columns: ['setting', ...schemes.map((s) => CHINESE[s]!)],
    rows: ['all', ...SETTINGS].map((setting) => [setting === 'all' ? 'all' : termLabel(setting), ...schemes.map((scheme) => channelMean(r, 'swipe_rate', year, { scheme, setting }))]),
  };
  return {
    heading: 'Direct settlement and the funds’ cash flow (直接结算与基金现金流)',
    text: cashAnswer(r),
    charts: chartIfAny(monthlyCashRows(r, year), (rows) => monthlyCashChart(rows, { title: `Cash out of both funds by month, ${year}` })),
    tables: [months, channels],
  };
}
