/**
 * The sensitivity tornado as a command's result: run the one-at-a-time sensitivity (./sensitivity.ts) on
 * the median accumulated balance of one fund at the horizon, say in a sentence which assumption moves it
 * most, and write the table, the tornado chart, a report, the answer and a manifest to one directory that appears
 * whole or not at all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTables, type TableFormat } from '../analysis/export.js';
import { toFrames } from '../analysis/frame.js';
import type { SensitivityRow } from '../analysis/tornado.js';
import { svgToPng } from '../charts/png.js';
import { tornadoChart } from '../charts/tornado.js';
import { InputError } from '../input/inputError.js';
import { writeDirectoryAtomic } from '../io/atomic.js';
import { jsonText } from '../io/json.js';
import { buildReport } from '../report/index.js';
import { CHINESE, SCHEMES, type Scheme } from '../policy/vocabulary.js';
import { validateDocument } from '../input/document.js';
import { z } from 'zod';
import { withOverrides, type LoadedScenario } from '../scenario/load.js';
import { manifestFor, scenarioName, type Manifest, type Rerun } from './manifest.js';
import type { RunOptions } from './scenarioRun.js';
import { finalBalance, KEY_ASSUMPTIONS, sensitivity, type Assumption, type Outcome } from './sensitivity.js';
import { schemeHasMembers } from './views.js';

/** Problems of what the caller asked (a notebook's scheme; the command line names it --scheme). */
export const SENSITIVITY_OPTIONS = 'sensitivity options';

export interface SensitivityResult {
  /** The fund whose balance is the outcome. */
  scheme: Scheme;
  /** The last year of the horizon: the outcome is the balance at its end. */
  year: number;
  /** Widest swing first; outcomes in 亿元. */
  rows: SensitivityRow[];
  manifest: Manifest;
}

/**
 * Sensitivity of the median accumulated balance (亿元) of `scheme`'s fund at the horizon. Without a scheme,
 * the employee fund if the scenario has employees, else the resident fund (decided on the base run).
 * A scheme without members is an input error.
 */
export async function runSensitivity(
  loaded: LoadedScenario,
  scheme: Scheme | undefined,
  options: RunOptions = {},
  assumptions: readonly Assumption[] = KEY_ASSUMPTIONS,
): Promise<SensitivityResult> {
  const started = Date.now();
  let chosen: Scheme | undefined;
  const outcome: Outcome = (r) => {
    if (chosen === undefined) {
      // The first result is the base run's.
      chosen = scheme ?? (schemeHasMembers(r, 'employee') ? 'employee' : 'resident');
      if (!schemeHasMembers(r, chosen)) {
        throw new InputError([{ file: SENSITIVITY_OPTIONS, path: ['scheme'], value: chosen, message: `the scenario ${loaded.scenario.id} has no ${chosen} members` }]);
      }
    }
    return finalBalance(chosen)(r);
  };
  const rows = await sensitivity(loaded, outcome, assumptions, options);
  const scenario = withOverrides(loaded, options);
  const s = scenario.scenario;
  const manifest = manifestFor(
    'sensitivity',
    scenario,
    [],
    { workers: options.workers ?? -1, chunkMembers: options.chunkMembers ?? s.engine.chunkMembers, elapsedMs: Date.now() - started },
    { outcome: `median accumulated balance of the ${chosen!} fund at the horizon (亿元)`, scheme: chosen!, assumptions },
  );
  return { scheme: chosen!, year: s.baseYear + s.horizon - 1, rows, manifest };
}

const recordedSchema = z.looseObject({
  extra: z.looseObject({
    scheme: z.enum(SCHEMES),
    assumptions: z.array(z.strictObject({ label: z.string().min(1), low: z.record(z.string(), z.unknown()), high: z.record(z.string(), z.unknown()) })).min(1),
  }),
});

/**
 * The fund and the assumptions a sensitivity manifest recorded, checked as the manifest file's fields: a rerun
 * varies the assumptions as they were then, not as KEY_ASSUMPTIONS may read now.
 */
export function recordedSensitivity(rerun: Rerun): { scheme: Scheme; assumptions: Assumption[] } {
  const { extra } = validateDocument(rerun.doc, recordedSchema);
  return { scheme: extra.scheme, assumptions: extra.assumptions };
}

const yi = (x: number) => `${x.toFixed(2)} 亿元`;
/** 亿元 → yuan to the fen: exported tables are in yuan (`_yuan` columns) like every other table; the report and answer say 亿元. */
const yuan = (yi: number) => Math.round(yi * 1e10) / 100;

/** What the outcome is, with its unit, e.g. for the chart's axis. */
export function outcomeLabel(r: Pick<SensitivityResult, 'scheme' | 'year'>): string {
  return `Median accumulated balance of the ${r.scheme} fund, end of ${r.year} (亿元)`;
}

/** The answer in plain words: which assumption moves the outcome most, and by how much. */
export function sensitivityAnswer(r: Pick<SensitivityResult, 'scheme' | 'year' | 'rows'>): string {
  const fund = `the median accumulated balance (累计结余) of the ${r.scheme} pooled fund (${CHINESE[r.scheme]}统筹基金) at the end of ${r.year}`;
  const [top, next] = r.rows;
  if (!top) return `No assumption was varied for ${fund}.`;
  if (top.swing === 0) return `None of the ${r.rows.length} assumptions varied one at a time moves ${fund}: it stays at ${yi(top.base)} (hundred million yuan).`;
  return (
    `Of the ${r.rows.length} assumptions varied one at a time (the rest at base, the same random draws), "${top.assumption}" moves ${fund} most: ` +
    `${yi(top.low)} at its low value and ${yi(top.high)} at its high value, against ${yi(top.base)} at base, a swing of ${yi(top.swing)} (hundred million yuan).` +
    (next ? ` Next is "${next.assumption}", with a swing of ${yi(next.swing)}.` : '')
  );
}

/** What a reader of the table alone must know. */
function tableNotes(r: SensitivityResult): string {
  const m = r.manifest;
  return [
    `One-at-a-time sensitivity of ${m.scenario.file} (${m.baseYear}–${r.year}, ${m.paths} paths, seed ${String(m.seed)}).`,
    `Outcome: ${outcomeLabel(r).replace(' (亿元)', '')}, in yuan. low_yuan / high_yuan: the outcome with the assumption at its low / high value, the rest at base; base_yuan: every assumption at base; swing_yuan: |high − low|. Rows widest swing first.`,
    m.behaviouralResponse,
    'The manifest beside this directory (../manifest.json) records the run.',
  ].join('\n') + '\n';
}

export interface SensitivityOutputOptions {
  formats?: readonly TableFormat[];
  /** Also write the chart as PNG (charts/tornado.png). */
  png?: boolean;
  signal?: AbortSignal;
}

/** The self-contained HTML report: the answer, the tornado and its table, the manifest. */
export function sensitivityReportHtml(r: SensitivityResult, chart: string): string {
  const m = r.manifest;
  return buildReport({
    title: `Sensitivity of the ${r.scheme} fund's balance: ${scenarioName(m)}`,
    subtitle: `${m.paths} Monte Carlo paths; ${m.members.toLocaleString('en')} simulated members; ${m.baseYear}–${r.year}; seed ${String(m.seed)}; ${m.behaviouralResponse}`,
    sections: [
      { heading: 'Answer', text: sensitivityAnswer(r) },
      {
        heading: 'Tornado',
        text: `${outcomeLabel(r)}: each assumption at its low and at its high value, the rest at base, on the same random draws.`,
        charts: [chart],
        tables: [{ caption: '亿元; widest swing first', columns: ['assumption', 'low', 'high', 'base', 'swing'], rows: r.rows.map((x) => [x.assumption, x.low, x.high, x.base, x.swing]) }],
      },
    ],
    manifest: m,
  });
}

/** tables/sensitivity.{csv,json,parquet} (and NOTES.txt), charts/tornado.svg (and .png), report.html, answers.txt, manifest.json. */
export async function writeSensitivityOutputs(dir: string, r: SensitivityResult, options: SensitivityOutputOptions = {}): Promise<void> {
  await writeDirectoryAtomic(
    dir,
    async (temp, signal) => {
      await mkdir(join(temp, 'tables'));
      await mkdir(join(temp, 'charts'));
      const rows = r.rows.map(({ assumption, low, high, base }) => {
        const [lowYuan, highYuan] = [yuan(low), yuan(high)];
        // The swing of the rounded ends, so the table adds up to the fen.
        return { assumption, low_yuan: lowYuan, high_yuan: highYuan, base_yuan: yuan(base), swing_yuan: Math.round(Math.abs(highYuan - lowYuan) * 100) / 100 };
      });
      await writeTables(join(temp, 'tables'), toFrames({ sensitivity: rows }), options.formats, signal);
      await writeFile(join(temp, 'tables', 'NOTES.txt'), tableNotes(r), { signal });
      const chart = tornadoChart(r.rows, { outcome: outcomeLabel(r), title: `${r.scheme} pooled fund: sensitivity of the ${r.year} balance` });
      await writeFile(join(temp, 'charts', 'tornado.svg'), chart, { signal });
      if (options.png) await writeFile(join(temp, 'charts', 'tornado.png'), svgToPng(chart), { signal });
      await writeFile(join(temp, 'answers.txt'), `${sensitivityAnswer(r)}\n`, { signal });
      await writeFile(join(temp, 'report.html'), sensitivityReportHtml(r, chart), { signal });
      await writeFile(join(temp, 'manifest.json'), jsonText(r.manifest), { signal });
    },
    { signal: options.signal },
  );
}
