/** Putting chart SVG strings into HTML, without a DOM. */
import { escapeXml } from './format.js';

/** Whether a string is one chart's SVG as the chart functions make it (and carries no script). */
export function isChartSvg(svg: string): boolean {
  return /^<svg[\s>]/.test(svg.trim()) && /<\/svg>$/.test(svg.trim()) && !/<script|<[^>]*\son\w+\s*=/i.test(svg);
}

/** A chart as an HTML <figure>, with an optional caption (escaped). The SVG is inlined as it is. */
export function chartFigure(svg: string, caption?: string): string {
  if (!isChartSvg(svg)) throw new Error('chartFigure: expected one <svg>…</svg> chart without scripts');
  return `<figure class="chart">${svg.trim()}${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`;
}
