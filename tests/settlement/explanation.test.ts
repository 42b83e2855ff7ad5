/**
 * The explanation (`yibao explain`, `settle --explain`) read as an actuary checks a claim by hand: which limit
 * bound, and every step's arithmetic. Figures computed by hand from the policy files named.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/cli/paths.js';
import { loadPolicy } from '../../src/policy/load.js';
import { settleJsonLines } from '../../src/settlement/jsonLines.js';

const policyFile = (name: string) => loadPolicy(join(packageRoot(), 'scenarios', 'policies', name));

/** The explanation texts of the last line of `claims`, settled in order. */
function steps(policy: string, ...claims: object[]): string[] {
  const text = claims.map((c) => JSON.stringify({ person: 'p', ...c })).join('\n');
  const { settled, problems } = settleJsonLines(policyFile(policy), text, 'x.jsonl', { explain: true });
  expect(problems).toEqual([]);
  return settled.at(-1)!.explanation!.map((s) => `${s.zh}: ${s.text}`);
}

describe('caps in the explanation', () => {
  it('names the limit that binds and shows the room: the outpatient pool, not the fund cap', () => {
    // default-2021, 退休: outpatient 1100 at 二级 (deductible 300 − 200 used = 100; fund (1090 − 100) × 65% = 643.50),
    // then 9000 at a pharmacy in the same pool: 9000 × 70% = 6300 > 3000 − 643.50 = 2356.50 left of the pool's limit;
    // cost covered 2356.50 ÷ 0.70 = 3366.428… → 3366.43 (up); above the cap 9000 − 3366.43 = 5633.57;
    // co-payment 3366.43 − 2356.50 = 1009.93. It used to say "the fund's cap leaves 2356.50".
    const out = steps(
      'default-2021.yaml',
      { type: 'retired', date: '2021-03-01', setting: 'outpatient', level: 'community', classA: 200 },
      { date: '2021-03-05', setting: 'outpatient', level: 'secondary', classA: 1000, classB: 100 },
      { date: '2021-03-09', setting: 'pharmacy', level: 'community', classA: 9000 },
    );
    expect(out).toContain(
      '封顶线: 普通门诊(门诊统筹) annual limit (年度支付限额) 3000.00, 643.50 paid before this claim: 2356.50 left, below the 6300.00 the ratios give, so the fund pays 2356.50',
    );
    expect(out).toContain(
      '封顶线: cost above the deductible that payment covers: band 0+: 2356.50 ÷ 70% = 3366.43 (rounded up to the fen); 3366.43 in all; 9000.00 − 3366.43 = 5633.57 is above the cap (超封顶线)',
    );
    expect(out).toContain('统筹基金支付: pooled fund pays 2356.50; co-payment (共付段个人负担) 3366.43 − 2356.50 = 1009.93');
  });

  it('finds the covered cost band by band when the fund cap is crossed in a banded table', () => {
    // beijing-style-employee, 在职 at 二级, 130000: deductible 1300; bands 28700 × 87% = 24969, 10000 × 92% = 9200,
    // 90000 × 97% = 87300, 121469 in all > the 100000 fund cap. The first two bands fit whole (34169); the third
    // covers (100000 − 34169) ÷ 0.97 = 65831 ÷ 0.97 = 67867.010… → 67867.02; 28700 + 10000 + 67867.02 = 106567.02;
    // above the cap 128700 − 106567.02 = 22132.98; co-payment 6567.02.
    const out = steps('beijing-style-employee.yaml', { type: 'inService', date: '2021-03-01', setting: 'inpatient', level: 'secondary', classA: 130000 });
    expect(out).toContain(
      '封顶线: fund cap (封顶线, 统筹基金年度最高支付限额) 100000.00, 0.00 paid before this claim: 100000.00 left, below the 121469.00 the ratios give, so the fund pays 100000.00',
    );
    expect(out).toContain(
      '封顶线: cost above the deductible that payment covers: band 0-30000: 28700.00 whole (fund 24969.00); band 30000-40000: 10000.00 whole (fund 9200.00); ' +
        'band 40000+: 100000.00 − 34169.00 = 65831.00 left to pay; 65831.00 ÷ 97% = 67867.02 (rounded up to the fen); 106567.02 in all; ' +
        '128700.00 − 106567.02 = 22132.98 is above the cap (超封顶线)',
    );
  });

  it('says plainly when the cap left nothing', () => {
    // default-2021, 在职 at 三级: 200000 uses the whole 100000 fund cap; a later admission of 20000 (deductible 400)
    // finds nothing left, so all 19600 above the deductible is above the cap. It printed "covers: ; 0.00 in all".
    const out = steps(
      'default-2021.yaml',
      { type: 'inService', date: '2021-02-01', setting: 'inpatient', level: 'tertiary', classA: 200000 },
      { date: '2021-08-01', setting: 'inpatient', level: 'tertiary', classA: 20000 },
    );
    expect(out).toContain('封顶线: cost above the deductible that payment covers: none; 19600.00 − 0.00 = 19600.00 is above the cap (超封顶线)');
  });

  it('says an out-of-area reduction is in percentage points, with the ratio before and after', () => {
    // default-2021, 在职 at 三级, unregistered out of area: 20% first self-pay on 10000 = 2000; (8000 − 800) at
    // 85% − 10 points = 75%: 5400. "ratio lowered 10%" read as 85% × 0.9 = 76.5%.
    const out = steps('default-2021.yaml', { type: 'inService', date: '2021-03-01', setting: 'inpatient', level: 'tertiary', location: 'outOfAreaUnregistered', classA: 10000 });
    expect(out).toContain('报销比例: band 0+: 7200.00 × 75% = 5400.00 (85% − 10 percentage points for 异地就医(未备案) = 75%)');
  });
});

describe('serious-illness insurance and medical assistance in the explanation', () => {
  it('shows the burden above the deductible, each band paid, the total and the cap', () => {
    // default-2021, 成年居民 at 三级, 800000 of 甲类, eligible for assistance. Deductible 600; the fund pays its
    // 100000 cap, covering 100000 ÷ 0.62 = 161290.33; co-payment 61290.33; above the cap 799400 − 161290.33 = 638109.67.
    // 大病: burden 600 + 61290.33 + 638109.67 = 700000, 685000 above the 15000 deductible: 100000 × 60% = 60000 and
    // 585000 × 70% = 409500, 469500 in all, capped at 300000. 医疗救助: 700000 − 300000 = 400000 × 70% = 280000,
    // capped at 50000. Before, neither the band results nor the caps were shown.
    const out = steps('default-2021.yaml', { type: 'adult', assistanceEligible: true, date: '2021-05-10', setting: 'inpatient', level: 'tertiary', classA: 800000 });
    expect(out).toContain(
      '大病保险: compliant burden (起付线 + 共付段个人负担 + 超封顶线) 700000.00; year to date 0.00 → 700000.00, above the deductible (起付标准) 15000.00: 0.00 → 685000.00; ' +
        'band 0-100000: 100000.00 × 60% = 60000.00; band 100000+: 585000.00 × 70% = 409500.00; 469500.00 in all; ' +
        'capped at the 300000.00 left of its annual cap 300000.00: pays 300000.00',
    );
    expect(out).toContain(
      '医疗救助: burden left 400000.00, 0.00 under its deductible; 400000.00 × 70% = 280000.00, capped at the 50000.00 left of its annual cap 50000.00: pays 50000.00',
    );
  });

  it('counts the year to date across admissions', () => {
    // nanchang-2025, 老年居民 at 三级: 110000 with 10000 乙类 (first self-pay 1000, outside the 大病 basis); deductible 600;
    // fund 108400 × 60% = 65040; co-payment 43360; 大病 burden 43960, 26960 above the 17000 deductible × 60% = 16176.
    // Second admission 20000: deductible 600, co-payment 19400 × 40% = 7760; burden 8360: 43960 → 52320 year to date,
    // 26960 → 35320 above the deductible; 8360 × 60% = 5016.
    const out = steps(
      'nanchang-2025.yaml',
      { type: 'elderly', date: '2025-03-01', setting: 'inpatient', level: 'tertiary', classA: 100000, classB: 10000 },
      { date: '2025-06-01', setting: 'inpatient', level: 'tertiary', classA: 20000 },
    );
    expect(out).toContain(
      '大病保险: compliant burden (起付线 + 共付段个人负担 + 超封顶线) 8360.00; year to date 43960.00 → 52320.00, above the deductible (起付标准) 17000.00: 26960.00 → 35320.00; ' +
        'band 0+: 8360.00 × 60% = 5016.00: pays 5016.00',
    );
  });
});

describe('admissions in the explanation', () => {
  it('says when a stay continues an admission, which is why it pays no deductible', () => {
    // default-2021, 在职 at 二级: an admitted emergency observation of 1000 opens admission 1 (deductible 500,
    // fund 450); the stay after it continues that admission: no deductible, 5000 × 90% = 4500 (seed 002 篇1 L19).
    const out = steps(
      'default-2021.yaml',
      { type: 'inService', date: '2021-03-01', setting: 'emergencyObservation', level: 'secondary', classA: 1000, admitted: true },
      { date: '2021-03-02', setting: 'inpatient', level: 'secondary', classA: 5000 },
    );
    expect(out).toContain('起付线: patient pays 0.00 under the deductible of admission no. 1, which this claim continues (0.00 left)');
    expect(out).toContain('统筹基金支付: pooled fund pays 4500.00; co-payment (共付段个人负担) 5000.00 − 4500.00 = 500.00');
  });
});

describe('personal account in the explanation', () => {
  it('says why a relative’s account (家庭共济) paid nothing', () => {
    // default-2021, 在职 at 二级, 15500: deductible 500, fund 15000 × 90% = 13500, patient's share 500 + 1500 = 2000.
    // Family use (seed 002 篇10 L541): the relative's balance must be above 6000, the amount at least 2000, 3000 left.
    const claim = { type: 'inService', date: '2021-03-01', setting: 'inpatient', level: 'secondary', classA: 15500 };
    // Own account 500 pays first: the 1500 left is below 2000.
    expect(steps('default-2021.yaml', { ...claim, accountBalance: 500, familyAccountBalance: 9000 })).toContain(
      '个人账户: patient\'s share 2000.00, of which the account may pay 2000.00: account pays 500.00, family account (家庭共济) 0.00 ' +
        '(the 1500.00 left is below the 2000.00 minimum for family use), cash (现金) 1500.00',
    );
    // A balance of exactly 6000 is not above 6000 (超过6000元).
    expect(steps('default-2021.yaml', { ...claim, familyAccountBalance: 6000 })).toContain(
      '个人账户: patient\'s share 2000.00, of which the account may pay 2000.00: account pays 0.00, family account (家庭共济) 0.00 ' +
        '(its balance 6000.00 is not above 6000.00), cash (现金) 2000.00',
    );
  });
});
