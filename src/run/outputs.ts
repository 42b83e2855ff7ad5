/**
 * Writing a run's results: tables (CSV, JSON, Parquet), charts (SVG and PNG), the HTML report, the answers and
 * the manifest, all into one directory that appears whole or not at all (written to a temporary
 * directory, then moved into place).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTables, type TableFormat } from '../analysis/export.js';
import { toFrames } from '../analysis/frame.js';
import { balanceFanChart, gainersLosersChart, monthsCoveredChart, oopDistributionChart, reformDeltaChart, reimbursementChart } from '../charts/index.js';
import { institutionPaymentsChart } from '../charts/institutionPayments.js';
import { monthlyCashChart } from '../charts/monthlyCash.js';
import { svgToPng } from '../charts/png.js';
import { behaviourStatement } from '../claims/demand.js';
import { writeDirectoryAtomic } from '../io/atomic.js';
import { jsonText } from '../io/json.js';
import { SCHEMES } from '../policy/vocabulary.js';
import { supervisionCharts } from '../supervision/views.js';
import { isSupervised } from '../supervision/tables.js';
import { answers } from './answers.js';
import { reportHtml } from './report.js';
import type { ScenarioResult } from './scenarioRun.js';
import { fundPercentiles, gainersLosersRows, institutionPaymentRows, monthlyCashRows, oopRows, paymentIsReformed, ratioRows, reformDeltaRows, schemeHasMembers } from './views.js';

export interface OutputOptions {
  formats?: readonly TableFormat[];
  /** Also write each chart as PNG (a second or two a chart). */
  png?: boolean;
  signal?: AbortSignal;
}

/** The charts of a result as named SVG strings. */
export function resultCharts(r: ScenarioResult): Record<string, string> {
  const charts: Record<string, string> = {};
  // A scheme with no members (a single-scheme scenario) has no fund to chart.
  for (const scheme of SCHEMES.filter((s) => schemeHasMembers(r, s))) {
    charts[`${scheme}-balance`] = balanceFanChart(fundPercentiles(r, scheme, 'accumulated_balance_yuan'), { title: `${scheme} pooled fund: accumulated balance` });
    const months = fundPercentiles(r, scheme, 'months_covered');
    if (months.length > 0) charts[`${scheme}-months-covered`] = monthsCoveredChart(months, { title: `${scheme} pooled fund: months of payment covered` });
  }
  const year = r.spec.years[0]!;
  // A tiny sample may have no claims of a kind: no rows, no chart.
  const ratios = ratioRows(r, year);
  if (ratios.length > 0) charts['reimbursement-ratios'] = reimbursementChart(ratios, { title: `Reimbursement ratios, ${year}` });
  const oop = oopRows(r, year);
  if (oop.length > 0) charts['out-of-pocket'] = oopDistributionChart(oop, { title: `Out-of-pocket per member-year, ${year}` });
  const cash = monthlyCashRows(r, year);
  if (cash.length > 0) charts['monthly-cash'] = monthlyCashChart(cash, { title: `Cash out of both funds by month, ${year}` });
  const last = r.spec.years[r.spec.years.length - 1]!;
  const gains = institutionPaymentRows(r, last);
  if (paymentIsReformed(r) && gains.length > 0) charts['institution-payments'] = institutionPaymentsChart(gains, { title: `What institutions are paid against fee for service, ${last}` });
  if (isSupervised(r.cube)) Object.assign(charts, supervisionCharts(r.cube));
  for (const reform of r.reforms) {
    const rows = reformDeltaRows(r, reform.id);
    if (rows.length > 0) charts[`reform-${reform.id}`] = reformDeltaChart(rows, { title: `${reform.name}: change against the baseline` });
    const who = gainersLosersRows(r, reform.id);
    if (who.length > 0) charts[`reform-${reform.id}-gainers-losers`] = gainersLosersChart(who, { title: `${reform.name}: who gains and who loses` });
  }
  return charts;
}

/** What a reader of the tables alone must know: the run they come from and its behavioural response. */
export function tableNotes(r: ScenarioResult): string {
  const s = r.scenario.scenario;
  const years = `${r.spec.years[0]}–${r.spec.years[r.spec.years.length - 1]}`;
  return [
    `Tables of ${s.id} (${r.scenario.file}), ${years}, ${s.paths} paths, seed ${String(s.seed)}; variants: ${r.spec.variants.map((v) => v.id).join(', ')}.`,
    behaviourStatement(s.behaviour),
    'The manifest beside this directory (../manifest.json) reproduces every number.',
  ].join('\n') + '\n';
}

export async function writeOutputs(dir: string, r: ScenarioResult, options: OutputOptions = {}): Promise<void> {
  await writeDirectoryAtomic(
    dir,
    async (temp, signal) => {
      await mkdir(join(temp, 'tables'));
      await mkdir(join(temp, 'charts'));
      await writeTables(join(temp, 'tables'), toFrames(r.tables), options.formats, signal);
      await writeFile(join(temp, 'tables', 'NOTES.txt'), tableNotes(r), { signal });
      for (const [name, svg] of Object.entries(resultCharts(r))) {
        await writeFile(join(temp, 'charts', `${name}.svg`), svg, { signal });
        if (options.png) await writeFile(join(temp, 'charts', `${name}.png`), svgToPng(svg), { signal });
      }
      await writeFile(join(temp, 'report.html'), reportHtml(r), { signal });
      await writeFile(join(temp, 'answers.txt'), `${answers(r).join('\n\n')}\n`, { signal });
      await writeFile(join(temp, 'manifest.json'), jsonText(r.manifest), { signal });
    },
    { signal: options.signal },
  );
}
