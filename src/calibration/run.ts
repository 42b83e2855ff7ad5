/**
 * The calibration run: the scenario's base year simulated by the engine (runScenario, horizon 1, the
 * baseline policy), every published 2021 figure compared with its simulated counterpart.
 */
import { runScenario, type RunOptions } from '../run/scenarioRun.js';
import type { LoadedScenario } from '../scenario/load.js';
import { compareWithTargets, type CalibrationRow } from './compare.js';
import { NOT_COMPARED } from './targets.js';

/** The published figures are national figures for this year. */
export const TARGET_YEAR = 2021;

export type CalibrationOptions = Omit<RunOptions, 'horizon'>;

export interface CalibrationReport {
  scenarioId: string;
  scenarioFile: string;
  baseYear: number;
  members: number;
  paths: number;
  seed: number | string;
  rows: CalibrationRow[];
  /** Published figures the engine's output has no counterpart for, with the reason. */
  notCompared: { metric: string; reason: string }[];
}

export async function calibrate(loaded: LoadedScenario, options: CalibrationOptions = {}): Promise<CalibrationReport> {
  const result = await runScenario(loaded, [], { ...options, horizon: 1 });
  const s = result.scenario.scenario;
  return {
    scenarioId: s.id,
    scenarioFile: result.scenario.file,
    baseYear: s.baseYear,
    members: s.sample.members,
    paths: s.paths,
    seed: s.seed,
    rows: compareWithTargets(result),
    notCompared: Object.entries(NOT_COMPARED).map(([metric, reason]) => ({ metric, reason })),
  };
}
