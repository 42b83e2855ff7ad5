/**
 * The seed 002 preset reproduces the hospital's swipe rates (seed 002 篇1 L15: 35% employee outpatient,
 * 40% employee special outpatient diseases, 80% resident special outpatient diseases) on generated claims.
 */
import { describe, expect, it } from 'vitest';
import { utilisationAssumptions } from '../../src/claims/assumptions.js';
import { allocateClaimBuffer } from '../../src/claims/buffer.js';
import { generateClaims } from '../../src/claims/generate.js';
import { claimsMacroAt } from '../../src/claims/inflation.js';
import { addCashflow, allocateCashBlocks, swipeRate } from '../../src/cashflow/aggregates.js';
import { cashflowAssumptions, loadCashflowAssumptions } from '../../src/cashflow/assumptions.js';
import { allocateChannels, drawChannels } from '../../src/cashflow/channel.js';
import { dataFile } from '../../src/population/dataFiles.js';
import { populationAssumptions } from '../../src/population/assumptions.js';
import { createMembers } from '../../src/population/members.js';
import { runKeys } from '../../src/random/keys.js';
import { OUT_STRIDE } from '../../src/settlement/columns.js';

const keys = runKeys(7);
const u = utilisationAssumptions.parse({});
const block = createMembers(populationAssumptions.parse({}), keys, 0, 0, 15_000, 2021);
const claims = allocateClaimBuffer(1024, block.length);
generateClaims(u, keys, 0, 2021, block, claims, { macro: claimsMacroAt(u, 2021, 1) });

function rates(a: ReturnType<typeof cashflowAssumptions.parse>) {
  const ch = allocateChannels(claims.length);
  drawChannels(a, keys, 0, 2021, block, claims, ch);
  const cash = allocateCashBlocks(1, 1);
  addCashflow(cash, 0, 2021, block, claims, new Float64Array(claims.length * OUT_STRIDE), ch);
  return [swipeRate(cash, 0, 0, 0)!, swipeRate(cash, 0, 0, 1)!, swipeRate(cash, 0, 1, 1)!];
}

describe('seed 002 hospital preset', () => {
  it('swipes 35% / 40% / 80% of employee outpatient, employee and resident special-disease visits', () => {
    const [employeeOutpatient, employeeChronic, residentChronic] = rates(loadCashflowAssumptions(dataFile('institutions', 'channels-seed002.yaml')));
    expect(Math.abs(employeeOutpatient - 0.35)).toBeLessThan(0.02);
    expect(Math.abs(employeeChronic - 0.4)).toBeLessThan(0.03);
    expect(Math.abs(residentChronic - 0.8)).toBeLessThan(0.03);
  });

  it('differs from the modern defaults, where over 90% of visits are swiped', () => {
    for (const r of rates(cashflowAssumptions.parse({}))) expect(r).toBeGreaterThan(0.9);
  });
});
