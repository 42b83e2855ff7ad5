/**
 * Whether a tier's (or a sanction's) conditions hold for a case, and why not in words.
 * A fact the case does not give (amount, share, item) only matters when nothing else already decides:
 * it is then reported as missing, never guessed.
 */
import { percentText } from '../money/decimal.js';
import { fenToYuan, yuanToFen } from '../money/fen.js';
import type { CaseFacts } from './facts.js';
import { bandWords, contains, intervalOf, intervalText, scaleInterval, type Band, type Boundary } from './interval.js';
import type { Condition } from './schema.js';
import { ACTOR_WORDS, FLAG_WORDS, FLAGS } from './vocabulary.js';

export interface Verdict {
  met: boolean;
  /** Why not, in words, when it is decided not to hold. */
  unmet: string[];
  /** Facts needed to decide (amountFen, share, item), when undecided. */
  missing: string[];
}

export interface ConditionContext {
  facts: CaseFacts;
  boundary: Boundary;
  switches: Record<string, boolean>;
}

export function evaluate(c: Condition, ctx: ConditionContext): Verdict {
  const { facts } = ctx;
  const unmet: string[] = [];
  const missing: string[] = [];
  for (const f of FLAGS) {
    const wanted = c[f];
    if (wanted !== undefined && facts[f] !== wanted) unmet.push(`needs ${wanted ? '' : 'not: '}${FLAG_WORDS[f].words}`);
  }
  if (c.actor !== undefined && facts.actor !== c.actor) unmet.push(`needs ${ACTOR_WORDS[c.actor]}`);
  for (const [name, wanted] of Object.entries(c.switches ?? {})) {
    const value = ctx.switches[name];
    if (value !== wanted) unmet.push(`choices.switches.${name} is ${value}`);
  }
  if (c.items !== undefined) {
    if (facts.item === undefined) missing.push('item');
    else if (!c.items.includes(facts.item)) unmet.push(`needs item ${c.items.map((i) => `(${i})`).join(', ')}, not (${facts.item})`);
  }
  if (c.amount !== undefined) {
    if (facts.amountFen === undefined) missing.push('amountFen');
    else if (!contains(scaleInterval(intervalOf(c.amount, ctx.boundary), yuanToFen), facts.amountFen)) {
      unmet.push(`amount ${fenToYuan(facts.amountFen)} yuan is not ${bandText(c.amount, ctx.boundary, ' yuan', '元', String)}`);
    }
  }
  if (c.share !== undefined) {
    if (facts.share === undefined) missing.push('share');
    else if (!contains(intervalOf(c.share, ctx.boundary), facts.share)) {
      unmet.push(`share ${percentText(facts.share)} is not ${bandText(c.share, ctx.boundary, '', '', percentText)}`);
    }
  }
  if (c.anyOf !== undefined) {
    const branches = c.anyOf.map((b) => evaluate(b, ctx));
    if (!branches.some((b) => b.met)) {
      const undecided = branches.flatMap((b) => b.missing);
      if (undecided.length > 0) missing.push(...undecided);
      else unmet.push(`none of: ${branches.map((b) => b.unmet.join(', ')).join('; or ')}`);
    }
  }
  // A condition already failing on known facts is decided whatever the missing ones are.
  const decided = unmet.length > 0 ? [] : [...new Set(missing)];
  return { met: unmet.length === 0 && decided.length === 0, unmet, missing: decided };
}

/** "in (2000, 5000] yuan (2000元以上5000元以下)", "> 6000 yuan (6000元以上)". */
export function bandText(band: Band, boundary: Boundary, unit: string, unitZh: string, show: (x: number) => string): string {
  const text = intervalText(intervalOf(band, boundary), show);
  return `${/^[[(]/.test(text) ? 'in ' : ''}${text}${unit} (${bandWords(band, unitZh, show)})`;
}
