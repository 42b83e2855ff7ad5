/**
 * notebooks/07-supervision.ipynb, executed headless against the built package. Its outputs are checked
 * against each other and against what the model guarantees, not against golden numbers: the pooled net
 * effect is recovered + returned − pooled leakage (fines go to the treasury in scenarios/supervision.yaml),
 * the fund ledgers' supervision income equals the tables' recoveries and returns, precision and recall are
 * shares, the charts are drawn, and the answer repeats the numbers above it.
 */
import { describe, expect, it } from 'vitest';
import { parseSvg } from '../helpers/svg.js';
import { notebookUnderTest, tableRows } from '../helpers/notebookSuite.js';
import { BEHAVIOURS, behaviourWords } from '../../src/supervision/behaviours.js';
import { SCREENS, screenLabel } from '../../src/supervision/screens.js';

describe('notebook 07: fund supervision', () => {
  const { cell, answerCell } = notebookUnderTest('07-supervision.ipynb');

  it('runs the supervision scenario with supervision on', () => {
    expect(cell('runs').stdout).toContain('supervision: 8 paths, 2021–2025, 10000 members for 5000000, supervision on');
  });

  it('tabulates leakage and what comes back by year; the pooled net is what came back less the pooled leakage', () => {
    const rows = tableRows(cell('fund').stdout).map((r) => r.map(Number));
    expect(rows.map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const [, leakage, pooled, recovered, returned, fines, net] of rows) {
      expect(leakage).toBeGreaterThan(0);
      expect(pooled).toBeGreaterThan(0);
      expect(pooled).toBeLessThanOrEqual(leakage!);
      expect(fines).toBeGreaterThan(0);
      // Means of the same paths, each printed to the 万元: the identity holds to the rounding of four numbers.
      expect(Math.abs(recovered! + returned! - pooled! - net!)).toBeLessThanOrEqual(2);
    }
    const share = Number(/Pooled leakage over 2021–2025: ([\d.]+)% of what/.exec(cell('fund').stdout)![1]);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(5);
  });

  it('books the recoveries in the fund ledgers as income, equal to the tables', () => {
    const m = /Ledger income from supervision over 2021–2025: ([\d.]+) 亿元 \(recovered \+ returned in the tables: ([\d.]+) 亿元\)/.exec(cell('net').stdout)!;
    expect(Number(m[1])).toBeGreaterThan(0);
    expect(m[1]).toBe(m[2]);
  });

  it('scores every screen with a precision and a recall between 0 and 1', () => {
    const rows = tableRows(cell('screens').stdout);
    // Screens in words with their Chinese terms, not the codes the table is keyed by ("heavyTesting").
    expect(rows.map((r) => r[0])).toEqual([...SCREENS.map(screenLabel), 'any flag']);
    expect(rows[3]![0]).toBe('heavy testing 大检查多、少药费住院');
    for (const [, p, r] of rows) {
      expect(Number(p)).toBeGreaterThanOrEqual(0);
      expect(Number(p)).toBeLessThanOrEqual(1);
      expect(Number(r)).toBeGreaterThanOrEqual(0);
      expect(Number(r)).toBeLessThanOrEqual(1);
    }
  });

  it('lists the behaviours by leakage and counts inspections as the plan says', () => {
    const beh = tableRows(cell('behaviours').stdout);
    expect(beh).toHaveLength(15);
    // Behaviours in words with their Chinese terms ("over treatment 过度诊疗、过度检查", not "overTreatment").
    expect(beh.map((r) => r[0]).sort()).toEqual(BEHAVIOURS.map(behaviourWords).sort());
    const leak = beh.map((r) => Number(r[2]));
    expect(leak).toEqual([...leak].sort((p, q) => q - p));
    const cases = Object.fromEntries(tableRows(cell('cases').stdout).map((r) => [r[0], Number(r[2])]));
    expect(cases.top_spender_inspections).toBe(5);
    // Each path takes at least one pass and at most one per year (README, Passes).
    const m = /Top spenders ranked on last year's payments: (\d+) of 8 paths ran again to rank them \(passes by path: ([\d ]+)\)/.exec(cell('cases').stdout)!;
    const passes = m[2]!.split(' ').map(Number);
    expect(passes).toHaveLength(8);
    for (const n of passes) expect(n >= 1 && n <= 5).toBe(true);
    expect(Number(m[1])).toBe(passes.filter((n) => n > 1).length);
    expect(cases.institutions_inspected).toBeGreaterThanOrEqual(cases.spot_checks!);
    expect(cases.institution_cases).toBeGreaterThan(0);
    expect(cases.charts_topped_up).toBeGreaterThanOrEqual(0);
    // 篇五 L693's floor holds on every path (chartFloor.ts): the 5th percentile of paths is at least 5%.
    const share = /Charts reviewed in 2025: ([\d.]+)% of last year's discharges on average, ([\d.]+)% at the 5th percentile of paths \(floor 5%\)/.exec(cell('cases').stdout)!;
    expect(Number(share[2])).toBeGreaterThanOrEqual(5);
    expect(Number(share[1])).toBeGreaterThanOrEqual(Number(share[2]));
  });

  it('draws the money, screens and net-effect charts', () => {
    expect(parseSvg(cell('fund-chart').svg[0]!).getAttribute('data-chart')).toBe('supervision-money');
    expect(parseSvg(cell('screens-chart').svg[0]!).getAttribute('data-chart')).toBe('screen-scores');
    expect(parseSvg(cell('net').svg[0]!).getAttribute('data-chart')).toBe('supervision-net');
  });

  it('ends with the answer in words, repeating the numbers above', () => {
    const answer = answerCell().stdout;
    const net = /Pooled net effect over 2021–2025: (-?[\d.]+) 亿元 \(95% CI (-?[\d.]+) to (-?[\d.]+)\)/.exec(cell('net').stdout)!;
    expect(answer).toContain(`The net effect on the pooled funds' balance is ${net[1]} 亿元 over five years (95% CI ${net[2]} to ${net[3]})`);
    const back = /recovered \+ returned in the tables: ([\d.]+) 亿元/.exec(cell('net').stdout)![1];
    // What came back as a share of the leakage is the share of the totals the sentence gives (it quoted the mean of
    // the paths' shares: "2.14 亿元 (55.7% of the leakage)" beside a leakage of 3.89 亿元, which is 55.0%).
    const m = new RegExp(`costs the prefecture's funds ([\\d.]+) 亿元, .* bring back ${back} 亿元 \\(([\\d.]+)% of the leakage\\)`).exec(answer)!;
    expect(m, answer).not.toBeNull();
    expect(Math.abs(Number(m[2]) - (100 * Number(back)) / Number(m[1]))).toBeLessThanOrEqual(0.3);
    expect(cell('fund').stdout).toContain(`: ${m[2]}% of the leakage`);
    const top = tableRows(cell('behaviours').stdout)
      .slice(0, 3)
      .map((r) => r[0])
      .join(', ');
    expect(answer).toContain(`most of it from ${top}.`);
    const fund = tableRows(cell('fund').stdout);
    expect(answer).toMatch(new RegExp(`Leakage (falls|rises) from ${fund[0]![1]} 万元 in 2021 to ${fund[4]![1]} 万元 in 2025`));
  });
});
