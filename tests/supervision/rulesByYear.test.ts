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
import { formatProblem, InputError } from '../../src/input/inputError.js';
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

  it('rejects, before the run, a file without the articles, actors or facts the simulated cases need, naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-rules-'));
    const jxText = readFileSync(defaultPenaltyRulesFile(), 'utf8').replace(/^base: .*$/m, '');
    const check = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      try {
        sanctionRulesByYear(supervisionAssumptions.parse({ enabled: true, sanctions: { rules: name, gaps: 'asRules' } }), dir, 'scenario.yaml');
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as InputError).problems.map(formatProblem).map((l) => l.replaceAll(dir, 'DIR'));
      }
      return [];
    };
    // No 41.2 (a run opens 41.2 cases against insured persons who meant to defraud): it used to stop the run at its
    // first such case with "facts: article = "41.2": must be one of …".
    const i = jxText.indexOf("  - id: '41.2'");
    const no412 = jxText.slice(0, i).replace(/^ {4}'41\.2': .*\n/m, '');
    expect(check('no-41.2.yaml', no412)).toEqual([
      'DIR/no-41.2.yaml:99: articles = ["37","38","39","40","41.1"]: needs article 41.2: a run sanctions insured persons\' fraud (条例 Art 41 ¶2) under it (a run needs articles 38, 40, 41.1 and 41.2)',
    ]);
    const uninsured = jxText.replace('statute: 条例 第四十一条第一款; 细则 第五条 (L127)\n    actors: [insuredPerson, uninsuredPerson]', 'statute: 条例 第四十一条第一款; 细则 第五条 (L127)\n    actors: [uninsuredPerson]');
    expect(check('uninsured.yaml', uninsured)).toEqual([
      'DIR/uninsured.yaml:299: articles[4].actors = ["uninsuredPerson"]: must include insuredPerson: a run sanctions insured persons\' misuse (条例 Art 41 ¶1) under article 41.1',
    ]);
    const byItem = jxText
      .replace("source: seed 003 L57 (第二条(二))\n        when: { firstOffence: true,", "source: seed 003 L57 (第二条(二))\n        when: { items: [1], firstOffence: true,")
      .replace("    actors: [designatedInstitution]\n    tiers:\n      - id: 38-N1", "    actors: [designatedInstitution]\n    items: { 1: 分解住院、挂床住院 }\n    tiers:\n      - id: 38-N1");
    expect(check('by-item.yaml', byItem)).toEqual([
      "DIR/by-item.yaml:165: articles[1].tiers[2].when.items = [1]: a run's article 38 cases, institutions' misuse without intent to defraud (条例 Art 38), give no item (项): no tier or sanction of the article can depend on an item (项)",
    ]);
    // The shipped files pass.
    expect(check('jx.yaml', jxText)).toEqual([]);
  });
});
