import { describe, expect, it } from 'vitest';
import {
  balanceFanChart,
  chartFigure,
  isChartSvg,
  monthsCoveredChart,
  oopDistributionChart,
  reformDeltaChart,
  reimbursementChart,
  show,
  tornadoChart,
  whoPaysChart,
} from '../../src/charts/index.js';
import { parseSvg, texts } from '../helpers/svg.js';
import { balanceRows, monthsRows, oopRows, payerRowsFixture, reformRows, reimbursementRows, tornadoRows } from './fixtures.js';

const every: [string, () => string][] = [
  ['balance-fan', () => balanceFanChart(balanceRows)],
  ['months-covered', () => monthsCoveredChart(monthsRows)],
  ['reimbursement', () => reimbursementChart(reimbursementRows)],
  ['reform-deltas', () => reformDeltaChart(reformRows)],
  ['oop-distribution', () => oopDistributionChart(oopRows)],
  ['tornado', () => tornadoChart(tornadoRows, { outcome: 'Balance in 2030 (亿元)' })],
  ['who-pays', () => whoPaysChart(payerRowsFixture)],
];

describe.each(every)('%s chart as a standalone SVG', (kind, make) => {
  const svg = make();
  const root = parseSvg(svg);

  it('is one well-formed <svg> with its namespace, size and title', () => {
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('data-chart')).toBe(kind);
    const [w, h] = [Number(root.getAttribute('width')), Number(root.getAttribute('height'))];
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
    expect(root.querySelector('title')?.textContent).toBe(root.getAttribute('aria-label'));
    expect(texts(root, '.chart-title').join(' ')).toBe(root.querySelector('title')?.textContent);
    expect(isChartSvg(svg)).toBe(true);
  });

  it('is the same string for the same rows (no random ids)', () => {
    expect(make()).toBe(svg);
  });

  it('keeps every panel inside the frame', () => {
    const height = Number(root.getAttribute('height'));
    const last = Array.from(root.querySelectorAll('g.chart-panel')).pop()!;
    const top = Number(/translate\(0,([\d.]+)\)/.exec(last.getAttribute('transform')!)![1]);
    expect(top).toBeGreaterThan(20); // below the title
    expect(top).toBeLessThan(height);
  });
});

describe('chart text', () => {
  it('escapes titles and notes (still well-formed XML)', () => {
    const root = parseSvg(whoPaysChart(payerRowsFixture, { title: 'A <b> & "c"', note: 'x < y' }));
    expect(root.querySelector('title')?.textContent).toBe('A <b> & "c"');
    expect(texts(root, '.chart-note')).toEqual(['x < y']);
  });

  it('wraps a long subtitle onto several lines within the width', () => {
    const long = 'word '.repeat(60).trim();
    const root = parseSvg(whoPaysChart(payerRowsFixture, { subtitle: long }));
    const lines = texts(root, '.chart-subtitle');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
  });
});

describe('embedding in HTML', () => {
  it('wraps a chart in a figure with an escaped caption', () => {
    const svg = whoPaysChart(payerRowsFixture);
    const html = chartFigure(svg, 'Fund <80%>');
    expect(html.startsWith('<figure class="chart"><svg')).toBe(true);
    expect(html).toContain(svg);
    expect(html).toContain('<figcaption>Fund &lt;80%&gt;</figcaption>');
  });

  it('refuses anything but a chart SVG without scripts', () => {
    expect(() => chartFigure('<div>not a chart</div>')).toThrow(/expected one <svg>/);
    expect(isChartSvg('<svg><script>alert(1)</script></svg>')).toBe(false);
    expect(isChartSvg('<svg><rect onclick="x()"/></svg>')).toBe(false);
    expect(isChartSvg('<svg><text>paid on time</text></svg>')).toBe(true);
  });
});

describe('show (notebook display)', () => {
  it('says it needs a tslab notebook when called outside one, and refuses non-charts', () => {
    expect(() => show(whoPaysChart(payerRowsFixture))).toThrow(/tslab notebook/);
    expect(() => show('<p>x</p>')).toThrow(/expected one <svg>/);
  });
});
