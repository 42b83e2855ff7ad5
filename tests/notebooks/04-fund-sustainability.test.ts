/**
 * notebooks/04-fund-sustainability.ipynb, executed headless against the built package.
 *
 * Fixed numbers: the assumptions table repeats scenarios/notebooks/employee-ageing.yaml and the defaults
 * it keeps (contributions 8% + 2%, the 2024 retirement delay). The projection is checked for consistency:
 * the median timing read from the risk table is the 5th of the 10 per-path years found by
 * firstDeficitYear / depletionYear; the chart's median ends on the side of zero the table says; the
 * sensitivity cases move the way the markdown says (no delay exhausts sooner, dearer care sooner, the
 * widest swing from medical prices); the answer in words repeats the tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { num, parseSvg, pathPoints, shapes, texts } from '../helpers/svg.js';
import { notebookUnderTest, tableRows } from '../helpers/notebookSuite.js';

const NEVER = 'not by 2050';


const year = (s: string): number => (s === NEVER ? Infinity : Number(s));

describe('notebook 04: fund sustainability', () => {
  // Generous limits: the notebook runs five 30-year simulations, and the test suite shares the CPUs.
  const { cell, answerCell } = notebookUnderTest('04-fund-sustainability.ipynb', 300_000);
  /** The projection table: [year, ratio, income, expenditure, current, balance, deficit %, exhausted %]. */
  const projection = () => tableRows(cell('projection').stdout).map((r) => r.map(Number));
  /** The sensitivity table: case label → [first deficit, exhausted, 2050 balance]. */
  const cases = () => tableRows(cell('sensitivity').stdout).map((r) => ({ label: r[0]!, deficit: r[1]!, exhausted: r[2]!, balance: Number(r[3]) }));
  const timing = (event: 'first current-year deficit' | 'accumulated balance exhausted') => {
    const m = new RegExp(`^${event} \\(\\S+\\): (\\d{4}|${NEVER}); paths: (.+)$`, 'm').exec(cell('years').stdout);
    if (!m) throw new Error(`no "${event}" line in:\n${cell('years').stdout}`);
    return { median: m[1]!, paths: m[2]!.split(', ') };
  };

  it('says plainly that the default scenario never runs out in thirty years', () => {
    const out = cell('default').stdout;
    expect(out).toMatch(/^default scenario, 2021–2050, in [\d.]+ s:$/m);
    expect(out).toMatch(/first current-year deficit: not by 2050; balance exhausted: not by 2050; median balance at the end of 2050: \d[\d.]* 亿元/);
  });

  it('states the stress case’s assumptions as the scenario file sets them', () => {
    expect(tableRows(cell('assumptions').stdout)).toEqual([
      ['projection', '2021–2050'],
      ['paths × slots', '10 × 5000'],
      ['young entrants', '25.0%'],
      ['retirement delay', 'on (2024 rule)'],
      ['wage growth', '4.5% after 2023'],
      ['medical prices', '5.0% a year'],
      ['use per person', '2.0% a year'],
      ['contributions', '8.0% + 2.0%'],
      ['deficit cover', '0.0%'],
    ]);
  });

  it('projects thirty years: the ratio of workers to retirees falls, exhaustion only accumulates', () => {
    const rows = projection();
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => 2021 + i));
    // 在职退休比 2.80 in 2021 (national bulletin); the sample starts near it.
    expect(rows[0]![1]).toBeGreaterThan(2.5);
    expect(rows[0]![1]).toBeLessThan(3.1);
    expect(rows[29]![1]).toBeLessThan(rows[0]![1]!);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![7]).toBeGreaterThanOrEqual(rows[i - 1]![7]!);
    for (const r of rows) for (const p of [r[6]!, r[7]!]) expect(p >= 0 && p <= 100).toBe(true);
  });

  it('dates the first deficit and the exhaustion: the 5th of the 10 per-path years, and the risk table agrees', () => {
    const rows = projection();
    for (const [event, column] of [['first current-year deficit', 6], ['accumulated balance exhausted', 7]] as const) {
      const { median, paths } = timing(event);
      expect(paths).toHaveLength(10);
      const sorted = paths.map(year);
      expect([...sorted].sort((a, b) => a - b)).toEqual(sorted);
      expect(year(median)).toBe(sorted[4]);
      if (column === 7) expect(year(median)).toBe(rows.find((r) => r[7]! >= 50)?.[0] ?? Infinity);
    }
    const peak = rows.reduce((p, r) => (r[5]! > p[5]! ? r : p));
    expect(cell('years').stdout).toContain(`the median balance peaks at ${peak[5]!.toFixed(1)} 亿元 in ${peak[0]}`);
  });

  it('draws the balance fan, its median ending on the side of zero the table says', () => {
    const root = parseSvg(cell('projection').svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('balance-fan');
    const median = pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!);
    expect(median).toHaveLength(30);
    const zero = num(shapes(root, 'yb-zero', 'line')[0]!, 'y1');
    const last = projection()[29]![5]!;
    // SVG y grows downwards: a negative balance is drawn below the zero line.
    expect(median[29]![1] > zero).toBe(last < 0);
  });

  it('tests the sensitivity to retirement age and cost growth in a table and a tornado', () => {
    const c = cases();
    // Whole labels, each its own: danfojs cut longer ones, and both price cases read "medical prices …".
    expect(c.map((x) => x.label)).toEqual(['stress case', 'no delay', 'prices 4% a year', 'prices 6% a year']);
    const [stress, noDelay, cheaper, dearer] = c;
    expect(stress!.balance).toBe(projection()[29]![5]);
    expect(noDelay!.balance).toBeLessThan(stress!.balance);
    expect(cheaper!.balance).toBeGreaterThan(stress!.balance);
    expect(dearer!.balance).toBeLessThan(stress!.balance);
    expect(year(noDelay!.exhausted)).toBeLessThanOrEqual(year(stress!.exhausted));
    expect(year(dearer!.exhausted)).toBeLessThanOrEqual(year(stress!.exhausted));
    expect(year(cheaper!.exhausted)).toBeGreaterThanOrEqual(year(stress!.exhausted));
    const root = parseSvg(cell('sensitivity').svg[0]!);
    expect(root.getAttribute('data-chart')).toBe('tornado');
    expect(shapes(root, 'yb-low', 'rect')).toHaveLength(2);
    expect(shapes(root, 'yb-high', 'rect')).toHaveLength(2);
    expect(texts(root, 'g[aria-label="y-axis tick label"] > text')).toEqual(['medical prices 4% / 6% a year', 'delayed retirement off / on']);
  });

  it('ends with the answer in words, its numbers those of the tables', () => {
    const answer = answerCell();
    const rows = projection();
    const [stress, noDelay, cheaper, dearer] = cases();
    const deficit = timing('first current-year deficit').median;
    const exhausted = timing('accumulated balance exhausted').median;
    expect(answer.stdout).toContain('Default scenario: no current-year deficit and no exhaustion by 2050 (first deficit not by 2050, exhausted not by 2050).');
    expect(answer.stdout).toContain(
      `Stress case: with the in-service to retired ratio falling from ${rows[0]![1]!.toFixed(2)} to ${rows[29]![1]!.toFixed(2)}, the employee pooled fund ` +
        `runs its first current-year deficit in ${deficit} and its accumulated balance is exhausted in ${exhausted} (median of 10 paths), ending 2050 at ${stress!.balance.toFixed(1)} 亿元.`,
    );
    expect(answer.stdout).toContain(
      `Exhaustion without the retirement delay: ${noDelay!.exhausted}; with medical prices at 4% a year: ${cheaper!.exhausted}; at 6%: ${dearer!.exhausted}. ` +
        `The widest swing of the 2050 balance comes from medical prices 4% / 6% a year (${cheaper!.balance.toFixed(1)} to ${dearer!.balance.toFixed(1)} 亿元).`,
    );
    // What the markdown claims: a first deficit around 2030, exhaustion within about a decade of it,
    // and a retirement delay that postpones the exhaustion without preventing it.
    expect(year(deficit)).toBeGreaterThanOrEqual(2026);
    expect(year(deficit)).toBeLessThanOrEqual(2034);
    expect(year(exhausted) - year(deficit)).toBeGreaterThan(0);
    expect(year(exhausted) - year(deficit)).toBeLessThanOrEqual(15);
    expect(year(noDelay!.exhausted)).toBeLessThan(year(exhausted));
  });
});
