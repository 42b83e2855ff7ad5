/**
 * `yibao settle`: settle a JSON-lines file of claims with the reference settlement (exact, decimal.js),
 * one output line per claim. Bad lines are reported on standard error and skipped; the exit code is
 * then 1 (the good lines are still settled and written). See README "Settlement JSON interface".
 */
import type { Command } from 'commander';
import { withInterrupt } from '../../io/interrupt.js';
import { openLineSink, readLines, STDIN, sourceName } from '../../io/lines.js';
import { loadPolicy } from '../../policy/load.js';
import { newLedger, settledLineJson, settleJsonLine } from '../../settlement/jsonLines.js';
import { EXIT_FAILED } from '../exitCodes.js';
import { reportProblems } from '../report.js';

interface Options {
  policy: string;
  claims?: string;
  explain?: boolean;
  out?: string;
}

interface SettleCount {
  claims: number;
  bad: number;
}

/** Settle every line of `options.claims` (standard input if absent); returns how many lines were claims and bad. */
async function settleFile(options: Options): Promise<SettleCount> {
  const { policy } = loadPolicy(options.policy);
  const source = options.claims ?? STDIN;
  const file = sourceName(source);
  return withInterrupt(async (signal) => {
    const out = await openLineSink(options.out, signal);
    const count = { claims: 0, bad: 0 };
    try {
      const ledger = newLedger(policy);
      for await (const { line, text } of readLines(source, signal)) {
        const result = settleJsonLine(ledger, text, { file, line });
        if (!result) continue;
        count.claims += 1;
        if (result.ok) {
          await out.write(JSON.stringify(settledLineJson(result.value, { explain: options.explain })));
        } else {
          count.bad += 1;
          reportProblems(result.problems);
        }
      }
      signal.throwIfAborted();
      await out.close();
    } catch (err) {
      await out.abort();
      throw err;
    }
    return count;
  });
}

export function register(program: Command): void {
  program
    .command('settle')
    .description('settle claims given as JSON lines; one JSON line out per claim (split, accumulators, balances)')
    .requiredOption('--policy <file>', 'policy file (YAML or JSON)')
    .option('--claims <file>', 'claims as JSON lines, one claim per line (default: standard input; "-" also means standard input)')
    .option('--explain', 'add the step-by-step explanation to each output line')
    .option('--out <file>', 'write the output lines to this file (written atomically) instead of standard output')
    .addHelpText(
      'after',
      [
        '',
        'Each person\'s accumulators and account balances carry from claim to claim in file order; a new calendar year',
        'starts the accumulators afresh. A person\'s first line may give "accumulators" to start from (a claim from',
        'mid-year; the output\'s names) and an "age" (sets a resident\'s type from the policy\'s elderlyAge). An inpatient',
        'line right after the person\'s admitted emergency observation continues that admission (one deductible)',
        'unless it gives "newAdmission". Amounts in and out are yuan; output amounts are strings with two decimals.',
        '',
        'Exit codes: 0 every line settled; 1 some lines had problems (one line each on standard error; the other',
        'lines are still settled and written); 2 bad policy file or options.',
        '',
        'Example: echo \'{"person":"p1","type":"retired","date":"2021-03-01","setting":"inpatient","level":"tertiary","classA":12000}\' \\',
        '           | yibao settle --policy scenarios/policies/default-2021.yaml',
      ].join('\n'),
    )
    .action(async function (this: Command, options: Options) {
      const { claims, bad } = await settleFile(options);
      if (bad > 0) {
        this.error(`yibao: ${bad} of ${claims} claim lines had problems and were not settled`, {
          exitCode: EXIT_FAILED,
          code: 'yibao.settle.badLines',
        });
      }
    });
}
