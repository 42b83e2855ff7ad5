/**
 * Supervision's vocabulary for a reader: screens and behaviours in words with their Chinese terms
 * ("heavy testing 大检查多、少药费住院", "over treatment 过度诊疗、过度检查"), not the codes the tables are keyed by
 * (the screens chart's axis read "heavyTesting 大检查多…", "peerOutlier 同级…").
 */
import { describe, expect, it } from 'vitest';
import { BEHAVIOURS, behaviourWords } from '../../src/supervision/behaviours.js';
import { screenScoresChart } from '../../src/supervision/charts.js';
import { SCREENS, screenLabel } from '../../src/supervision/screens.js';
import { parseSvg, texts } from '../helpers/svg.js';

const camelCase = /[a-z][A-Z]/;

describe('supervision labels', () => {
  it('writes screens and behaviours in words with their Chinese terms', () => {
    expect(screenLabel('heavyTesting')).toBe('heavy testing 大检查多、少药费住院');
    expect(screenLabel('any')).toBe('any flag');
    expect(behaviourWords('overTreatment')).toBe('over treatment 过度诊疗、过度检查');
    for (const label of [...SCREENS.map(screenLabel), ...BEHAVIOURS.map(behaviourWords)]) expect(label).not.toMatch(camelCase);
  });

  it('labels the screens chart in words', () => {
    const rows = [...SCREENS, 'any' as const].map((screen) => ({ screen, precision: 0.2, recall: 0.4 }));
    const labels = texts(parseSvg(screenScoresChart(rows)), 'g[aria-label="y-axis tick label"] > text');
    expect(labels).toEqual([...SCREENS.map(screenLabel), 'any flag']);
    expect(labels).toContain('peer outlier 同级同类机构费用异常');
    for (const l of labels) expect(l).not.toMatch(camelCase);
  });
});
