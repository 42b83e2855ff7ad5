/**
 * Every shipped reform (scenarios/reforms/*.yaml) run on the default scenario at a small fixed size
 * (4 paths × 10,000 members × 3 years, seed 20211231, in this thread): its key outputs must equal its
 * expected-summary file (counts exactly, money to a relative 1e-9), so any change that moves a number is
 * seen; and each must move the funds the way the reform says, so a regenerated file cannot hide a wrong
 * sign. Regenerate the files after an intended change with
 *   UPDATE_EXPECTED=1 npx vitest run tests/scenarios/reforms.test.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeJson } from '../../src/io/json.js';
import { loadReform } from '../../src/policy/reform.js';
import type { Scheme } from '../../src/policy/vocabulary.js';
import { differences, expectedFile, REFORMS_DIR, REGENERATE, reformSummary, type ReformSummary } from './reformSummary.js';

const update = process.env.UPDATE_EXPECTED === '1';
const reformFiles = readdirSync(REFORMS_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** How each reform must move the funds: the sign of reform − baseline, per scheme (0: untouched, exactly). */
type Sign = -1 | 0 | 1;
const DIRECTIONS: Record<string, Record<Scheme, { expenditure: Sign; outOfPocket: Sign }>> = {
  'resident-tertiary-deductible': { employee: { expenditure: 0, outOfPocket: 0 }, resident: { expenditure: -1, outOfPocket: 1 } },
  // Above 100,000 the pooled fund's 85-90% replaces 大额医疗's 90%: patients pay a little more, not less.
  'employee-fund-cap-2023': { employee: { expenditure: 1, outOfPocket: 1 }, resident: { expenditure: 0, outOfPocket: 0 } },
  'class-b-first-self-pay': { employee: { expenditure: 1, outOfPocket: -1 }, resident: { expenditure: 1, outOfPocket: -1 } },
  // Induced claims add to spending; patients still pay less in all, their share of each bill having fallen.
  'class-b-first-self-pay-induced-demand': { employee: { expenditure: 1, outOfPocket: -1 }, resident: { expenditure: 1, outOfPocket: -1 } },
  'resident-outpatient-cap-200': { employee: { expenditure: 0, outOfPocket: 0 }, resident: { expenditure: -1, outOfPocket: 1 } },
};

describe('shipped reforms', () => {
  it('are at least four, each with a direction checked here', () => {
    expect(reformFiles.length).toBeGreaterThanOrEqual(4);
    expect(reformFiles.map((f) => loadReform(join(REFORMS_DIR, f)).id).sort()).toEqual(Object.keys(DIRECTIONS).sort());
  });

  it('with induced demand: the baseline as without, and a more generous reform spends more than on its claims alone', () => {
    const read = (id: string) => JSON.parse(readFileSync(expectedFile(id), 'utf8')) as ReformSummary;
    const plain = read('class-b-first-self-pay');
    const induced = read('class-b-first-self-pay-induced-demand');
    expect(induced.behaviour).toEqual({ elasticity: -0.2 });
    for (const scheme of ['employee', 'resident'] as const) {
      expect(induced.schemes[scheme].expenditure_yuan.baseline).toBe(plain.schemes[scheme].expenditure_yuan.baseline);
      expect(induced.schemes[scheme].counts).toEqual(plain.schemes[scheme].counts);
      expect(induced.schemes[scheme].expenditure_yuan.difference).toBeGreaterThan(plain.schemes[scheme].expenditure_yuan.difference);
    }
  });

  describe.each(reformFiles)('%s', (file) => {
    const reform = loadReform(join(REFORMS_DIR, file));
    const target = expectedFile(reform.id);
    let summary: ReformSummary;
    beforeAll(async () => {
      summary = await reformSummary(reform);
      if (update) await writeJson(target, summary);
    });

    it('matches its expected summary on the default scenario', () => {
      expect(existsSync(target), `${target} is missing; create it with: ${REGENERATE}`).toBe(true);
      const found = differences(JSON.parse(readFileSync(target, 'utf8')), summary);
      expect(found, `${reform.id} moved (${found.length} values). If the change is intended, regenerate with: ${REGENERATE}\n${found.join('\n')}`).toEqual([]);
    });

    it('moves the funds the way it says', () => {
      for (const [scheme, want] of Object.entries(DIRECTIONS[reform.id]!) as [Scheme, { expenditure: Sign; outOfPocket: Sign }][]) {
        const s = summary.schemes[scheme];
        expect(Math.sign(s.expenditure_yuan.difference), `${scheme} expenditure`).toBe(want.expenditure);
        expect(Math.sign(s.out_of_pocket_per_member_yuan.difference), `${scheme} out-of-pocket`).toBe(want.outOfPocket);
        // A fund that spends more ends with less (interest on the balance moves with it).
        expect(Math.sign(s.final_accumulated_balance_yuan.difference), `${scheme} final balance`).toBe(want.expenditure === 0 ? 0 : -want.expenditure);
      }
      // A dated reform changes nothing before its start year.
      summary.years.forEach((year, y) => {
        if (reform.startYear !== undefined && year < reform.startYear) {
          for (const scheme of ['employee', 'resident'] as const) expect(summary.schemes[scheme].expenditure_difference_by_year[y]).toBe(0);
        }
      });
    });
  });
});
