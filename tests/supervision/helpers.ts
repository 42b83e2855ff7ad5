import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { parseDocumentText } from '../../src/input/document.js';
import { assessPenalty, type PenaltyAssessment, type PenaltyResult } from '../../src/supervision/assess.js';
import type { PenaltyFacts } from '../../src/supervision/facts.js';
import { defaultPenaltyRulesFile, loadPenaltyRules, penaltyRulesFromDocument, type PenaltyRules } from '../../src/supervision/load.js';
import type { Sanction } from '../../src/supervision/sanctions.js';

export const jxFile = defaultPenaltyRulesFile();
export const statuteFile = join(dirname(jxFile), 'CN-2021.yaml');
export const jx = loadPenaltyRules(jxFile);
export const statute = loadPenaltyRules(statuteFile);

/** Yuan to fen for test facts written in yuan. */
export const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * A copy of the Jiangxi rules with text replaced, read as if it sat beside the original (so its
 * `base` resolves). Each replacement must match exactly once, so a changed data file fails the test.
 */
export function jxWith(...edits: Array<[string, string]>): PenaltyRules {
  let text = readFileSync(jxFile, 'utf8');
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1, `"${from}" should occur once in the rule file`).toBe(1);
    text = text.replace(from, to);
  }
  return penaltyRulesFromDocument(parseDocumentText(text, join(dirname(jxFile), 'copy-of-CN-JX-trial.yaml')));
}

export function assess(rules: PenaltyRules, facts: PenaltyFacts): PenaltyResult {
  return assessPenalty(rules, facts);
}

export function covered(rules: PenaltyRules, facts: PenaltyFacts): PenaltyAssessment {
  const result = assessPenalty(rules, facts);
  if (!result.covered) throw new Error(`expected a tier, got: ${result.message}`);
  return result;
}

export function tierOf(rules: PenaltyRules, facts: PenaltyFacts): string {
  const result = assessPenalty(rules, facts);
  return result.covered ? result.tier.id : 'uncovered';
}

/** Sanctions in a compact form: kind, with fen or months where it has them. */
export function brief(sanctions: readonly Sanction[]): string[] {
  return sanctions.map((s) => {
    const tag = s.discretionary ? '?' : '';
    if (s.kind === 'return' || s.kind === 'fine') return `${s.kind}${tag} ${s.amountFen}`;
    if (s.kind === 'suspendDepartment' || s.kind === 'suspendSettlement') return `${s.kind}${tag} ${s.months}`;
    if (s.kind === 'interview') return `interview${tag} ${s.with}`;
    return `${s.kind}${tag}`;
  });
}
