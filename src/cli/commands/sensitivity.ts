/**
 * `yibao sensitivity [SCENARIO] [--scheme employee|resident]`: the one-at-a-time sensitivity tornado (敏感性分析)
 * of a fund's median accumulated balance at the horizon to the key assumptions (medical inflation, wage
 * growth, utilisation trend, delayed retirement, mortality improvement), each at a low and a high value
 * with the rest at base and the same random draws.
 */
import type { Command } from 'commander';
import type { ProgressEvent } from '../../engine/pool.js';
import { InputError, type Problem } from '../../input/inputError.js';
import { withInterrupt } from '../../io/interrupt.js';
import { SCHEMES, type Scheme } from '../../policy/vocabulary.js';
import { KEY_ASSUMPTIONS } from '../../run/sensitivity.js';
import { recordedSensitivity, runSensitivity, SENSITIVITY_OPTIONS, sensitivityAnswer, writeSensitivityOutputs } from '../../run/sensitivityOutputs.js';
import { optionProblem } from '../report.js';
import { addSimulationOptions, checkedAgainst, manifestToRerun, outputDir, progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';
import { pickRunOptions } from '../../run/runOptions.js';

interface Flags extends SimulationFlags {
  scheme?: string;
  manifest?: string;
}

/** One progress bar over several runs of the same size: run k's chunk i is step k × chunks + i. */
export function acrossRuns(runs: number, onProgress: ((e: ProgressEvent) => void) | undefined): ((e: ProgressEvent) => void) | undefined {
  if (!onProgress) return undefined;
  let run = 0;
  let finished = false;
  return (e) => {
    if (finished) run += 1;
    finished = e.done >= e.total;
    onProgress({ ...e, done: Math.min(run, runs - 1) * e.total + e.done, total: runs * e.total });
  };
}

export function register(program: Command): void {
  addSimulationOptions(
    program
      .command('sensitivity')
      .description('one-at-a-time sensitivity (tornado) of a fund\'s balance at the horizon to the key assumptions')
      .argument('[scenario]', 'scenario file; default: scenarios/default.yaml')
      .option('--scheme <scheme>', `the fund whose median accumulated balance at the horizon is the outcome: ${SCHEMES.join(' or ')} (default: employee if the scenario has employees, else resident)`)
      .option('--manifest <file>', 'rerun the sensitivity analysis recorded in a manifest.json exactly: its scenario, sizes, seed, fund and assumptions (other options override them)'),
  )
    .addHelpText(
      'after',
      `\nRuns the scenario ${1 + 2 * KEY_ASSUMPTIONS.length} times: at base, then each assumption at its low and its high value with the rest at base,\n` +
        'on the same random draws. Assumptions: ' +
        KEY_ASSUMPTIONS.map((a) => a.label).join('; ') +
        '.\nWrites to --out (default out/<scenario id>-sensitivity): tables/sensitivity (assumption, low_yuan, high_yuan, base_yuan, swing_yuan),\n' +
        'charts/tornado.svg (and .png with --png), report.html, answers.txt, manifest.json.',
    )
    .action(async (file: string | undefined, flags: Flags) => {
      const options = runOptions(flags);
      const problems: Problem[] = [];
      if (flags.scheme !== undefined && !(SCHEMES as readonly string[]).includes(flags.scheme)) {
        problems.push(optionProblem('--scheme', flags.scheme, `must be one of ${SCHEMES.join(', ')}`));
      }
      if (problems.length > 0) throw new InputError(problems);
      const rerun = flags.manifest ? manifestToRerun(flags.manifest, file, 'sensitivity') : undefined;
      const recorded = rerun && recordedSensitivity(rerun);
      const scheme = (flags.scheme ?? recorded?.scheme) as Scheme | undefined;
      const assumptions = recorded?.assumptions ?? KEY_ASSUMPTIONS;
      const loaded = rerun ? checkedAgainst(rerun.scenario, options) : scenarioOrDefault(file, options);
      const out = outputDir(flags.out, `${loaded.scenario.id}-sensitivity`);
      const progress = progressBar(flags.progress);
      const onProgress = acrossRuns(1 + 2 * assumptions.length, progress.onProgress);
      await withInterrupt(async (signal) => {
        const result = await runSensitivity(loaded, scheme, { ...pickRunOptions(options), signal, onProgress }, assumptions)
          .catch((err: unknown) => {
            if (!(err instanceof InputError)) throw err;
            // The scheme as this command's flag.
            throw new InputError(err.problems.map((p) => (p.file === SENSITIVITY_OPTIONS && p.path[0] === 'scheme' ? optionProblem('--scheme', p.value, p.message) : p)));
          })
          .finally(progress.stop);
        await writeSensitivityOutputs(out, result, { formats: options.formats, png: options.png, signal });
        process.stdout.write(`${sensitivityAnswer(result)}\n\nTable, chart, answer and manifest: ${out}/\n`);
      });
    });
}
