/**
 * The facts of one case, as a sanction tier reads them, and their checks against a rule file.
 * Facts that contradict each other under the Jiangxi 通例 (Arts 8–10) are user mistakes.
 */
import type { Problem } from '../input/inputError.js';
import { fenToYuan, MAX_FEN } from '../money/fen.js';
import { percentText } from '../money/decimal.js';
import type { PenaltyRuleFile } from './schema.js';
import { ACTOR_WORDS, ACTORS, FLAG_WORDS, FLAGS, type Actor, type Flag } from './vocabulary.js';

export interface PenaltyFacts extends Partial<Record<Flag, boolean>> {
  /** Article id of the rule file: "37" … "40", "41.1", "41.2". */
  article: string;
  actor: Actor;
  /**
   * The amount in fen: the fund's loss (造成损失金额), the amount obtained by fraud (骗取金额) or,
   * for Art 39 item (6), the amount involved (涉及金额). Returns and fines by multiple apply to it.
   */
  amountFen?: number | undefined;
  /** The amount ÷ the fund's payments to the institution last year (上年度医保基金支付额), a fraction. */
  share?: number | undefined;
  /** The 条例 item (项) violated, e.g. 6 for Art 39 item (6). */
  item?: number | undefined;
}

/** Facts with every flag set; obstruction counts as refusing to correct (Jiangxi 第十条). */
export type CaseFacts = PenaltyFacts & Record<Flag, boolean>;

export function caseFacts(facts: PenaltyFacts): CaseFacts {
  const flags = Object.fromEntries(FLAGS.map((f) => [f, facts[f] === true])) as Record<Flag, boolean>;
  if (flags.obstruction) flags.refusedToCorrect = true;
  return { ...facts, ...flags };
}

/** Problems with the facts themselves, each naming the fact (path) it concerns. */
export function checkFacts(rules: PenaltyRuleFile, facts: PenaltyFacts, file: string): Problem[] {
  const problems: Problem[] = [];
  const bad = (field: string, value: unknown, message: string) => problems.push({ file, path: [field], value, message });
  const article = rules.articles.find((a) => a.id === facts.article);
  if (!article) bad('article', facts.article, `must be one of ${rules.articles.map((a) => a.id).join(', ')} (41.1 and 41.2 are the paragraphs of Art 41)`);
  if (!(ACTORS as readonly string[]).includes(facts.actor)) {
    bad('actor', facts.actor, `must be one of ${ACTORS.join(', ')}`);
  } else if (article && !article.actors.includes(facts.actor)) {
    bad('actor', facts.actor, `article ${article.id} applies to ${article.actors.map((a) => ACTOR_WORDS[a]).join(' or ')}`);
  }
  const amount = facts.amountFen;
  if (amount !== undefined && !(Number.isInteger(amount) && amount >= 0 && amount <= MAX_FEN)) {
    bad('amountFen', amount, `must be whole fen from 0 to ${fenToYuan(MAX_FEN)} yuan`);
  }
  if (facts.share !== undefined && !(Number.isFinite(facts.share) && facts.share >= 0)) bad('share', facts.share, 'must be a fraction of 0 or more');
  // A file that lists no items for the article does not depend on them: the item is then ignored.
  const items = Object.keys(article?.items ?? {});
  if (facts.item !== undefined && items.length > 0 && !items.includes(String(facts.item))) {
    bad('item', facts.item, `must be one of ${items.join(', ')} for article ${facts.article}`);
  }
  if (facts.correctedInTime && facts.refusedToCorrect) {
    bad('refusedToCorrect', true, `contradicts ${FLAG_WORDS.correctedInTime.words}: returned before the order (第八条) or refused after it (第九条), not both`);
  }
  if (facts.correctedInTime && facts.obstruction) {
    bad('obstruction', true, `contradicts ${FLAG_WORDS.correctedInTime.words}: obstruction counts as refusing to correct (第十条)`);
  }
  return problems;
}

/** The facts in words, e.g. "insured person (参保人员); amount 800.00 yuan; first offence (初次违法)". */
export function factsText(facts: CaseFacts): string {
  const parts: string[] = [ACTOR_WORDS[facts.actor]];
  if (facts.amountFen !== undefined) parts.push(`amount ${fenToYuan(facts.amountFen)} yuan`);
  if (facts.share !== undefined) parts.push(`share of last year's fund payments ${percentText(facts.share)}`);
  if (facts.item !== undefined) parts.push(`item (${facts.item})`);
  for (const f of FLAGS) if (facts[f]) parts.push(FLAG_WORDS[f].words);
  return parts.join('; ');
}
