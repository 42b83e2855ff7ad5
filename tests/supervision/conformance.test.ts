/**
 * One case per article × tier of the Jiangxi discretion table (seed 003, 篇一) and of the statute
 * (seed 000 L43), with the default choices (midpoint, 以上 exclusive / 以下 inclusive in Jiangxi).
 * Expected amounts are computed by hand in the comments; money in fen, suspensions in months.
 */
import { describe, expect, it } from 'vitest';
import type { PenaltyFacts } from '../../src/supervision/facts.js';
import { brief, covered, fen, jx, statute } from './helpers.js';

interface Case {
  name: string;
  facts: PenaltyFacts;
  tier: string;
  sanctions: string[];
}

const agency = { actor: 'handlingAgency' } as const;
const institution = { actor: 'designatedInstitution' } as const;
const insured = { actor: 'insuredPerson' } as const;
const firstCorrected = { firstOffence: true, correctedInTime: true };

const jxCases: Case[] = [
  // Art 37, 细则 第一条. Every tier adds 处分 (discipline, choices.switches.statutoryReferrals).
  // L27: 初次违法且1000元以下并及时改正 → fine ≤ 1×: midpoint of (0, 1×] = 0.5 × 800 = 400.00
  { name: '37-J1 L27', facts: { article: '37', ...agency, amountFen: fen(800), ...firstCorrected }, tier: '37-J1', sanctions: ['return 80000', 'fine 40000', 'discipline'] },
  // L29: 1000–2000 → (1×, 2×]: 1.5 × 1500 = 2250.00
  { name: '37-J2 L29', facts: { article: '37', ...agency, amountFen: fen(1500), ...firstCorrected }, tier: '37-J2', sanctions: ['return 150000', 'fine 225000', 'discipline'] },
  // L33: 2000–5000 → (2×, 3×]: 2.5 × 3000 = 7500.00
  { name: '37-Q L33', facts: { article: '37', ...agency, amountFen: fen(3000), ...firstCorrected }, tier: '37-Q', sanctions: ['return 300000', 'fine 750000', 'discipline'] },
  // L37: 6000元以上 → (4×, 5×]: 4.5 × 10000 = 45000.00
  { name: '37-Z L37', facts: { article: '37', ...agency, amountFen: fen(10000) }, tier: '37-Z', sanctions: ['return 1000000', 'fine 4500000', 'discipline'] },
  // L201 第十条: obstruction → 从重 whatever the amount: 4.5 × 3000 = 13500.00
  { name: '37-Z on obstruction L201', facts: { article: '37', ...agency, amountFen: fen(3000), obstruction: true }, tier: '37-Z', sanctions: ['return 300000', 'fine 1350000', 'discipline'] },
  // L41: 5000–6000 → (3×, 4×]: 3.5 × 5500 = 19250.00
  { name: '37-G L41', facts: { article: '37', ...agency, amountFen: fen(5500) }, tier: '37-G', sanctions: ['return 550000', 'fine 1925000', 'discipline'] },

  // Art 38, 细则 第二条.
  // L51: self-found ≤ 10万 and returned → 约谈 only, even at a 3% share (不予处罚 first in precedence).
  { name: '38-N1 L51', facts: { article: '38', ...institution, amountFen: fen(80000), share: 0.03, selfInspection: true, correctedInTime: true }, tier: '38-N1', sanctions: ['interview responsiblePerson'] },
  // L53: found in inspection, first, one department, ≤ 5000, returned → 约谈 (also meets 38-J).
  { name: '38-N2 L53', facts: { article: '38', ...institution, amountFen: fen(4000), share: 0.001, ...firstCorrected, individualConduct: true }, tier: '38-N2', sanctions: ['interview responsiblePerson'] },
  // L57: ≤ 0.2% → correct, 约谈, return, fine ≤ 1×: 0.5 × 20000 = 10000.00
  { name: '38-J L57', facts: { article: '38', ...institution, amountFen: fen(20000), share: 0.001, ...firstCorrected }, tier: '38-J', sanctions: ['correct', 'interview responsiblePerson', 'return 2000000', 'fine 1000000'] },
  // L61: 0.2–0.5% → (1×, 1.5×]: 1.25 × 30000 = 37500.00
  { name: '38-Q L61', facts: { article: '38', ...institution, amountFen: fen(30000), share: 0.004, ...firstCorrected }, tier: '38-Q', sanctions: ['correct', 'interview responsiblePerson', 'return 3000000', 'fine 3750000'] },
  // L65: > 1.5% → (1.5×, 2×]: 1.75 × 100000 = 175000.00; no suspension without refusal
  { name: '38-Z L65', facts: { article: '38', ...institution, amountFen: fen(100000), share: 0.02 }, tier: '38-Z', sanctions: ['correct', 'interview responsiblePerson', 'return 10000000', 'fine 17500000'] },
  // L65: 拒不改正的 → department suspended (6, 12] months: midpoint 9
  { name: '38-Z refused L65', facts: { article: '38', ...institution, amountFen: fen(100000), share: 0.02, refusedToCorrect: true }, tier: '38-Z', sanctions: ['correct', 'interview responsiblePerson', 'return 10000000', 'fine 17500000', 'suspendDepartment 9'] },
  // L69: 0.5–1.5% → exactly 1.5 × 50000 = 75000.00; refusal adds nothing in 一般 (as written)
  { name: '38-G L69', facts: { article: '38', ...institution, amountFen: fen(50000), share: 0.01, refusedToCorrect: true }, tier: '38-G', sanctions: ['correct', 'interview responsiblePerson', 'return 5000000', 'fine 7500000'] },

  // Art 39, 细则 第三条: fixed fines in yuan.
  // L83: any item, first offence, corrected → 约谈
  { name: '39-N L83', facts: { article: '39', ...institution, item: 3, ...firstCorrected }, tier: '39-N', sanctions: ['interview responsiblePerson'] },
  // L87: item (6), ≤ 1000, refused → (10000, 20000]: midpoint 15000.00
  { name: '39-Q L87', facts: { article: '39', ...institution, item: 6, amountFen: fen(800), refusedToCorrect: true }, tier: '39-Q', sanctions: ['fine 1500000'] },
  // L91: items (1)–(5), refused, serious → (40000, 50000]: 45000.00
  { name: '39-Z1 L91', facts: { article: '39', ...institution, item: 2, refusedToCorrect: true, serious: true }, tier: '39-Z1', sanctions: ['fine 4500000'] },
  // L93: item (6), > 1000, refused → 45000.00
  { name: '39-Z2 L93', facts: { article: '39', ...institution, item: 6, amountFen: fen(1500), refusedToCorrect: true }, tier: '39-Z2', sanctions: ['fine 4500000'] },
  // L201: obstruction on item (6) ≤ 1000 is 从重, not 39-Q (从重 before 从轻 in precedence)
  { name: '39-Z2 on obstruction L201', facts: { article: '39', ...institution, item: 6, amountFen: fen(800), obstruction: true }, tier: '39-Z2', sanctions: ['fine 4500000'] },
  // L95: item (7), refused → 45000.00
  { name: '39-Z3 L95', facts: { article: '39', ...institution, item: 7, refusedToCorrect: true }, tier: '39-Z3', sanctions: ['fine 4500000'] },
  // L99: items (1)–(5), refused, not serious → (20000, 40000]: 30000.00
  { name: '39-G L99', facts: { article: '39', ...institution, item: 4, refusedToCorrect: true }, tier: '39-G', sanctions: ['fine 3000000'] },

  // Art 40, 细则 第四条. Every tier adds a discretionary 吊销执业资格 (revokeLicence?).
  // L111: ≤ 0.2% → fine ≤ 2×: 1 × 10000 = 10000.00; suspension ≤ 6 months: midpoint 3
  { name: '40-J L111', facts: { article: '40', ...institution, amountFen: fen(10000), share: 0.001, ...firstCorrected }, tier: '40-J', sanctions: ['return 1000000', 'fine 1000000', 'suspendDepartment 3', 'revokeLicence?'] },
  // L115: 0.2–0.5% → (2×, 3×]: 2.5 × 20000 = 50000.00; (6, 9] months: 7.5 rounds half up to 8
  { name: '40-Q L115', facts: { article: '40', ...institution, amountFen: fen(20000), share: 0.003, ...firstCorrected }, tier: '40-Q', sanctions: ['return 2000000', 'fine 5000000', 'suspendDepartment 8', 'revokeLicence?'] },
  // L119: > 1.5% → (4×, 5×]: 4.5 × 100000 = 450000.00; 1 year; agreement terminated (switch)
  { name: '40-Z L119', facts: { article: '40', ...institution, amountFen: fen(100000), share: 0.02 }, tier: '40-Z', sanctions: ['return 10000000', 'fine 45000000', 'suspendDepartment 12', 'terminateAgreement', 'revokeLicence?'] },
  // L123: 0.5–1.5% → (3×, 4×]: 3.5 × 50000 = 175000.00; 9个月以上至1年 (9, 12]: 10.5 → 11
  { name: '40-G L123', facts: { article: '40', ...institution, amountFen: fen(50000), share: 0.01 }, tier: '40-G', sanctions: ['return 5000000', 'fine 17500000', 'suspendDepartment 11', 'revokeLicence?'] },

  // Art 41 ¶1, 细则 第五条: settlement suspensions, no fine.
  // L133: all from the personal account and corrected → 约谈当事人
  { name: '41.1-N L133', facts: { article: '41.1', ...insured, amountFen: fen(3000), allFromPersonalAccount: true, correctedInTime: true }, tier: '41.1-N', sanctions: ['interview party'] },
  // L137: ≤ 500 → ≤ 1 month: midpoint 0.5 rounds half up to 1
  { name: '41.1-J1 L137', facts: { article: '41.1', ...insured, amountFen: fen(400), ...firstCorrected }, tier: '41.1-J1', sanctions: ['correct', 'return 40000', 'suspendSettlement 1'] },
  // L139: 500–1000 → (1, 3]: 2
  { name: '41.1-J2 L139', facts: { article: '41.1', ...insured, amountFen: fen(800), ...firstCorrected }, tier: '41.1-J2', sanctions: ['correct', 'return 80000', 'suspendSettlement 2'] },
  // L143: 1000–2000 → (3, 6]: 4.5 → 5
  { name: '41.1-Q L143', facts: { article: '41.1', ...insured, amountFen: fen(1500), ...firstCorrected }, tier: '41.1-Q', sanctions: ['correct', 'return 150000', 'suspendSettlement 5'] },
  // L147: "600元以上" read as 6000 → (9, 12]: 10.5 → 11
  { name: '41.1-Z L147', facts: { article: '41.1', ...insured, amountFen: fen(7000) }, tier: '41.1-Z', sanctions: ['correct', 'return 700000', 'suspendSettlement 11'] },
  // L151: 2000–6000 → (6, 9]: 7.5 → 8
  { name: '41.1-G L151', facts: { article: '41.1', ...insured, amountFen: fen(3000) }, tier: '41.1-G', sanctions: ['correct', 'return 300000', 'suspendSettlement 8'] },
  // L127 属于参保人员的: a person who is not insured has no settlement to suspend
  { name: '41.1-G not insured L127', facts: { article: '41.1', actor: 'uninsuredPerson', amountFen: fen(3000) }, tier: '41.1-G', sanctions: ['correct', 'return 300000'] },

  // Art 41 ¶2, 细则 第六条: suspension plus a fine.
  // L163: ≤ 500 → ≤ 1 month: 1; fine ≤ 1×: 0.5 × 400 = 200.00
  { name: '41.2-J1 L163', facts: { article: '41.2', ...insured, amountFen: fen(400), ...firstCorrected }, tier: '41.2-J1', sanctions: ['correct', 'return 40000', 'suspendSettlement 1', 'fine 20000'] },
  // L163: all from the personal account, any amount → J1 (it also meets J2 and Q): 0.5 × 1500 = 750.00
  { name: '41.2-J1 personal account L163', facts: { article: '41.2', ...insured, amountFen: fen(1500), allFromPersonalAccount: true, ...firstCorrected }, tier: '41.2-J1', sanctions: ['correct', 'return 150000', 'suspendSettlement 1', 'fine 75000'] },
  // L165: 500–1000 → (1, 3]: 2; (1×, 2×]: 1.5 × 800 = 1200.00
  { name: '41.2-J2 L165', facts: { article: '41.2', ...insured, amountFen: fen(800), ...firstCorrected }, tier: '41.2-J2', sanctions: ['correct', 'return 80000', 'suspendSettlement 2', 'fine 120000'] },
  // L171: 1000–2000 → (3, 6]: 5; (2×, 3×]: 2.5 × 1500 = 3750.00
  { name: '41.2-Q L171', facts: { article: '41.2', ...insured, amountFen: fen(1500), ...firstCorrected }, tier: '41.2-Q', sanctions: ['correct', 'return 150000', 'suspendSettlement 5', 'fine 375000'] },
  // L175: > 6000 → (9, 12]: 11; (4×, 5×]: 4.5 × 7000 = 31500.00
  { name: '41.2-Z L175', facts: { article: '41.2', ...insured, amountFen: fen(7000) }, tier: '41.2-Z', sanctions: ['correct', 'return 700000', 'suspendSettlement 11', 'fine 3150000'] },
  // L179: 2000–6000 → (6, 9]: 8; (3×, 4×]: 3.5 × 3000 = 10500.00
  { name: '41.2-G L179', facts: { article: '41.2', ...insured, amountFen: fen(3000) }, tier: '41.2-G', sanctions: ['correct', 'return 300000', 'suspendSettlement 8', 'fine 1050000'] },
];

describe('Jiangxi discretion table (CN-JX-trial), every article × tier', () => {
  it.each(jxCases)('$name', ({ facts, tier, sanctions }) => {
    const result = covered(jx, facts);
    expect(result.tier.id).toBe(tier);
    expect(brief(result.sanctions)).toEqual(sanctions);
    expect(result.sourceRef).toContain('seed 003 L');
  });

  it('covers every tier of the file', () => {
    const tested = new Set(jxCases.map((c) => c.tier));
    const all = jx.articles.flatMap((a) => a.tiers.map((t) => t.id));
    expect(all.filter((t) => !tested.has(t))).toEqual([]);
  });

  it('names the tiers an overlapping case also meets, and why the winner wins', () => {
    const result = covered(jx, { article: '38', actor: 'designatedInstitution', amountFen: fen(4000), share: 0.001, firstOffence: true, correctedInTime: true, individualConduct: true });
    expect(result.reasoning).toContain('chosen: 38-N2 no penalty (不予处罚), first in choices.precedence.38 of 38-N2, 38-J; seed 003 L53 (第二条(一)2)');
  });
});

// The statute's ranges (seed 000 L43), national convention: 以上 and 以下 both include the number.
const statuteCases: Case[] = [
  // 第三十七条: return, 2–5×: midpoint 3.5 × 3000 = 10500.00, 处分
  { name: '37', facts: { article: '37', ...agency, amountFen: fen(3000) }, tier: 'CN-37', sanctions: ['return 300000', 'fine 1050000', 'discipline'] },
  // 第三十八条: 1–2× → 1.5 × 3000 = 4500.00; 拒不改正 → 6–12 months: 9; 可以约谈
  { name: '38 refused', facts: { article: '38', ...institution, amountFen: fen(3000), refusedToCorrect: true }, tier: 'CN-38', sanctions: ['correct', 'interview? responsiblePerson', 'return 300000', 'fine 450000', 'suspendDepartment 9'] },
  // 第三十八条: 造成严重后果 also suspends
  { name: '38 serious', facts: { article: '38', ...institution, amountFen: fen(3000), serious: true }, tier: 'CN-38', sanctions: ['correct', 'interview? responsiblePerson', 'return 300000', 'fine 450000', 'suspendDepartment 9'] },
  // 第三十九条: no fine unless 拒不改正
  { name: '39 corrected', facts: { article: '39', ...institution, item: 2 }, tier: 'CN-39', sanctions: ['correct', 'interview? responsiblePerson'] },
  // 第三十九条: 拒不改正 → 1万–5万: midpoint 30000.00
  { name: '39 refused', facts: { article: '39', ...institution, refusedToCorrect: true }, tier: 'CN-39', sanctions: ['correct', 'interview? responsiblePerson', 'fine 3000000'] },
  // 第四十条: 2–5× → 3.5 × 20000 = 70000.00; 6–12 months: 9; up to termination (may)
  { name: '40', facts: { article: '40', ...institution, amountFen: fen(20000) }, tier: 'CN-40', sanctions: ['return 2000000', 'fine 7000000', 'suspendDepartment 9', 'terminateAgreement?', 'revokeLicence?'] },
  // 第四十一条第一款: 3–12 months: 7.5 → 8
  { name: '41.1', facts: { article: '41.1', ...insured, amountFen: fen(3000) }, tier: 'CN-41.1', sanctions: ['correct', 'return 300000', 'suspendSettlement 8'] },
  // 第四十一条第二款: as ¶1 plus 2–5× → 3.5 × 3000 = 10500.00
  { name: '41.2', facts: { article: '41.2', ...insured, amountFen: fen(3000) }, tier: 'CN-41.2', sanctions: ['correct', 'return 300000', 'suspendSettlement 8', 'fine 1050000'] },
];

describe('statutory ranges (CN-2021)', () => {
  it.each(statuteCases)('$name', ({ facts, tier, sanctions }) => {
    const result = covered(statute, facts);
    expect(result.tier.id).toBe(tier);
    expect(brief(result.sanctions)).toEqual(sanctions);
    expect(result.sourceRef).toContain('seed 000 L43');
  });
});

describe('sanction effects for a simulation', () => {
  it('sums what is imposed and leaves out what the source only allows', () => {
    // 40-Z (L119) on 100000 yuan: return 100000.00, fine 450000.00, 12 months, terminated; 吊销 is "may".
    const { effects } = covered(jx, { article: '40', actor: 'designatedInstitution', amountFen: fen(100000), share: 0.02 });
    expect(effects).toEqual({
      orderedToCorrect: false,
      returnFen: 10_000_000,
      fineFen: 45_000_000,
      departmentSuspensionMonths: 12,
      settlementSuspensionMonths: 0,
      agreementTerminated: true,
      interview: false,
      referrals: [],
    });
  });

  it('gives an insured person the months of settlement suspension', () => {
    // 41.2-G (L179) on 3000 yuan: 8 months, fine 10500.00, 处分 is not an individual sanction.
    const { effects } = covered(jx, { article: '41.2', actor: 'insuredPerson', amountFen: fen(3000) });
    expect(effects).toMatchObject({ settlementSuspensionMonths: 8, fineFen: 1_050_000, returnFen: 300_000, orderedToCorrect: true });
  });
});
