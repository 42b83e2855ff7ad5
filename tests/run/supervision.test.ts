/**
 * A run with supervision on, against the same scenario with it off: the supervision tables, charts, report
 * section and answer appear only when it is on, and are written with the run's outputs; a mistake in the
 * scenario's supervision section is reported with file, field path, value and what is allowed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.js';
import { answers } from '../../src/run/answers.js';
import { resultCharts, writeOutputs } from '../../src/run/outputs.js';
import { reportHtml } from '../../src/run/report.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { passesText } from '../../src/run/supervisionSection.js';
import { BEHAVIOUR_INFO, BEHAVIOURS, behaviourWords } from '../../src/supervision/behaviours.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';
import { tempDir } from '../cli/helpers.js';

const SMALL = { paths: 2, horizon: 2, members: 1500, workers: 0 };
const TABLES = ['supervision_by_year', 'supervision_over_horizon', 'supervision_cases_by_year', 'supervision_screens_by_year', 'supervision_screens_over_horizon', 'supervision_behaviours_by_year'];
const CHARTS = ['supervision-money', 'supervision-screens', 'supervision-net'];
let off: ScenarioResult;
let on: ScenarioResult;

beforeAll(async () => {
  const loaded = loadScenario(defaultScenarioFile());
  off = await runScenario(loaded, [], SMALL);
  on = await runScenario(varied(loaded, { supervision: { enabled: true } }), [], SMALL);
}, 120_000);

describe('a run with supervision', () => {
  it('reports the share of last year\'s discharges chart-reviewed: none in the base year, at least chartShare (5%) on every path after', () => {
    const rows = (on.tables.supervision_cases_by_year as Record<string, unknown>[]).filter((x) => x.variant === 'baseline');
    const stat = (metric: string, year: number, column = 'mean') => Number(rows.find((x) => x.metric === metric && x.year === year)![column]);
    expect(stat('discharges_last_year', 2021)).toBe(0);
    expect(stat('chart_review_share', 2021)).toBeNaN();
    expect(stat('discharges_last_year', 2022)).toBeGreaterThan(0);
    // A sample short of the floor is topped up (chartFloor.ts): the smallest path's share is at least 5% (p5 of
    // two paths lies between them). About 1,500 members × 0.17 admissions ≈ 250 stays a path: a sample that
    // meets the floor on its own exceeds it by a point or two, 4 sd is under 6 points.
    expect(stat('chart_review_share', 2022, 'p5')).toBeGreaterThanOrEqual(0.05);
    expect(stat('chart_review_share', 2022, 'p95')).toBeLessThan(0.11);
    expect(stat('charts_topped_up', 2022)).toBeGreaterThanOrEqual(0);
    expect(stat('charts_reviewed', 2022)).toBeLessThan(stat('discharges_last_year', 2022));
  });

  it('tabulates the fund effect, screens, cases and behaviours only when on', () => {
    for (const t of TABLES) {
      expect(on.tables[t]?.length, t).toBeGreaterThan(0);
      expect(off.tables[t], t).toBeUndefined();
    }
    const row = (on.tables.supervision_over_horizon as Record<string, unknown>[]).find((x) => x.metric === 'leakage_yuan' && x.scheme === 'all')!;
    expect(row.mean).toBeGreaterThan(0);
    expect(row.ci_low).toBeLessThanOrEqual(row.mean as number);
  });

  it('draws its charts, adds a report section and one answer only when on', () => {
    const charts = resultCharts(on);
    for (const c of CHARTS) {
      expect(charts[c], c).toMatch(new RegExp(`data-chart="${c === 'supervision-screens' ? 'screen-scores' : c}"`));
      expect(resultCharts(off)[c], c).toBeUndefined();
    }
    expect(reportHtml(on)).toContain('Fund supervision (医保基金监管)');
    // Guangxi's agreement rules stand in for the default prefecture's own.
    expect(reportHtml(off)).toContain(
      'Agreements are designated, suspended and ended under 广西基本医疗保险定点医疗机构管理办法 (CN-GX, CN-GX, borrowed), another jurisdiction&#39;s rules standing in for those of the policy&#39;s region, CN-default-prefecture.',
    );
    expect(reportHtml(off)).not.toContain('医保基金监管');
    // 2021 by the statute, 2022 by Jiangxi's 细则 (tests/supervision/rulesByYear.test.ts).
    expect(reportHtml(on)).toContain(
      'Cases are sanctioned under 医疗保障基金使用监督管理条例 第三十七条至第四十一条 (CN-2021, CN) in 2021; 江西省医疗保障基金监管行政处罚裁量权实施细则(试行) (CN-JX-trial, CN-JX, borrowed) in 2022 ' +
        '(the rules in force on each year&#39;s 31 December; the policy&#39;s region is CN-default-prefecture: a borrowed file is another jurisdiction&#39;s table standing in for the region&#39;s own).',
    );
    const passes = on.cube.passes!;
    expect(reportHtml(on)).toContain(passesText(passes, 2021).replaceAll("'", '&#39;'));
    expect(passesText([1, 2, 3, 1], 2021)).toBe(
      "Each year's top spenders are the hospitals the baseline's funds paid most the year before, as the run realised it (2021: the largest by size); 2 of 4 paths ran again to rank them on their own payments (at most 3 passes).",
    );
    expect(passesText([1, 1], 2021)).toMatch(/every path ranked them on its first pass\.$/);
    expect(reportHtml(on)).toContain('of which top spenders (篇五: the 5 the fund paid most the year before)');
    // The behaviours by what they cost, in words with their Chinese terms and article, not the table's codes.
    const html = reportHtml(on);
    expect(html).toContain('Misuse by behaviour over the horizon, most leakage first');
    for (const b of BEHAVIOURS) {
      expect(html, b).toContain(`<td>${behaviourWords(b)}</td><td>${BEHAVIOUR_INFO[b].article}</td>`);
      expect(html, b).not.toContain(`<td>${b}</td>`);
    }
    const said = answers(on).filter((a) => a.startsWith('Over 2021–2022, misuse of benefits (欺诈骗保 and abuse) cost the funds'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/Net effect on the pooled funds' balance: -?[\d.]+ 亿元 \(5th–95th percentile across paths -?[\d.]+ 亿元 to -?[\d.]+ 亿元\)\.$/);
    expect(answers(off).some((a) => a.includes('misuse'))).toBe(false);
    // Everything else is the same run: supervision only adds answers.
    expect(answers(on).length).toBe(answers(off).length + 1);
  });

  it('writes the supervision tables as CSV with the run', async () => {
    const dir = join(tempDir(), 'out');
    await writeOutputs(dir, on, { formats: ['csv'] });
    for (const t of TABLES) expect(existsSync(join(dir, 'tables', `${t}.csv`)), t).toBe(true);
    expect(readFileSync(join(dir, 'tables', 'supervision_by_year.csv'), 'utf8').split('\n')[0]).toContain('metric');
    for (const c of CHARTS) expect(existsSync(join(dir, 'charts', `${c}.svg`)), c).toBe(true);
  });

  it('reports a mistake in the supervision section with file, field path, value and what is allowed', () => {
    const file = join(tempDir(), 'scenario.yaml');
    const text = readFileSync(defaultScenarioFile(), 'utf8').replace('policy: policies/default-2021.yaml', `policy: ${join(__dirname, '..', '..', 'scenarios', 'policies', 'default-2021.yaml')}`);
    writeFileSync(file, `${text}\nsupervision:\n  enabled: true\n  behaviours:\n    cardLending: { prevalence: 1.5 }\n  itemMix: { inpatient: { drugs: 0.7, tests: 0.5 } }\n`);
    const error = (() => {
      try {
        loadScenario(file);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.map((p) => `${p.path.join('.')}=${String(p.value)} line ${p.line}: ${p.message}`);
    const lines = text.split('\n').length;
    expect(problems).toEqual([
      `supervision.behaviours.cardLending.prevalence=1.5 line ${lines + 4}: must be between 0 and 1`,
      expect.stringMatching(new RegExp(`^supervision\\.itemMix\\.inpatient=.* line ${lines + 5}: drugs \\+ tests must be at most 1, got 1\\.2$`)),
    ]);
    expect((error as InputError).problems.every((p) => p.file === file)).toBe(true);
  });
});
