/** How the CLI reports problems: one line each on standard error, prefixed "yibao:". */
import { formatProblem, type Problem } from '../input/inputError.js';

/** The "file" of problems with options and arguments. */
export const COMMAND_LINE = 'command line';

export function reportProblems(problems: readonly Problem[]): void {
  for (const p of problems) process.stderr.write(`yibao: ${formatProblem(p)}\n`);
}

/** A problem with an option or argument, e.g. optionProblem('--line', '0', 'must be 1 or more'). */
export function optionProblem(option: string, value: unknown, message: string): Problem {
  return { file: COMMAND_LINE, path: [option], value, message };
}
