/**
 * The frame around a chart's Plot panels: title, subtitle, legend and note drawn as SVG text, so a
 * chart is one self-contained <svg> (Plot itself would wrap titles and legends in HTML <figure>).
 * Panels are stacked vertically, each moved into a <g> (not a nested <svg>, whose CSS sizing differs
 * between renderers).
 */
import { chartWindow } from './dom.js';
import { textWidth, wrapText } from './format.js';
import { PLOT_CLASS } from './plot.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 10;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 12;
const LEGEND_SIZE = 11;
const NOTE_SIZE = 10;

export interface LegendItem {
  label: string;
  color: string;
  /** 'swatch' (filled square, default) or 'line' (a stroke, e.g. a median or reference line). */
  shape?: 'swatch' | 'line';
  opacity?: number;
  dashed?: boolean;
}

export interface ChartFrame {
  /** What the chart is, e.g. "balance-fan": the data-chart attribute, for pages and tests. */
  kind: string;
  title: string;
  subtitle?: string;
  legend?: readonly LegendItem[];
  panels: readonly SVGSVGElement[];
  /** A footnote (sources, caveats). */
  note?: string;
}

/** Compose the panels into one <svg> string with its own XML namespace (valid as a file or inline in HTML). */
export function composeChart(frame: ChartFrame): string {
  if (frame.panels.length === 0) throw new Error(`chart "${frame.kind}" has no panels`);
  const width = Math.max(...frame.panels.map((p) => Number(p.getAttribute('width'))));
  const svg = el('svg', {
    class: `${PLOT_CLASS} yibao-chart`,
    'data-chart': frame.kind,
    role: 'img',
    'aria-label': frame.title,
    fill: 'currentColor',
    'font-family': 'system-ui, sans-serif',
  });
  svg.appendChild(el('title', {}, frame.title));
  const style = frame.panels[0]!.querySelector('style');
  if (style) svg.appendChild(style.cloneNode(true));
  svg.appendChild(el('rect', { width: '100%', height: '100%', fill: 'white' }));

  let y = PAD;
  const textLines = (lines: string[], size: number, attrs: Record<string, string | number>) => {
    for (const line of lines) {
      y += size * 1.35;
      svg.appendChild(el('text', { x: PAD, y: y - size * 0.3, 'font-size': size, ...attrs }, line));
    }
  };
  textLines(wrapText(frame.title, width - 2 * PAD, TITLE_SIZE), TITLE_SIZE, { 'font-weight': 'bold', class: 'chart-title' });
  if (frame.subtitle) textLines(wrapText(frame.subtitle, width - 2 * PAD, SUBTITLE_SIZE), SUBTITLE_SIZE, { 'fill-opacity': 0.75, class: 'chart-subtitle' });
  if (frame.legend?.length) {
    y += 6;
    svg.appendChild(legendRow(frame.legend, y, width));
    y += legendHeight(frame.legend, width);
  }
  y += 4;
  for (const panel of frame.panels) {
    const g = el('g', { transform: `translate(0,${y})`, class: 'chart-panel' });
    for (const attr of ['fill', 'font-family', 'font-size', 'text-anchor']) {
      const v = panel.getAttribute(attr);
      if (v !== null) g.setAttribute(attr, v);
    }
    for (const child of Array.from(panel.childNodes)) if ((child as Element).tagName?.toLowerCase() !== 'style') g.appendChild(child);
    svg.appendChild(g);
    y += Number(panel.getAttribute('height'));
  }
  if (frame.note) textLines(wrapText(frame.note, width - 2 * PAD, NOTE_SIZE), NOTE_SIZE, { 'fill-opacity': 0.6, class: 'chart-note' });
  const height = Math.ceil(y + PAD);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new (chartWindow().XMLSerializer)().serializeToString(svg);
}

function el(name: string, attrs: Record<string, string | number>, text?: string): Element {
  const e = chartWindow().document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const KEY = 14;
const ITEM_GAP = 16;
const ROW = LEGEND_SIZE * 1.6;

function legendLayout(items: readonly LegendItem[], width: number): { x: number; row: number }[] {
  let x = PAD;
  let row = 0;
  return items.map((item) => {
    const w = KEY + 4 + textWidth(item.label, LEGEND_SIZE);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      row++;
    }
    const at = { x, row };
    x += w + ITEM_GAP;
    return at;
  });
}

function legendHeight(items: readonly LegendItem[], width: number): number {
  return (Math.max(...legendLayout(items, width).map((p) => p.row)) + 1) * ROW;
}

function legendRow(items: readonly LegendItem[], top: number, width: number): Element {
  const g = el('g', { class: 'chart-legend', 'font-size': LEGEND_SIZE });
  legendLayout(items, width).forEach(({ x, row }, i) => {
    const item = items[i]!;
    const mid = top + row * ROW + ROW / 2;
    const key =
      item.shape === 'line'
        ? el('line', { x1: x, x2: x + KEY, y1: mid, y2: mid, stroke: item.color, 'stroke-width': 2, ...(item.dashed ? { 'stroke-dasharray': '4,3' } : {}) })
        : el('rect', { x, y: mid - KEY / 2 + 2, width: KEY, height: KEY - 4, fill: item.color, 'fill-opacity': item.opacity ?? 1 });
    g.appendChild(key);
    g.appendChild(el('text', { x: x + KEY + 4, y: mid, dy: '0.35em' }, item.label));
  });
  return g;
}
