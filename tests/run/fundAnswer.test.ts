/**
 * The fund answer's deficit sentence, from hand-made fund_risk_by_year rows: "more likely than not" means more
 * than half the paths, and "from" a year only when every later year stays so.
 */
import { describe, expect, it } from 'vitest';
import { fundAnswer } from '../../src/run/answers.js';
import type { ScenarioResult } from '../../src/run/scenarioRun.js';

/** A result holding only what fundAnswer reads: the resident fund's tables over the years, four paths. */
function result(deficit: number[]): ScenarioResult {
  const years = deficit.map((_, i) => 2021 + i);
  const base = { variant: 'baseline', scheme: 'resident' };
  return {
    spec: { years },
    cube: { paths: 4 },
    tables: {
      members_by_year: years.map((year) => ({ ...base, metric: 'member_years', person_type: 'all', age_band: 'all', year, mean: 1000 })),
      fund_by_year: years.map((year) => ({ ...base, metric: 'accumulated_balance_yuan', year, p5: 1e8, p25: 2e8, p50: 3e8, p75: 4e8, p95: 5e8 })),
      fund_risk_by_year: years.flatMap((year, i) => [
        { ...base, event: 'deficit', year, probability: deficit[i], probability_so_far: 0 },
        // 0 of 4 paths: Wilson 95% upper end z²/n / (1 + z²/n) = 0.96037 / 1.96037 = 0.4899 (z = 1.95996).
        { ...base, event: 'depletion', year, probability: 0, probability_so_far: 0, paths: 4, probability_so_far_ci_low: 0, probability_so_far_ci_high: 0.48989 },
      ]),
    },
  } as unknown as ScenarioResult;
}

const sentence = (deficit: number[]) => fundAnswer(result(deficit), 'resident').replace(/^.*Probability of depletion.*?%\)\. /, '');

describe('the depletion probability', () => {
  it('is told with the paths it rests on and its 95% interval from fund_risk_by_year: 0 of 4 paths is not 0 for sure', () => {
    expect(fundAnswer(result([0, 0]), 'resident')).toContain('Probability of depletion (穿底) by 2022: 0.0% of 4 paths (95% interval 0.0% to 49.0%). ');
  });
});

describe('the deficit sentence', () => {
  it('does not call half the paths "more likely than not", nor say "from" a year after which it falls', () => {
    // The audit's case: 0.5, 0.25, 0 was "more likely than not from 2021".
    expect(sentence([0.5, 0.25, 0])).toBe('Current-year deficits occur on some paths but never on most.');
    expect(sentence([0.75, 0.25, 0])).toBe('A current-year deficit (当期赤字) is more likely than not in 2021.');
  });

  it('says "from" a year only when every later year stays above one half', () => {
    expect(sentence([0.25, 0.75, 1, 0.75])).toBe('A current-year deficit (当期赤字) is more likely than not in every year from 2022.');
    expect(sentence([0.75, 1, 1])).toBe('A current-year deficit (当期赤字) is more likely than not in every year.');
    expect(sentence([0, 0.25, 0.75])).toBe('A current-year deficit (当期赤字) is more likely than not in 2023.');
  });

  it('names the years, as runs, when it comes and goes', () => {
    expect(sentence([0.75, 0.75, 0.75, 0.25, 0.75, 0.5])).toBe('A current-year deficit (当期赤字) is more likely than not in 2021–2023 and 2025.');
    expect(sentence([0.75, 0, 0.75, 0, 0.75, 0])).toBe('A current-year deficit (当期赤字) is more likely than not in 2021, 2023 and 2025.');
    expect(sentence([0, 0, 0])).toBe('No path shows a current-year deficit.');
  });
});
