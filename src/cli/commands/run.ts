/** `yibao run` (the default command): runs a scenario. A stub until the engine is wired up. */
import type { Command } from 'commander';
import { loadPolicy } from '../../policy/load.js';
import { defaultPolicyFile } from '../paths.js';

export function register(program: Command): void {
  program
    .command('run', { isDefault: true })
    .description('run the built-in default scenario')
    .option('--out <dir>', 'output directory')
    .action(() => {
      const { policy } = loadPolicy(defaultPolicyFile());
      process.stdout.write(`default policy "${policy.id}" loaded; the engine is not built yet\n`);
    });
}
