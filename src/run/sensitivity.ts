/**
 * One-at-a-time sensitivity over the scenario's key assumptions: each is moved to a low and a high value
 * (the rest at base, same seed, so differences are not Monte Carlo noise) and an outcome of the fund is
 * recorded, e.g. the median accumulated balance at the horizon. Assumptions are scenario field paths,
 * so any part of the scenario can be varied; `KEY_ASSUMPTIONS` lists the usual ones.
 */
import { tornado, type SensitivityRow } from '../analysis/tornado.js';
import { validateDocument } from '../input/document.js';
import type { Scheme } from '../policy/vocabulary.js';
import { scenarioSchema } from '../scenario/schema.js';
import type { LoadedScenario } from '../scenario/load.js';
import { deepMerge } from '../policy/reform.js';
import { runScenario, type RunOptions, type ScenarioResult } from './scenarioRun.js';
import { fundPercentiles } from './views.js';

export interface Assumption {
  /** Shown on the chart. */
  label: string;
  /** Partial scenario documents (as written) for the low and the high value. */
  low: Record<string, unknown>;
  high: Record<string, unknown>;
}

/** The usual suspects of fund projections, around the default scenario's values. */
export const KEY_ASSUMPTIONS: Assumption[] = [
  { label: 'medical inflation −1 / +1 point a year', low: { macro: { medicalInflation: { rate: 0.027 } } }, high: { macro: { medicalInflation: { rate: 0.047 } } } },
  // The published 2022–2023 growth moves too, or a short horizon would not see the change.
  { label: 'wage growth −1 / +1 point a year', low: { macro: { wageGrowth: { rate: 0.048, byYear: { '2022': 0.057, '2023': 0.048 } } } }, high: { macro: { wageGrowth: { rate: 0.068, byYear: { '2022': 0.077, '2023': 0.068 } } } } },
  { label: 'utilisation trend −1% / +1% a year', low: { utilisation: { utilisationTrend: -0.01 } }, high: { utilisation: { utilisationTrend: 0.01 } } },
  { label: 'delayed retirement off / on', low: { population: { retirement: { delay: null } } }, high: { population: { retirement: {} } } },
  { label: 'mortality improvement 0% / 2% a year', low: { population: { mortalityImprovement: 0 } }, high: { population: { mortalityImprovement: 0.02 } } },
];

/** An outcome of a run: a number read from its results. */
export type Outcome = (r: ScenarioResult) => number;

/** The median accumulated balance (亿元) of a scheme's fund at the horizon. */
export function finalBalance(scheme: Scheme): Outcome {
  return (r) => {
    const rows = fundPercentiles(r, scheme, 'accumulated_balance_yuan');
    return (rows[rows.length - 1]?.p50 ?? NaN) / 1e8;
  };
}

/** The scenario with a partial document merged in, re-validated (a bad assumption is an input error). */
export function varied(loaded: LoadedScenario, change: Record<string, unknown>): LoadedScenario {
  const data = deepMerge(loaded.doc.data, change);
  const doc = { ...loaded.doc, data };
  return { ...loaded, doc, scenario: validateDocument(doc, scenarioSchema) };
}

export async function sensitivity(loaded: LoadedScenario, outcome: Outcome, assumptions: readonly Assumption[] = KEY_ASSUMPTIONS, options: RunOptions = {}): Promise<SensitivityRow[]> {
  const at = async (change: Record<string, unknown>) => outcome(await runScenario(varied(loaded, change), [], options));
  const base = outcome(await runScenario(loaded, [], options));
  return tornado(
    base,
    assumptions.map((a) => ({ assumption: a.label, low: () => at(a.low), high: () => at(a.high) })),
  );
}
