/**
 * `yibao penalty`: the tier and sanctions a penalty-discretion table gives for the facts of a case.
 * Exit codes: 0 a tier applies; 3 no tier covers the facts (the source is silent: see choices.gaps);
 * 2 bad input, one line per problem.
 */
import type { Command } from 'commander';
import { InputError, type Problem } from '../../input/inputError.js';
import { Decimal } from '../../money/decimal.js';
import { fenToYuan, yuanToFen } from '../../money/fen.js';
import { assessPenalty, FACTS_SOURCE } from '../../supervision/assess.js';
import { penaltyText } from '../../supervision/describe.js';
import { checkFacts, type PenaltyFacts } from '../../supervision/facts.js';
import { defaultPenaltyRulesFile, loadPenaltyRules } from '../../supervision/load.js';
import { ACTORS, FLAG_WORDS, FLAGS, type Actor, type Flag } from '../../supervision/vocabulary.js';

/** Exit code when no tier covers the facts. */
export const UNCOVERED_EXIT = 3;

const WHERE = 'command line';

type Options = Partial<Record<Flag, boolean>> & {
  rules?: string;
  article: string;
  actor: string;
  amount?: string;
  share?: string;
  item?: string;
  json?: boolean;
};

/** Fact fields as the command names them. */
const OPTION_OF: Record<string, string> = {
  article: '--article',
  actor: '--actor',
  amountFen: '--amount',
  share: '--share',
  item: '--item',
  ...Object.fromEntries(FLAGS.map((f) => [f, FLAG_WORDS[f].option])),
};

export function register(program: Command): void {
  const command = program
    .command('penalty')
    .description('the tier and sanctions a penalty-discretion table gives for a case (条例 Arts 37–41)')
    .option('--rules <file>', 'sanction rule file (default: data/supervision/CN-JX-trial.yaml, Jiangxi 试行)')
    .requiredOption('--article <id>', 'article of the rule file: 37, 38, 39, 40, 41.1 (Art 41 ¶1) or 41.2 (¶2, intent to defraud)')
    .requiredOption('--actor <actor>', `who committed it: ${ACTORS.join(', ')}`)
    .option('--amount <yuan>', 'the loss (损失), amount obtained by fraud (骗取金额) or, Art 39 item (6), amount involved (涉及金额), in yuan')
    .option('--share <fraction>', "amount ÷ the institution's fund payments last year (上年度医保基金支付额): 0.004 or 0.4% (Arts 38, 40)")
    .option('--item <n>', 'the item (项) of the article violated, e.g. 6 for Art 39 item (6)');
  for (const f of FLAGS) command.option(FLAG_WORDS[f].option, FLAG_WORDS[f].help);
  command
    .option('--json', 'print the assessment as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Facts not given are false (flags) or unknown (--amount, --share, --item); an unknown fact a tier needs is an error.',
        "Bands follow the rule file's choices.boundary: in the Jiangxi rules 以上 excludes the number and 以下 includes it",
        '(第十一条), so 2000元以上5000元以下 is (2000, 5000].',
        '',
        'Exit codes: 0 a tier applies; 3 no tier covers the facts (the source is silent; choices.gaps in the rule file',
        'can fill the gap with the statute or a tier); 2 bad input.',
        '',
        'Example: yibao penalty --article 37 --actor handlingAgency --amount 5500 --first-offence --corrected-in-time',
      ].join('\n'),
    )
    .action(function (this: Command, options: Options) {
      const rules = loadPenaltyRules(options.rules ?? defaultPenaltyRulesFile());
      const { facts, problems } = factsFromOptions(options);
      problems.push(...checkFacts(rules, facts, WHERE).map(asOption));
      if (problems.length > 0) throw new InputError(problems);
      const result = withOptionNames(() => assessPenalty(rules, facts));
      const text = options.json ? JSON.stringify(result, null, 2) : penaltyText(result).join('\n');
      process.stdout.write(`${text}\n`);
      if (!result.covered) {
        this.error(`yibao: no tier covers these facts in ${rules.file} (exit code ${UNCOVERED_EXIT}; see choices.gaps)`, {
          exitCode: UNCOVERED_EXIT,
          code: 'yibao.penalty.uncovered',
        });
      }
    });
}

/** The facts the options give, and one problem per option that is not well formed. */
export function factsFromOptions(options: Options): { facts: PenaltyFacts; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (option: string, value: unknown, message: string) => problems.push({ file: WHERE, path: [option], value, message });
  const facts: PenaltyFacts = { article: options.article, actor: options.actor as Actor };
  for (const f of FLAGS) if (options[f]) facts[f] = true;
  if (options.amount !== undefined) {
    try {
      facts.amountFen = yuanToFen(options.amount);
    } catch {
      bad('--amount', options.amount, 'must be a yuan amount with at most 2 decimals, e.g. 5500 or 5500.50');
    }
  }
  if (options.share !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(options.share.trim());
    const share = m ? new Decimal(m[1]!).div(m[2] ? 100 : 1).toNumber() : NaN;
    // A part of the institution's own fund payments is at most all of them: 30 is a slip for 0.3 or 0.3%.
    if (m && share <= 1) facts.share = share;
    else bad('--share', options.share, m ? 'must be at most 1 (100%): a fraction (0.004) or a percentage (0.4%) of last year\'s fund payments' : 'must be a fraction (0.004) or a percentage (0.4%)');
  }
  if (options.item !== undefined) {
    if (/^\d+$/.test(options.item)) facts.item = Number(options.item);
    else bad('--item', options.item, 'must be an item number, e.g. 6');
  }
  return { facts, problems };
}

function asOption(p: Problem): Problem {
  const field = p.path[0];
  // The facts hold the amount in fen; the user gave yuan, so the problem shows yuan.
  const value = field === 'amountFen' && typeof p.value === 'number' && Number.isInteger(p.value) ? fenToYuan(p.value) : p.value;
  return { ...p, value, file: WHERE, path: [typeof field === 'string' ? (OPTION_OF[field] ?? field) : String(field)] };
}

/** Problems the assessment finds with the facts, named by the options that give them. */
function withOptionNames<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof InputError && err.problems.every((p) => p.file === FACTS_SOURCE)) throw new InputError(err.problems.map(asOption));
    throw err;
  }
}
