/**
 * Showing a chart in a tslab notebook. tslab is loaded only when called (it brings its own
 * TypeScript compiler), so importing the package outside a notebook stays light.
 */
import { isChartSvg } from './embed.js';

/** Display an SVG chart as the cell's output (MIME type image/svg+xml). */
export function show(svg: string): void {
  if (!isChartSvg(svg)) throw new Error('show: expected one <svg>…</svg> chart');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tslab = require('tslab') as typeof import('tslab');
  try {
    tslab.display.svg(svg);
  } catch (e) {
    // tslab's display works only inside its kernel ("Not ready" elsewhere).
    throw new Error(`show() displays a chart in a tslab notebook (${(e as Error).message}); elsewhere, write the SVG string to a file`);
  }
}
