/**
 * The simulated counterparts of the published figures, read from a real engine run of a scenario
 * (runScenario): the claims figures from the base year's aggregate blocks (the cube), the fund figures
 * from the base year's ledgers. Each Monte Carlo path is an independent sample of the region, so a
 * figure is the mean over paths and its standard error is their spread (sd / √paths).
 *
 * Definitions follow the bulletin's (data/README.md, "calibration/targets-2021.csv"). One gap in the
 * aggregates: the observation stay that opens an admission through emergency observation (急诊留观转住院)
 * is booked in the emergencyObservation cells together with observations that ended without admission.
 * Its bill is the scenario's `observationCostShare` of the admission's (claims/generate.ts), so an admission
 * costs inpatient bill ÷ (admissions − share × admissions through observation), exact in expectation. The
 * policy-range ratio is over inpatient settlements and all emergency observations: it keeps the deductible
 * those admissions pay on their observation stay, and takes in the observations without admission
 * (settled as outpatient care, about 1% of the inpatient cost); with the default scenario this is within
 * half a percent of the ratio over admissions alone (simulateCalibration).
 */
import { claimSum, policyRangeRatio, typeCode, typesOf } from '../analysis/claimSums.js';
import { memberSum } from '../analysis/memberMeasures.js';
import { summarise } from '../analysis/stats.js';
import { blockOf } from '../engine/result.js';
import type { UtilisationAssumptions } from '../claims/assumptions.js';
import type { FundYear } from '../fund/ledger.js';
import { LEVELS, PERSON_TYPES, SETTINGS, type PersonType, type Scheme } from '../policy/vocabulary.js';
import type { ScenarioResult } from '../run/scenarioRun.js';

export interface FigureKey {
  metric: string;
  scheme: Scheme;
  /** 'all', or a person type of the scheme. */
  group: string;
  /** 'all', 'tertiary', 'secondary' or 'primaryAndBelow' (一级及以下 = community + primary). */
  level: string;
}

export interface SimulatedFigure extends FigureKey {
  /** The figure on each Monte Carlo path. */
  perPath: number[];
  mean: number;
  /** Monte Carlo standard error of the mean across paths; NaN with a single path. */
  se: number;
  /** How the figure is built from the engine's output. */
  definition: string;
}

const setting = (s: (typeof SETTINGS)[number]) => [SETTINGS.indexOf(s)];
const INPATIENT = setting('inpatient');
const OUTPATIENT = setting('outpatient');
const CHRONIC = setting('chronic');
const EMERGENCY = setting('emergencyObservation');

const LEVEL_GROUPS: Readonly<Record<string, readonly number[] | undefined>> = {
  all: undefined,
  tertiary: [LEVELS.indexOf('tertiary')],
  secondary: [LEVELS.indexOf('secondary')],
  primaryAndBelow: [LEVELS.indexOf('community'), LEVELS.indexOf('primary')],
};

interface Who {
  types: readonly number[];
  levels?: readonly number[] | undefined;
}

interface ClaimsMetric {
  definition: string;
  /** The figure from one block, for the selected person types and levels. */
  value(block: Float64Array, who: Who, utilisation: UtilisationAssumptions): number;
}

const perMember = (block: Float64Array, types: readonly number[], n: number) => n / memberSum(block, types, 'memberYears');

const CLAIMS_METRICS: Readonly<Record<string, ClaimsMetric>> = {
  hospitalisationRate: {
    definition: 'admissions opened (住院人次, with those through emergency observation) per member-year',
    value: (b, { types }) => perMember(b, types, claimSum(b, 'episodes', { types })),
  },
  costPerAdmission: {
    definition: 'bill of inpatient settlements ÷ (admissions − observationCostShare × admissions through emergency observation)',
    value: (b, { types, levels }, u) => {
      const throughObservation = claimSum(b, 'episodes', { types, levels, settings: EMERGENCY });
      const admissions = claimSum(b, 'episodes', { types, levels });
      return claimSum(b, 'bill', { types, levels, settings: INPATIENT }) / 100 / (admissions - u.inpatient.observationCostShare * throughObservation);
    },
  },
  outpatientVisitsPerMember: {
    definition: '门诊统筹 claims per member-year (pharmacy purchases and emergency observations not counted)',
    value: (b, { types }) => perMember(b, types, claimSum(b, 'count', { types, settings: OUTPATIENT })),
  },
  outpatientCostPerVisit: {
    definition: 'bill per 门诊统筹 claim',
    value: (b, { types }) => claimSum(b, 'bill', { types, settings: OUTPATIENT }) / 100 / claimSum(b, 'count', { types, settings: OUTPATIENT }),
  },
  chronicVisitsPerMember: {
    definition: '门诊慢特病 claims per member-year',
    value: (b, { types }) => perMember(b, types, claimSum(b, 'count', { types, settings: CHRONIC })),
  },
  chronicCostPerVisit: {
    definition: 'bill per 门诊慢特病 claim',
    value: (b, { types }) => claimSum(b, 'bill', { types, settings: CHRONIC }) / 100 / claimSum(b, 'count', { types, settings: CHRONIC }),
  },
  policyRangeInpatientRatio: {
    definition: 'pooled fund ÷ (deductible + pooled fund + co-payment + above cap) over inpatient settlements and emergency observations',
    value: (b, { types }) => policyRangeRatio(b, { types, settings: [...INPATIENT, ...EMERGENCY] }),
  },
};

interface FundMetric {
  definition: Record<Scheme, string>;
  /** The amount (yuan) of one ledger year; divided by the people it covers. */
  amount(year: FundYear): number;
}

const FUND_METRICS: Readonly<Record<string, FundMetric>> = {
  fundIncomePerMember: {
    definition: {
      employee: 'ledger income before the transfer to personal accounts (contributions, pooled-fund interest, other) + account interest, per member-year; no maternity',
      resident: 'ledger income (individual contributions, fiscal subsidy, interest, other) per member-year',
    },
    amount: (y) => y.income.total.plus(y.accounts?.interest ?? 0).toNumber(),
  },
  fundExpenditurePerMember: {
    definition: {
      employee: 'pooled-fund expenditure (payments, serious-illness premium, other) + personal-account spending (own and family use), per member-year; no maternity',
      resident: 'pooled-fund expenditure (payments, serious-illness premium, other) per member-year',
    },
    amount: (y) => y.expenditure.total.plus(y.accounts?.spending ?? 0).toNumber(),
  },
};

/** Whether the engine's output has a figure for this metric. */
export function isSimulated(metric: string): boolean {
  return metric in CLAIMS_METRICS || metric in FUND_METRICS;
}

function typesOfGroup(key: FigureKey): number[] {
  if (key.group === 'all') return typesOf(key.scheme);
  if (!(PERSON_TYPES as readonly string[]).includes(key.group)) throw new RangeError(`unknown group "${key.group}" (use all or a person type)`);
  return [typeCode(key.group as PersonType)];
}

function figure(key: FigureKey, perPath: number[], definition: string): SimulatedFigure {
  const s = summarise(perPath);
  return { ...key, perPath, mean: s.mean, se: s.se, definition };
}

/** One figure of the run's base year (the first projection year) for the baseline variant. */
export function simulatedFigure(result: ScenarioResult, key: FigureKey): SimulatedFigure {
  const { cube } = result;
  const paths = Array.from({ length: cube.paths }, (_, p) => p);
  const claims = CLAIMS_METRICS[key.metric];
  if (claims) {
    if (!(key.level in LEVEL_GROUPS)) throw new RangeError(`unknown level group "${key.level}" (use ${Object.keys(LEVEL_GROUPS).join(', ')})`);
    const who = { types: typesOfGroup(key), levels: LEVEL_GROUPS[key.level] };
    const utilisation = result.scenario.scenario.utilisation;
    return figure(key, paths.map((p) => claims.value(blockOf(cube, 0, p, 0), who, utilisation)), claims.definition);
  }
  const fund = FUND_METRICS[key.metric];
  if (fund) {
    if (key.group !== 'all' || key.level !== 'all') throw new RangeError(`${key.metric} is by scheme only`);
    const ledgers = result.funds.find((f) => f.variant === cube.variants[0] && f.scheme === key.scheme)!.ledgers;
    return figure(key, ledgers.map((l) => fund.amount(l[0]!) / l[0]!.people.toNumber()), fund.definition[key.scheme]);
  }
  throw new RangeError(`no simulated figure for "${key.metric}"`);
}
