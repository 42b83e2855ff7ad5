/**
 * A self-contained HTML report: one file with inline CSS and SVG charts, tables, and the run
 * manifest, loading nothing from anywhere (a Content-Security-Policy forbids it). A one-line script
 * marks the page ready (body data-ready="true"), so a browser test can tell the page ran cleanly.
 */
import { chartFigure } from '../charts/embed.js';
import { escapeXml } from '../charts/format.js';
import { REPORT_CSS } from './style.js';
import { tableHtml, type ReportTable } from './table.js';

export interface ReportSection {
  heading: string;
  /** Plain text; a blank line starts a new paragraph. */
  text?: string;
  tables?: readonly ReportTable[];
  /** Chart SVG strings, from the chart functions. */
  charts?: readonly string[];
}

export interface ReportInput {
  title: string;
  subtitle?: string;
  sections: readonly ReportSection[];
  /** The run manifest (any JSON value), shown in a collapsed block at the end. */
  manifest?: unknown;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
const READY_SCRIPT = "document.body.dataset.ready = 'true';";

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('\n');
}

function sectionHtml(section: ReportSection, index: number): string {
  return [
    `<section id="section-${index + 1}">`,
    `<h2>${escapeXml(section.heading)}</h2>`,
    section.text ? paragraphs(section.text) : '',
    ...(section.charts ?? []).map((svg) => chartFigure(svg)),
    ...(section.tables ?? []).map(tableHtml),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function buildReport(input: ReportInput): string {
  const toc =
    input.sections.length > 1
      ? `<nav><ol>${input.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeXml(s.heading)}</a></li>`).join('')}</ol></nav>`
      : '';
  const manifest =
    input.manifest === undefined
      ? ''
      : `<details class="manifest"><summary>Run manifest (what reproduces these numbers)</summary><pre>${escapeXml(JSON.stringify(input.manifest, null, 2))}</pre></details>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeXml(input.title)}</h1>${input.subtitle ? `<p class="subtitle">${escapeXml(input.subtitle)}</p>` : ''}</header>`,
    toc,
    '<main>',
    ...input.sections.map(sectionHtml),
    '</main>',
    manifest,
    `<script>${READY_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n')
    .concat('\n');
}
