/** Number and text formatting shared by the charts (and the report): no DOM needed. */
import { CHINESE } from '../policy/vocabulary.js';

const grouped2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const groupedUpTo2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A value that rounds to zero is written 0: toFixed and Intl keep the sign of a small negative (-0.004 ->
 * "-0.00"), which a table reads as a change. (Intl's signDisplay 'negative' would do it, but not every
 * TypeScript lib knows it.)
 */
const unsignedZero = (text: string) => (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text);

/** A yuan amount with thousands separators and two decimals, e.g. 16830 -> "16,830.00". */
export function formatYuan(yuan: number): string {
  return unsignedZero(grouped2.format(yuan));
}

/** A number with thousands separators and at most two decimals. */
export function formatNumber(x: number): string {
  return unsignedZero(groupedUpTo2.format(x));
}

/** A number to `digits` decimals without separators, as toFixed writes it, but never "-0.00". */
export function formatFixed(x: number, digits = 2): string {
  return unsignedZero(x.toFixed(digits));
}

export interface YuanScale {
  divisor: number;
  /** Axis unit, e.g. "亿元, 100 million yuan". */
  unit: string;
}

/** The unit that keeps yuan amounts readable on an axis: 亿元, 万元 or 元. */
export function yuanScale(maxAbs: number): YuanScale {
  if (maxAbs >= 1e8) return { divisor: 1e8, unit: '亿元, 100 million yuan' };
  if (maxAbs >= 1e4) return { divisor: 1e4, unit: '万元, 10,000 yuan' };
  return { divisor: 1, unit: 'yuan' };
}

/** A vocabulary key with its Chinese term, e.g. "inpatient 住院", "emergency observation 急诊留观"; other text unchanged. */
export function termLabel(key: string): string {
  const zh = CHINESE[key];
  return zh ? `${termWords(key)} ${zh}` : key;
}

/** A vocabulary key in words: the code's camelCase is not a reader's ("emergencyObservation" -> "emergency observation"). */
export function termWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The Chinese term of a vocabulary key, or the key itself. */
export function shortTerm(key: string): string {
  return CHINESE[key] ?? key;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Approximate rendered width in px: CJK characters are about twice as wide as Latin ones. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
  return units * fontSize;
}

/**
 * The right margin that fits facet labels drawn beside the panels (Plot puts them 9 px out, and does not
 * measure them: a fixed margin cut "resident 城乡居民医保" short).
 */
export function facetLabelMargin(labels: readonly string[], fontSize = 10): number {
  return Math.ceil(9 + Math.max(0, ...labels.map((l) => textWidth(l, fontSize))) + 6);
}

/** Break text into lines no wider than `width` px (by the estimate above), at spaces where possible. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (line && textWidth(line + word, fontSize) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
