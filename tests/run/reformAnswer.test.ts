/**
 * The reform answer and the report's reform section as a user reads them: intervals that exist, said when
 * they do not (one path).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundAnswer, reformAnswer } from '../../src/run/answers.js';
import { reportHtml } from '../../src/run/report.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { deficitCoverChange, reformDeltaRows, reformRatioRows } from '../../src/run/views.js';
import { loadReform } from '../../src/policy/reform.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const REFORMS = join(__dirname, '..', '..', 'scenarios', 'reforms');
const SMALL = { members: 2000, horizon: 3, workers: 0 } as const;

/** The shipped resident tertiary deductible, dated: in force from `year`, as a reform file of its own. */
function datedReform(year: number) {
  const file = join(mkdtempSync(join(tmpdir(), 'yibao-dated-')), `dated-${year}.yaml`);
  const text = readFileSync(join(REFORMS, 'resident-tertiary-deductible.yaml'), 'utf8').replace(/^id: .*$/m, `id: dated-${year}\nstartYear: ${year}`);
  writeFileSync(file, text);
  return loadReform(file);
}

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

  it('measures an undated reform over the whole run', () => {
    expect(reformAnswer(r, reform.id, reform.name)).toContain('against the baseline over 2021–2023, on the same random draws: ');
  });

  it("gives the change in each scheme's policy-range inpatient ratio with its interval, as the table has it", () => {
    const rows = reformRatioRows(r, reform.id);
    // The reform raises residents' deductible at tertiary hospitals only: their ratio falls, employees' does not move.
    expect(rows.map((x) => x.scheme)).toEqual(['employee', 'resident']);
    const resident = rows.find((x) => x.scheme === 'resident')!;
    expect(resident.delta).toBeLessThan(0);
    expect(resident.delta).toBeCloseTo(resident.reform - resident.baseline, 12);
    expect(rows.find((x) => x.scheme === 'employee')!.delta).toBe(0);
    const pp = (x: number) => (100 * x).toFixed(2);
    expect(reformAnswer(r, reform.id, reform.name)).toContain(
      ` The resident policy-range inpatient ratio (政策范围内住院报销比例) goes from ${pp(resident.baseline)}% to ${pp(resident.reform)}% (${pp(resident.delta)} points, 95% CI ${pp(resident.lo)} to ${pp(resident.hi)}).`,
    );
    expect(reformAnswer(r, reform.id, reform.name)).not.toContain('The employee policy-range inpatient ratio');
  });

  it('names the measures in words, not the tables\' column names', () => {
    const answer = reformAnswer(r, reform.id, reform.name);
    expect(answer).not.toMatch(/current_balance|final_accumulated|_yuan|\bexpenditure_/);
    for (const words of ['resident fund expenditure: -', 'resident current-year balances (当期结余), summed: +', 'resident accumulated balance (累计结余) at the end: +', 'residents’ out-of-pocket per member-year: +']) {
      expect(answer).toContain(words);
    }
  });

  it('explains a change in the accumulated balance smaller than the current-year balances by the deficit cover', () => {
    const change = (metric: string) => Number(rows('reform_fund_over_horizon').find((x) => x.scheme === 'resident' && x.metric === metric)!.difference);
    const cover = deficitCoverChange(r, reform.id, 'resident');
    // On every path: accumulated = opening (the baseline's) + current balance + reserve cover + government cover.
    expect(change('final_accumulated_balance_yuan')).toBeCloseTo(change('current_balance_yuan') + cover, -2);
    // Resident deficits are common in the default scenario, and a higher deductible shrinks them: less cover.
    expect(cover).toBeLessThan(-0.005e8);
    expect(reformAnswer(r, reform.id, reform.name)).toContain(
      `The resident accumulated balance moves by its current-year balances plus the change in deficit cover from the reserve and the government (${(cover / 1e8).toFixed(2)} 亿元).`,
    );
    expect(reformAnswer(r, reform.id, reform.name)).not.toContain('The employee accumulated balance');
  });

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

describe('a reform in force from 2022 on a 2021–2023 run', () => {
  const dated = datedReform(2022);
  const late = datedReform(2030);
  let r: ScenarioResult;
  beforeAll(async () => {
    r = await runScenario(loadScenario(defaultScenarioFile()), [dated, late], { ...SMALL, paths: 4 });
  }, 120_000);
  const rows = (table: string, reform: string) => ((r.tables[table] ?? []) as Record<string, number | string>[]).filter((x) => x.reform === reform || x.variant === reform);

  it('measures its over-horizon figures over 2022–2023, the years it is in force', () => {
    for (const table of ['reform_fund_over_horizon', 'reform_claims_over_horizon', 'reform_members_over_horizon', 'gainers_losers_over_horizon', 'gainers_losers_by_setting_over_horizon']) {
      const spans = new Set(rows(table, dated.id).map((x) => `${x.from_year}–${x.to_year}`));
      expect([...spans], table).toEqual(['2022–2023']);
    }
    // Totals are those of the years in force: the yearly changes of 2022 and 2023 (2021's is 0).
    const byYear = rows('reform_fund_by_year', dated.id).filter((x) => x.scheme === 'resident' && x.metric === 'expenditure_yuan');
    expect(byYear.find((x) => x.year === 2021)!.difference).toBe(0);
    const horizon = rows('reform_fund_over_horizon', dated.id).find((x) => x.scheme === 'resident' && x.metric === 'expenditure_yuan')!;
    expect(Number(horizon.difference)).toBeCloseTo(Number(byYear[1]!.difference) + Number(byYear[2]!.difference), 0);
    expect(Number(horizon.difference)).toBeLessThan(0);
  });

  it('says when it is in force, in the answer and in the report', () => {
    expect(reformAnswer(r, dated.id, dated.name)).toContain(`Reform "${dated.name}" (in force from 2022) against the baseline over 2022–2023, on the same random draws: `);
    const html = reportHtml(r);
    expect(html).toContain('Differences reform − baseline over 2022–2023 (in force from 2022), on the same random draws');
    expect(html).toContain('Who gains and who loses over 2022–2023');
  });

  it('says a reform dated after the run changes nothing in it', () => {
    expect(reformAnswer(r, late.id, late.name)).toBe(`Reform "${late.name}" is in force from 2030, after the run's last year (2023): it changes nothing in this run.`);
    expect(new Set(rows('reform_fund_over_horizon', late.id).map((x) => x.difference))).toEqual(new Set([0]));
  });
});

describe('a comparison on a resident-only scenario', () => {
  const reform = loadReform(join(REFORMS, 'resident-tertiary-deductible.yaml'));
  let r: ScenarioResult;
  beforeAll(async () => {
    r = await runScenario(loadScenario(join(__dirname, '..', '..', 'scenarios', 'resident-only.yaml')), [reform], { ...SMALL, paths: 2 });
  }, 120_000);

  it('leaves out the scheme without members, and everyone’s burden (it is the residents’)', () => {
    expect(reformDeltaRows(r, reform.id).map((x) => x.scheme)).toEqual(['resident', 'resident', 'resident', 'resident']);
    const answer = reformAnswer(r, reform.id, reform.name);
    expect(answer).not.toMatch(/employee|everyone/);
    expect(answer).toContain('residents’ out-of-pocket per member-year: +');
  });
});
