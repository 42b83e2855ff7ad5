/**
 * `yibao compare SCENARIO --reform FILE [--reform FILE…]`: the baseline and each reform on the same random
 * draws (common random numbers), with paired differences and confidence intervals, who gains and who loses.
 */
import type { Command } from 'commander';
import { withInterrupt } from '../../io/interrupt.js';
import { InputError, type Problem } from '../../input/inputError.js';
import { loadReform, type Reform } from '../../policy/reform.js';
import { answers } from '../../run/answers.js';
import { writeOutputs } from '../../run/outputs.js';
import { runScenario, type ScenarioResult } from '../../run/scenarioRun.js';
import { schemeHasMembers } from '../../run/views.js';
import { SCHEMES } from '../../policy/vocabulary.js';
import { addSimulationOptions, outputDir, progressBar, runOptions, scenarioOrDefault, type SimulationFlags } from '../simulation.js';
import { pickRunOptions } from '../../run/runOptions.js';

interface Flags extends SimulationFlags {
  reform: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function loadReforms(files: string[]): Reform[] {
  const problems: Problem[] = [];
  const reforms = files.flatMap((f) => {
    try {
      return [loadReform(f)];
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return [];
    }
  });
  const ids = reforms.map((r) => r.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push({ file: reforms[i]!.file, path: ['id'], value: id, message: 'two reforms have this id' });
  });
  if (problems.length > 0) throw new InputError(problems);
  return reforms;
}

export function register(program: Command): void {
  addSimulationOptions(
    program
      .command('compare')
      .description('compare a baseline with one or more reforms on the same random draws')
      .argument('[scenario]', 'scenario file; default: scenarios/default.yaml')
      .requiredOption('--reform <file>', 'reform file (a partial policy; required); repeat for several', collect),
  ).action(async (file: string | undefined, flags: Flags) => {
    const options = runOptions(flags);
    const loaded = scenarioOrDefault(file, options);
    const reforms = loadReforms(flags.reform);
    warnIfAfterHorizon(reforms, loaded.scenario.baseYear + (options.horizon ?? loaded.scenario.horizon) - 1);
    const out = outputDir(flags.out, `${loaded.scenario.id}-vs-${reforms.map((r) => r.id).join('+')}`);
    const progress = progressBar(flags.progress);
    await withInterrupt(async (signal) => {
      const result = await runScenario(loaded, reforms, { ...pickRunOptions(options), signal, onProgress: progress.onProgress }).finally(progress.stop);
      warnIfNoMembers(reforms, result);
      await writeOutputs(out, result, { formats: options.formats, png: options.png, signal });
      process.stdout.write(`${answers(result).join('\n\n')}\n\nResults, report and manifest: ${out}/\n`);
    });
  });
}

/** A reform that changes only schemes without members changes nothing either (a resident reform on employee-only.yaml). */
function warnIfNoMembers(reforms: readonly Reform[], result: ScenarioResult): void {
  for (const r of reforms) {
    const changed = SCHEMES.filter((scheme) => scheme in r.changes);
    if (changed.length > 0 && changed.every((scheme) => !schemeHasMembers(result, scheme))) {
      process.stderr.write(`yibao: note: ${r.file} changes only the ${changed.join(' and ')} scheme, which has no members in this scenario; this reform changes nothing in the run\n`);
    }
  }
}

/** A reform dated after the run's last year changes nothing in it: say so, or its zero differences look like an answer. */
function warnIfAfterHorizon(reforms: readonly Reform[], lastYear: number): void {
  for (const r of reforms) {
    if (r.startYear !== undefined && r.startYear > lastYear) {
      process.stderr.write(`yibao: note: ${r.file}: startYear ${r.startYear} is after the run's last year (${lastYear}); this reform changes nothing in the run\n`);
    }
  }
}
