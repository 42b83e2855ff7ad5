/** `yibao explain`: the steps in words with the Chinese terms, the split table, earlier lines of the person. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, jsonLines, tempDir, TWO_YEARS, yibao } from './helpers.js';

let dir: string;
let claims: string;
beforeAll(() => {
  dir = tempDir();
  claims = join(dir, 'claims.jsonl');
  writeFileSync(
    claims,
    jsonLines(
      { person: 'p1', type: 'inService', accountBalance: 3000, date: '2021-02-01', setting: 'inpatient', level: 'secondary', classA: 6000, classB: 2000, classC: 500 },
      { person: 'p2', type: 'retired', date: '2021-03-01', setting: 'inpatient', level: 'tertiary', classA: 1000 },
      { person: 'p1', date: '2021-09-10', setting: 'inpatient', level: 'community', classA: 2000 },
      { person: 'p3', date: 'not a date' },
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of the split table, as [name, amount, Chinese term]. */
function tableRows(out: string): string[][] {
  return out
    .split('\n')
    .filter((l) => /^ {4}\w+ +-?\d+\.\d{2} {2}\S/.test(l))
    .map((l) => l.trim().split(/\s+/));
}

describe('yibao explain', () => {
  it('explains a claim given on the command line, step by step, with a table of the split', async () => {
    // Default policy, 在职 at a 二级 hospital: 乙类先行自付 10% of 2000 = 200; policy range 8000 + 1800 = 9800;
    // deductible 500 (first admission, secondary); fund (9800 − 500) × 90% = 8370; copay 930;
    // patient share 200 + 500 + 930 = 1630, no account balance: cash 1630.
    const claim = { type: 'inService', date: '2021-05-10', setting: 'inpatient', level: 'secondary', classA: 8000, classB: 2000 };
    const run = await yibao('explain', '--policy', DEFAULT_POLICY, '--claim', JSON.stringify(claim));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('在职 (inService), 2021-05-10, 住院 (inpatient) at a 二级 (secondary) institution');
    const steps = run.out.split('\n').filter((l) => /^ {2}\d+\. /.test(l));
    expect(steps.map((l) => l.replace(/^ {2}\d+\. (\S+) \((\w+)\):.*$/, '$1 $2'))).toEqual([
      '结算类别 routing',
      '费用分类 scope',
      '起付线 deductible',
      '起付线 deductible',
      '报销比例 coinsurance',
      '统筹基金支付 coinsurance',
      '大病保险 seriousIllness',
      '个人账户 personalAccount',
    ]);
    expect(steps[1]).toContain('乙类先行自付 10% = 200.00');
    expect(steps[4]).toContain('9300.00 × 90% = 8370.00');
    expect(tableRows(run.out)).toEqual([
      ['outOfScope', '0.00', '自费(丙类及不予支付)'],
      ['firstSelfPay', '200.00', '先行自付'],
      ['deductible', '500.00', '起付线'],
      ['pooledFund', '8370.00', '统筹基金'],
      ['copay', '930.00', '共付段个人负担'],
      ['aboveCap', '0.00', '超封顶线'],
      ['bill', '10000.00', '费用总额'],
      ['pooledFund', '8370.00', '统筹基金'],
      ['seriousIllness', '0.00', '大病保险'],
      ['assistance', '0.00', '医疗救助'],
      ['backstop', '0.00', '兜底保障'],
      ['personalAccount', '0.00', '个人账户'],
      ['familyAccount', '0.00', '家庭共济'],
      ['cash', '1630.00', '现金'],
      ['bill', '10000.00', '费用总额'],
    ]);
  });

  it('with --line, settles the same person\'s earlier lines first and skips other persons', async () => {
    // Line 3 is p1's second admission of 2021 (two-years policy): later-admission deductible at a community
    // hospital 150, not the first-admission 300; fund (2000 − 150) × 90% = 1665. The account had
    // 3000 − 2560 = 440 left after line 1 (see settle.test.ts), so it pays the 335 share: cash 0.
    const run = await yibao('explain', '--policy', TWO_YEARS, '--claims', claims, '--line', '3');
    expect(run.err).toBe('');
    expect(run.out).toContain("Settled after this person's earlier claims on line 1:");
    expect(run.out).toContain('admission no. 2 this year at a 社区 hospital: deductible 150.00');
    const rows = Object.fromEntries(tableRows(run.out).map(([k, v]) => [k, v]));
    expect(rows).toMatchObject({ deductible: '150.00', pooledFund: '1665.00', copay: '185.00', personalAccount: '335.00', cash: '0.00' });
    expect(run.out).toContain('个人账户 personal account 105.00');
  });

  it('reports bad options and a bad target line (exit 2)', async () => {
    const both = await yibao('explain', '--policy', TWO_YEARS, '--claims', claims, '--claim', '{}');
    expect(both.code).toBe(2);
    expect(both.err).toContain('yibao: command line: --claim = "{}": give one claim with --claim JSON, or a file with --claims FILE (not both)');

    const noLine = await yibao('explain', '--policy', TWO_YEARS, '--claims', claims);
    expect(noLine.err).toBe(`yibao: command line: --line: is required: ${claims} has 4 claim lines (give the one to explain)\n`);

    const badLine = await yibao('explain', '--policy', TWO_YEARS, '--claims', claims, '--line', '4');
    expect(badLine.code).toBe(2);
    expect(badLine.err).toContain(`yibao: ${claims}:4: date = "not a date": must be a calendar date written YYYY-MM-DD`);

    const beyond = await yibao('explain', '--policy', TWO_YEARS, '--claims', claims, '--line', '9');
    expect(beyond.err).toBe(`yibao: command line: --line = 9: ${claims} has only 4 lines\n`);
  });
});
