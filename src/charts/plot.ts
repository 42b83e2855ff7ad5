/**
 * Observable Plot, drawn in the shared jsdom document. Every chart goes through `plotPanel`, so all
 * share one class name (deterministic output, one scoped style) and come back as an <svg> element.
 */
import * as Plot from '@observablehq/plot';
import { chartWindow } from './dom.js';

export { Plot };

/** The class on every chart's <svg>; Plot scopes its default styles to it. */
export const PLOT_CLASS = 'yibao-plot';

/** Mark colours (from Tableau 10, Plot's default scheme). */
export const COLORS = {
  band: '#4e79a7',
  accent: '#e15759',
  second: '#f28e2b',
} as const;

type PlotOptions = NonNullable<Parameters<typeof Plot.plot>[0]>;

/** Render one Plot panel (titles and legends are drawn by the frame, see frame.ts). */
export function plotPanel(options: Omit<PlotOptions, 'document' | 'className' | 'title' | 'subtitle' | 'caption'>): SVGSVGElement {
  const node = Plot.plot({ ...options, document: chartWindow().document, className: PLOT_CLASS });
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`Plot returned <${node.tagName}> instead of an <svg>`);
  return node as SVGSVGElement;
}
