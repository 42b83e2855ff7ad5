/**
 * Open an HTML file in headless Chromium (Debian's, driven by playwright-core) and report what
 * rendered: the top-level <svg> charts with their size and drawn marks, script and console errors,
 * and any request that left the file (a self-contained page makes none).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** playwright adds --headless itself; the networking flags keep Chromium from dialling out (refused here). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RenderedChart {
  /** The chart's data-chart attribute (null for an SVG not made by the chart functions). */
  kind: string | null;
  width: number;
  height: number;
  /** Mark shapes (not axes or grid) drawn with a non-empty box. */
  marks: number;
  /** Drawn mark shapes per chart mark class (yb-…), e.g. { 'yb-median': 1 }. */
  markClasses: Record<string, number>;
}

export interface PageReport {
  /** The page's script ran to the end (body data-ready="true"). */
  ready: boolean;
  charts: RenderedChart[];
  /** Charts with a non-zero width and height. */
  renderedCharts: number;
  /** Uncaught exceptions, console errors (including blocked loads). */
  errors: string[];
  /** Requests for anything other than the file itself. */
  externalRequests: string[];
}

export async function inspectPage(file: string, options: { timeoutMs?: number } = {}): Promise<PageReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`npm run setup\` (installs Debian's chromium)`);
  const timeout = options.timeoutMs ?? 20_000;
  const url = pathToFileURL(file).href;
  const profile = mkdtempSync(join(tmpdir(), 'yibao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, timeout });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const externalRequests: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    await page.goto(url, { timeout });
    // goto waits for the load event, by which time the page's inline script has run (or thrown).
    const ready = await page.evaluate(() => document.body?.dataset.ready === 'true');
    const charts = await page.evaluate(() => {
      const topLevel = Array.from(document.querySelectorAll('svg')).filter((s) => !s.parentElement?.closest('svg'));
      return topLevel.map((svg) => {
        const box = svg.getBoundingClientRect();
        // Plot puts each mark in a <g aria-label="bar|line|…"> (facets add a level below it); axes and grids are marks too.
        const shapes = Array.from(svg.querySelectorAll('path, rect, line, circle, text')).filter((el) => {
          const label = el.closest('g[aria-label]')?.getAttribute('aria-label');
          if (!label || /axis|grid/.test(label)) return false;
          const b = (el as SVGGraphicsElement).getBBox();
          return b.width > 0 || b.height > 0;
        });
        const markClasses: Record<string, number> = {};
        for (const el of shapes) {
          const cls = Array.from(el.closest('g[class*="yb-"]')?.classList ?? []).find((c) => c.startsWith('yb-'));
          if (cls) markClasses[cls] = (markClasses[cls] ?? 0) + 1;
        }
        return { kind: svg.getAttribute('data-chart'), width: box.width, height: box.height, marks: shapes.length, markClasses };
      });
    });
    return { ready, charts, renderedCharts: charts.filter((c) => c.width > 0 && c.height > 0).length, errors, externalRequests };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
