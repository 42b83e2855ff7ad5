/**
 * The one DOM the charts are drawn in: a jsdom window, made on first use and reused (charts are
 * serialised to strings and never attached, so nothing accumulates in it). jsdom itself is loaded then
 * too (a third of a second), so a run that draws no chart never loads it.
 */
import type { JSDOM } from 'jsdom';

type ChartWindow = JSDOM['window'];
let shared: ChartWindow | undefined;

export function chartWindow(): ChartWindow {
  shared ??= new (require('jsdom') as typeof import('jsdom')).JSDOM('').window;
  return shared;
}
