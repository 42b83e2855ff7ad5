/**
 * notebooks/05-explain-a-claim.ipynb, executed headless against the built package, and its outputs
 * checked against a hand computation from scenarios/policies/default-2021.yaml (employee scheme):
 * classBFirstSelfPay 0.10; inpatient deductible at a tertiary hospital 800 (later admissions 400);
 * retired ratio at tertiary 0.90; the personal account pays every component but 丙类 (schema default).
 *
 * First admission, 甲 15,000 + 乙 5,000 + 丙 1,000 = 21,000.00:
 *   乙类先行自付 5,000 × 10% = 500.00; policy range 15,000 + 5,000 − 500 = 19,500.00;
 *   deductible 800.00; fund (19,500 − 800) × 90% = 16,830.00; co-payment 18,700 − 16,830 = 1,870.00;
 *   patient 21,000 − 16,830 = 4,170.00, of which the account (balance 4,000) pays 4,170 − 1,000 丙类 = 3,170.00,
 *   cash 1,000.00; fund share 16,830 / 21,000 = 80.14% → 80.1%.
 * Second admission, 甲 8,000 + 乙 2,000 = 10,000.00:
 *   乙类先行自付 200.00; policy range 9,800.00; later deductible 400.00; fund 9,400 × 90% = 8,460.00;
 *   co-payment 940.00; patient 1,540.00: account 4,000 − 3,170 = 830.00 left, pays 830.00; cash 710.00;
 *   family account: 710 is below the 2,000 minimum claim, so 0; fund share 8,460 / 10,000 = 84.6%.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSvg, shapes, texts } from '../helpers/svg.js';
import { notebookUnderTest } from '../helpers/notebookSuite.js';


describe('notebook 05: explaining a claim', () => {
  const { cell, answerCell } = notebookUnderTest('05-explain-a-claim.ipynb');

  it('explains the first admission: 起付线 800.00, then 统筹基金 16830.00', () => {
    const out = cell('first').stdout;
    expect(out).toContain('乙类先行自付 10% = 500.00; policy-range cost (政策范围内费用) 19500.00');
    expect(out).toMatch(/^\d+\. 起付线 \(deductible\): admission no\. 1 this year at a 三级 hospital: deductible 800\.00$/m);
    expect(out).toMatch(/^\d+\. 起付线 \(deductible\): patient pays 800\.00 under the admission's deductible/m);
    expect(out).toMatch(/^\d+\. 报销比例 \(coinsurance\): band 0\+: 18700\.00 × 90% = 16830\.00$/m);
    expect(out).toMatch(/^\d+\. 统筹基金支付 \(coinsurance\): pooled fund pays 16830\.00; co-payment \(共付段个人负担\) 18700\.00 − 16830\.00 = 1870\.00$/m);
    expect(out).toMatch(/account pays 3170\.00, family account \(家庭共济\) 0\.00, cash \(现金\) 1000\.00$/m);
  });

  it('explains the second admission with the lower deductible: 起付线 400.00, 统筹基金 8460.00', () => {
    const out = cell('second').stdout;
    expect(out).toMatch(/^\d+\. 起付线 \(deductible\): admission no\. 2 this year at a 三级 hospital: deductible 400\.00$/m);
    expect(out).toMatch(/^\d+\. 统筹基金支付 \(coinsurance\): pooled fund pays 8460\.00; co-payment \(共付段个人负担\) 9400\.00 − 8460\.00 = 940\.00$/m);
    expect(out).toMatch(/account pays 830\.00, family account \(家庭共济\) 0\.00 \(the 710\.00 left is below the 2000\.00 minimum for family use\), cash \(现金\) 710\.00$/m);
  });

  it('shows the split as DataFrame tables that add up to the bill', () => {
    const out = cell('table').stdout;
    const amount = (item: string, section: string) => {
      const m = new RegExp(`${item}\\s*│[^│]*│\\s*([\\d.]+)`).exec(section);
      if (!m) throw new Error(`no row "${item}" in:\n${section}`);
      return Number(m[1]);
    };
    const [components, payers] = out.split('Payers (支付方):');
    expect(out).toMatch(/║\s+│ item\s+│ 中文\s+│ yuan\s+║/);
    expect([amount('outOfScope', components!), amount('firstSelfPay', components!), amount('deductible', components!), amount('pooledFund', components!), amount('copay', components!), amount('aboveCap', components!)]).toEqual([1000, 500, 800, 16830, 1870, 0]);
    expect([amount('pooledFund', payers!), amount('personalAccount', payers!), amount('cash', payers!)]).toEqual([16830, 3170, 1000]);
  });

  it('draws who pays as an SVG chart with the three payers', () => {
    const { svg } = cell('chart');
    expect(svg).toHaveLength(1);
    const root = parseSvg(svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('who-pays');
    expect(shapes(root, 'yb-payer', 'rect')).toHaveLength(3);
    expect(texts(root, 'g.yb-payer-label > text')).toEqual(['16,830.00 (80.1%)', '3,170.00 (15.1%)', '1,000.00 (4.8%)']);
  });

  it('ends with the answer in words, computed from the numbers', () => {
    const answer = answerCell();
    expect(answer.stdout).toContain(
      'First admission: the fund pays 16,830.00 of 21,000.00 (80.1%); Ms Li pays 4,170.00: 3,170.00 from her personal account and 1,000.00 in cash.',
    );
    expect(answer.stdout).toContain('Second admission: the deductible is 400.00 instead of 800.00; the fund pays 8,460.00 of 10,000.00 (84.6%)');
    expect(answer.stdout).toContain('710.00 is cash');
  });
});
