import { describe, expect, it } from 'vitest';
import { whoPaysChart } from '../../src/charts/index.js';
import { buildReport, tableHtml } from '../../src/report/index.js';
import { payerRowsFixture } from '../charts/fixtures.js';

describe('buildReport', () => {
  const chart = whoPaysChart(payerRowsFixture);
  const html = buildReport({
    title: 'Fund <report> & co',
    subtitle: 'default prefecture, 2021',
    sections: [
      { heading: 'Who pays', text: 'First paragraph.\n\nSecond <paragraph>.', charts: [chart] },
      { heading: 'Numbers', tables: [{ caption: 'Split', columns: ['payer', 'yuan'], rows: [['pooledFund', 16830], ['cash', 1234.5], ['none', null]] }] },
    ],
    manifest: { tool: 'yibao-sim', seed: 42, note: '</pre><script>alert(1)</script>' },
  });

  it('is one HTML document that loads nothing: inline style, inline SVG, no src/href/url() outside the page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|\bsrc\s*=|url\(|@import/i);
    const hrefs = Array.from(html.matchAll(/href="([^"]*)"/g), (m) => m[1]);
    expect(hrefs.every((h) => h!.startsWith('#'))).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(chart);
  });

  it('escapes text, headings and the manifest', () => {
    expect(html).toContain('<title>Fund &lt;report&gt; &amp; co</title>');
    expect(html).toContain('<p>First paragraph.</p>\n<p>Second &lt;paragraph&gt;.</p>');
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Exactly one script: the ready marker.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("document.body.dataset.ready = 'true';");
  });

  it('puts the manifest as JSON in a details block and lists the sections', () => {
    const pre = /<details class="manifest"><summary>[^<]*<\/summary><pre>([\s\S]*?)<\/pre><\/details>/.exec(html)![1]!;
    const json = pre.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(JSON.parse(json)).toEqual({ tool: 'yibao-sim', seed: 42, note: '</pre><script>alert(1)</script>' });
    expect(html).toContain('<li><a href="#section-2">Numbers</a></li>');
  });

  it('refuses a chart that is not a chart SVG', () => {
    expect(() => buildReport({ title: 't', sections: [{ heading: 'h', charts: ['<img src="http://x">'] }] })).toThrow(/expected one <svg>/);
  });
});

describe('tableHtml', () => {
  it('right-aligns numbers with thousands separators and leaves empty cells empty', () => {
    const html = tableHtml({ columns: ['a', 'b'], rows: [['x', 1234567.891], ['<y>', null]] });
    expect(html).toContain('<td class="num">1,234,567.89</td>');
    expect(html).toContain('<td>&lt;y&gt;</td><td></td>');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => tableHtml({ caption: 'T', columns: ['a', 'b'], rows: [['x']] })).toThrow(/"T": row 0 has 1 cells for 2 columns/);
  });
});
