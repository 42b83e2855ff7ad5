/**
 * `yibao run [SCENARIO]` (the default command): simulate a scenario — the built-in default without an
 * argument, or rerun a manifest exactly — then write tables, charts, the HTML report, the answers and
 * the manifest to one output directory, and print the answers.
 */
import type { Command } from 'commander';
import { withInterrupt } from '../../io/interrupt.js';
import { writeOutputs } from '../../run/outputs.js';
import { answers } from '../../run/answers.js';
import { runScenario } from '../../run/scenarioRun.js';
import { addSimulationOptions, checkedAgainst, manifestToRerun, outputDir, progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';
import { pickRunOptions } from '../../run/runOptions.js';

interface Flags extends SimulationFlags {
  manifest?: string;
}

export function register(program: Command): void {
  addSimulationOptions(
    program
      .command('run', { isDefault: true })
      .description('simulate a scenario (default: the built-in default scenario) and write its results and report')
      .argument('[scenario]', 'scenario file (YAML or JSON); default: scenarios/default.yaml')
      .option('--manifest <file>', 'rerun the run or compare recorded in a manifest.json, exactly (other options override it; a solve or sensitivity manifest: yibao solve / sensitivity --manifest)'),
  )
    .addHelpText(
      'after',
      '\nWrites to --out (default out/<scenario id>): tables/ (CSV, JSON, Parquet), charts/ (SVG), report.html, answers.txt, manifest.json.\n' +
        'The same scenario and seed give the same numbers for any --workers and --chunk.',
    )
    .action(async (file: string | undefined, flags: Flags) => {
      const options = runOptions(flags);
      const rerun = flags.manifest ? manifestToRerun(flags.manifest, file, 'run') : undefined;
      const loaded = rerun ? checkedAgainst(rerun.scenario, options) : scenarioOrDefault(file, options);
      const reforms = rerun?.reforms ?? [];
      const out = outputDir(flags.out, loaded.scenario.id);
      const progress = progressBar(flags.progress);
      await withInterrupt(async (signal) => {
        const result = await runScenario(loaded, reforms, { ...pickRunOptions(options), signal, onProgress: progress.onProgress }).finally(progress.stop);
        await writeOutputs(out, result, { formats: options.formats, png: options.png, signal });
        process.stdout.write(`${answers(result).join('\n\n')}\n\nResults, report and manifest: ${out}/\n`);
      });
    });
}
