/**
 * yibao-sim: simulate and cost China's basic medical insurance funds.
 * The public API, grouped as the source tree is: policy, settlement, (engine, fund, analysis …).
 */
export * from './policy/vocabulary.js';
export { policySchema, type Policy, type PolicyInput, type SchemePolicy } from './policy/schema.js';
export { loadPolicy, policyFromDocument, type LoadedPolicy } from './policy/load.js';
export { applyReform, loadReform, reformSchema, type Reform } from './policy/reform.js';
export { InputError, formatProblem, type Problem } from './input/inputError.js';
export { readDocument, parseDocumentText } from './input/document.js';
export * from './money/fen.js';
export * from './settlement/types.js';
export { settleReference, explainLines, type Settlement } from './settlement/reference.js';
export { compilePolicy, type CompiledPolicy } from './settlement/compile.js';
export { settleBatch } from './settlement/kernel.js';
export * from './settlement/columns.js';
export * from './charts/index.js';
export * from './report/index.js';
export {
  claimLineSchema,
  parseClaimLine,
  newLedger,
  settleClaimLine,
  settleJsonLine,
  settledLineJson,
  settleJsonLines,
  type ClaimLine,
  type Ledger,
  type SettledClaim,
  type SettledLineJson,
} from './settlement/jsonLines.js';
export { AtomicFile, writeFileAtomic, writeDirectoryAtomic } from './io/atomic.js';
export { csvText, writeCsv } from './io/csv.js';
export { jsonText, writeJson } from './io/json.js';
export { assessPenalty, type PenaltyAssessment, type PenaltyNotCovered, type PenaltyResult } from './supervision/assess.js';
export { loadPenaltyRules, penaltyRulesFromDocument, defaultPenaltyRulesFile, type PenaltyRules } from './supervision/load.js';
export { penaltyRulesSchema, type PenaltyRuleFile, type Choices } from './supervision/schema.js';
export { sanctionEffects, type Sanction, type SanctionEffects } from './supervision/sanctions.js';
export type { PenaltyFacts } from './supervision/facts.js';
export { penaltyText, sanctionWords } from './supervision/describe.js';
export { ACTORS, DEGREES, FLAGS, type Actor, type Degree, type Flag } from './supervision/vocabulary.js';
