/**
 * The one DOM the charts are drawn in: a jsdom window, made on first use and reused (charts are
 * serialised to strings and never attached, so nothing accumulates in it).
 */
import { JSDOM } from 'jsdom';

type ChartWindow = JSDOM['window'];
let shared: ChartWindow | undefined;

export function chartWindow(): ChartWindow {
  shared ??= new JSDOM('').window;
  return shared;
}
