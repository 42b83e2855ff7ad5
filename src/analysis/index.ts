/**
 * The analysis layer: Monte Carlo tables from a simulation cube and from ledgers per path, reform
 * comparisons, sizing solvers, sensitivity, and DataFrames with CSV/JSON/Parquet export.
 */
export { summarise, percentile, meanInterval, pairedDifference, quantileInterval, wilsonInterval, type Summary, type MeanInterval, type QuantileInterval } from './stats.js';
export {
  claimSum,
  policyRangeCost,
  policyRangeRatio,
  actualRatio,
  policyRangeRatioOf,
  actualRatioOf,
  outOfPocketOf,
  type ClaimField,
  type FieldSum,
  type Selection,
} from './claimSums.js';
export { summaryColumns, intervalColumns, pairedColumns, type SummaryColumns, type IntervalColumns, type PairedColumns } from './acrossPaths.js';
export { perYearSummary, probabilityByYear, pairedByYear, type YearSummary, type YearPaired, type YearProbability } from './perYear.js';
export { readYear, readHorizon, firstYearIndex, type Measures, type Labels, type VariantRef } from './measures.js';
export { GROUPS, type Group } from './groups.js';
export { claimMeasures, type ClaimLabels } from './claimMeasures.js';
export { memberMeasures, type MemberLabels } from './memberMeasures.js';
export { histogramQuantile, oopDecileMeasures, oopBinMeasures, type OopDecileLabels, type OopBinLabels } from './oopDistribution.js';
export { gainersLosersMeasures, gainersLosersBySettingMeasures } from './gainersLosers.js';
export {
  summaryByYear,
  intervalByYear,
  intervalOverHorizon,
  compareByYear,
  compareOverHorizon,
  type YearRow,
  type HorizonRow,
  type PairedYearRow,
  type PairedHorizonRow,
} from './cubeTables.js';
export {
  pathLedgers,
  fundByYear,
  fundRiskByYear,
  fundCompareByYear,
  fundCompareOverHorizon,
  fundLedgerByYear,
  fundEvents,
  ledgerLinesByPath,
  LEDGER_LINES,
  type FundPaths,
  type FundLedgerRow,
  type FundEventRow,
  type FundSummaryRow,
  type FundRiskRow,
  type FundPairedRow,
  type FundPairedHorizonRow,
} from './ledgerTables.js';
export { meetsFundTarget, type FundTarget } from './fundTarget.js';
export { institutionMeasures, type InstitutionLabels } from './institutionMeasures.js';
export { paymentMeasures, type PaymentLabels } from './paymentMeasures.js';
export { channelMeasures, type ChannelLabels } from './channelMeasures.js';
export { cashflowByMonth, CASHFLOW_METRICS, type CashflowMetric, type CashflowMonthRow } from './cashflowTables.js';
export { simulationTables, providerTables, reformTables, fundTables, type InForceFrom, type Tables } from './tables.js';
export { SizingError, type SizingFailure, type BestFound } from './sizingError.js';
export { solvePerPath, type PerPathProblem, type PerPathSolution } from './solvePerPath.js';
export { solveBracketed, type BracketedProblem, type BracketedSolution, type BracketTarget, type CriterionAt } from './solveBracketed.js';
export { tornado, type SensitivityRuns, type SensitivityRow } from './tornado.js';
export { toFrame, toFrames, frameCells, type Cell } from './frame.js';
export { exportTables, writeTables, TABLE_FORMATS, type TableFormat } from './export.js';
