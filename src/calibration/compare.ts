/**
 * Simulated against published, row by row: the relative deviation, the Monte Carlo standard error on the
 * same relative scale, and whether the figure is within the target's tolerance (±3%), within sampling
 * noise of it (three standard errors), or misses.
 */
import type { ScenarioResult } from '../run/scenarioRun.js';
import { isSimulated, simulatedFigure, type SimulatedFigure } from './figures.js';
import { calibrationTargets, type CalibrationTargetRow } from './targets.js';

/**
 * ok: within tolerance; noise: outside it but within three standard errors; miss: neither; info: the target
 * has no tolerance; none: the run has no such figure (a scheme without members).
 */
export type CalibrationStatus = 'ok' | 'noise' | 'miss' | 'info' | 'none';

export interface CalibrationRow {
  target: CalibrationTargetRow;
  simulated: SimulatedFigure;
  /** (simulated − published) ÷ published. */
  deviation: number;
  /** The standard error ÷ published (NaN with one path). */
  relativeSe: number;
  status: CalibrationStatus;
}

/** How many standard errors a deviation may be and still count as sampling noise. */
export const NOISE_SE = 3;

export function calibrationStatus(deviation: number, relativeSe: number, tolerance: number): CalibrationStatus {
  if (!Number.isFinite(deviation)) return 'none';
  if (Number.isNaN(tolerance)) return 'info';
  if (Math.abs(deviation) <= tolerance) return 'ok';
  return Math.abs(deviation) <= NOISE_SE * relativeSe ? 'noise' : 'miss';
}

/** Every target the run has a figure for, in the targets file's order. */
export function compareWithTargets(result: ScenarioResult, targets: readonly CalibrationTargetRow[] = calibrationTargets()): CalibrationRow[] {
  return targets
    .filter((t) => isSimulated(t.metric))
    .map((target) => {
      const simulated = simulatedFigure(result, target);
      const deviation = (simulated.mean - target.value) / target.value;
      const relativeSe = simulated.se / target.value;
      return { target, simulated, deviation, relativeSe, status: calibrationStatus(deviation, relativeSe, target.tolerance) };
    });
}
