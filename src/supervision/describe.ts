/** A penalty assessment in words, with the Chinese terms beside the English. */
import { fenToYuan } from '../money/fen.js';
import type { PenaltyResult } from './assess.js';
import { intervalText } from './interval.js';
import type { Sanction } from './sanctions.js';
import { DEGREE_WORDS } from './vocabulary.js';

export function sanctionWords(s: Sanction): string {
  return (s.discretionary ? 'may (可以): ' : '') + words(s);
}

function words(s: Sanction): string {
  switch (s.kind) {
    case 'correct':
      return 'order to correct (责令改正)';
    case 'return':
      return `order to return ${fenToYuan(s.amountFen)} yuan to the fund (责令退回)`;
    case 'interview':
      return s.with === 'party' ? 'admonition interview with the party (约谈当事人)' : 'admonition interview with the responsible person (约谈有关负责人)';
    case 'fine':
      return s.unit === 'yuan'
        ? `fine of ${fenToYuan(s.amountFen)} yuan (罚款); range ${intervalText(s.range)} yuan`
        : `fine of ${fenToYuan(s.amountFen)} yuan (罚款), ${s.multiple}× the amount; range ${intervalText(s.range, (x) => `${x}×`)}`;
    case 'suspendDepartment':
      return `suspend the responsible department's fund-paid services for ${months(s.months)} (暂停相关责任部门涉及医保基金使用的医药服务); range ${intervalText(s.range)} months`;
    case 'suspendSettlement':
      return `suspend networked settlement for ${months(s.months)} (暂停医疗费用联网结算): bills are paid in full and claimed afterwards; range ${intervalText(s.range)} months`;
    case 'terminateAgreement':
      return 'termination of the service agreement by the handling agency (解除服务协议)';
    case 'discipline':
      return 'discipline of the directly responsible managers and staff (依法给予处分), by the body in charge of them';
    case 'revokeLicence':
      return 'revocation of the practising qualification of staff who hold one (吊销执业资格), by the competent authority';
  }
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

export function penaltyText(result: PenaltyResult): string[] {
  const head = [`${result.rules.title} (${result.rules.id})`, `article ${result.article.id} (${result.article.statute}): ${result.article.title}`];
  if (!result.covered) return [...head, result.message, 'reasoning:', ...result.reasoning.map((l) => `  ${l}`)];
  const gap = result.gapFilledBy === undefined ? '' : `, filling a gap (choices.gaps: ${result.gapFilledBy})`;
  return [
    ...head,
    `tier ${result.tier.id}: ${DEGREE_WORDS[result.tier.degree]}${gap}`,
    `source: ${result.sourceRef}`,
    'sanctions:',
    ...result.sanctions.map((s) => `  - ${sanctionWords(s)}`),
    'reasoning:',
    ...result.reasoning.map((l) => `  ${l}`),
  ];
}
