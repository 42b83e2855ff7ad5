/**
 * `yibao sensitivity`: on a small run of the default scenario it writes the tornado's table (one row per key
 * assumption, low and high outcomes), chart (one bar per assumption), report, answer and manifest; a bad --scheme,
 * or a scheme without members, is one clear line and exit code 2 with no output.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, type InputError } from '../../src/input/inputError.js';
import { KEY_ASSUMPTIONS } from '../../src/run/sensitivity.js';
import { runSensitivity } from '../../src/run/sensitivityOutputs.js';
import { loadScenario } from '../../src/scenario/load.js';
import { inspectPage } from '../helpers/browser.js';
import { parseSvg, shapes } from '../helpers/svg.js';
import { launcher, ROOT, spawnYibao, tempDir, yibao, type Run } from './helpers.js';

const SMALL = ['--paths', '2', '--members', '300', '--horizon', '2', '--workers', '0', '--no-progress'];
const labels = KEY_ASSUMPTIONS.map((a) => a.label);

describe('yibao sensitivity', () => {
  const dir = tempDir();
  const out = join(dir, 'sensitivity');
  let run: Run;

  beforeAll(async () => {
    run = await yibao('sensitivity', ...SMALL, '--format', 'csv,json', '--out', out);
  }, 60_000);

  it('exits 0 and prints the answer: the assumption that moves the employee balance most, in 亿元', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const answer = readFileSync(join(out, 'answers.txt'), 'utf8').trim();
    expect(answer).toMatch(/^Of the 5 assumptions varied one at a time .* moves the median accumulated balance .* employee pooled fund .* end of 2022 most: .* a swing of -?\d+\.\d\d 亿元 \(hundred million yuan\)/);
    expect(labels.some((l) => answer.includes(`"${l}"`))).toBe(true);
    expect(run.out).toContain(answer);
    expect(run.out).toContain(`${out}/`);
  });

  it('writes the table, the chart, the answer and the manifest', () => {
    for (const f of ['tables/sensitivity.csv', 'tables/sensitivity.json', 'tables/NOTES.txt', 'charts/tornado.svg', 'report.html', 'answers.txt', 'manifest.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(existsSync(join(out, 'tables', 'sensitivity.parquet'))).toBe(false); // --format csv,json
    expect(existsSync(join(out, 'charts', 'tornado.png'))).toBe(false); // no --png
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'yibao-sim', kind: 'sensitivity', paths: 2, members: 300, horizon: 2, extra: { scheme: 'employee' } });
  });

  it('writes a report with the answer, the tornado and one table row per assumption', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html).toContain(esc(readFileSync(join(out, 'answers.txt'), 'utf8').trim()));
    expect(html.match(/data-chart="tornado"/g)).toHaveLength(1);
    for (const l of labels) expect(html).toContain(`<td>${esc(l)}</td>`);
  });

  it('writes a report whose tornado renders in a real browser without script errors', async () => {
    const page = await inspectPage(join(out, 'report.html'));
    expect(page.errors).toEqual([]);
    expect(page.ready).toBe(true);
    expect(page.externalRequests).toEqual([]);
    expect(page.charts.map((c) => c.kind)).toEqual(['tornado']);
    expect(page.renderedCharts).toBe(1);
    expect(page.charts[0]!.marks).toBeGreaterThanOrEqual(labels.length);
  });

  it('has one CSV row per assumption with numeric low, high, base and swing in yuan to the fen, widest swing first', () => {
    const [header, ...lines] = readFileSync(join(out, 'tables', 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('assumption,low_yuan,high_yuan,base_yuan,swing_yuan');
    const rows = lines.map((l) => {
      const m = /^(.*),([^,]+),([^,]+),([^,]+),([^,]+)$/.exec(l)!;
      return { assumption: m[1]!.replace(/^"|"$/g, ''), low: Number(m[2]), high: Number(m[3]), base: Number(m[4]), swing: Number(m[5]) };
    });
    expect(rows.map((r) => r.assumption).sort()).toEqual([...labels].sort());
    for (const r of rows) {
      for (const x of [r.low, r.high, r.base, r.swing]) expect(Number.isFinite(x)).toBe(true);
      expect(r.base).toBeGreaterThan(1e8); // yuan (not 亿元) for a region of 5 million
      for (const x of [r.low, r.high, r.base, r.swing]) expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6); // whole fen
      expect(r.swing).toBeCloseTo(Math.abs(r.high - r.low), 2);
    }
    expect(new Set(rows.map((r) => r.base)).size).toBe(1);
    // Over 2021–2022 faster wage growth raises contributions and faster medical inflation raises spending
    // (the wage rows move the published 2022 growth too; moving only the later rate left them equal).
    const row = (start: string) => rows.find((r) => r.assumption.startsWith(start))!;
    expect(row('wage growth').high).toBeGreaterThan(row('wage growth').low);
    expect(row('medical inflation').high).toBeLessThan(row('medical inflation').low);
    expect(rows.map((r) => r.swing)).toEqual([...rows.map((r) => r.swing)].sort((a, b) => b - a));
    const json = JSON.parse(readFileSync(join(out, 'tables', 'sensitivity.json'), 'utf8')) as object[];
    expect(json).toEqual(rows.map((r) => ({ assumption: r.assumption, low_yuan: r.low, high_yuan: r.high, base_yuan: r.base, swing_yuan: r.swing })));
    // The answer tells the widest swing in 亿元, the table in yuan.
    expect(readFileSync(join(out, 'answers.txt'), 'utf8')).toContain(`a swing of ${(rows[0]!.swing / 1e8).toFixed(2)} 亿元`);
  });

  it('draws an SVG tornado with a low bar and a high bar per assumption label', () => {
    const svg = readFileSync(join(out, 'charts', 'tornado.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const root = parseSvg(svg);
    expect(shapes(root, 'yb-low', 'rect')).toHaveLength(labels.length);
    expect(shapes(root, 'yb-high', 'rect')).toHaveLength(labels.length);
    const ticks = Array.from(root.querySelectorAll('g[aria-label="y-axis tick label"] text')).map((t) => t.textContent);
    expect([...ticks].sort()).toEqual([...labels].sort());
  });
});

describe('yibao sensitivity --manifest', () => {
  it('reruns a sensitivity analysis from its manifest to the same table, with the assumptions it recorded', async () => {
    const dir = tempDir();
    const first = join(dir, 'first');
    expect((await yibao('sensitivity', ...SMALL, '--format', 'csv', '--out', first)).code).toBe(0);
    // The recorded assumptions, not today's list, are varied again: drop all but two from the manifest.
    const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8'));
    manifest.extra.assumptions = manifest.extra.assumptions.slice(0, 2);
    const file = join(dir, 'two.json');
    writeFileSync(file, JSON.stringify(manifest));
    const again = join(dir, 'again');
    const run = await yibao('sensitivity', '--manifest', file, '--workers', '2', '--no-progress', '--format', 'csv', '--out', again);
    expect(run.code).toBe(0);
    const rows = (d: string) => readFileSync(join(d, 'tables', 'sensitivity.csv'), 'utf8').trim().split('\n');
    const twoLabels = new Set(manifest.extra.assumptions.map((a: { label: string }) => a.label));
    const expected = rows(first).filter((line, i) => i === 0 || [...twoLabels].some((l) => line.startsWith(`${l},`) || line.startsWith(`"${l}",`)));
    expect(rows(again)).toEqual(expected);
    const rerun = JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8'));
    expect(rerun).toMatchObject({ kind: 'sensitivity', paths: 2, members: 300, horizon: 2, seed: manifest.seed, extra: { scheme: 'employee' } });
    // Another command's manifest is refused, naming the command that reruns it.
    const asRun = await yibao('run', '--manifest', file, '--no-progress', '--out', join(dir, 'as-run'));
    expect(asRun.code).toBe(2);
    expect(asRun.err).toContain('a sensitivity manifest cannot be rerun as a run; rerun it with `yibao sensitivity --manifest');
  }, 120_000);
});

describe('yibao sensitivity without --scheme', () => {
  it('takes the resident fund when the scenario has no employees', async () => {
    const out = join(tempDir(), 'resident');
    const run = await yibao('sensitivity', join(ROOT, 'scenarios', 'resident-only.yaml'), ...SMALL, '--format', 'csv', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/median accumulated balance \(累计结余\) of the resident pooled fund/);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).extra.scheme).toBe('resident');
  }, 60_000);
});

describe('yibao sensitivity: user mistakes', () => {
  const bin = launcher();
  afterAll(() => bin.cleanup());

  it('a bad --scheme is one line and exit code 2 from the launched command, with no output', async () => {
    const out = join(tempDir(), 'bad');
    const run = await spawnYibao(bin.file, ['sensitivity', '--scheme', 'farmers', '--no-progress', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err).toBe('yibao: command line: --scheme = "farmers": must be one of employee, resident\n');
    expect(run.out).toBe('');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a scheme without members in the scenario is one line and exit code 2, with no output', async () => {
    const out = join(tempDir(), 'no-employees');
    const run = await yibao('sensitivity', join(ROOT, 'scenarios', 'resident-only.yaml'), '--scheme', 'employee', ...SMALL, '--out', out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^yibao: command line: --scheme = "employee": the scenario resident-only has no employee members\n$/);
    expect(existsSync(out)).toBe(false);
    // A notebook's call names its own argument, not a flag it never wrote.
    const refused = await runSensitivity(loadScenario(join(ROOT, 'scenarios', 'resident-only.yaml')), 'employee', { workers: 0, paths: 1, members: 200, horizon: 1 }, KEY_ASSUMPTIONS.slice(0, 1)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(formatProblem((refused as InputError).problems[0]!)).toBe('sensitivity options: scheme = "employee": the scenario resident-only has no employee members');
  }, 60_000);
});
