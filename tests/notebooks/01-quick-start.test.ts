/**
 * notebooks/01-quick-start.ipynb, executed headless against the built package. Its outputs are checked
 * against each other, not against golden numbers (the calibration moves them): the worker pool gives the
 * inline run's numbers exactly; the charts draw the tables' medians; the answer in words repeats the
 * tables; and what the answer's markdown claims (no depletion, growing balances above six months,
 * employees reimbursed more, actual below policy-range ratios) holds in the printed numbers.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSvg, pathPoints, shapes, texts, tickPosition } from '../helpers/svg.js';
import { notebookUnderTest, tableRows } from '../helpers/notebookSuite.js';

const SCHEMES = ['employee', 'resident'] as const;


/** The pixel y of value v on a chart's y axis, interpolated between two labelled ticks. */
function yPixel(root: Element, v: number): number {
  const labels = texts(root, 'g[aria-label="y-axis tick label"] > text');
  const [a, b] = [labels[0]!, labels[labels.length - 1]!];
  const value = (label: string) => Number(label.replace(/,/g, '').replace('−', '-'));
  const [ya, yb] = [tickPosition(root, 'y', a), tickPosition(root, 'y', b)];
  return ya + ((v - value(a)) * (yb - ya)) / (value(b) - value(a));
}

describe('notebook 01: quick start', () => {
  const { cell, answerCell } = notebookUnderTest('01-quick-start.ipynb');
  /** Per scheme: the fund table's rows as numbers [year, current p50, p5, p50, p95, months p50, P(depleted)]. */
  const fundTables = () => {
    const [, employee, resident] = cell('funds').stdout.split(/^(?:employee|resident) pooled fund .*$/m);
    return { employee: tableRows(employee!).map((r) => r.map(Number)), resident: tableRows(resident!).map((r) => r.map(Number)) };
  };

  it('runs the default scenario on two worker threads, with the same numbers as inline', () => {
    expect(cell('scenario').stdout).toContain('run: 20 Monte Carlo paths × 10 years from 2021');
    expect(cell('run').stdout).toMatch(/^simulated 20 paths × 10 years \(2021–2030\) of 10,000 member slots on 2 worker threads in [\d.]+ s$/m);
    expect(cell('same').stdout).toMatch(/^workers: 2 and workers: 0 give identical aggregates: true \([\d,]+ numbers compared\)$/m);
    expect(cell('same').stdout).toContain('... and identical fund tables: true');
  });

  it('tabulates each fund year by year, percentiles in order, never depleted', () => {
    for (const rows of Object.values(fundTables())) {
      expect(rows.map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
      for (const [, , p5, p50, p95, months, depleted] of rows) {
        expect(p5).toBeLessThanOrEqual(p50!);
        expect(p50).toBeLessThanOrEqual(p95!);
        expect(months).toBeGreaterThan(6);
        expect(depleted).toBe(0);
      }
    }
  });

  it('draws each fund’s balance fan with the table’s median in the last year', () => {
    const { svg } = cell('balance-charts');
    expect(svg).toHaveLength(2);
    const tables = fundTables();
    SCHEMES.forEach((scheme, i) => {
      const root = parseSvg(svg[i]!);
      expect(root.getAttribute('data-chart')).toBe('balance-fan');
      expect(texts(root, '.chart-title').join(' ')).toContain(scheme);
      expect(texts(root, 'g[aria-label="y-axis label"] text').join('')).toContain('亿元');
      const median = pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!);
      expect(median).toHaveLength(10);
      const last = tables[scheme][9]!;
      expect(median[9]![1]).toBeCloseTo(yPixel(root, last[3]!), 0);
      expect(shapes(root, 'yb-band-outer', 'path')).toHaveLength(1);
    });
  });

  it('draws months covered against the 6-month line for both funds', () => {
    const { svg } = cell('months-charts');
    expect(svg).toHaveLength(2);
    for (const s of svg) {
      const root = parseSvg(s);
      expect(root.getAttribute('data-chart')).toBe('months-covered');
      expect(pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!)).toHaveLength(10);
      expect(texts(root, 'g.yb-reference-label > text')).toEqual(['6-month reference']);
    }
  });

  it('shows the reimbursement ratios as a table and a chart with one bar per cell', () => {
    const out = cell('ratios').stdout;
    const rows = tableRows(out);
    const cells = rows.flatMap((r) => r.slice(2)).filter((c) => c !== '–' && c !== '');
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['employee', 'resident']));
    for (const c of cells) {
      const [policy, actual] = c.split(' / ').map(Number);
      expect(policy).toBeGreaterThanOrEqual(actual!);
      expect(policy).toBeLessThanOrEqual(100);
    }
    const root = parseSvg(cell('ratios').svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('reimbursement');
    expect(shapes(root, 'yb-actual', 'rect')).toHaveLength(cells.length);
    expect(shapes(root, 'yb-policy-range', 'rect')).toHaveLength(cells.length);
  });

  it('ends with the answer in words, its numbers those of the tables', () => {
    const answer = answerCell();
    const tables = fundTables();
    for (const scheme of SCHEMES) {
      const m = new RegExp(
        `^The ${scheme} pooled fund \\(\\S+\\) (grows|shrinks) from ([\\d.]+) 亿元 at the end of 2021 to ([\\d.]+) 亿元 at the end of 2030 ` +
          `\\(median of 20 paths; 90% between ([\\d.]+) and ([\\d.]+)\\), ([\\d.]+) months of payment; it runs out on ([\\d.]+)% of the paths \\(95% interval ([\\d.]+)% to ([\\d.]+)%\\)\\.$`,
        'm',
      ).exec(answer.stdout);
      expect(m, `${scheme} sentence in:\n${answer.stdout}`).not.toBeNull();
      const [first, last] = [tables[scheme][0]!, tables[scheme][9]!];
      expect(m![1]).toBe('grows');
      expect([m![2], m![3], m![4], m![5], m![6], m![7]].map(Number)).toEqual([first[3], last[3], last[2], last[4], last[5], 0]);
      // No path ran out, yet 20 paths bound the probability only so far: its Wilson interval, as the CLI quotes it.
      expect([m![8], m![9]]).toEqual(['0.0', '16.1']);
    }
    const ratio = (scheme: string) => {
      const m = new RegExp(`^${scheme} inpatient, all levels: policy-range ([\\d.]+)%, actual ([\\d.]+)%$`, 'm').exec(cell('ratios').stdout);
      return [m![1]!, m![2]!];
    };
    const [ep, ea] = ratio('employee');
    const [rp, ra] = ratio('resident');
    expect(answer.stdout).toContain(`In 2021 the employee fund pays ${ep}% of policy-range inpatient cost (${ea}% of the whole bill), the resident fund ${rp}% (${ra}%).`);
    expect(Number(ep)).toBeGreaterThan(Number(rp));
    expect(Number(ea)).toBeLessThan(Number(ep));
    expect(Number(ra)).toBeLessThan(Number(rp));
  });
});
