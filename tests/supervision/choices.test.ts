/**
 * Every documented choice of the Jiangxi rule file changes the outcome when changed in a copy.
 * Expected amounts are computed by hand in the comments (money in fen).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPenaltyRules } from '../../src/supervision/load.js';
import { assess, brief, covered, fen, jx, jxFile, jxWith, statuteFile, tierOf } from './helpers.js';

const agency = { article: '37', actor: 'handlingAgency' } as const;
const firstCorrected = { firstOffence: true, correctedInTime: true };

describe('choices.boundary (第十一条)', () => {
  it('reading 以上 as inclusive and 以下 as exclusive moves an edge case to the band above', () => {
    const flipped = jxWith(['boundary: { above: exclusive, below: inclusive }', 'boundary: { above: inclusive, below: exclusive }']);
    const facts = { ...agency, amountFen: fen(1000), ...firstCorrected };
    expect(tierOf(jx, facts)).toBe('37-J1');
    const result = covered(flipped, facts);
    expect(result.tier.id).toBe('37-J2');
    // [1×, 2×) midpoint: 1.5 × 1000 = 1500.00
    expect(brief(result.sanctions)).toEqual(['return 100000', 'fine 150000', 'discipline']);
  });
});

describe('choices.point', () => {
  // 37-G (L41) on 5500 yuan: fine range (3×, 4×] = (16500.00, 22000.00] yuan.
  const g = { ...agency, amountFen: fen(5500) };
  const fine = (rules: ReturnType<typeof jxWith>) => covered(rules, g).effects.fineFen;

  it('midpoint by default: 3.5 × 5500 = 19250.00', () => {
    expect(fine(jx)).toBe(1_925_000);
  });

  it('lower: 3× itself is excluded (以上), so one fen above it: 16500.01', () => {
    const lower = jxWith(['point: midpoint', 'point: lower']);
    expect(fine(lower)).toBe(1_650_001);
    expect(covered(lower, g).reasoning.some((l) => l.includes('moved inside the range'))).toBe(true);
  });

  it('upper: 4× is included (以下): 22000.00', () => {
    expect(fine(jxWith(['point: midpoint', 'point: upper']))).toBe(2_200_000);
  });

  it('a position: 0.25 → 3.25 × 5500 = 17875.00', () => {
    expect(fine(jxWith(['point: midpoint', 'point: 0.25']))).toBe(1_787_500);
  });

  it('moves months inside the range too: lower of (6, 9] months is 7; of ≤ 6 months, 1', () => {
    const lower = jxWith(['point: midpoint', 'point: lower']);
    const institution = { article: '40', actor: 'designatedInstitution', ...firstCorrected } as const;
    expect(covered(lower, { ...institution, amountFen: fen(20000), share: 0.003 }).effects.departmentSuspensionMonths).toBe(7);
    expect(covered(lower, { ...institution, amountFen: fen(10000), share: 0.001 }).effects.departmentSuspensionMonths).toBe(1);
  });

  it('sets fixed fines the same way: lower of (10000, 20000] yuan is 10000.01 (Art 39 item (6), L87)', () => {
    const lower = jxWith(['point: midpoint', 'point: lower']);
    const facts = { article: '39', actor: 'designatedInstitution', item: 6, amountFen: fen(800), refusedToCorrect: true } as const;
    expect(covered(lower, facts).effects.fineFen).toBe(1_000_001);
  });
});

describe('choices.gaps', () => {
  // A repeat offender with 3000 yuan under Art 37: no tier (L27–L41).
  const gap = { ...agency, amountFen: fen(3000) };

  it('uncovered by default, saying so', () => {
    const result = assess(jx, gap);
    expect(result).toMatchObject({
      covered: false,
      message: 'no tier of article 37 in CN-JX-trial covers these facts: handling agency (医疗保障经办机构); amount 3000.00 yuan',
    });
    expect(result.reasoning).toContain('37-Q lenient (从轻处罚): does not hold: needs first offence (初次违法), needs corrected in time (及时改正)');
  });

  it('statute: the 条例 range from the base file, with its own boundary rule', () => {
    const rules = jxWith(['  gaps:\n    default: uncovered', '  gaps:\n    default: statute']);
    const result = covered(rules, gap);
    expect(result.gapFilledBy).toBe('statute');
    expect(result.tier).toMatchObject({ id: 'CN-37', degree: 'statutory', rules: { id: 'CN-2021' } });
    // 2–5× midpoint: 3.5 × 3000 = 10500.00
    expect(brief(result.sanctions)).toEqual(['return 300000', 'fine 1050000', 'discipline']);
    expect(result.sourceRef).toContain('seed 000 L43');
  });

  it('statute ranges keep the national convention: lower of 2倍以上 is exactly 2× (6000.00), not 6000.01', () => {
    const rules = jxWith(['  gaps:\n    default: uncovered', '  gaps:\n    default: statute'], ['point: midpoint', 'point: lower']);
    expect(covered(rules, gap).effects.fineFen).toBe(600_000);
  });

  it('statute: still uncovered when the statute file has no range for the facts either', () => {
    // A base whose only Art 37 range needs a first offence.
    const dir = mkdtempSync(join(tmpdir(), 'yibao-penalty-'));
    const base = readFileSync(statuteFile, 'utf8').replace("      - id: CN-37\n", '      - id: CN-37\n        when: { firstOffence: true }\n');
    writeFileSync(join(dir, 'base.yaml'), base);
    const text = readFileSync(jxFile, 'utf8').replace('base: CN-2021.yaml', 'base: base.yaml').replace('  gaps:\n    default: uncovered', '  gaps:\n    default: statute');
    writeFileSync(join(dir, 'rules.yaml'), text);
    const result = assess(loadPenaltyRules(join(dir, 'rules.yaml')), gap);
    expect(result).toMatchObject({ covered: false, message: expect.stringContaining('no tier of article 37 in CN-JX-trial or its statute CN-2021 covers these facts') });
    rmSync(dir, { recursive: true });
  });

  it('a tier of the article, per article', () => {
    const rules = jxWith(['  gaps:\n    default: uncovered', "  gaps:\n    default: uncovered\n    '37': 37-G"]);
    const result = covered(rules, gap);
    expect(result).toMatchObject({ tier: { id: '37-G' }, gapFilledBy: '37-G' });
    // 37-G's (3×, 4×] midpoint: 3.5 × 3000 = 10500.00
    expect(result.effects.fineFen).toBe(1_050_000);
    // Other articles keep the default.
    expect(tierOf(rules, { article: '41.1', actor: 'insuredPerson', amountFen: fen(1500) })).toBe('uncovered');
  });
});

describe('choices.precedence', () => {
  // A first, corrected 1500-yuan fraud paid all from the personal account meets 41.2-J1, J2 and Q (L163–L171).
  const pa = { article: '41.2', actor: 'insuredPerson', amountFen: fen(1500), allFromPersonalAccount: true, ...firstCorrected } as const;

  it('J1 wins by default; putting Q first gives Q', () => {
    expect(tierOf(jx, pa)).toBe('41.2-J1');
    const rules = jxWith(["'41.2': [41.2-Z, 41.2-J1, 41.2-J2, 41.2-Q, 41.2-G]", "'41.2': [41.2-Q, 41.2-Z, 41.2-J1, 41.2-J2, 41.2-G]"]);
    const result = covered(rules, pa);
    expect(result.tier.id).toBe('41.2-Q');
    // (2×, 3×] midpoint: 2.5 × 1500 = 3750.00
    expect(result.effects.fineFen).toBe(375_000);
  });

  it('不予处罚 before the share tiers: moving 38-N1 last turns a self-found 3% loss into 38-Z', () => {
    const facts = { article: '38', actor: 'designatedInstitution', amountFen: fen(80000), share: 0.03, selfInspection: true, correctedInTime: true } as const;
    expect(tierOf(jx, facts)).toBe('38-N1');
    const rules = jxWith(["'38': [38-N1, 38-N2, 38-Z, 38-J, 38-Q, 38-G]", "'38': [38-N2, 38-Z, 38-J, 38-Q, 38-G, 38-N1]"]);
    expect(tierOf(rules, facts)).toBe('38-Z');
  });
});

describe('choices.readTypos: 41.1-Z "600元以上" (L147)', () => {
  const asWritten = jxWith(['readTypos: corrected', 'readTypos: asWritten']);
  const insured = { article: '41.1', actor: 'insuredPerson' } as const;

  it('as written, an 800-yuan first offence corrected in time is 从重, not 减轻', () => {
    expect(tierOf(jx, { ...insured, amountFen: fen(800), ...firstCorrected })).toBe('41.1-J2');
    const result = covered(asWritten, { ...insured, amountFen: fen(800), ...firstCorrected });
    expect(result.tier.id).toBe('41.1-Z');
    expect(result.effects.settlementSuspensionMonths).toBe(11);
    expect(result.reasoning).toContain('41.1-Z aggravated (从重处罚) as written (choices.readTypos): holds');
  });

  it('as written, 一般 (2000–6000) can never apply', () => {
    expect(tierOf(jx, { ...insured, amountFen: fen(3000) })).toBe('41.1-G');
    expect(tierOf(asWritten, { ...insured, amountFen: fen(3000) })).toBe('41.1-Z');
    // The edge of the literal reading: 600 is 以下, 600.01 is 以上.
    expect(tierOf(asWritten, { ...insured, amountFen: fen(600), ...firstCorrected })).toBe('41.1-J2');
    expect(tierOf(asWritten, { ...insured, amountFen: fen(600) + 1, ...firstCorrected })).toBe('41.1-Z');
  });
});

describe('choices.switches', () => {
  it('statutoryReferrals: false drops the statute\'s 处分 (Art 37) and 吊销执业资格 (Art 40)', () => {
    const rules = jxWith(['\n    statutoryReferrals: true', '\n    statutoryReferrals: false']);
    const facts = { ...agency, amountFen: fen(5500) };
    expect(covered(jx, facts).effects.referrals).toEqual(['discipline']);
    expect(covered(rules, facts).effects.referrals).toEqual([]);
    const fraud = { article: '40', actor: 'designatedInstitution', amountFen: fen(50000), share: 0.01 } as const;
    expect(brief(covered(jx, fraud).sanctions)).toContain('revokeLicence?');
    expect(brief(covered(rules, fraud).sanctions)).not.toContain('revokeLicence?');
  });

  it('art38StatutorySuspension: true suspends in 38-G on refusal and in 38-Z on serious consequences (L45)', () => {
    const rules = jxWith(['\n    art38StatutorySuspension: false', '\n    art38StatutorySuspension: true']);
    const g = { article: '38', actor: 'designatedInstitution', amountFen: fen(50000), share: 0.01, refusedToCorrect: true } as const;
    expect(covered(jx, g).effects.departmentSuspensionMonths).toBe(0);
    expect(covered(rules, g).effects.departmentSuspensionMonths).toBe(9);
    const z = { article: '38', actor: 'designatedInstitution', amountFen: fen(100000), share: 0.02, serious: true } as const;
    expect(covered(jx, z).effects.departmentSuspensionMonths).toBe(0);
    expect(covered(rules, z).effects.departmentSuspensionMonths).toBe(9);
  });

  it('art40AggravatedTermination: false keeps the agreement in 40-Z (L119)', () => {
    const rules = jxWith(['\n    art40AggravatedTermination: true', '\n    art40AggravatedTermination: false']);
    const facts = { article: '40', actor: 'designatedInstitution', amountFen: fen(100000), share: 0.02 } as const;
    expect(covered(jx, facts).effects.agreementTerminated).toBe(true);
    expect(covered(rules, facts).effects.agreementTerminated).toBe(false);
  });

  it('settlementSuspensionOnlyIfInsured: false suspends a person who is not insured as the 细则 tiers write it', () => {
    const rules = jxWith(['\n    settlementSuspensionOnlyIfInsured: true', '\n    settlementSuspensionOnlyIfInsured: false']);
    const facts = { article: '41.1', actor: 'uninsuredPerson', amountFen: fen(3000) } as const;
    expect(covered(jx, facts).effects.settlementSuspensionMonths).toBe(0);
    expect(covered(rules, facts).effects.settlementSuspensionMonths).toBe(8);
    // 41.2-G writes 属于参保人员的 itself (L179): the switch does not apply there.
    expect(covered(rules, { ...facts, article: '41.2' }).effects.settlementSuspensionMonths).toBe(0);
  });
});
