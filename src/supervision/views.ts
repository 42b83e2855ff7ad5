/**
 * Rows for the charts and the report from a run's supervision blocks, and the answer in words.
 */
import { percentile } from '../analysis/stats.js';
import { SCHEMES } from '../policy/vocabulary.js';
import type { PercentileRow } from '../charts/percentiles.js';
import { fundCell, RECOVERED_FIELDS, type FundField } from './block.js';
import { screenScoresChart, supervisionMoneyChart, supervisionNetChart, type MoneyRow, type ScreenScoreRow } from './charts.js';
import { supervisionScreenMeasures } from './measures.js';
import { supervisionBlockOf, supervisionOverHorizon, type SupervisedCube } from './tables.js';
import { BLOCK_SCREENS } from './block.js';

/** A fund line of one (variant, path, year), both schemes, in population yuan. */
function fundYuan(cube: SupervisedCube, variant: number, path: number, y: number, fields: readonly FundField[]): number {
  const b = supervisionBlockOf(cube, variant, path, y);
  let fen = 0;
  for (let s = 0; s < SCHEMES.length; s++) for (const f of fields) fen += b[fundCell(s, f)]!;
  return (fen * cube.weight) / 100;
}

const BACK: readonly FundField[] = RECOVERED_FIELDS;

/** Per year, the mean across paths of leakage, of what came back, and of fines (yuan). */
export function supervisionMoneyRows(cube: SupervisedCube, variant = 0): MoneyRow[] {
  const mean = (y: number, fields: readonly FundField[]) => {
    let t = 0;
    for (let p = 0; p < cube.paths; p++) t += fundYuan(cube, variant, p, y, fields);
    return t / cube.paths;
  };
  return cube.years.map((year, y) => ({ year, leakage: mean(y, ['leakage']), back: mean(y, BACK), fines: mean(y, ['fines']) }));
}

/** Percentiles across paths of the cumulative net effect on the pooled fund's balance (yuan) at the end of each year. */
export function supervisionNetRows(cube: SupervisedCube, variant = 0): PercentileRow[] {
  const cumulative = new Float64Array(cube.paths);
  return cube.years.map((year, y) => {
    for (let p = 0; p < cube.paths; p++) cumulative[p] += fundYuan(cube, variant, p, y, ['pooledNet']);
    const sorted = Float64Array.from(cumulative).sort();
    return { year, p5: percentile(sorted, 0.05), p25: percentile(sorted, 0.25), p50: percentile(sorted, 0.5), p75: percentile(sorted, 0.75), p95: percentile(sorted, 0.95) };
  });
}

/** Each screen's precision and recall over the horizon (mean across paths). */
export function screenScoreRows(cube: SupervisedCube, variant = 0): ScreenScoreRow[] {
  const rows = supervisionOverHorizon(cube, supervisionScreenMeasures).filter((r) => r.variant === cube.variants[variant]);
  const value = (screen: string, metric: string) => rows.find((r) => r.screen === screen && r.metric === metric)!.mean;
  return BLOCK_SCREENS.map((screen) => ({ screen, precision: value(screen, 'precision'), recall: value(screen, 'recall') }));
}

/** The horizon's totals in words: leakage, what came back, fines and the net effect, with the 5th–95th percentile of the net. */
export function supervisionAnswer(cube: SupervisedCube, variant = 0): string {
  const years = cube.years.map((_, y) => y);
  const total = (p: number, fields: readonly FundField[]) => years.reduce((s, y) => s + fundYuan(cube, variant, p, y, fields), 0);
  const mean = (fields: readonly FundField[]) => Array.from({ length: cube.paths }, (_, p) => total(p, fields)).reduce((s, x) => s + x, 0) / cube.paths;
  const net = Float64Array.from({ length: cube.paths }, (_, p) => total(p, ['pooledNet'])).sort();
  const leakage = mean(['leakage']);
  const back = mean(BACK);
  const span = `${cube.years[0]}–${cube.years[cube.years.length - 1]}`;
  const yi = (yuan: number) => `${(yuan / 1e8).toFixed(2)} 亿元`;
  return (
    `Over ${span}, misuse of benefits (欺诈骗保 and abuse) cost the funds ${yi(leakage)} (mean of ${cube.paths} paths), ${yi(mean(['pooledLeakage']))} of it the pooled funds'; ` +
    `${yi(back)} came back through reviews and ordered returns (${((100 * back) / leakage).toFixed(1)}% of the leakage) and fines came to ${yi(mean(['fines']))}` +
    `${mean(['fines']) > 0 && mean(['finesToFund']) === 0 ? ' (paid to the treasury, not the fund)' : ''}. ` +
    `Net effect on the pooled funds' balance: ${yi(mean(['pooledNet']))} (5th–95th percentile across paths ${yi(percentile(net, 0.05))} to ${yi(percentile(net, 0.95))}).`
  );
}

/** The supervision charts of a run, by file name. */
export function supervisionCharts(cube: SupervisedCube, variant = 0): Record<string, string> {
  return {
    'supervision-money': supervisionMoneyChart(supervisionMoneyRows(cube, variant)),
    'supervision-screens': screenScoresChart(screenScoreRows(cube, variant)),
    'supervision-net': supervisionNetChart(supervisionNetRows(cube, variant)),
  };
}
