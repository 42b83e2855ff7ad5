import { describe, expect, it } from 'vitest';
import { calibrationFigures, compareToTargets, loadCalibrationTargets, simulateCalibration } from '../../src/claims/calibration.js';
import { allocateClaimBuffer } from '../../src/claims/buffer.js';
import { allocateMembers } from '../../src/population/block.js';
import { CLAIM_NEW_ADMISSION, OUT, OUT_STRIDE } from '../../src/settlement/columns.js';

describe('2021 calibration targets', () => {
  const targets = loadCalibrationTargets();

  it('name a source, a unit and a tolerance for every published figure', () => {
    expect(targets.length).toBeGreaterThanOrEqual(28);
    for (const t of targets) {
      expect(t.source.length).toBeGreaterThan(10);
      expect(t.value).toBeGreaterThan(0);
      expect(['claims', 'fund']).toContain(t.computedBy);
      expect(t.tolerance).toBe(0.03);
      expect(['A', 'B', 'C', 'derived']).toContain(t.confidence);
    }
    // The bulletin's in-service and retired rates combine, at 2.80 in-service per retiree, into its 17.7%.
    const rate = (group: string) => targets.find((t) => t.metric === 'hospitalisationRate' && t.scheme === 'employee' && t.group === group)!.value;
    expect((2.8 * rate('inService') + rate('retired')) / 3.8).toBeCloseTo(rate('all'), 3);
  });

  it('are met by the default scenario within ±3% (or 3 standard errors where the sample is thin)', () => {
    // 300,000 members of 2021, settled under scenarios/policies/default-2021.yaml (a few seconds).
    const { figures } = simulateCalibration({ slots: 300_000, seed: 2021 });
    const comparisons = compareToTargets(figures, targets);
    expect(comparisons).toHaveLength(targets.filter((t) => t.computedBy === 'claims').length);
    const misses = comparisons
      .filter((c) => !(Math.abs(c.relativeError) <= Math.max(c.target.tolerance, 3 * c.relativeStandardError)))
      .map((c) => `${c.target.metric} ${c.target.scheme} ${c.target.group} ${c.target.level}: ${c.simulated} vs ${c.target.value}`);
    expect(misses).toEqual([]);
    // Scheme-wide figures are precise at this size (standard error under 1%): ±3% itself must hold.
    const schemeWide = comparisons.filter((c) => c.target.group === 'all' && c.target.level === 'all' && !c.target.metric.startsWith('chronicVisits'));
    expect(schemeWide.length).toBe(14);
    expect(schemeWide.filter((c) => !c.ok).map((c) => `${c.target.metric} ${c.target.scheme}: ${c.simulated}`)).toEqual([]);
  });
});

describe('calibration figures', () => {
  it('count admissions, their costs and the policy-range ratio as defined (hand-made sample)', () => {
    // Two members (employee in-service, resident adult); member 0 has one admission of 1000 yuan in two
    // claims (observation 100 + inpatient 900) and one outpatient visit of 50 yuan; member 1 has none.
    const members = allocateMembers(2);
    members.type.set([0, 2]);
    members.alive.set([1, 1]);
    const claims = allocateClaimBuffer(3, 2);
    claims.length = 3;
    claims.person.set([0, 0, 0]);
    claims.setting.set([4, 2, 0]); // emergencyObservation (admitted), inpatient (continuing), outpatient
    claims.flags.set([2, 0, 0]);
    claims.level.set([3, 3, 0]);
    claims.classA.set([10_000, 90_000, 5_000]);
    claims.lengthOfStay.set([0, 8, 0]);
    const out = new Float64Array(3 * OUT_STRIDE);
    out[0 * OUT_STRIDE + OUT.pooledFund] = 8_000;
    out[0 * OUT_STRIDE + OUT.deductible] = 2_000;
    out[1 * OUT_STRIDE + OUT.pooledFund] = 81_000;
    out[1 * OUT_STRIDE + OUT.copay] = 9_000;
    const f = calibrationFigures({ members, claims, out });
    const get = (metric: string, scheme = 'employee', level = 'all') => f.find((x) => x.metric === metric && x.scheme === scheme && x.level === level)?.value;
    expect(get('hospitalisationRate')).toBe(1);
    expect(get('hospitalisationRate', 'resident')).toBe(0);
    expect(get('costPerAdmission')).toBe(1000);
    expect(get('costPerAdmission', 'employee', 'tertiary')).toBe(1000);
    expect(get('averageLengthOfStay')).toBe(8);
    expect(get('outpatientVisitsPerMember')).toBe(1);
    expect(get('outpatientCostPerVisit')).toBe(50);
    // (8,000 + 81,000) / (2,000 + 8,000 + 81,000 + 9,000) = 0.89
    expect(get('policyRangeInpatientRatio')).toBeCloseTo(0.89, 12);
    expect(CLAIM_NEW_ADMISSION).toBe(1);
  });
});
