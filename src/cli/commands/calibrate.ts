/**
 * `yibao calibrate [SCENARIO]`: simulate the scenario's base year with the engine and print it side by
 * side with the published 2021 national figures: deviation, Monte Carlo standard error, tolerance and the
 * source of each figure. Writes nothing.
 */
import type { Command } from 'commander';
import { calibrate } from '../../calibration/run.js';
import { formatCalibration } from '../../calibration/format.js';
import { withInterrupt } from '../../io/interrupt.js';
import { progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';

type Flags = Pick<SimulationFlags, 'members' | 'paths' | 'seed' | 'workers' | 'progress'>;

export function register(program: Command): void {
  program
    .command('calibrate')
    .description('compare the base year of a scenario (default: the built-in default) with the published 2021 national figures')
    .argument('[scenario]', 'scenario file; default: scenarios/default.yaml')
    .option('--members <n>', "simulated member slots (default: the scenario's sample)")
    .option('--paths <n>', "Monte Carlo paths, at least 2 for a standard error (default: the scenario's)")
    .option('--seed <seed>', "random seed, a number or any text (default: the scenario's)")
    .option('--workers <n>', 'worker threads (default: one per core; 0 = in this thread). Never changes the numbers')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      '\nThe published figures and their sources: data/calibration/targets-2021.csv (see data/README.md). Employee fund\n' +
        'figures are compared without maternity insurance, which the model does not simulate; the report says how.',
    )
    .action(async (file: string | undefined, flags: Flags) => {
      const { workers, paths, members, seed } = runOptions(flags);
      const loaded = scenarioOrDefault(file, { members });
      const progress = progressBar(flags.progress);
      await withInterrupt(async (signal) => {
        const report = await calibrate(loaded, { workers, paths, members, seed, signal, onProgress: progress.onProgress }).finally(progress.stop);
        process.stdout.write(`${formatCalibration(report)}\n`);
      });
    });
}
