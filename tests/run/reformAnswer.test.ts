/**
 * The reform answer and the report's reform section as a user reads them: intervals that exist, said when
 * they do not (one path).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundAnswer, reformAnswer } from '../../src/run/answers.js';
import { reportHtml } from '../../src/run/report.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { reformDeltaRows } from '../../src/run/views.js';
import { loadReform } from '../../src/policy/reform.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const REFORMS = join(__dirname, '..', '..', 'scenarios', 'reforms');
const SMALL = { members: 2000, horizon: 3, workers: 0 } as const;

describe('a comparison on one path', () => {
  const reform = loadReform(join(REFORMS, 'resident-tertiary-deductible.yaml'));
  let r: ScenarioResult;
  beforeAll(async () => {
    r = await runScenario(loadScenario(defaultScenarioFile()), [reform], { ...SMALL, paths: 1 });
  }, 120_000);

  it('gives the changes without a zero-width interval and says the interval is not identified', () => {
    const rows = reformDeltaRows(r, reform.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => Number.isFinite(x.delta) && Number.isNaN(x.lo) && Number.isNaN(x.hi))).toBe(true);
    const answer = reformAnswer(r, reform.id, reform.name);
    expect(answer).toContain('95% CI not identified with one path');
    expect(answer).not.toMatch(/95% CI -?\d/);
    expect(answer).not.toMatch(/NaN/);
    // Nor a "90% of paths" range drawn from a single path.
    expect(fundAnswer(r, 'resident')).toMatch(/accumulated balance \(累计结余\) of -?[\d.]+ 亿元 \(one path\)/);
  });

  it('leaves the report\'s interval cells as "—" and says why', () => {
    const html = reportHtml(r);
    const section = html.slice(html.indexOf('<h2>Reform: '));
    expect(section).toContain('not identified with one path');
    expect(section).not.toContain('NaN');
    const table = section.slice(section.indexOf('<th>95% CI low</th>')).split('</table>')[0]!;
    const rows = [...table.matchAll(/<tr>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => m[1]!.match(/<td[^>]*>([^<]*)<\/td>/g)!.map((c) => c.replace(/<[^>]+>/g, '')));
    expect(rows.length).toBe(reformDeltaRows(r, reform.id).length);
    for (const row of rows) expect(row.slice(2, 4)).toEqual(['—', '—']);
  });
});

describe('a comparison on four paths (resident tertiary deductible)', () => {
  const reform = loadReform(join(REFORMS, 'resident-tertiary-deductible.yaml'));
  let r: ScenarioResult;
  beforeAll(async () => {
    r = await runScenario(loadScenario(defaultScenarioFile()), [reform], { ...SMALL, paths: 4 });
  }, 120_000);
  const rows = (table: string) => (r.tables[table] ?? []) as Record<string, number | string>[];

  it('keeps every share’s interval in [0, 1] and a change in a share within [−1, 1]', () => {
    const shares = ['gainers_losers_over_horizon', 'gainers_losers_by_year', 'gainers_losers_by_setting_over_horizon'].flatMap((t) =>
      rows(t).filter((x) => String(x.metric).endsWith('_share') && Number.isFinite(x.ci_low)),
    );
    expect(shares.length).toBeGreaterThan(0);
    for (const x of shares) expect(Number(x.ci_low) >= 0 && Number(x.ci_high) <= 1, JSON.stringify(x)).toBe(true);
    // Few paths see a gainer in chronic care: the t interval would reach below 0 there, and is cut at 0.
    expect(shares.some((x) => x.ci_low === 0 && Number(x.mean) > 0)).toBe(true);
    const changes = [...rows('reform_members_over_horizon'), ...rows('reform_claims_over_horizon'), ...rows('reform_fund_over_horizon')].filter(
      (x) => /_share$|_ratio$|_probability$/.test(String(x.metric)) && Number.isFinite(x.ci_low),
    );
    expect(changes.length).toBeGreaterThan(0);
    for (const x of changes) expect(Number(x.ci_low) >= -1 && Number(x.ci_high) <= 1, JSON.stringify(x)).toBe(true);
  });
});
