/**
 * The `yibao` command line. Each command is a module in ./commands exporting `register(program)`.
 * Conventions: a user mistake prints one line per problem on standard error, prefixed "yibao:", and
 * exits with 2 (an unknown command or option too, with commander's message); an internal failure
 * prints its stack and exits with 1; Ctrl-C exits with 130 after removing unfinished output.
 * A command may end with its own exit code through `command.error(message, { exitCode, code: 'yibao.…' })`.
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { InputError } from '../input/inputError.js';
import * as calibrate from './commands/calibrate.js';
import * as compare from './commands/compare.js';
import * as explain from './commands/explain.js';
import * as penalty from './commands/penalty.js';
import * as run from './commands/run.js';
import * as settle from './commands/settle.js';
import * as sensitivity from './commands/sensitivity.js';
import * as solve from './commands/solve.js';
import * as validate from './commands/validate.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, INTERRUPTED_EXIT } from './exitCodes.js';
import { packageVersion } from './paths.js';
import { reportProblems } from './report.js';

/** The commands, in the order `yibao --help` lists them. */
const COMMANDS: { register(program: Command): void }[] = [run, compare, solve, sensitivity, calibrate, validate, settle, explain, penalty];

function buildProgram(): Command {
  const program = new Command('yibao')
    .description("Simulate and cost China's basic medical insurance funds")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      '\nWithout a command, `yibao` runs the default scenario (`yibao run`).\n' +
        'Exit codes: 0 done; 1 internal error (and `settle` when some claim lines were bad); 2 bad input, options or command;\n' +
        '3 `penalty` when no tier of the article covers the facts; 130 interrupted. `yibao <command> --help` describes each command.',
    );
  for (const command of COMMANDS) command.register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    rejectUnknownCommand(program, argv);
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === EXIT_OK) return EXIT_OK;
      // commander's own errors (unknown option, missing argument …) are usage errors.
      return err.code.startsWith('commander.') ? EXIT_USAGE : err.exitCode;
    }
    if (err instanceof InputError) {
      reportProblems(err.problems);
      return EXIT_USAGE;
    }
    if (err instanceof Error && err.name === 'AbortError') {
      process.stderr.write('yibao: interrupted; no partial output was left behind\n');
      return INTERRUPTED_EXIT;
    }
    process.stderr.write(`yibao: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILED;
  }
}

/**
 * With a default command, commander hands an unknown command word to it. The default command `run` takes a
 * scenario file, so a word that is not a command, has no file extension or path and names no file is
 * reported as the unknown command it most likely is ("yibao settel").
 */
function rejectUnknownCommand(program: Command, argv: string[]): void {
  const word = argv[0];
  if (word === undefined || word.startsWith('-')) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === 'help') return;
  if (/[./\\]/.test(word) || existsSync(word)) return;
  program.error(`error: unknown command '${word}' (commands: ${names.join(', ')}; see yibao --help)`, { code: 'commander.unknownCommand' });
}
