/**
 * Which rules sanction a year's cases (sanctions.dates): Jiangxi's 细则 is known in force by 2022-09-22
 * (data/supervision/CN-JX-trial.yaml `effective.inForceBy`), the statute it details from 2021-05-01
 * (CN-2021.yaml), and a year's cases are decided by its 31 December. So 2021's cases go by the statute and
 * 2022's by the 细则, unless the scenario asks for the file in every year.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supervisionAssumptions } from '../../src/supervision/assumptions.js';
import { personCase } from '../../src/supervision/cases.js';
import { defaultPenaltyRulesFile } from '../../src/supervision/load.js';
import { inForceOn, rulesByYearText, sanctionRulesByYear, supervisionRules } from '../../src/supervision/rules.js';

const byYear = (sanctions: Record<string, unknown> = {}) => sanctionRulesByYear(supervisionAssumptions.parse({ enabled: true, sanctions }), '.', 'scenario.yaml');
const person = { intent: false, firstOffence: true, correctedInTime: true, refusedToCorrect: false, allFromPersonalAccount: false };

describe('sanction rules by year', () => {
  it('reads a start from `from`, else from `inForceBy`, and an end from `to`', () => {
    const jx = supervisionRules(supervisionAssumptions.parse({ enabled: true }), '.', 'scenario.yaml');
    expect([inForceOn(jx, '2022-09-21'), inForceOn(jx, '2022-09-22')]).toEqual([false, true]);
    expect([inForceOn(jx.baseRules!, '2021-04-30'), inForceOn(jx.baseRules!, '2021-05-01')]).toEqual([false, true]);
    expect(inForceOn({ ...jx, effective: { ...jx.effective, to: '2023-12-31' } }, '2024-01-01')).toBe(false);
  });

  it('takes the statute for 2021 and the Jiangxi table from 2022', () => {
    const rules = byYear();
    expect([2021, 2022, 2030].map((y) => rules(y).id)).toEqual(['CN-2021', 'CN-JX-trial', 'CN-JX-trial']);
  });

  it('sanctions the same 800-yuan first offence by the statute in 2021 (3–12 months, midpoint 8) and by the table in 2022 (41.1-J2, 2 months)', () => {
    const rules = byYear();
    const facts = { ...person, amountFen: 80_000 };
    expect(personCase(rules(2021), facts)).toMatchObject({ tier: 'CN-41.1', effects: { settlementSuspensionMonths: 8 } });
    expect(personCase(rules(2022), facts)).toMatchObject({ tier: '41.1-J2', effects: { settlementSuspensionMonths: 2 } });
  });

  it('says which rules sanctioned which years, consecutive years run together', () => {
    expect(rulesByYearText(byYear(), [2021, 2022, 2023, 2024])).toBe(
      '医疗保障基金使用监督管理条例 第三十七条至第四十一条 (CN-2021, CN) in 2021; 江西省医疗保障基金监管行政处罚裁量权实施细则(试行) (CN-JX-trial, CN-JX) in 2022–2024',
    );
    expect(rulesByYearText(byYear({ dates: 'file' }), [2021])).toBe('江西省医疗保障基金监管行政处罚裁量权实施细则(试行) (CN-JX-trial, CN-JX) in 2021');
  });

  it('marks a rule file borrowed when its jurisdiction does not cover the policy\'s region', () => {
    const years = [2021, 2022];
    // Nanchang is in Jiangxi: both files are its own. The default prefecture is in neither province: the statute (CN) covers it, Jiangxi's table is borrowed.
    expect(rulesByYearText(byYear(), years, 'CN-JX-nanchang')).toBe('医疗保障基金使用监督管理条例 第三十七条至第四十一条 (CN-2021, CN) in 2021; 江西省医疗保障基金监管行政处罚裁量权实施细则(试行) (CN-JX-trial, CN-JX) in 2022');
    expect(rulesByYearText(byYear(), years, 'CN-default-prefecture')).toBe('医疗保障基金使用监督管理条例 第三十七条至第四十一条 (CN-2021, CN) in 2021; 江西省医疗保障基金监管行政处罚裁量权实施细则(试行) (CN-JX-trial, CN-JX, borrowed) in 2022');
  });

  it('takes the rule file in every year with dates: file', () => {
    const rules = byYear({ dates: 'file' });
    expect([2021, 2022].map((y) => rules(y).id)).toEqual(['CN-JX-trial', 'CN-JX-trial']);
  });

  it('fills only the gaps the file leaves uncovered with the statute: a gap the file gives one of its tiers keeps it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-rules-'));
    const text = readFileSync(defaultPenaltyRulesFile(), 'utf8')
      .replace('base: CN-2021.yaml', `base: ${join(defaultPenaltyRulesFile(), '..', 'CN-2021.yaml')}`)
      .replace(/gaps:\n {4}default: uncovered/, "gaps:\n    default: uncovered\n    '41.1': 41.1-G");
    writeFileSync(join(dir, 'own-gap.yaml'), text);
    const own = sanctionRulesByYear(supervisionAssumptions.parse({ enabled: true, sanctions: { rules: 'own-gap.yaml', dates: 'file' } }), dir, 'scenario.yaml')(2022);
    const jx = byYear({ dates: 'file' })(2022);
    // The gap of cases.test.ts: 1000 yuan, not a first offence. Jiangxi's file leaves it to the statute (CN-41.1,
    // 3–12 months); this one names its own 41.1-G, which the scenario's gaps: statute does not override.
    const facts = { ...person, firstOffence: false, amountFen: 100_000 };
    expect(personCase(jx, facts).tier).toBe('CN-41.1');
    expect(personCase(own, facts).tier).toBe('41.1-G');
    expect(own.choices.gaps['38']).toBe('statute');
  });

  it('takes a file without a base in every year, in force or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-rules-'));
    const text = readFileSync(defaultPenaltyRulesFile(), 'utf8').replace(/^base: .*$/m, ''); // its gaps stay uncovered
    writeFileSync(join(dir, 'no-base.yaml'), text);
    const rules = sanctionRulesByYear(supervisionAssumptions.parse({ enabled: true, sanctions: { rules: 'no-base.yaml', gaps: 'asRules' } }), dir, 'scenario.yaml');
    expect([2021, 2022].map((y) => rules(y).id)).toEqual(['CN-JX-trial', 'CN-JX-trial']);
  });
});
