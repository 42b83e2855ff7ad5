/**
 * The standard sets of tables, as rows keyed by table name (toFrames makes DataFrames of them,
 * exportTables writes them). Every row names its variant, so variants share a table.
 */
import type { SimulationCube } from '../engine/result.js';
import { cashflowByMonth } from './cashflowTables.js';
import { channelMeasures } from './channelMeasures.js';
import { claimMeasures } from './claimMeasures.js';
import { compareByYear, compareOverHorizon, intervalByYear, intervalOverHorizon, summaryByYear } from './cubeTables.js';
import { fundByYear, fundCompareByYear, fundCompareOverHorizon, fundEvents, fundLedgerByYear, fundRiskByYear, type FundPaths } from './ledgerTables.js';
import { gainersLosersBySettingMeasures, gainersLosersMeasures } from './gainersLosers.js';
import { institutionMeasures } from './institutionMeasures.js';
import type { Measures, Labels } from './measures.js';
import { memberMeasures } from './memberMeasures.js';
import { oopBinMeasures, oopDecileMeasures } from './oopDistribution.js';
import { paymentMeasures } from './paymentMeasures.js';

export type Tables = Record<string, object[]>;

/** Per year across paths, for every variant: claims, members, out-of-pocket deciles and histogram. */
export function simulationTables(cube: SimulationCube): Tables {
  return {
    claims_by_year: summaryByYear(cube, claimMeasures),
    members_by_year: summaryByYear(cube, memberMeasures),
    oop_deciles_by_year: summaryByYear(cube, oopDecileMeasures),
    oop_histogram_by_year: summaryByYear(cube, oopBinMeasures),
  };
}

/**
 * Per year (or month) across paths, for every variant: designated institutions by type and level, provider
 * payment by fund, direct settlement and self-advances, and the funds' cash by calendar month.
 */
export function providerTables(cube: SimulationCube): Tables {
  return {
    institutions_by_year: summaryByYear(cube, institutionMeasures),
    payment_by_year: summaryByYear(cube, paymentMeasures),
    channels_by_year: summaryByYear(cube, channelMeasures),
    cashflow_by_month: cashflowByMonth(cube),
  };
}

/**
 * Each dated reform's first year in force (its startYear), by variant id. Its over-horizon comparisons run from
 * that year (from_year): before it the reform changes nothing, and those years would dilute its per member-year
 * figures and shares. A reform not listed is in force from the first year.
 */
export type InForceFrom = Readonly<Record<string, number>>;

/**
 * Every reform (variants 1…) against the baseline, variant 0, whose paired cells the engine fills:
 * paired differences per year and over the years it is in force, and who gains and who loses.
 */
export function reformTables(cube: SimulationCube, alpha = 0.05, inForceFrom: InForceFrom = {}): Tables {
  const reforms = cube.variants.slice(1).map((_, i) => i + 1);
  const from = (r: number) => inForceFrom[cube.variants[r]!];
  const compare = <L extends Labels>(measures: Measures<L>) => ({
    byYear: reforms.flatMap((r) => compareByYear(cube, measures, r, 0, alpha)),
    overHorizon: reforms.flatMap((r) => compareOverHorizon(cube, measures, r, 0, alpha, from(r))),
  });
  const claims = compare(claimMeasures);
  const members = compare(memberMeasures);
  const deciles = compare(oopDecileMeasures);
  return {
    reform_claims_by_year: claims.byYear,
    reform_claims_over_horizon: claims.overHorizon,
    reform_members_by_year: members.byYear,
    reform_members_over_horizon: members.overHorizon,
    reform_oop_deciles_by_year: deciles.byYear,
    reform_oop_deciles_over_horizon: deciles.overHorizon,
    gainers_losers_by_year: reforms.flatMap((r) => intervalByYear(cube, gainersLosersMeasures, r, alpha)),
    gainers_losers_over_horizon: reforms.flatMap((r) => intervalOverHorizon(cube, gainersLosersMeasures, r, alpha, from(r))),
    gainers_losers_by_setting_over_horizon: reforms.flatMap((r) => intervalOverHorizon(cube, gainersLosersBySettingMeasures, r, alpha, from(r))),
  };
}

/**
 * The fund side for ledgers per path (pathLedgers): headline summaries, risks, every ledger line and the
 * first-deficit and depletion years for each; with a baseline variant id, every other variant of the
 * same scheme compared with it (over the years each is in force, see InForceFrom).
 */
export function fundTables(funds: readonly FundPaths[], baseline?: string, alpha = 0.05, inForceFrom: InForceFrom = {}): Tables {
  const tables: Tables = {
    fund_by_year: funds.flatMap(fundByYear),
    fund_risk_by_year: funds.flatMap(fundRiskByYear),
    fund_ledger_by_year: funds.flatMap(fundLedgerByYear),
    fund_events: funds.flatMap(fundEvents),
  };
  if (baseline === undefined) return tables;
  const pairs = funds.flatMap((reform) => {
    const base = funds.find((f) => f.variant === baseline && f.scheme === reform.scheme);
    if (!base) throw new RangeError(`no ledgers of the baseline "${baseline}" for the ${reform.scheme} scheme`);
    return reform.variant === baseline ? [] : [{ reform, base }];
  });
  tables.reform_fund_by_year = pairs.flatMap(({ reform, base }) => fundCompareByYear(reform, base, alpha));
  tables.reform_fund_over_horizon = pairs.flatMap(({ reform, base }) => fundCompareOverHorizon(reform, base, alpha, inForceFrom[reform.variant]));
  return tables;
}
