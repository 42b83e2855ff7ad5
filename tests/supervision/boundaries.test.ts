/**
 * The boundary rule at every band edge of the Jiangxi table: 第十一条 (seed 003 L203) "以上"不包括本数,
 * "以下"包括本数, so an amount exactly at an edge belongs to the band below it. Each edge is tried one fen
 * (or 0.00001% of share) below, exactly at, and above; the expected tiers are read off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import type { PenaltyFacts } from '../../src/supervision/facts.js';
import { fen, jx, tierOf } from './helpers.js';

type Base = Omit<PenaltyFacts, 'amountFen' | 'share'>;
interface Edge {
  what: string;
  base: Base;
  /** The other fact, fixed while the edge is tried. */
  fixed?: Partial<PenaltyFacts>;
  on: 'amount' | 'share';
  edge: number;
  /** Tier just below, exactly at, and just above the edge. */
  tiers: [string, string, string];
}

const firstCorrected = { firstOffence: true, correctedInTime: true };
const agency: Base = { article: '37', actor: 'handlingAgency', ...firstCorrected };
const i38: Base = { article: '38', actor: 'designatedInstitution', ...firstCorrected };
const i40: Base = { article: '40', actor: 'designatedInstitution', ...firstCorrected };
const p411: Base = { article: '41.1', actor: 'insuredPerson', ...firstCorrected };
const p412: Base = { article: '41.2', actor: 'insuredPerson', ...firstCorrected };

const edges: Edge[] = [
  // Art 37 (L27–L41): 1000 / 2000 / 5000 / 6000 yuan
  { what: '37 1000元', base: agency, on: 'amount', edge: 1000, tiers: ['37-J1', '37-J1', '37-J2'] },
  { what: '37 2000元', base: agency, on: 'amount', edge: 2000, tiers: ['37-J2', '37-J2', '37-Q'] },
  { what: '37 5000元', base: agency, on: 'amount', edge: 5000, tiers: ['37-Q', '37-Q', '37-G'] },
  { what: '37 6000元', base: agency, on: 'amount', edge: 6000, tiers: ['37-G', '37-G', '37-Z'] },
  { what: '37 5000元, repeat offence', base: { article: '37', actor: 'handlingAgency' }, on: 'amount', edge: 5000, tiers: ['uncovered', 'uncovered', '37-G'] },
  // Art 38 (L51–L69): 10万元 self-found, 5000元 in inspection, 0.2% / 0.5% / 1.5%
  { what: '38 10万元 self-found', base: { article: '38', actor: 'designatedInstitution', selfInspection: true, correctedInTime: true }, fixed: { share: 0.03 }, on: 'amount', edge: 100000, tiers: ['38-N1', '38-N1', '38-Z'] },
  { what: '38 5000元 in inspection', base: { ...i38, individualConduct: true }, fixed: { share: 0.001 }, on: 'amount', edge: 5000, tiers: ['38-N2', '38-N2', '38-J'] },
  { what: '38 0.2%', base: i38, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.002, tiers: ['38-J', '38-J', '38-Q'] },
  { what: '38 0.5%', base: i38, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.005, tiers: ['38-Q', '38-Q', '38-G'] },
  { what: '38 1.5%', base: i38, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.015, tiers: ['38-G', '38-G', '38-Z'] },
  // Art 39 item (6) (L87, L93): 1000元
  { what: '39(6) 1000元', base: { article: '39', actor: 'designatedInstitution', item: 6, refusedToCorrect: true }, on: 'amount', edge: 1000, tiers: ['39-Q', '39-Q', '39-Z2'] },
  // Art 40 (L111–L123): 0.2% / 0.5% / 1.5%
  { what: '40 0.2%', base: i40, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.002, tiers: ['40-J', '40-J', '40-Q'] },
  { what: '40 0.5%', base: i40, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.005, tiers: ['40-Q', '40-Q', '40-G'] },
  { what: '40 1.5%', base: i40, fixed: { amountFen: fen(20000) }, on: 'share', edge: 0.015, tiers: ['40-G', '40-G', '40-Z'] },
  // Art 41 ¶1 (L137–L151): 500 / 1000 / 2000 / 6000 yuan
  { what: '41.1 500元', base: p411, on: 'amount', edge: 500, tiers: ['41.1-J1', '41.1-J1', '41.1-J2'] },
  { what: '41.1 1000元', base: p411, on: 'amount', edge: 1000, tiers: ['41.1-J2', '41.1-J2', '41.1-Q'] },
  { what: '41.1 2000元', base: p411, on: 'amount', edge: 2000, tiers: ['41.1-Q', '41.1-Q', '41.1-G'] },
  { what: '41.1 6000元', base: p411, on: 'amount', edge: 6000, tiers: ['41.1-G', '41.1-G', '41.1-Z'] },
  // Art 41 ¶2 (L163–L179): 500 / 1000 / 2000 / 6000 yuan
  { what: '41.2 500元', base: p412, on: 'amount', edge: 500, tiers: ['41.2-J1', '41.2-J1', '41.2-J2'] },
  { what: '41.2 1000元', base: p412, on: 'amount', edge: 1000, tiers: ['41.2-J2', '41.2-J2', '41.2-Q'] },
  { what: '41.2 2000元', base: p412, on: 'amount', edge: 2000, tiers: ['41.2-Q', '41.2-Q', '41.2-G'] },
  { what: '41.2 6000元', base: p412, on: 'amount', edge: 6000, tiers: ['41.2-G', '41.2-G', '41.2-Z'] },
];

function at(e: Edge, step: -1 | 0 | 1): PenaltyFacts {
  const value = e.on === 'amount' ? { amountFen: fen(e.edge) + step } : { share: e.edge + step * 1e-7 };
  return { ...e.base, ...e.fixed, ...value };
}

describe('第十一条 at every band edge: 以上 excludes the number, 以下 includes it', () => {
  it.each(edges)('$what', (e) => {
    expect([tierOf(jx, at(e, -1)), tierOf(jx, at(e, 0)), tierOf(jx, at(e, 1))]).toEqual(e.tiers);
  });

  it('takes a share computed from amounts exactly at the edge', () => {
    // 2000 yuan of 1,000,000 yuan last year is exactly 0.2%: 38-J (0.2%以下), not 38-Q.
    const share = fen(2000) / fen(1_000_000);
    expect(tierOf(jx, { ...i38, amountFen: fen(2000), share })).toBe('38-J');
  });
});
