/**
 * notebooks/02-deductible-and-cap-reform.ipynb, executed headless against the built package.
 *
 * Fixed numbers come from the files: the baseline rules from scenarios/policies/default-2021.yaml
 * (resident inpatient deductibles 100 / 100 / 400 / 600, fund cap 100,000) and the reform from
 * scenarios/notebooks/steer-to-primary-care.yaml (50 / 50 / 400 / 1,000, cap 150,000). The rest is
 * checked for consistency and direction: the reform touches residents only, so the employee fund's
 * changes are exactly 0 on the same draws; the yearly changes add up to the ten-year change; two tables
 * computed by different code (claims comparison, gainers and losers) agree on the out-of-pocket change;
 * a higher tertiary deductible cuts the fund's spending; the out-of-pocket distribution is drawn for both
 * variants and differs between them; the reimbursement ratios are percentages whose change is the reform's
 * minus the baseline's, inside its interval, and fall at tertiary hospitals (a higher deductible) and rise at
 * primary ones (a lower one); the answer repeats the tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { num, parseSvg, shapes, texts } from '../helpers/svg.js';
import { notebookUnderTest, tableRows } from '../helpers/notebookSuite.js';



describe('notebook 02: a deductible and cap reform', () => {
  const { cell, answerCell } = notebookUnderTest('02-deductible-and-cap-reform.ipynb');
  /** The deltas table: label → [change, low, high]. */
  const deltas = () => new Map(tableRows(cell('deltas').stdout).map((r) => [r[0]!, [Number(r[1]), Number(r[2]), Number(r[3])] as const]));
  /** A winners table (by person type, or by age band): label → [gainers %, losers %, change, CI low, CI high]. */
  const winners = (part: 0 | 1) => {
    const text = cell('winners').stdout.split('By age band (all residents):')[part]!;
    return new Map(tableRows(text).map((r) => [r[0]!, [Number(r[1]), Number(r[2]), Number(r[3]), ...r[4]!.split(' to ').map(Number)]]));
  };

  it('shows the rules before and after, read from the policy and the reform file', () => {
    expect(tableRows(cell('reform').stdout).map((r) => r.slice(1))).toEqual([
      ['community 社区', '100', '50'],
      ['primary 一级', '100', '50'],
      ['secondary 二级', '400', '400'],
      ['tertiary 三级', '600', '1000'],
      ['all', '100000', '150000'],
    ]);
    expect(cell('run').stdout).toMatch(/^baseline and reform, 20 paths × 10 years \(2021–2030\), in [\d.]+ s$/m);
  });

  it('finds a saving for the resident fund, paid by patients, with intervals that exclude zero', () => {
    const d = deltas();
    expect([...d.keys()]).toEqual(['expenditure', 'current balances', 'final balance', 'out-of-pocket']);
    for (const [change, lo, hi] of d.values()) {
      expect(lo).toBeLessThanOrEqual(change);
      expect(change).toBeLessThanOrEqual(hi);
    }
    expect(d.get('expenditure')![2]).toBeLessThan(0);
    expect(d.get('final balance')![1]).toBeGreaterThan(0);
    expect(d.get('out-of-pocket')![1]).toBeGreaterThan(0);
  });

  it('leaves the employee fund exactly as it was (same draws)', () => {
    expect(cell('deltas').stdout).toContain('employee fund (not touched by the reform): 4 changes, all exactly 0 on every path: true');
  });

  it('draws the changes with their intervals, one panel per unit', () => {
    const root = parseSvg(cell('deltas').svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('reform-deltas');
    expect(shapes(root, 'yb-delta', 'circle')).toHaveLength(4);
    expect(shapes(root, 'yb-ci', 'line')).toHaveLength(4);
    const labels = texts(root, 'g.yb-delta-label > text').map((t) => Number(t.replace(/,/g, '').replace('−', '-')));
    const table = [...deltas().values()].map((v) => v[0]);
    expect(labels).toHaveLength(4);
    labels.forEach((l, i) => expect(l).toBeCloseTo(table[i]!, 2));
  });

  it('adds the yearly expenditure changes up to the ten-year change', () => {
    const years = tableRows(cell('by-year').stdout);
    expect(years.map((r) => Number(r[0]))).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const sum = years.reduce((s, r) => s + Number(r[1]), 0);
    // Each yearly figure is rounded to 0.01: the sum may be off by 10 × 0.005, the total by 0.005 more.
    expect(Math.abs(sum - deltas().get('expenditure')![0])).toBeLessThanOrEqual(0.055);
  });

  it('counts winners and losers; their mean change agrees with the claims comparison', () => {
    const byType = winners(0);
    expect([...byType.keys()]).toEqual(['all residents', 'adult 成年居民', 'child 学生儿童', 'elderly 老年居民']);
    const all = byType.get('all residents')!;
    expect(all[1]).toBeGreaterThan(all[0]!);
    expect(all[0]).toBeGreaterThan(0);
    expect(all[2]).toBeCloseTo(deltas().get('out-of-pocket')![0], 2);
    const losers = [...byType.entries()].filter(([k]) => k !== 'all residents').map(([k, v]) => [k, v[1]!] as const);
    expect(losers.reduce((a, b) => (b[1] > a[1] ? b : a))[0]).toBe('elderly 老年居民');
    const byAge = winners(1);
    expect([...byAge.keys()]).toEqual(['0-6', '7-17', '18-34', '35-44', '45-54', '55-59', '60-64', '65-74', '75-84', '85+']);
    for (const [gainers, losersShare, change, lo, hi] of [...byType.values(), ...byAge.values()]) {
      for (const share of [gainers!, losersShare!]) expect(share).toBeGreaterThanOrEqual(0);
      expect(lo).toBeLessThanOrEqual(change!);
      expect(change).toBeLessThanOrEqual(hi!);
    }
    // The chart: the resident person types, age bands and settings, each row's change as in the tables.
    const root = parseSvg(cell('winners').svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('gainers-losers');
    expect(root.querySelectorAll('g.chart-panel')).toHaveLength(3);
    const changes = texts(root, 'g.yb-change text');
    expect(changes).toHaveLength(3 + 10 + 5);
    const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 2 })} yuan`;
    expect(changes[2]).toBe(signed(byType.get('elderly 老年居民')![2]!));
  });

  it('moves only the upper tail of the out-of-pocket distribution', () => {
    const rows = tableRows(cell('deciles').stdout);
    expect(rows.map((r) => r[0])).toEqual(['10th', '20th', '30th', '40th', '50th', '60th', '70th', '80th', '90th']);
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i]![1])).toBeGreaterThanOrEqual(Number(rows[i - 1]![1]));
    // An inpatient reform cannot move the member-years at the bottom: they have no admission.
    for (const r of rows.slice(0, 3)) expect(Math.abs(Number(r[3]))).toBeLessThan(0.005);
    // A change that rounds to zero is 0.00: the median's -0.004 printed "-0.00", read as a fall.
    expect(rows.flat().filter((c) => /(^|\s)-0\.00(\s|$)/.test(c))).toEqual([]);
  });

  it('draws the out-of-pocket distribution in the last year, baseline and reform in their own panels', () => {
    const svgs = cell('oop-chart').svg;
    expect(svgs).toHaveLength(1);
    const root = parseSvg(svgs[0]!);
    expect(root.getAttribute('data-chart')).toBe('oop-distribution');
    expect(texts(root, '.chart-title').join(' ')).toContain('Out-of-pocket per resident member-year, 2030: baseline and reform');
    expect(texts(root, 'g[aria-label="fy-axis tick label"] text')).toEqual(['baseline', 'reform']);
    // One group of bars per panel, each with the engine's log-spaced bins that someone fell into.
    const panels = Array.from(root.querySelectorAll('g.yb-bin'));
    expect(panels).toHaveLength(2);
    const heights = panels.map((p) => Array.from(p.querySelectorAll('rect'), (r) => num(r, 'height')));
    for (const h of heights) {
      expect(h.length).toBeGreaterThanOrEqual(5);
      expect(h.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    }
    // The reform changes what residents pay, so the two panels are not the same picture drawn twice.
    expect(heights[1]).not.toEqual(heights[0]);
    expect(texts(root, '.chart-note').join(' ')).toMatch(/baseline: \d+\.\d% of member-years paid nothing; reform: \d+\.\d% of member-years paid nothing/);
  });

  /** The ratios table: "ratio|level" → [baseline %, reform %, change pp, CI low, CI high]. */
  const ratios = () => new Map(tableRows(cell('ratios').stdout).map((r) => [`${r[0]}|${r[1]}`, [Number(r[2]), Number(r[3]), Number(r[4]), ...r[5]!.split(' to ').map(Number)]]));

  it('shows the reimbursement ratios before and after, with the paired change and its interval', () => {
    const t = ratios();
    expect([...t.keys()].filter((k) => k.endsWith('|all'))).toEqual(['policy-range|all', 'actual|all']);
    for (const [key, [before, after, change, lo, hi]] of t) {
      for (const x of [before!, after!]) expect(x, key).toBeGreaterThanOrEqual(0);
      for (const x of [before!, after!]) expect(x, key).toBeLessThanOrEqual(100);
      // Three numbers each rounded to 0.01: at most 0.015 apart.
      expect(Math.abs(after! - before! - change!), key).toBeLessThanOrEqual(0.0151);
      expect(lo!, key).toBeLessThanOrEqual(change! + 1e-9);
      expect(hi!, key).toBeGreaterThanOrEqual(change! - 1e-9);
    }
    // A higher deductible at 三级 pays less of its bills, a lower one at 一级 more.
    expect(t.get('actual|tertiary 三级')![2]).toBeLessThan(0);
    expect(t.get('actual|primary 一级')![2]).toBeGreaterThan(0);
  });

  it('ends with the answer in words, its numbers those of the tables', () => {
    const answer = answerCell();
    const d = deltas();
    const f = (x: number) => x.toFixed(2);
    const [spend, spendLo, spendHi] = d.get('expenditure')!;
    const [bal, balLo, balHi] = d.get('final balance')!;
    expect(answer.stdout).toContain(
      `Over 2021–2030 the reform saves the resident fund ${f(-spend)} 亿元 (95% CI ${f(-spendHi)} to ${f(-spendLo)}); ` +
        `its accumulated balance at the end of 2030 is ${f(bal)} 亿元 higher (95% CI ${f(balLo)} to ${f(balHi)}).`,
    );
    const [oop, oopLo, oopHi] = d.get('out-of-pocket')!;
    const all = winners(0).get('all residents')!;
    const elderly = winners(0).get('elderly 老年居民')!;
    const byAge = [...winners(1).entries()];
    const [worst, worstRow] = byAge.reduce((a, b) => (b[1][2]! > a[1][2]! ? b : a));
    expect(answer.stdout).toContain(
      `Residents pay ${f(oop)} yuan more out of pocket per member-year (95% CI ${f(oopLo)} to ${f(oopHi)}): ` +
        `${f(all[1]!)}% of member-years pay more and ${f(all[0]!)}% pay less; elderly residents lose most often (${f(elderly[1]!)}% of their member-years), ` +
        `and the largest mean increase is at ages ${worst} (+${f(worstRow[2]!)} yuan per member-year).`,
    );
    const [before, after, change, lo, hi] = ratios().get('actual|all')!;
    expect(answer.stdout).toContain(
      `The resident fund's share of the inpatient bill (实际报销比例) goes from ${f(before!)}% to ${f(after!)}% (${f(change!)} percentage points, 95% CI ${f(lo!)} to ${f(hi!)}).`,
    );
  });
});
