import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/policy/load.js';
import { defaultPolicyFile } from '../src/cli/paths.js';

describe('default policy', () => {
  it('loads and resolves keyed values per person type and level', () => {
    const { policy } = loadPolicy(defaultPolicyFile());
    expect(policy.employee?.inpatient.ratio.retired?.tertiary).toBe(0.9);
    expect(policy.resident?.outpatient.cap.elderly).toBe(2400);
    expect(policy.resident?.outpatient.cap.adult).toBe(2000);
  });
});
