/** Reading chart SVG strings in tests: parse as XML, find mark shapes, read their geometry. */
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

/** Parse an SVG string as XML; fails on malformed markup (what a browser would refuse as image/svg+xml). */
export function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed SVG: ${error.textContent}`);
  return doc.documentElement;
}

/** The shapes drawn by the chart mark with this class (e.g. "yb-median"). */
export function shapes(root: Element, markClass: string, tag = '*'): Element[] {
  return Array.from(root.querySelectorAll(`g.${markClass} > ${tag}`));
}

export function num(el: Element, attr: string): number {
  const v = el.getAttribute(attr);
  if (v === null) throw new Error(`<${el.tagName}> has no ${attr}`);
  return Number(v);
}

/** The vertices of a path made of M/L commands (Plot's lines and areas with the linear curve). */
export function pathPoints(d: string): [number, number][] {
  return Array.from(d.matchAll(/[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)/g), (m) => [Number(m[1]), Number(m[2])]);
}

/** Where an axis puts a tick label: the translate of the <text> with this label. */
export function tickPosition(root: Element, axis: 'x' | 'y', label: string): number {
  const texts = Array.from(root.querySelectorAll(`g[aria-label="${axis}-axis tick label"] > text`));
  const t = texts.find((e) => e.textContent === label);
  if (!t) throw new Error(`no ${axis} tick labelled "${label}" among ${texts.map((e) => e.textContent).join(', ')}`);
  const m = /translate\((-?[\d.e+-]+),(-?[\d.e+-]+)\)/.exec(t.getAttribute('transform') ?? '');
  if (!m) throw new Error(`tick "${label}" has no translate`);
  return Number(axis === 'x' ? m[1] : m[2]);
}

export function texts(root: Element, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? '');
}
