/**
 * The report in a real browser: every chart renders with a size and its marks, the page's script
 * runs, nothing errors and nothing is fetched. A broken page shows the harness can see failures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  balanceFanChart,
  monthsCoveredChart,
  oopDistributionChart,
  reformDeltaChart,
  reimbursementChart,
  tornadoChart,
  whoPaysChart,
} from '../../src/charts/index.js';
import { buildReport } from '../../src/report/index.js';
import { balanceRows, monthsRows, oopRows, payerRowsFixture, reformRows, reimbursementRows, tornadoRows } from '../charts/fixtures.js';
import { inspectPage } from '../helpers/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Per chart, the mark classes that must have drawn shapes, and how many. */
const expectedMarks: Record<string, Record<string, number>> = {
  'balance-fan': { 'yb-band-outer': 1, 'yb-band-inner': 1, 'yb-median': 1 },
  'months-covered': { 'yb-band-outer': 1, 'yb-band-inner': 1, 'yb-median': 1, 'yb-reference': 1 },
  reimbursement: { 'yb-policy-range': reimbursementRows.length, 'yb-actual': reimbursementRows.length },
  'reform-deltas': { 'yb-ci': reformRows.length, 'yb-delta': reformRows.length },
  'oop-distribution': { 'yb-bin': oopRows.filter((r) => r.to > 0).length },
  tornado: { 'yb-low': tornadoRows.length, 'yb-high': tornadoRows.length, 'yb-base': tornadoRows.length },
  'who-pays': { 'yb-payer': payerRowsFixture.length },
};

describe('the HTML report in Chromium', () => {
  it('renders every chart with marks, runs its script, errors nowhere and fetches nothing', async () => {
    const html = buildReport({
      title: 'Fixture report 测试报告',
      sections: [
        { heading: 'Fund', text: 'Balance and months covered.', charts: [balanceFanChart(balanceRows), monthsCoveredChart(monthsRows)] },
        { heading: 'Benefits', charts: [reimbursementChart(reimbursementRows), oopDistributionChart(oopRows), whoPaysChart(payerRowsFixture)] },
        {
          heading: 'Reform and sensitivity',
          charts: [reformDeltaChart(reformRows), tornadoChart(tornadoRows, { outcome: 'Balance in 2030 (亿元)' })],
          tables: [{ columns: ['metric', 'delta'], rows: reformRows.map((r) => [r.metric, r.delta]) }],
        },
      ],
      manifest: { tool: 'yibao-sim', seed: 1 },
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const page = await inspectPage(file);
    expect(page.errors).toEqual([]);
    expect(page.externalRequests).toEqual([]);
    expect(page.ready).toBe(true);
    expect(page.charts.map((c) => c.kind)).toEqual(['balance-fan', 'months-covered', 'reimbursement', 'oop-distribution', 'who-pays', 'reform-deltas', 'tornado']);
    expect(page.renderedCharts).toBe(7);
    for (const chart of page.charts) {
      expect(chart.width, chart.kind!).toBeGreaterThan(100);
      expect(chart.height, chart.kind!).toBeGreaterThan(100);
      expect(chart.markClasses, chart.kind!).toMatchObject(expectedMarks[chart.kind!]!);
    }
  });

  it('reports script errors, a page that never gets ready, a collapsed chart and a fetch', async () => {
    const file = join(dir, 'broken.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html><body>' +
        '<svg width="0" height="0"><g aria-label="line" class="yb-median"><path d="M0,0L10,10"/></g></svg>' +
        '<img src="http://127.0.0.1:9/x.png">' +
        '<script>throw new Error("boom")</script></body></html>',
    );
    const page = await inspectPage(file);
    expect(page.ready).toBe(false);
    expect(page.errors.join('\n')).toContain('boom');
    expect(page.charts).toHaveLength(1);
    expect(page.renderedCharts).toBe(0);
    expect(page.externalRequests).toEqual(['http://127.0.0.1:9/x.png']);
  });
});
