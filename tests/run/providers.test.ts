/**
 * A run with DRG for admissions and global budgets for visits, against the same scenario paid fee for
 * service: the ledgers carry the payment difference, the answers and the report speak of payment and
 * cash flow, and the charts are drawn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { paymentCell } from '../../src/engine/providerBlock.js';
import { providerBlockOf } from '../../src/engine/result.js';
import { Decimal, fromFen } from '../../src/money/decimal.js';
import { answers, paymentAnswer } from '../../src/run/answers.js';
import { resultCharts } from '../../src/run/outputs.js';
import { reportHtml } from '../../src/run/report.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { paymentMean } from '../../src/run/views.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const SMALL = { paths: 3, horizon: 3, members: 1500, workers: 0 };
let ffs: ScenarioResult;
let drg: ScenarioResult;

beforeAll(async () => {
  const loaded = loadScenario(defaultScenarioFile());
  ffs = await runScenario(loaded, [], SMALL);
  drg = await runScenario(varied(loaded, { payment: { methods: { inpatient: 'drg', outpatient: 'globalBudget' } } }), [], SMALL);
}, 60_000);

describe('a run with provider payment reformed', () => {
  it('charges each ledger what the fund paid institutions beyond the settled amounts', () => {
    const weight = drg.cube.exactWeight;
    for (const fund of drg.funds) {
      const s = fund.scheme === 'employee' ? 0 : 1;
      fund.ledgers.forEach((ledger, p) =>
        ledger.forEach((year, y) => {
          const block = providerBlockOf(drg.cube, 0, p, y);
          const fen = block[paymentCell(s, 'paid')]! - block[paymentCell(s, 'settled')]!;
          expect(year.expenditure.paymentDifference.toFixed(2)).toBe(fromFen(fen).mul(weight).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        }),
      );
    }
    // The claims and their settlement are the same draws in both runs; only what institutions are paid differs.
    expect(drg.funds[0]!.ledgers[0]![2]!.expenditure.pooledPayments.toFixed(2)).toBe(ffs.funds[0]!.ledgers[0]![2]!.expenditure.pooledPayments.toFixed(2));
    expect(drg.funds[0]!.ledgers[0]![2]!.expenditure.paymentDifference.isZero()).toBe(false);
  });

  it('answers in words how institutions are paid, only when some care is not fee for service', () => {
    const text = paymentAnswer(drg);
    expect(answers(drg)).toContain(text);
    expect(text).toMatch(/^Provider payment \(支付方式\): outpatient care by global budget \(总额控制\); inpatient care by DRG \(按疾病诊断相关分组\)\. In 2023 the funds pay institutions /);
    const paid = paymentMean(drg, 'paid_yuan', 2023);
    expect(text).toContain(`pay institutions ${(paid / 1e8).toFixed(2)} 亿元`);
    expect(text).toMatch(/Against fee for service, institutions are paid: tertiary [+-]\d+\.\d%, secondary/);
    expect(answers(ffs).some((a) => a.startsWith('Provider payment'))).toBe(false);
    expect(answers(ffs).some((a) => a.startsWith('In 2021 the funds pay out'))).toBe(true);
  });

  it('reports institutions, payment and cash flow, with their charts', () => {
    const html = reportHtml(drg);
    expect(html).toContain('Institutions and provider payment (定点医药机构与支付方式)');
    expect(html).toContain('Direct settlement and the funds’ cash flow (直接结算与基金现金流)');
    expect(html).toContain('data-chart="institution-payments"');
    expect(html).toContain('data-chart="monthly-cash"');
    expect(Object.keys(resultCharts(drg))).toEqual(expect.arrayContaining(['monthly-cash', 'institution-payments']));
    expect(Object.keys(resultCharts(ffs))).not.toContain('institution-payments');
    for (const table of ['institutions_by_year', 'payment_by_year', 'channels_by_year', 'cashflow_by_month']) expect(drg.tables[table]!.length, table).toBeGreaterThan(0);
  });
});
