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
// Fund supervision in a run: misuse with labels, screens, inspections, sanctions and the fund effect.
export { supervisionAssumptions, type SupervisionAssumptions, type SupervisionAssumptionsInput } from './supervision/assumptions.js';
export { BEHAVIOURS, BEHAVIOUR_INFO, behaviourWords, type Behaviour } from './supervision/behaviours.js';
export { SCREENS, SCREEN_CHINESE, screenLabel, type Screen } from './supervision/screens.js';
// Direct settlement: why bills are advanced (channels_by_year's `cause`), in words.
export { SELF_ADVANCE_CAUSES, SELF_ADVANCE_CHINESE, selfAdvanceCauseLabel, type SelfAdvanceCause } from './cashflow/channel.js';
export { SUPERVISION_BLOCK, FUND_FIELDS, fundCell, fundIncome, type FundField } from './supervision/block.js';
export { supervisionTables, supervisionByYear, supervisionOverHorizon, supervisionBlockOf, isSupervised, type SupervisedCube } from './supervision/tables.js';
export { supervisionFundMeasures, supervisionCaseMeasures, supervisionScreenMeasures, supervisionBehaviourMeasures, precision, recall } from './supervision/measures.js';
export { supervisionMoneyRows, supervisionNetRows, screenScoreRows, supervisionAnswer, supervisionCharts } from './supervision/views.js';
export { supervisionMoneyChart, screenScoresChart, supervisionNetChart, type MoneyRow, type ScreenScoreRow } from './supervision/charts.js';
// Scenarios, the engine and the actuarial answers.
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { loadScenario, defaultScenarioFile, withOverrides, runSpec, type LoadedScenario, type RunOverrides } from './scenario/load.js';
export { simulate, type SimulateOptions } from './engine/simulate.js';
export { closeWorkers, type ProgressEvent } from './engine/pool.js';
export { blockOf, type SimulationCube } from './engine/result.js';
export * from './engine/aggregates.js';
export type { RunSpec } from './engine/spec.js';
export { runScenario, ledgersOf, type ScenarioResult, type RunOptions } from './run/scenarioRun.js';
export {
  solveLever,
  policyLeverDirection,
  withResidentSubsidy,
  withEmployerRate,
  type Lever,
  type SolveTarget,
  type SolveResult,
  type PerPathSolveResult,
  type PolicySolveResult,
  type MonteCarloInterval,
  type BisectionBracket,
} from './run/solve.js';
export { RUN_OPTIONS, type ReformObject } from './run/runOptions.js';
export { atEmployerRate } from './run/employerRate.js';
export { writeOutputs, resultCharts } from './run/outputs.js';
export { reportHtml } from './run/report.js';
export { answers, fundAnswer, ratioAnswer, reformAnswer } from './run/answers.js';
export { fundPercentiles, depletionByYear, ratioRows, claimsMean, oopRows, reformDeltaRows, reformYears, gainersLosersRows, type ReformChangeRow } from './run/views.js';
export { manifestFor, loadManifest, canonicalJson, sha256, type Manifest, type Rerun } from './run/manifest.js';
export * from './analysis/index.js';
// Population, claims and randomness.
export { runKeys, macroRng, type RunKeys } from './random/keys.js';
export { KeyedStream } from './random/stream.js';
export { populationAssumptions, type PopulationAssumptions, type PopulationAssumptionsInput } from './population/assumptions.js';
export * from './population/block.js';
export { createMembers } from './population/members.js';
export { advanceYear } from './population/dynamics.js';
export { fillPersonColumns } from './population/persons.js';
export { utilisationAssumptions, type UtilisationAssumptions, type UtilisationAssumptionsInput } from './claims/assumptions.js';
export { allocateClaimBuffer, type ClaimBuffer } from './claims/buffer.js';
export { generateClaims, type GenerateOptions } from './claims/generate.js';
export { behaviourStatement, demandFactor, RAND_ELASTICITY } from './claims/demand.js';
export { calibrationFigures, simulateCalibration, loadCalibrationTargets, compareToTargets, type Figure, type CalibrationTarget, type Comparison } from './claims/calibration.js';
// The fund and the projection.
export { fundAssumptions, residentFinancing, type FundAssumptions, type FundAssumptionsInput } from './fund/assumptions.js';
export * from './fund/contributions.js';
export { fundLedger, firstDeficitYear, depletionYear, ledgerRows, type FundYear, type FundYearInputs, type MemberYearSums } from './fund/ledger.js';
export { fundYearInputs } from './fund/fromAggregates.js';
export { macroAssumptions, macroPath, projectionYears, type MacroAssumptions, type MacroPath, type MacroYear } from './projection/macro.js';
export { indexationRules, type IndexationRule } from './projection/indexation.js';
export { policyTimeline, type PolicyYear, type TimelineInput } from './projection/timeline.js';
export { sensitivity, varied, finalBalance, KEY_ASSUMPTIONS, type Assumption, type Outcome } from './run/sensitivity.js';
export { claimColumns, personColumns, splitAt, accumulatorsAt } from './settlement/objects.js';
