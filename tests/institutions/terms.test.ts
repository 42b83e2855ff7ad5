/** Agreement terms at their bounds (seed 001 第1篇 Arts 10–12, as written in CN-GX-agreement.yaml). */
import { describe, expect, it } from 'vitest';
import {
  auxiliaryWithinMain,
  classAShareMet,
  drugAvailabilityMet,
  positiveRateMet,
  specialExaminationApprover,
  therapyItemsWithinLimit,
} from '../../src/institutions/terms.js';
import { gx } from './helpers.js';

const t = gx.terms;

describe('agreement terms', () => {
  it('special examinations: 200 ≤ price < 800 yuan by the institution, ≥ 800 by the agency (Art 11(三))', () => {
    expect(specialExaminationApprover(t, 19_999)).toBe('none');
    expect(specialExaminationApprover(t, 20_000)).toBe('institution');
    expect(specialExaminationApprover(t, 79_999)).toBe('institution');
    expect(specialExaminationApprover(t, 80_000)).toBe('agency');
  });

  it('甲类 share of at least 60/75/85% at 三/二/一级 (Art 12(六))', () => {
    // 6,000 of 10,000 fen is exactly 60%: met at tertiary, not at secondary.
    expect(classAShareMet(t, 'tertiary', 6000, 10_000)).toBe(true);
    expect(classAShareMet(t, 'tertiary', 5999, 10_000)).toBe(false);
    expect(classAShareMet(t, 'secondary', 7499, 10_000)).toBe(false);
    expect(classAShareMet(t, 'secondary', 7500, 10_000)).toBe(true);
    expect(classAShareMet(t, 'primary', 8500, 10_000)).toBe(true);
    expect(classAShareMet(t, 'primary', 8499, 10_000)).toBe(false);
  });

  it('at most 4 therapy items a day; auxiliary not above main', () => {
    expect(therapyItemsWithinLimit(t, 4)).toBe(true);
    expect(therapyItemsWithinLimit(t, 5)).toBe(false);
    expect(auxiliaryWithinMain(t, 100, 100)).toBe(true);
    expect(auxiliaryWithinMain(t, 101, 100)).toBe(false);
  });

  it('drug availability 80% / 50% and positive rates 50% / 60% at 二/三级 only', () => {
    expect(drugAvailabilityMet(t, 'secondary', 0.8, 0.5)).toBe(true);
    expect(drugAvailabilityMet(t, 'tertiary', 0.7999, 0.5)).toBe(false);
    expect(drugAvailabilityMet(t, 'tertiary', 0.8, 0.4999)).toBe(false);
    expect(drugAvailabilityMet(t, 'primary', 0, 0)).toBe(true);
    expect(positiveRateMet(t, 'tertiary', 0.5999)).toBe(false);
    expect(positiveRateMet(t, 'secondary', 0.5)).toBe(true);
    expect(positiveRateMet(t, 'community', 0)).toBe(true);
  });
});
