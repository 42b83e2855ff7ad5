/**
 * The report's table cells: years print as "2021", never "2,021"; a value that does not apply (the rate per
 * case under fee for service, a fund without members) prints as "—", never "NaN" or "Infinity". Checked on the
 * cell helpers and on whole reports of small runs: fee for service, DRG in a single-scheme scenario, global
 * budgets alone, supervision on, and a comparison with reforms.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReform } from '../../src/policy/reform.js';
import { tableHtml } from '../../src/report/index.js';
import { formatNumber } from '../../src/charts/format.js';
import { reportHtml } from '../../src/run/report.js';
import { NOT_APPLICABLE, reportCell, tidyTable } from '../../src/run/reportCells.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { gainersLosersRows } from '../../src/run/views.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const SCENARIOS = join(__dirname, '..', '..', 'scenarios');
const SMALL = { paths: 2, horizon: 3, members: 1500, workers: 0 };

interface Table {
  caption: string;
  columns: string[];
  rows: string[][];
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The tables of a report, as the text of their cells. */
function tablesOf(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, body]) => ({
    caption: unescape(/<caption>([\s\S]*?)<\/caption>/.exec(body!)?.[1] ?? ''),
    columns: [...body!.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((m) => unescape(m[1]!)),
    rows: [...body!.matchAll(/<tr>((?:<td[\s\S]*?<\/td>)+)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!))),
  }));
}

/** Every table of a report has plain 4-digit years and no NaN/Infinity cells; the whole report has no NaN/Infinity text. */
function expectTidy(html: string, label: string): Table[] {
  const tables = tablesOf(html);
  expect(tables.length, label).toBeGreaterThan(0);
  for (const t of tables) {
    const year = t.columns.indexOf('year');
    for (const row of t.rows) {
      expect(row.length, `${label}: ${t.caption}`).toBe(t.columns.length);
      if (year >= 0) expect(row[year], `${label}: ${t.caption}`).toMatch(/^\d{4}$/);
      for (const cell of row) {
        expect(cell, `${label}: ${t.caption}`).not.toMatch(/NaN|Infinity/);
        expect(cell, `${label}: ${t.caption}`).not.toMatch(/^-0(\.0+)?$/);
      }
    }
  }
  // Years as column headings (the supervision effort table) are plain too.
  for (const t of tables) for (const column of t.columns) expect(column, `${label}: ${t.caption}`).not.toMatch(/^\d{1,3},\d{3}$/);
  expect(html, label).not.toMatch(/NaN|Infinity/);
  return tables;
}

describe('report cells', () => {
  it('print years and months as identifiers, without thousands separators', () => {
    expect(reportCell(2021, true)).toBe('2021');
    expect(reportCell(12, true)).toBe('12');
    const html = tableHtml(tidyTable({ columns: ['year', 'month', 'amount'], rows: [[2021, 3, 12345.678]] }));
    expect(html).toContain('<td>2021</td>');
    expect(html).not.toContain('2,021');
    expect(html).toContain('12,345.68'); // other numbers keep their separators
  });

  it('print what does not apply as a dash, never NaN or Infinity, and no "-0"', () => {
    expect(reportCell(Number.NaN)).toBe(NOT_APPLICABLE);
    expect(reportCell(Number.POSITIVE_INFINITY)).toBe(NOT_APPLICABLE);
    expect(reportCell(Number.NEGATIVE_INFINITY, true)).toBe(NOT_APPLICABLE);
    expect(reportCell(-0.001)).toBe(0);
    expect(reportCell(-0.01)).toBe(-0.01);
    expect(reportCell('text')).toBe('text');
    expect(reportCell(null)).toBeNull();
    const html = tableHtml(tidyTable({ columns: ['year', 'rate'], rows: [[2021, Number.NaN], [2022, Number.POSITIVE_INFINITY], [2023, -1e-9]] }));
    expect(html).not.toMatch(/NaN|Infinity|>-0</);
    expect(html).toContain(`<td>${NOT_APPLICABLE}</td>`);
  });
});

describe('whole reports', () => {
  let ffs: ScenarioResult;
  let employeeDrg: ScenarioResult;
  let budgetOnly: ScenarioResult;
  let supervised: ScenarioResult;
  let compared: ScenarioResult;

  beforeAll(async () => {
    const base = loadScenario(defaultScenarioFile());
    ffs = await runScenario(base, [], SMALL);
    employeeDrg = await runScenario(varied(loadScenario(join(SCENARIOS, 'employee-only.yaml')), { payment: { methods: { inpatient: 'drg' } } }), [], SMALL);
    budgetOnly = await runScenario(varied(base, { payment: { methods: { outpatient: 'globalBudget' } } }), [], SMALL);
    supervised = await runScenario(loadScenario(join(SCENARIOS, 'supervision.yaml')), [], SMALL);
    compared = await runScenario(base, [loadReform(join(SCENARIOS, 'reforms', 'class-b-first-self-pay.yaml'))], SMALL);
  }, 120_000);

  it('fee for service: years plain, no rate-per-case column, no NaN', () => {
    const payments = expectTidy(reportHtml(ffs), 'fee for service').find((t) => t.caption.startsWith('Paid to institutions'))!;
    expect(payments.columns).toEqual(['year', 'settled', 'paid', 'paid − settled', 'deposits forfeited']);
    expect(payments.rows.map((row) => row[0])).toEqual(['2021', '2022', '2023']);
  });

  it('DRG in an employee-only scenario: the employee rate per case only', () => {
    const payments = expectTidy(reportHtml(employeeDrg), 'employee-only DRG').find((t) => t.caption.startsWith('Paid to institutions'))!;
    expect(payments.columns).toEqual(['year', 'settled', 'paid', 'paid − settled', 'deposits forfeited', 'rate 职工医保']);
    for (const row of payments.rows) expect(row[5]).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
  });

  it('global budgets alone (no per-case payment): no rate-per-case column', () => {
    const payments = expectTidy(reportHtml(budgetOnly), 'global budget').find((t) => t.caption.startsWith('Paid to institutions'))!;
    expect(payments.columns).not.toContain('rate 职工医保');
    expect(payments.columns).not.toContain('rate 城乡居民医保');
  });

  it('supervision on: the supervision tables have plain years too', () => {
    const tables = expectTidy(reportHtml(supervised), 'supervision');
    const fund = tables.find((t) => t.caption.startsWith('The fund effect by year'))!;
    expect(fund.rows.map((row) => row[0])).toEqual(['2021', '2022', '2023']);
  });

  it('a comparison with a reform', () => {
    const tables = expectTidy(reportHtml(compared), 'compare');
    expect(tables.some((t) => t.columns.includes('95% CI low'))).toBe(true);
    // Who gains and who loses in percent of member-years: shares of a few percent at 2 decimals read 0.01–0.07.
    const who = tables.find((t) => t.caption.startsWith('Who gains and who loses'))!;
    expect(who.columns.slice(2, 4)).toEqual(['gainers (% of member-years)', 'losers (% of member-years)']);
    const id = compared.reforms[0]!.id;
    const rows = gainersLosersRows(compared, id);
    expect(who.rows.map((row) => row[3])).toEqual(rows.map((x) => formatNumber(Math.abs(100 * x.losers) < 0.005 ? 0 : 100 * x.losers)));
  });
});
