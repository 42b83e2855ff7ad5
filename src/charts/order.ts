/** Category order for chart axes: the vocabulary's order for known keys, then first appearance. */
import { LEVELS, PAYERS, PERSON_TYPES, SCHEMES, SETTINGS } from '../policy/vocabulary.js';

const KNOWN: readonly (readonly string[])[] = [SCHEMES, PERSON_TYPES, SETTINGS, LEVELS, PAYERS];

export function categoryOrder(values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  const rank = (v: string): number => {
    for (const list of KNOWN) {
      const i = list.indexOf(v);
      if (i >= 0) return i;
    }
    return Infinity;
  };
  return unique
    .map((v, i) => ({ v, i, r: rank(v) }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r - b.r))
    .map((x) => x.v);
}
