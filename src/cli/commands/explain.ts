/**
 * `yibao explain`: settle one claim and explain it step by step in words, with the Chinese term of each
 * rule, and a table of the split. With --claims and --line, the person's earlier lines in the file are
 * settled first, so the claim sees their accumulators and balances.
 */
import type { Command } from 'commander';
import { InputError, type Problem } from '../../input/inputError.js';
import { readLines, sourceName, type NumberedLine } from '../../io/lines.js';
import { fenToYuan } from '../../money/fen.js';
import { loadPolicy } from '../../policy/load.js';
import type { Policy } from '../../policy/schema.js';
import { CHINESE, COMPONENTS, PAYERS } from '../../policy/vocabulary.js';
import { accumulatorsJson, newLedger, parseClaimLine, settleClaimLine, type SettledClaim } from '../../settlement/jsonLines.js';
import { explainLines } from '../../settlement/reference.js';
import { optionProblem } from '../report.js';

interface Options {
  policy: string;
  claim?: string;
  claims?: string;
  line?: string;
}

/** Person id given to a --claim that names none. */
const ANONYMOUS = '(not given)';

export interface Explained {
  settled: SettledClaim;
  /** Lines of the same person settled before it. */
  earlier: number[];
}

/** Settle the claim the options point at (throws InputError with every problem). */
export async function explainClaim(policy: Policy, options: Omit<Options, 'policy'>): Promise<Explained> {
  const problems: Problem[] = [];
  if ((options.claim === undefined) === (options.claims === undefined)) {
    problems.push(optionProblem('--claim', options.claim, 'give one claim with --claim JSON, or a file with --claims FILE (not both)'));
  }
  let lineNo: number | undefined;
  if (options.line !== undefined) {
    if (options.claims === undefined) problems.push(optionProblem('--line', options.line, 'is for --claims FILE only'));
    if (/^[1-9]\d*$/.test(options.line)) lineNo = Number(options.line);
    else problems.push(optionProblem('--line', options.line, 'must be a line number, 1 or more'));
  }
  if (problems.length > 0) throw new InputError(problems);
  if (options.claim !== undefined) return settleLines(policy, [{ line: 0, text: options.claim }], '--claim', ANONYMOUS);
  return settleLines(policy, await linesUpTo(options.claims!, lineNo), sourceName(options.claims!));
}

/** Lines 1..n of a file (all of them if n is absent), checking the target line is a claim. */
async function linesUpTo(file: string, n: number | undefined): Promise<NumberedLine[]> {
  const lines: NumberedLine[] = [];
  for await (const l of readLines(file)) {
    lines.push(l);
    if (l.line === n) break;
  }
  const claims = lines.filter((l) => l.text.trim() !== '');
  const fail = (message: string) => {
    throw new InputError([optionProblem('--line', n, message)]);
  };
  if (n === undefined) {
    if (claims.length !== 1) fail(`is required: ${sourceName(file)} has ${claims.length} claim lines (give the one to explain)`);
    return lines;
  }
  if (lines.length < n) fail(`${sourceName(file)} has only ${lines.length} lines`);
  if (lines[n - 1]!.text.trim() === '') fail(`line ${n} of ${sourceName(file)} is blank`);
  return lines;
}

/**
 * Settle the last of `lines`, after the earlier lines of the same person. Earlier lines of other
 * persons are skipped; an earlier line whose person cannot be told, or of this person, must be valid.
 */
function settleLines(policy: Policy, lines: NumberedLine[], file: string, defaultPerson?: string): Explained {
  const target = lines.filter((l) => l.text.trim() !== '').pop()!;
  const parsedTarget = parseClaimLine(target.text, { file, line: target.line }, defaultPerson);
  if (!parsedTarget.ok) throw new InputError(parsedTarget.problems);
  const person = String(parsedTarget.value.person);
  const ledger = newLedger(policy);
  const problems: Problem[] = [];
  const earlier: number[] = [];
  for (const l of lines) {
    if (l === target || l.text.trim() === '') continue;
    const where = { file, line: l.line };
    const parsed = parseClaimLine(l.text, where);
    if (!parsed.ok) {
      if (personOf(l.text) !== person) continue;
      problems.push(...parsed.problems);
    } else if (String(parsed.value.person) === person) {
      const result = settleClaimLine(ledger, parsed.value, where);
      if (result.ok) earlier.push(l.line);
      else problems.push(...result.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const result = settleClaimLine(ledger, parsedTarget.value, { file, line: target.line });
  if (!result.ok) throw new InputError(result.problems);
  return { settled: result.value, earlier };
}

/** The person id of a line that may be invalid; undefined if it cannot be told. */
function personOf(text: string): string | undefined {
  try {
    const data: unknown = JSON.parse(text);
    const person = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['person'] : undefined;
    return typeof person === 'string' || typeof person === 'number' ? String(person) : undefined;
  } catch {
    return undefined;
  }
}

const both = (key: string) => `${CHINESE[key]} (${key})`;

/** The explanation as text lines. */
export function explanationText({ settled, earlier }: Explained): string[] {
  const { claim, person, settlement, where } = settled;
  const from = where.line > 0 ? `${where.file} line ${where.line}` : where.file;
  const out = [
    `Claim${claim.id ? ` "${claim.id}"` : ''} (${from}): person ${person.id}, ${both(person.type)}, ${claim.date}, ` +
      `${both(claim.setting)} at a ${both(claim.level)} institution, ${both(claim.location)}` +
      (claim.cause === 'illness' ? '' : `, cause ${claim.cause}`),
  ];
  if (earlier.length > 0) {
    out.push(`Settled after this person's earlier claims on line${earlier.length > 1 ? 's' : ''} ${earlier.join(', ')}: balances carry over, and accumulators within the same year.`);
  }
  out.push('', 'Step by step:', ...explainLines(settlement).map((l) => `  ${l}`), '', 'Split (yuan):');
  const width = Math.max(...[...COMPONENTS, ...PAYERS, 'bill'].map((k) => k.length));
  const row = (key: string, fen: number, zh: string) => `    ${key.padEnd(width)}  ${fenToYuan(fen).padStart(12)}  ${zh}`;
  const { split } = settlement;
  const bill = row('bill', split.bill, '费用总额');
  out.push('  by cost component (费用分段)', ...COMPONENTS.map((k) => row(k, split[k], CHINESE[k]!)), bill);
  out.push('  by payer (支付方)', ...PAYERS.map((k) => row(k, split[k], CHINESE[k]!)), bill);
  out.push(
    '',
    `Balances after the claim: 个人账户 personal account ${fenToYuan(settlement.accountBalance)}, ` +
      `家庭共济 family account ${fenToYuan(settlement.familyAccountBalance)}`,
  );
  const { year, ...acc } = accumulatorsJson(settlement.accumulators);
  const used = Object.entries(acc).filter(([, v]) => v !== 0 && v !== '0.00').map(([k, v]) => `${k} ${v}`);
  out.push(`Year to date after the claim (${year}): ${used.length > 0 ? used.join(', ') : 'nothing'}`);
  return out;
}

export function register(program: Command): void {
  program
    .command('explain')
    .description('settle one claim and explain every step, with the Chinese terms and a table of the split')
    .requiredOption('--policy <file>', 'policy file (YAML or JSON)')
    .option('--claim <json>', 'one claim as a JSON object (the fields of a claims line; "person" may be left out)')
    .option('--claims <file>', 'claims as JSON lines ("-" for standard input)')
    .option('--line <n>', "with --claims: the line to explain, after the same person's earlier lines (needed if the file has more than one claim)")
    .addHelpText(
      'after',
      [
        '',
        'Example: yibao explain --policy scenarios/policies/default-2021.yaml \\',
        '           --claim \'{"type":"inService","date":"2021-05-10","setting":"inpatient","level":"secondary","classA":8000,"classB":2000}\'',
      ].join('\n'),
    )
    .action(async (options: Options) => {
      const { policy } = loadPolicy(options.policy);
      const explained = await explainClaim(policy, options);
      process.stdout.write(`${explanationText(explained).join('\n')}\n`);
    });
}
