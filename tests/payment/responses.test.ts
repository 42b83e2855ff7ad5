/** Provider responses to per-case payment: what each does to the claims, with money conserved. */
import { describe, expect, it } from 'vitest';
import { allocateClaimBuffer, type ClaimBuffer } from '../../src/claims/buffer.js';
import { paymentAssumptions } from '../../src/payment/assumptions.js';
import { loadCaseGroups, NO_GROUP } from '../../src/payment/groups.js';
import { anyResponse, applyResponses } from '../../src/payment/responses.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';
import { buildClaims, type ClaimSpec } from '../institutions/claims.js';

const groups = loadCaseGroups();
const keys = runKeys(8);
const RESP1 = groups.code.indexOf('RESP1');
const INPATIENT = SETTINGS.indexOf('inpatient');
const OUTPATIENT = SETTINGS.indexOf('outpatient');

/** 400 members: a visit on day 5, an admission on day 100 (10 days, 甲 700,000 乙 200,000 丙 100,000), a visit on day 105. */
const { members, claims } = buildClaims(
  Array.from({ length: 400 }, (): ClaimSpec[] => [
    { setting: 'outpatient', day: 5 },
    { setting: 'inpatient', day: 100, classA: 700_000, classB: 200_000, classC: 100_000, lengthOfStay: 10, flags: CLAIM_NEW_ADMISSION },
    { setting: 'outpatient', day: 105 },
  ]),
);
const srcGroup = Int16Array.from({ length: claims.length }, (_, c) => (claims.setting[c] === INPATIENT ? RESP1 : NO_GROUP));

function run(responses: object): { dst: ClaimBuffer; group: Int16Array } {
  const r = paymentAssumptions.parse({ responses }).responses;
  const dst = allocateClaimBuffer(16, 0);
  const group = applyResponses(r, groups, keys, 0, 2022, members, claims, srcGroup, dst);
  return { dst, group };
}
const total = (b: ClaimBuffer, from: number, to: number) => {
  let t = 0;
  for (let c = from; c < to; c++) t += b.classA[c]! + b.classB[c]! + b.classC[c]!;
  return t;
};

describe('provider responses', () => {
  it('leave the claims as they are when all are off', () => {
    expect(anyResponse(paymentAssumptions.parse({}).responses)).toBe(false);
    const { dst, group } = run({});
    expect(dst.length).toBe(claims.length);
    expect(Array.from(dst.classB.subarray(0, dst.length))).toEqual(Array.from(claims.classB.subarray(0, claims.length)));
    expect(group).toEqual(srcGroup);
  });

  it('up-code a share of cases one severity up, keyed per admission', () => {
    const half = run({ upcoding: 0.5 }).group;
    const up = Array.from(half).filter((g) => g === groups.upcode[RESP1]).length;
    expect(up).toBeGreaterThan(150);
    expect(up).toBeLessThan(250);
    // Switching another response on changes no up-coding draw.
    expect(run({ upcoding: 0.5, selfPayShift: { share: 0.5 } }).group).toEqual(half);
  });

  it('shift a fraction of covered cost to self-pay, conserving the bill', () => {
    const { dst } = run({ selfPayShift: { share: 1, fraction: 0.1 } });
    // 甲 700,000 − 70,000; 乙 200,000 − 20,000; 丙 100,000 + 90,000.
    expect([dst.classA[1], dst.classB[1], dst.classC[1]]).toEqual([630_000, 180_000, 190_000]);
  });

  it('move a fraction of an admission to an outpatient visit the same day', () => {
    const { dst, group } = run({ outpatientShift: { share: 1, fraction: 0.2 } });
    expect(dst.length).toBe(claims.length + 400);
    // Member 0: visit, admission (80%), shifted visit (20%), visit.
    expect(Array.from(dst.setting.subarray(0, 4))).toEqual([OUTPATIENT, INPATIENT, OUTPATIENT, OUTPATIENT]);
    expect([dst.classA[1], dst.classA[2], dst.classC[2], dst.day[2]]).toEqual([560_000, 140_000, 20_000, 100]);
    expect(group[2]).toBe(NO_GROUP);
    expect(total(dst, 0, dst.length)).toBe(total(claims, 0, claims.length));
  });

  it('split an early discharge into a readmission gapDays after, a new case in date order', () => {
    const { dst, group } = run({ earlyDischarge: { share: 1, fraction: 0.4, gapDays: 7 } });
    expect(dst.length).toBe(claims.length + 400);
    // Stay 10 days: 4 move; discharge after 6 days (day 106), readmission on day 113, after the day-105 visit.
    const m0 = dst.memberStart[0]!;
    expect(Array.from(dst.day.subarray(m0, m0 + 4))).toEqual([5, 100, 105, 113]);
    expect([dst.lengthOfStay[m0 + 1], dst.lengthOfStay[m0 + 3]]).toEqual([6, 4]);
    expect(dst.flags[m0 + 3]).toBe(CLAIM_NEW_ADMISSION);
    expect([dst.classA[m0 + 1], dst.classA[m0 + 3]]).toEqual([420_000, 280_000]);
    expect(group[m0 + 3]).toBe(RESP1);
    expect(total(dst, 0, dst.length)).toBe(total(claims, 0, claims.length));
    expect(dst.memberStart[400]).toBe(dst.length);
  });
});
