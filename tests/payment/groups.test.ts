/** The case-group table and the grouper that works back from an admission's bill. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.js';
import { caseGroupsFromCsv, groupAdmissions, groupOfBill, loadCaseGroups, NO_GROUP } from '../../src/payment/groups.js';
import { KeyedStream } from '../../src/random/stream.js';
import { runKeys } from '../../src/random/keys.js';
import { buildClaims } from '../institutions/claims.js';

const groups = loadCaseGroups();
const keys = runKeys(3);
const idx = (code: string) => groups.code.indexOf(code);

describe('case-group table', () => {
  it('has frequencies adding up to 1 and weights averaging 1 over them', () => {
    const total = groups.frequency.reduce((s, f) => s + f, 0);
    const mean = groups.frequency.reduce((s, f, g) => s + f * groups.weight[g]!, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(Math.abs(mean - 1)).toBeLessThan(0.001);
  });

  it('up-codes to the next severity of the family, the top staying put', () => {
    expect(groups.code[groups.upcode[idx('RESP1')]!]).toBe('RESP2');
    expect(groups.code[groups.upcode[idx('RESP2')]!]).toBe('RESP3');
    expect(groups.code[groups.upcode[idx('RESP3')]!]).toBe('RESP3');
    expect(groups.code[groups.upcode[idx('APPX1')]!]).toBe('APPX1');
    expect(groups.points[idx('ICU1')]).toBe(Math.round(groups.weight[idx('ICU1')]! * 10_000));
  });

  it('reports bad rows with their line', () => {
    const csv = 'code,family,severity,weight,frequency,name_zh,name_en\nA,F,1,0,0.5,a,a\nA,F,x,1.00001,0.2,b,b\n';
    try {
      caseGroupsFromCsv(csv, 'g.csv');
      throw new Error('expected a rejection');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => `${p.line ?? ''} ${p.path.join('.')}`)).toEqual(['2 0.weight', '3 1.code', '3 1.severity', '3 1.weight', ' frequency']);
    }
  });
});

describe('grouper', () => {
  const base = 939_000; // fen: 9,390 yuan, weight 1
  const s = new KeyedStream(keys).member(0, 1, 0, 2022).select(9);

  it('gives costlier admissions heavier groups on average', () => {
    const meanWeight = (multiple: number) => {
      let w = 0;
      for (let k = 0; k < 2000; k++) w += groups.weight[groupOfBill(groups, base * multiple, base, 0.5, s.next())]!;
      return w / 2000;
    };
    const light = meanWeight(0.4);
    const middle = meanWeight(1);
    const heavy = meanWeight(4);
    expect(light).toBeLessThan(middle);
    expect(middle).toBeLessThan(heavy);
    expect(heavy).toBeGreaterThan(2.5);
  });

  it('recovers the table frequencies from bills drawn the way the table describes', () => {
    // Draw a group by frequency, a bill around weight × base (lognormal, sigma 0.5, mean-preserving), then
    // group the bill: the grouper's posterior makes the grouped frequencies match the table on average.
    const n = 40_000;
    const seen = new Float64Array(groups.length);
    const cdf = groups.frequency.reduce<number[]>((acc, f) => [...acc, (acc.at(-1) ?? 0) + f], []);
    for (let k = 0; k < n; k++) {
      const u = s.next();
      let g = cdf.findIndex((c) => u < c);
      if (g < 0) g = groups.length - 1;
      const bill = Math.round(groups.weight[g]! * base * Math.exp(0.5 * s.normal() - 0.125));
      seen[groupOfBill(groups, bill, base, 0.5, s.next())]++;
    }
    for (let g = 0; g < groups.length; g++) {
      const p = groups.frequency[g]!;
      expect(Math.abs(seen[g]! / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 0.002);
    }
  });

  it('chooses exactly the group Math.exp gives for every weight, draws on a boundary between groups included', () => {
    // The rule with Math.exp for every group (the grouper takes a faster exponential and decides again with
    // Math.exp near a boundary): same log densities, same sums, same first group above u × total.
    const reference = (bill: number, u: number) => {
      const x = Math.log(bill / base) + 0.125;
      const y = Array.from(groups.logWeight, (w, g) => {
        const z = (x - w) / 0.5;
        return groups.logFrequency[g]! - 0.5 * z * z;
      });
      const best = Math.max(...y);
      const e = y.map((v) => Math.exp(v - best));
      const total = e.reduce((a, v) => a + v, 0);
      const cumulative = e.map(((acc) => (v: number) => (acc += v))(0));
      const first = cumulative.findIndex((c) => u * total < c);
      return { group: first < 0 ? groups.length - 1 : first, cumulative, total };
    };
    const wrong: string[] = [];
    let onBoundary = 0;
    for (let k = 0; k < 20_000; k++) {
      const bill = Math.max(1, Math.round(base * Math.exp(1.2 * s.normal())));
      const u = s.next();
      const { group, cumulative, total } = reference(bill, u);
      if (groupOfBill(groups, bill, base, 0.5, u) !== group) wrong.push(`${bill} ${u}`);
      // u on (or a hair either side of) a boundary: the fast sums cannot tell, the rule must still hold.
      const c = cumulative[k % (groups.length - 1)]!;
      for (const v of [c / total, (c / total) * (1 - 2 ** -52), (c / total) * (1 + 2 ** -52)]) {
        onBoundary++;
        if (v < 1 && groupOfBill(groups, bill, base, 0.5, v) !== reference(bill, v).group) wrong.push(`${bill} ${v} (boundary)`);
      }
    }
    expect(wrong).toEqual([]);
    expect(onBoundary).toBe(60_000);
  });

  it('groups only admissions, keyed by member and admission ordinal', () => {
    const { members, claims } = buildClaims([
      [
        { setting: 'outpatient', day: 1 },
        { setting: 'inpatient', day: 2, classA: base },
        { setting: 'inpatient', day: 30, classA: base * 3 },
      ],
    ]);
    const out = new Int16Array(3);
    groupAdmissions(groups, base, 0.5, keys, 0, 2022, members, claims, out);
    expect(out[0]).toBe(NO_GROUP);
    expect(out[1]).toBeGreaterThanOrEqual(0);
    const again = new Int16Array(3);
    groupAdmissions(groups, base, 0.5, keys, 0, 2022, members, claims, again);
    expect(again).toEqual(out);
  });
});
