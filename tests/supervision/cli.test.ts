/** `yibao penalty`, run in process through commander as the `yibao` program runs it. */
import { Command, CommanderError } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register, UNCOVERED_EXIT } from '../../src/cli/commands/penalty.js';
import { formatProblem, InputError } from '../../src/input/inputError.js';
import { FLAG_WORDS, FLAGS } from '../../src/supervision/vocabulary.js';
import { statuteFile } from './helpers.js';

interface Run {
  /** 0, UNCOVERED_EXIT, or 2 for bad input (as src/cli/main.ts maps InputError and commander errors). */
  code: number;
  out: string;
  err: string;
  problems: string[];
}

async function penalty(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const program = new Command('yibao').exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  register(program);
  try {
    await program.parseAsync(['penalty', ...args], { from: 'user' });
    return { code: 0, out, err, problems: [] };
  } catch (e) {
    if (e instanceof InputError) return { code: 2, out, err, problems: e.problems.map(formatProblem) };
    if (e instanceof CommanderError) return { code: e.exitCode === 1 ? 2 : e.exitCode, out, err, problems: [] };
    throw e;
  } finally {
    vi.restoreAllMocks();
  }
}

describe('yibao penalty', () => {
  it('prints the tier and sanctions in words, Chinese terms beside, with the source', async () => {
    const run = await penalty('--article', '37', '--actor', 'handlingAgency', '--amount', '5500', '--first-offence', '--corrected-in-time');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines).toContain('tier 37-G: standard (一般处罚)');
    expect(lines).toContain('source: seed 003 L41 (第一条(四)); 条例 第三十七条; 细则 第一条 (L21)');
    // 37-G (L41): (3×, 4×] midpoint, 3.5 × 5500 = 19250.00
    expect(lines).toContain('  - fine of 19250.00 yuan (罚款), 3.5× the amount; range (3×, 4×]');
    expect(lines).toContain('  - order to return 5500.00 yuan to the fund (责令退回)');
  });

  it('reads --share as a fraction or a percentage', async () => {
    // 40-Q (L115): 0.2% < 0.3% ≤ 0.5%; (6, 9] months midpoint 7.5 → 8
    for (const share of ['0.3%', '0.003']) {
      const run = await penalty('--article', '40', '--actor', 'designatedInstitution', '--amount', '20000', '--share', share, '--first-offence', '--corrected-in-time', '--json');
      const result = JSON.parse(run.out);
      expect(result.tier.id).toBe('40-Q');
      expect(result.effects.departmentSuspensionMonths).toBe(8);
    }
  });

  it('prints JSON with --json', async () => {
    const run = await penalty('--article', '41.2', '--actor', 'insuredPerson', '--amount', '3000', '--json');
    const result = JSON.parse(run.out);
    // 41.2-G (L179): (6, 9] months → 8; (3×, 4×] → 3.5 × 3000 = 10500.00
    expect(result).toMatchObject({ covered: true, tier: { id: '41.2-G' }, effects: { settlementSuspensionMonths: 8, fineFen: 1_050_000, returnFen: 300_000 } });
  });

  it(`says when no tier covers the facts, and exits ${UNCOVERED_EXIT}`, async () => {
    const run = await penalty('--article', '37', '--actor', 'handlingAgency', '--amount', '3000');
    expect(run.code).toBe(3);
    expect(run.out).toContain('no tier of article 37 in CN-JX-trial covers these facts: handling agency (医疗保障经办机构); amount 3000.00 yuan');
    expect(run.err).toMatch(/no tier covers these facts in .*CN-JX-trial\.yaml \(exit code 3; see choices\.gaps\)/);
    const json = await penalty('--article', '37', '--actor', 'handlingAgency', '--amount', '3000', '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out).covered).toBe(false);
  });

  it('reports every bad option at once, one line each, naming the option', async () => {
    const run = await penalty('--article', '41', '--actor', 'hospital', '--amount', '12.345', '--share', 'lots', '--item', 'six', '--corrected-in-time', '--refused-to-correct');
    expect(run.code).toBe(2);
    expect(run.problems).toEqual([
      'command line: --amount = "12.345": must be a yuan amount with at most 2 decimals, e.g. 5500 or 5500.50',
      'command line: --share = "lots": must be a fraction (0.004) or a percentage (0.4%)',
      'command line: --item = "six": must be an item number, e.g. 6',
      'command line: --article = "41": must be one of 37, 38, 39, 40, 41.1, 41.2 (41.1 and 41.2 are the paragraphs of Art 41)',
      'command line: --actor = "hospital": must be one of handlingAgency, designatedInstitution, insuredPerson, uninsuredPerson',
      'command line: --refused-to-correct = true: contradicts corrected in time (及时改正): returned before the order (第八条) or refused after it (第九条), not both',
    ]);
  });

  it('shows an amount out of range in yuan, as given, not in fen', async () => {
    const run = await penalty('--article', '40', '--actor', 'designatedInstitution', '--amount', '-5');
    expect(run.code).toBe(2);
    expect(run.problems).toEqual(['command line: --amount = "-5.00": must be whole fen from 0 to 10000000.00 yuan']);
  });

  it('refuses a share above 1 (100%), a slip for a fraction or a percentage', async () => {
    const run = await penalty('--article', '38', '--actor', 'designatedInstitution', '--amount', '3000', '--share', '30');
    expect(run.code).toBe(2);
    expect(run.problems).toEqual(['command line: --share = "30": must be at most 1 (100%): a fraction (0.004) or a percentage (0.4%) of last year\'s fund payments']);
  });

  it('names a fact a tier needs but the command line does not give', async () => {
    const run = await penalty('--article', '38', '--actor', 'designatedInstitution', '--amount', '3000');
    expect(run.problems).toEqual(['command line: --share: is needed for article 38 (tier 38-Z, 38-G)']);
  });

  it('rejects an actor the article does not apply to', async () => {
    const run = await penalty('--article', '37', '--actor', 'insuredPerson', '--amount', '3000');
    expect(run.problems).toEqual(['command line: --actor = "insuredPerson": article 37 applies to handling agency (医疗保障经办机构)']);
  });

  it('needs --article and --actor', async () => {
    const run = await penalty('--amount', '3000');
    expect(run.code).toBe(2);
    expect(run.err).toContain("required option '--article <id>' not specified");
  });

  it('takes another rule file with --rules, and reports one that is missing', async () => {
    const run = await penalty('--rules', statuteFile, '--article', '37', '--actor', 'handlingAgency', '--amount', '3000', '--json');
    // 条例 第三十七条: [2×, 5×] midpoint 3.5 × 3000 = 10500.00
    expect(JSON.parse(run.out)).toMatchObject({ tier: { id: 'CN-37' }, effects: { fineFen: 1_050_000 } });
    const missing = await penalty('--rules', 'no/such/rules.yaml', '--article', '37', '--actor', 'handlingAgency');
    expect(missing.problems).toEqual(['no/such/rules.yaml: file not found']);
  });

  it('documents every fact, the boundary rule and the exit codes in --help', async () => {
    const run = await penalty('--help');
    expect(run.code).toBe(0);
    for (const option of ['--rules', '--article', '--actor', '--amount', '--share', '--item', '--json', ...FLAGS.map((f) => FLAG_WORDS[f].option)]) {
      expect(run.out).toContain(option);
    }
    expect(run.out).toContain('以上 excludes the number and 以下 includes it');
    expect(run.out).toContain('Exit codes: 0 a tier applies; 3 no tier covers the facts');
  });
});
