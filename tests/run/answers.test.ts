/**
 * The answers and outputs of a single-scheme scenario: the empty scheme is said to have no members, never
 * "NaN%"; the report leaves it out of its fund, ratio and burden tables; and its empty out-of-pocket
 * histogram does not stop the run's charts and report.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers, fundAnswer, ratioAnswer } from '../../src/run/answers.js';
import { writeOutputs } from '../../src/run/outputs.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { schemeHasMembers } from '../../src/run/views.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';
import { RESULT_MARK } from '../../src/io/atomic.js';

const EMPLOYEE_ONLY = join(__dirname, '..', '..', 'scenarios', 'employee-only.yaml');
let r: ScenarioResult;

beforeAll(async () => {
  r = await runScenario(loadScenario(EMPLOYEE_ONLY), [], { paths: 2, members: 500, horizon: 2, workers: 0 });
}, 120_000);

describe('answers for a scheme with no members (scenarios/employee-only.yaml: no residents)', () => {
  it('tells the empty scheme from the populated one', () => {
    expect(schemeHasMembers(r, 'employee')).toBe(true);
    expect(schemeHasMembers(r, 'resident')).toBe(false);
  });

  it('says "no members" for the resident fund and leaves residents out of the ratios', () => {
    expect(fundAnswer(r, 'resident')).toBe('The resident pooled fund (城乡居民医保统筹基金): no members in this scenario.');
    expect(fundAnswer(r, 'employee')).toMatch(/^The employee pooled fund \(职工医保统筹基金\) ends 2022 with an accumulated balance/);
    const ratios = ratioAnswer(r);
    expect(ratios).toMatch(/^In 2021 the pooled funds reimburse 职工医保 \d+\.\d% of policy-range inpatient cost \(\d+\.\d% of the whole bill\)\.$/);
    expect(ratios).not.toContain('城乡居民医保');
  });

  it('tells a sample too small to hold a scheme\'s members from a scenario without them', async () => {
    // One simulated member is in one scheme; the default scenario has both.
    const one = await runScenario(loadScenario(defaultScenarioFile()), [], { paths: 1, members: 1, horizon: 1, workers: 0 });
    const empty = (['employee', 'resident'] as const).find((s) => !schemeHasMembers(one, s))!;
    expect(fundAnswer(one, empty)).toMatch(/: no members among the 1 simulated \(too few to draw any; simulate more members\)\.$/);
  });

  it('prints no NaN anywhere in the answers', () => {
    for (const line of answers(r)) expect(line).not.toMatch(/NaN|undefined/);
  });

  it('writes every output, the out-of-pocket chart with the employee scheme only', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'yibao-answers-')), 'out');
    await writeOutputs(dir, r, { formats: ['csv'] });
    expect(readdirSync(dir).sort()).toEqual([RESULT_MARK, 'answers.txt', 'charts', 'manifest.json', 'report.html', 'tables']);
    expect(readFileSync(join(dir, 'answers.txt'), 'utf8')).toContain('no members in this scenario');
    const report = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(report).toContain('Employee pooled fund (职工医保统筹基金)');
    expect(report).not.toContain('Resident pooled fund (城乡居民医保统筹基金)');
    expect(report).not.toMatch(/<td>城乡居民医保<\/td>/);
    expect(readFileSync(join(dir, 'charts', 'out-of-pocket.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<rect/);
    const charts = readdirSync(join(dir, 'charts'));
    expect(charts).toContain('employee-balance.svg');
    expect(charts.filter((c) => c.startsWith('resident-'))).toEqual([]);
    // The institutions table shows each level's 甲类 share (hospitals only) and the hospitals short of the minimum.
    const table = report.slice(report.indexOf('Designated institutions (定点医药机构)')).split('</table>')[0]!;
    const rows = [...table.matchAll(/<tr><td>([^<]*)<\/td>((?:<td[^>]*>[^<]*<\/td>)*)<\/tr>/g)];
    const cells = (label: string) => rows.find((m) => m[1] === label)![2]!.match(/<td[^>]*>([^<]*)<\/td>/g)!.map((c) => c.replace(/<[^>]+>/g, ''));
    expect(report).toContain('<th>甲类 share</th><th>short of the 甲类 minimum</th>');
    // The generator's tertiary split (src/claims/assumptions.ts): 甲类 0.6–0.65 of what remains after 丙类 0.06–0.15,
    // so about 0.51–0.61 of the bill; 0.4–0.8 leaves room for the setting mix and sampling.
    const tertiary = cells('tertiary 三级');
    expect(Number(tertiary[tertiary.length - 2])).toBeGreaterThan(0.4);
    expect(Number(tertiary[tertiary.length - 2])).toBeLessThan(0.8);
    expect(cells('pharmacy 定点药店').slice(-2)).toEqual(['—', '—']);
  }, 60_000);
});
