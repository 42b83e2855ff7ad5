/**
 * Each behaviour on hand-made claims: amounts (computed by hand in the comments), labels, added claims,
 * date order; who can engage; keyed draws; suspension of networked settlement.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';
import { supervisionAssumptions } from '../../src/supervision/assumptions.js';
import { NIB, labelOf } from '../../src/supervision/behaviours.js';
import { allocateMemberSupervision, syncOccupants } from '../../src/supervision/members.js';
import { apply, claimSet, only, row, rows, YEAR, type ClaimSpec } from './claimSet.js';

const visit = (day: number, more: Partial<ClaimSpec> = {}): ClaimSpec => ({ setting: 'outpatient', day, ...more });
const stay = (day: number, lengthOfStay: number, more: Partial<ClaimSpec> = {}): ClaimSpec => ({ setting: 'inpatient', day, lengthOfStay, flags: CLAIM_NEW_ADMISSION, ...more });
const bill = (r: ReturnType<typeof row>) => r.classA! + r.classB! + r.classC!;

describe('behaviours on hand-made claims', () => {
  it('splits a stay in two admissions, the second with a repeated work-up and its own deductible', () => {
    const set = claimSet([[stay(10, 6, { classA: 6000, classB: 3000, classC: 1200 }), visit(20)]]);
    const { out } = apply(set, only({ splitAdmission: { size: 0.1 } }));
    // d = floor(6/2) = 3: the first part keeps 3/6 of each class: 3000, 1500, 600 (unlabelled).
    // Work-up 0.1 × 10200 = 1020: 甲 round(1020 × 6000/10200) = 600, 丙 round(1020 × 1200/10200) = 120, 乙 300.
    // Second part: 3000 + 600, 1500 + 300, 600 + 120, from day 13 for 3 days, a new admission.
    expect(rows(out)).toMatchObject([
      { setting: 'inpatient', day: 10, lengthOfStay: 3, classA: 3000, classB: 1500, classC: 600, label: null, added: 0, flags: CLAIM_NEW_ADMISSION },
      { setting: 'inpatient', day: 13, lengthOfStay: 3, classA: 3600, classB: 1800, classC: 720, label: 'splitAdmission', added: 1, flags: CLAIM_NEW_ADMISSION, source: 0 },
      { setting: 'outpatient', day: 20, label: null },
    ]);
    // The work-up is tests: the two parts hold the stay's tests and 1020 more.
    const plain = apply(set, only({})).out;
    expect(out.tests[0]! + out.tests[1]!).toBe(plain.tests[0]! + 1020);
    expect(out.drugs[0]! + out.drugs[1]!).toBe(plain.drugs[0]!);
  });

  it('adds phantom bed days: 20% more days and 20% more bill, in beds and nursing (no drugs or tests)', () => {
    const set = claimSet([[stay(30, 10, { classA: 8000, classB: 2000 })]]);
    const { out } = apply(set, only({ phantomBedDays: { size: 0.2 } }));
    // 0.2 × 10 days = 2 days; 0.2 × 10000 = 2000 fen: 甲 1600, 乙 400.
    expect(row(out, 0)).toMatchObject({ lengthOfStay: 12, classA: 9600, classB: 2400, classC: 0, label: 'phantomBedDays' });
    const plain = apply(set, only({})).out;
    expect([out.drugs[0], out.tests[0]]).toEqual([plain.drugs[0], plain.tests[0]]);
  });

  it('adds tests (over-testing) and drugs (excess prescribing) to the bill, classes as billed', () => {
    const claims = [[visit(5, { classA: 5000, classB: 4000, classC: 1000 })]];
    const plain = apply(claimSet(claims), only({})).out;
    const tested = apply(claimSet(claims), only({ overTreatment: { size: 0.3 } })).out;
    // 0.3 × 10000 = 3000: 甲 1500, 丙 300, 乙 1200.
    expect(row(tested, 0)).toMatchObject({ classA: 6500, classB: 5200, classC: 1300, label: 'overTreatment' });
    expect(tested.tests[0]! - plain.tests[0]!).toBe(3000);
    expect(tested.drugs[0]).toBe(plain.drugs[0]);
    const dosed = apply(claimSet(claims), only({ excessPrescription: { size: 0.3 } })).out;
    expect(dosed.drugs[0]! - plain.drugs[0]!).toBe(3000);
    expect(dosed.tests[0]).toBe(plain.tests[0]);
  });

  it('charges a visit twice the same day (a labelled copy after it) and adds the duplicate items to a stay', () => {
    const { out } = apply(claimSet([[visit(40, { classA: 3000, classB: 1000 }), stay(50, 4, { classA: 10_000 })]]), only({ duplicateCharging: { size: 0.5 } }));
    expect(rows(out)).toMatchObject([
      { setting: 'outpatient', day: 40, classA: 3000, classB: 1000, label: null, added: 0 },
      { setting: 'outpatient', day: 40, classA: 1500, classB: 500, label: 'duplicateCharging', added: 1, source: 0 },
      { setting: 'inpatient', day: 50, classA: 15_000, label: 'duplicateCharging', added: 0 },
    ]);
  });

  it('prices above the standard: every class up by the size', () => {
    const { out } = apply(claimSet([[visit(1, { classA: 2000, classB: 2000, classC: 1000 })]]), only({ overCharging: { size: 0.1 } }));
    // 0.1 × 5000 = 500: 甲 200, 丙 100, 乙 200.
    expect(row(out, 0)).toMatchObject({ classA: 2200, classB: 2200, classC: 1100, label: 'overCharging' });
  });

  it('substitutes: 丙类 items billed under 乙类 codes; a claim without 丙类 is not touched', () => {
    const { out } = apply(claimSet([[visit(1, { classA: 1000, classC: 3000 }), visit(2)]]), only({ substitution: { size: 0.5 } }));
    expect(rows(out)).toMatchObject([
      { classA: 1000, classB: 1500, classC: 1500, label: 'substitution' },
      { classA: 10_000, classB: 0, classC: 0, label: null },
    ]);
  });

  it('settles out-of-scope care through the fund: an excluded cause as illness, 丙类 as 甲类', () => {
    const { out } = apply(claimSet([[visit(1, { cause: 3, classA: 4000, classC: 1000 })]]), only({ outOfScope: { size: 1 } }));
    expect(row(out, 0)).toMatchObject({ cause: 0, classA: 5000, classC: 0, label: 'outOfScope' });
  });

  it('invents a visit later in the year, at the same institution', () => {
    const { out } = apply(claimSet([[visit(100, { classA: 4000, institution: 1 })]]), only({ inventedServices: { size: 1 } }));
    const [own, invented] = rows(out);
    expect(own).toMatchObject({ day: 100, label: null });
    expect(invented).toMatchObject({ setting: 'outpatient', classA: 4000, label: 'inventedServices', added: 1, institution: 1 });
    expect(invented!.day).toBeGreaterThan(100);
    expect(invented!.day).toBeLessThan(365);
    expect(out.drugs[1]).toBe(0);
    expect(out.tests[1]).toBe(4000);
  });

  it('forges an admission from a hospital visit: a new stay of `size` days billed (1 + size) × the visit, no case group', () => {
    const { out } = apply(claimSet([[visit(7, { classA: 2000, classB: 1000, group: 5 })]]), only({ forgedRecords: { size: 3 } }));
    expect(rows(out)).toMatchObject([
      { setting: 'outpatient', day: 7, classA: 2000, classB: 1000, label: null },
      { setting: 'inpatient', day: 7, lengthOfStay: 3, classA: 8000, classB: 4000, flags: CLAIM_NEW_ADMISSION, label: 'forgedRecords', added: 1 },
    ]);
    expect(out.group[1]).toBe(-1);
  });

  it('pharmacies: a fake purchase the same day (cash-out), drugs billed again later (resale)', () => {
    const purchase = { setting: 'pharmacy', day: 60, classA: 1000 } as const;
    const cash = apply(claimSet([[purchase]]), only({ cashOut: { size: 2 } })).out;
    expect(rows(cash)).toMatchObject([{ day: 60, label: null }, { setting: 'pharmacy', day: 60, classA: 2000, label: 'cashOut', added: 1 }]);
    expect(cash.drugs[1]).toBe(2000);
    const resold = apply(claimSet([[purchase]]), only({ pharmacyResale: { size: 0.5 } })).out;
    expect(row(resold, 1)).toMatchObject({ setting: 'pharmacy', classA: 500, label: 'pharmacyResale' });
    expect(resold.claims.day[1]).toBeGreaterThan(60);
  });

  it('persons: card lending copies visits to later days, drug resale needs age 60, double benefit claims the same bill again', () => {
    const lent = apply(claimSet([[visit(10, { classA: 3000 })]]), only({ cardLending: { size: 1 } })).out;
    expect(row(lent, 1)).toMatchObject({ classA: 3000, label: 'cardLending', added: 1 });
    expect(lent.claims.day[1]).toBeGreaterThan(10);
    const purchase = { setting: 'pharmacy', day: 60, classA: 1000 } as const;
    const resale = apply(claimSet([[purchase], [purchase]], [70, 59]), only({ drugResale: { size: 1 } })).out;
    // 1 × 1000 fen of extra drugs for the 70-year-old; the 59-year-old is not touched.
    expect(rows(resale)).toMatchObject([{ classA: 2000, label: 'drugResale' }, { classA: 1000, label: null }]);
    const twice = apply(claimSet([[visit(3, { classA: 1234, classC: 10 })]]), only({ doubleBenefit: { size: 1 } })).out;
    expect(rows(twice)).toMatchObject([{ classA: 1234, classC: 10, label: null }, { day: 3, classA: 1234, classC: 10, label: 'doubleBenefit', added: 1 }]);
  });
});

describe('who engages, and which claims', () => {
  it('touches only claims of engaged institutions of the right type', () => {
    const claims = [[visit(1, { institution: 0 }), visit(2, { institution: 1 }), { setting: 'pharmacy', day: 3 } as ClaimSpec]];
    const engaged = new Uint8Array(3 * NIB);
    engaged[1 * NIB + labelOf('overTreatment') - 1] = 1;
    engaged[2 * NIB + labelOf('overTreatment') - 1] = 1; // a pharmacy: not a hospital behaviour
    const { out } = apply(claimSet(claims), only({ overTreatment: { size: 0.1 } }), { engaged });
    expect(rows(out).map((r) => r.label)).toEqual([null, 'overTreatment', null]);
  });

  it('never copies an emergency observation that leads to an admission, keeping the admission right after it', () => {
    const claims = [[{ setting: 'emergencyObservation', day: 9, flags: CLAIM_ADMITTED } as ClaimSpec, { setting: 'inpatient', day: 9, lengthOfStay: 2 } as ClaimSpec]];
    const { out } = apply(claimSet(claims), only({ duplicateCharging: { size: 1 } }));
    expect(rows(out).map((r) => [r.setting, r.label])).toEqual([
      ['emergencyObservation', null],
      ['inpatient', 'duplicateCharging'],
    ]);
  });

  it('touches about claimShare of the claims, the same ones whatever the members around them (keyed)', () => {
    const members = Array.from({ length: 400 }, (_, i) => Array.from({ length: 5 }, (_, k) => visit(k * 50 + (i % 7))));
    const a = only({ overTreatment: { size: 0.1, claimShare: 0.3 } });
    const all = apply(claimSet(members), a).out;
    const touched = Array.from(all.label.subarray(0, all.claims.length)).filter((l) => l > 0).length;
    // 2000 claims at 0.3: mean 600, sd √(2000 × 0.3 × 0.7) ≈ 20.5.
    expect(Math.abs(touched - 600)).toBeLessThan(4 * 20.5);
    const half = claimSet(members.slice(200));
    for (let i = 0; i < 200; i++) half.members.slot[i] = 200 + i;
    const later = apply(half, a).out;
    expect(Array.from(later.label.subarray(0, later.claims.length))).toEqual(Array.from(all.label.subarray(1000, 2000)));
  });

  it('makes about prevalence (0.1) of the members engage in a person behaviour', () => {
    // 4000 members, one visit each, claimShare 1: a member is touched exactly when it engages. Mean 400, sd √(4000 × 0.1 × 0.9) ≈ 19.
    const members = Array.from({ length: 4000 }, () => [visit(10)]);
    const a = only({ cardLending: { prevalence: 0.1, size: 1 } });
    const { out } = apply(claimSet(members), a);
    const engaged = new Set<number>();
    for (let c = 0; c < out.claims.length; c++) if (out.label[c]! > 0) engaged.add(out.claims.person[c]!);
    expect(Math.abs(engaged.size - 400)).toBeLessThan(4 * 19);
  });

  it('with every behaviour off, gives back the prepared claims unchanged', () => {
    const set = claimSet([[stay(10, 6, { classA: 6000, classC: 500 }), visit(20, { classB: 700 })], [], [{ setting: 'pharmacy', day: 1 }]]);
    const { out } = apply(set, supervisionAssumptions.parse({ enabled: true, behaviours: Object.fromEntries(['splitAdmission', 'overTreatment', 'substitution', 'doubleBenefit'].map((b) => [b, { prevalence: 0 }])) }), {
      engaged: new Uint8Array(3 * NIB),
    });
    for (const col of ['person', 'setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const) {
      expect(Array.from(out.claims[col].subarray(0, 3))).toEqual(Array.from(set.claims[col].subarray(0, 3)));
    }
    expect(Array.from(out.claims.memberStart.subarray(0, 4))).toEqual([0, 2, 2, 3]);
    expect(Array.from(out.label.subarray(0, 3))).toEqual([0, 0, 0]);
  });
});

describe('suspended networked settlement', () => {
  it('turns card-settled claims of the suspended months, local and out-of-area, into self-advances paid back later', () => {
    const state = allocateMemberSupervision(1);
    state.generation[0] = 0;
    state.suspendedUntil[0] = YEAR * 12 + 3; // January to March
    const set = claimSet([[visit(10), visit(58, { location: 1 }), visit(89), visit(90), visit(95, { location: 1 }), stay(80, 4)]]);
    const a = only({}, { sanctions: { suspendedReimbursementDays: 45 } });
    const { out, suspendedClaims } = apply(set, a, { state, suspendedChannel: 6 });
    // Days 10, 58 (out of area: direct settlement is networked too), 80 (a stay to day 84) and 89 fall in
    // January–March; days 90 and 95 are April.
    const ch = out.channels;
    expect(Array.from(out.claims.day.subarray(0, 6))).toEqual([10, 58, 80, 89, 90, 95]);
    expect(Array.from(ch.channel.subarray(0, 6))).toEqual([6, 6, 6, 6, 0, 0]);
    expect(Array.from(ch.paidDay.subarray(0, 4))).toEqual([10, 58, 84, 89]);
    expect(Array.from(ch.reimbursedDay.subarray(0, 4))).toEqual([55, 103, 129, 134]);
    expect(suspendedClaims).toBe(4);
  });

  it("forgets a slot's offences and suspension when its occupant changes", () => {
    const state = allocateMemberSupervision(2);
    const set = claimSet([[visit(10)], [visit(11)]]);
    syncOccupants(state, set.members);
    state.offences.fill(2);
    state.suspendedUntil.fill((YEAR + 1) * 12);
    set.members.generation[1] = 1;
    syncOccupants(state, set.members);
    expect(Array.from(state.offences)).toEqual([2, 0]);
    expect(Array.from(state.suspendedUntil)).toEqual([(YEAR + 1) * 12, 0]);
  });
});
