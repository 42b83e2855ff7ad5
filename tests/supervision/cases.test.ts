/** Simulated cases put to the rule table: the article, the tier and the sanctions the facts lead to. */
import { describe, expect, it } from 'vitest';
import { personCase, institutionCase } from '../../src/supervision/cases.js';
import { supervisionRules } from '../../src/supervision/rules.js';
import { supervisionAssumptions } from '../../src/supervision/assumptions.js';

const statute = supervisionRules(supervisionAssumptions.parse({ enabled: true }), '.', 'scenario.yaml');
const asRules = supervisionRules(supervisionAssumptions.parse({ enabled: true, sanctions: { gaps: 'asRules' } }), '.', 'scenario.yaml');
const person = { intent: false, firstOffence: true, correctedInTime: true, refusedToCorrect: false, allFromPersonalAccount: false };

describe('cases against insured persons (Art 41)', () => {
  it('800 yuan, first offence, corrected in time, no intent: 41.1-J2, settlement suspended (1, 3] months, midpoint 2', () => {
    const o = personCase(statute, { ...person, amountFen: 80_000 });
    expect(o).toMatchObject({ article: '41.1', covered: true, tier: '41.1-J2', effects: { settlementSuspensionMonths: 2, fineFen: 0 } });
  });

  it('3000 yuan with intent, not a first offence: 41.2-G, a fine of 3.5 × 3000 = 10500 yuan and (6, 9] months (7.5 rounds to 8)', () => {
    const o = personCase(statute, { ...person, intent: true, firstOffence: false, correctedInTime: false, amountFen: 300_000 });
    expect(o).toMatchObject({ article: '41.2', tier: '41.2-G', effects: { fineFen: 1_050_000, settlementSuspensionMonths: 8 } });
  });

  it('all from the personal account and corrected: an interview only (41.1-N)', () => {
    expect(personCase(statute, { ...person, firstOffence: false, amountFen: 90_000, allFromPersonalAccount: true })).toMatchObject({ tier: '41.1-N', noPenalty: true });
  });

  it('a gap of the Jiangxi table (1000 yuan, not a first offence) takes the statute’s range, or stays uncovered with gaps: asRules', () => {
    const facts = { ...person, firstOffence: false, amountFen: 100_000 };
    // CN-41.1: suspension [3, 12] months (the statute file reads 以上 inclusively), midpoint 7.5 → 8.
    expect(personCase(statute, facts)).toMatchObject({ covered: true, tier: 'CN-41.1', effects: { settlementSuspensionMonths: 8 } });
    expect(personCase(asRules, facts)).toMatchObject({ covered: false, effects: { returnFen: 100_000, settlementSuspensionMonths: 0 } });
  });

  it('never contradicts itself: refusal only counts when not corrected in time', () => {
    expect(() => personCase(statute, { ...person, refusedToCorrect: true, amountFen: 10_000 })).not.toThrow();
  });
});

describe('cases against institutions (Arts 38, 40)', () => {
  const inst = { intent: false, firstOffence: true, correctedInTime: true, refusedToCorrect: false, amountFen: 1_000_000 };

  it('picks the tier on the share of last year’s payments: 0.2% → 38-J, 0.3% → 38-Q, 1% → 38-G, 2% → 38-Z', () => {
    expect([0.002, 0.003, 0.01, 0.02].map((share) => institutionCase(statute, { ...inst, share }).tier)).toEqual(['38-J', '38-Q', '38-G', '38-Z']);
  });

  it('fines 38-G at exactly 1.5 × the loss; Art 40 suspends the department and 40-Z ends the agreement', () => {
    expect(institutionCase(statute, { ...inst, share: 0.01 }).effects.fineFen).toBe(1_500_000);
    expect(institutionCase(statute, { ...inst, intent: true, share: 0.003 }).effects).toMatchObject({ departmentSuspensionMonths: 8, agreementTerminated: false });
    expect(institutionCase(statute, { ...inst, intent: true, share: 0.02 }).effects).toMatchObject({ departmentSuspensionMonths: 12, agreementTerminated: true });
  });
});
