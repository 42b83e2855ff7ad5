/**
 * What the simulation commands (run, compare, solve, calibrate) share: their options, loading the
 * scenario (a file, the built-in default, or a manifest to rerun), a progress bar on long work, and
 * Ctrl-C turned into a clean cancellation.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InputError, type Problem } from '../input/inputError.js';
import { checkDirectoryTarget } from '../io/atomic.js';
import type { ProgressEvent } from '../engine/pool.js';
import { executionProblems, type ExecutionOptions } from '../engine/simulate.js';
import { TABLE_FORMATS, type TableFormat } from '../analysis/export.js';
import { defaultScenarioFile, loadScenario, overrideProblems, sampleProblems, type LoadedScenario } from '../scenario/load.js';
import { changedFiles, editedDocuments, loadManifest, type Rerun, type RerunCommand } from '../run/manifest.js';
import type { RunOptions } from '../run/scenarioRun.js';
import { packageVersion } from './paths.js';
import { COMMAND_LINE, optionProblem } from './report.js';

export interface SimulationFlags {
  workers?: string;
  paths?: string;
  seed?: string;
  members?: string;
  horizon?: string;
  chunk?: string;
  out?: string;
  format?: string;
  png?: boolean;
  progress?: boolean;
}

/** The shared simulation options; `tablesAndCharts: false` for a command that writes neither (solve). */
export function addSimulationOptions(command: Command, { tablesAndCharts = true } = {}): Command {
  const withSize = command
    .option('--workers <n>', 'worker threads (default: one per core; 0 = in this thread). Never changes the numbers')
    .option('--paths <n>', 'Monte Carlo paths (default: the scenario\'s)')
    .option('--seed <seed>', 'random seed, a number or any text (default: the scenario\'s)')
    .option('--members <n>', 'simulated member slots (default: the scenario\'s sample)')
    .option('--horizon <years>', 'projection years, the base year included (default: the scenario\'s)')
    .option('--chunk <n>', 'members per chunk (memory and load balance only; never changes the numbers)')
    .option('--out <dir>', 'output directory (written whole or not at all)')
    .option('--no-progress', 'no progress bar');
  if (!tablesAndCharts) return withSize;
  return withSize
    .option('--format <list>', `table formats, comma-separated: ${TABLE_FORMATS.join(', ')}`, TABLE_FORMATS.join(','))
    .option('--png', 'also write every chart as PNG beside its SVG (a second or two a chart)');
}

const positiveInt = (flag: string, v: string | undefined, min: number, problems: Problem[]): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    problems.push(optionProblem(flag, v, `must be a whole number of at least ${min}`));
    return undefined;
  }
  return n;
};

/** A count as given: a number if it reads as one, else the text (for executionProblems to name). */
const count = (v: string | undefined): number | string | undefined => (v === undefined ? undefined : v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);

/** Parse and check the shared flags; every problem at once. */
export function runOptions(flags: SimulationFlags): RunOptions & { formats: TableFormat[]; png: boolean } {
  const problems: Problem[] = [];
  const seed = flags.seed === undefined ? undefined : /^-?\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
  // A format named twice is written once; none at all would write no tables (refused, not found out after the run).
  const formats = [...new Set((flags.format ?? TABLE_FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean))];
  for (const f of formats) if (!(TABLE_FORMATS as readonly string[]).includes(f)) problems.push(optionProblem('--format', f, `must be one of ${TABLE_FORMATS.join(', ')}`));
  if (formats.length === 0) problems.push(optionProblem('--format', flags.format, `must name at least one of ${TABLE_FORMATS.join(', ')}`));
  const execution = { workers: count(flags.workers), chunkMembers: count(flags.chunk) };
  const options = {
    paths: positiveInt('--paths', flags.paths, 1, problems),
    members: positiveInt('--members', flags.members, 1, problems),
    horizon: positiveInt('--horizon', flags.horizon, 1, problems),
    seed,
    formats: formats as TableFormat[],
    png: flags.png === true,
  };
  // Held to the scenario file's own rules, as withOverrides holds any caller's (scenario/load.ts), but named as options.
  problems.push(...overrideProblems(options, COMMAND_LINE, (field) => `--${field}`));
  problems.push(...executionProblems(execution, COMMAND_LINE, (field) => (field === 'workers' ? '--workers' : '--chunk')));
  if (problems.length > 0) throw new InputError(problems);
  return { ...options, ...(execution as ExecutionOptions) };
}

/**
 * `--manifest FILE`: the manifest `command` reruns exactly (a scenario file beside it is refused: the manifest
 * names its own), with a note when another version of yibao-sim wrote it, or when it was edited after its run
 * (its documents no longer match their recorded sha256: the rerun reproduces the edit, not the run).
 */
export function manifestToRerun(file: string, scenarioFile: string | undefined, command: RerunCommand): Rerun {
  if (scenarioFile !== undefined) {
    throw new InputError([optionProblem('--manifest', file, `a manifest names its own scenario: give either it or a scenario file (${scenarioFile}), not both`)]);
  }
  const rerun = loadManifest(file, command);
  if (rerun.manifest.version !== packageVersion()) {
    process.stderr.write(`yibao: note: ${file} was written by yibao-sim ${rerun.manifest.version}, this is ${packageVersion()}; numbers may differ\n`);
  }
  const edited = editedDocuments(rerun.manifest);
  if (edited.length > 0) {
    process.stderr.write(`yibao: note: ${file} was edited after its run (${edited.join(', ')} no longer match${edited.length === 1 ? 'es' : ''} the recorded sha256); the rerun uses it as edited, not the run it records\n`);
  }
  for (const changed of changedFiles(rerun.manifest)) {
    process.stderr.write(`yibao: note: ${changed.file} (the scenario's ${changed.field}) has changed or gone since the run (it no longer matches the sha256 in ${file}); the rerun reads it as it is now, so numbers may differ\n`);
  }
  return rerun;
}

/** The scenario (a file or the built-in default), with the options checked against it as the command line names them. */
export function scenarioOrDefault(file: string | undefined, options: RunOptions): LoadedScenario {
  return checkedAgainst(loadScenario(file ?? defaultScenarioFile()), options);
}

/** The options' problems with this scenario (more --members than it represents), before any simulating. */
export function checkedAgainst(loaded: LoadedScenario, options: RunOptions): LoadedScenario {
  const problems = sampleProblems(loaded, options, COMMAND_LINE, (field) => `--${field}`);
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
}

/** Where the progress bar draws: standard error, or (in tests) any writable stream that says whether it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** A progress bar on `stream` (standard error) while chunks run: only on a terminal, and not with --no-progress. */
export function progressBar(enabled: boolean | undefined, stream: ProgressStream = process.stderr): { onProgress?: (e: ProgressEvent) => void; stop: () => void } {
  if (enabled === false || !stream.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({ format: 'simulating [{bar}] {percentage}% | {value}/{total} chunks | {duration_formatted}', stream, hideCursor: true });
  let started = false;
  return {
    onProgress: (e) => {
      if (!started) {
        bar.start(e.total, 0);
        started = true;
      }
      if (e.total !== bar.getTotal()) bar.setTotal(e.total); // a path run again adds its chunks (engine/simulate.ts)
      bar.update(e.done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function defaultOutDir(name: string): string {
  return `out/${name}`;
}

/**
 * The output directory (--out, else out/<name>), checked before any simulating: a directory that cannot be
 * written, or that holds anything but an earlier result, is refused (io/atomic.ts checkDirectoryTarget).
 */
export function outputDir(flag: string | undefined, name: string): string {
  const dir = flag ?? defaultOutDir(name);
  checkDirectoryTarget(dir);
  return dir;
}

export { COMMAND_LINE };
