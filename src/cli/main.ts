/**
 * The `yibao` command line. A user mistake prints one clear line per problem and exits with 2;
 * an internal failure prints its stack and exits with 1.
 */
import { Command, CommanderError } from 'commander';
import { formatProblem, InputError } from '../input/inputError.js';
import { loadPolicy } from '../policy/load.js';
import { defaultPolicyFile } from './paths.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('yibao')
    .description("Simulate and cost China's basic medical insurance funds")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('validate')
    .argument('<file>', 'policy file (YAML or JSON)')
    .description('check a policy file and report every problem')
    .action((file: string) => {
      const { policy } = loadPolicy(file);
      process.stdout.write(`${file}: valid policy "${policy.id}" (${policy.jurisdiction}, from ${policy.effective.from})\n`);
    });

  program
    .command('run', { isDefault: true })
    .description('run the built-in default scenario')
    .option('--out <dir>', 'output directory')
    .action(() => {
      const { policy } = loadPolicy(defaultPolicyFile());
      process.stdout.write(`default policy "${policy.id}" loaded; the engine is not built yet\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(`yibao: ${formatProblem(p)}\n`);
      return 2;
    }
    process.stderr.write(`yibao: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
