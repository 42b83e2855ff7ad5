/**
 * The simulation commands end to end, in-process: run writes every output, a manifest reruns to the same
 * numbers, compare pairs a reform with the baseline, solve sizes a subsidy, and user mistakes are one
 * line each with exit code 2 and no output.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runOptions } from '../../src/cli/simulation.js';
import { inspectPage } from '../helpers/browser.js';
import { RESULT_MARK } from '../../src/io/atomic.js';

const SMALL = ['--paths', '3', '--horizon', '3', '--members', '1500', '--workers', '0', '--no-progress'];
const reform = join(__dirname, '..', 'engine', 'fixtures', 'higher-tertiary-deductible.yaml');
let dir: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yibao-run-'));
});
afterEach(() => vi.restoreAllMocks());

/** Every SVG chart has a PNG beside it: a PNG file, twice the SVG's size, and not blank (a white image compresses to little). */
function expectPngTwins(charts: string): void {
  const svgs = readdirSync(charts).filter((f) => f.endsWith('.svg'));
  expect(svgs.length).toBeGreaterThan(3);
  for (const svg of svgs) {
    const text = readFileSync(join(charts, svg), 'utf8');
    const png = readFileSync(join(charts, svg.replace(/\.svg$/, '.png')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [Number(/<svg[^>]* width="(\d+)"/.exec(text)![1]), Number(/<svg[^>]* height="(\d+)"/.exec(text)![1])];
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    expect(png.length).toBeGreaterThan(8_000);
  }
}

describe('yibao run', () => {
  it('writes tables in three formats, charts, the report, the answers and the manifest', async () => {
    const io = capture();
    expect(await main(['run', ...SMALL, '--out', join(dir, 'run')])).toBe(0);
    const files = readdirSync(join(dir, 'run')).sort();
    expect(files).toEqual([RESULT_MARK, 'answers.txt', 'charts', 'manifest.json', 'report.html', 'tables']);
    const tables = readdirSync(join(dir, 'run', 'tables'));
    for (const t of ['fund_by_year', 'claims_by_year', 'fund_risk_by_year', 'oop_deciles_by_year']) {
      for (const f of ['csv', 'json', 'parquet']) expect(tables).toContain(`${t}.${f}`);
    }
    expect(readdirSync(join(dir, 'run', 'charts'))).toEqual(
      expect.arrayContaining(['employee-balance.svg', 'resident-balance.svg', 'employee-months-covered.svg', 'reimbursement-ratios.svg', 'out-of-pocket.svg']),
    );
    expect(readdirSync(join(dir, 'run', 'charts')).filter((f) => f.endsWith('.png'))).toEqual([]); // PNG only when asked
    const manifest = JSON.parse(readFileSync(join(dir, 'run', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'yibao-sim', kind: 'run', paths: 3, members: 1500, horizon: 3, seed: 20211231 });
    expect(manifest.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(io.out.join('')).toMatch(/employee pooled fund .* ends 2023 with an accumulated balance/);
  });

  it('reruns a manifest to the same numbers, with another worker count and chunk size', async () => {
    capture();
    expect(await main(['run', '--manifest', join(dir, 'run', 'manifest.json'), '--workers', '2', '--chunk', '400', '--no-progress', '--out', join(dir, 'rerun')])).toBe(0);
    for (const t of ['fund_by_year.csv', 'claims_by_year.csv', 'members_by_year.csv']) {
      expect(readFileSync(join(dir, 'rerun', 'tables', t), 'utf8')).toBe(readFileSync(join(dir, 'run', 'tables', t), 'utf8'));
    }
  });

  it('notes a manifest edited after its run (its documents no longer match their recorded hashes), and not an unedited one', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'run', 'manifest.json'), 'utf8'));
    const io = capture();
    expect(await main(['run', '--manifest', join(dir, 'run', 'manifest.json'), '--members', '300', '--horizon', '1', '--no-progress', '--out', join(dir, 'rerun-small')])).toBe(0);
    expect(io.err.join('')).toBe('');
    manifest.scenario.data.paths = 2;
    const edited = join(dir, 'edited-manifest.json');
    writeFileSync(edited, JSON.stringify(manifest));
    const again = capture();
    expect(await main(['run', '--manifest', edited, '--members', '300', '--horizon', '1', '--no-progress', '--out', join(dir, 'rerun-edited')])).toBe(0);
    expect(again.err.join('')).toContain(`yibao: note: ${edited} was edited after its run (${manifest.scenario.file} no longer matches the recorded sha256); the rerun uses it as edited, not the run it records`);
  });

  it('refuses a scenario file beside --manifest (the manifest names its own), before simulating', async () => {
    const io = capture();
    const out = join(dir, 'both');
    expect(await main(['run', 'scenarios/resident-only.yaml', '--manifest', join(dir, 'run', 'manifest.json'), '--no-progress', '--out', out])).toBe(2);
    expect(io.err.join('')).toMatch(/--manifest = ".*manifest\.json": a manifest names its own scenario: give either it or a scenario file \(scenarios\/resident-only\.yaml\), not both/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes a report whose charts render in a real browser without script errors', async () => {
    const page = await inspectPage(join(dir, 'run', 'report.html'));
    expect(page.errors).toEqual([]);
    expect(page.ready).toBe(true);
    expect(page.externalRequests).toEqual([]);
    expect(page.charts.length).toBeGreaterThanOrEqual(6);
    expect(page.renderedCharts).toBe(page.charts.length);
    expect(page.charts.every((c) => c.marks > 0)).toBe(true);
  });
});

describe('yibao compare', () => {
  it('pairs a reform with the baseline: a higher deductible lowers fund spending and raises out-of-pocket', async () => {
    const io = capture();
    expect(await main(['compare', ...SMALL, '--png', '--reform', reform, '--out', join(dir, 'compare')])).toBe(0);
    const rows = JSON.parse(readFileSync(join(dir, 'compare', 'tables', 'reform_fund_over_horizon.json'), 'utf8')) as Record<string, number | string>[];
    for (const scheme of ['employee', 'resident']) {
      const exp = rows.find((r) => r.scheme === scheme && r.metric === 'expenditure_yuan')!;
      expect(Number(exp.difference)).toBeLessThan(0);
      expect(Number(exp.ci_low)).toBeLessThanOrEqual(Number(exp.difference));
      expect(Number(exp.ci_high)).toBeGreaterThanOrEqual(Number(exp.difference));
    }
    const claims = JSON.parse(readFileSync(join(dir, 'compare', 'tables', 'reform_claims_over_horizon.json'), 'utf8')) as Record<string, number | string>[];
    const oop = claims.find((r) => r.metric === 'out_of_pocket_per_member_yuan' && r.scheme === 'all' && r.person_type === 'all' && r.setting === 'all' && r.level === 'all')!;
    expect(Number(oop.difference)).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'compare', 'charts'))).toContain('reform-higher-tertiary-deductible.svg');
    // Who gains and who loses: a higher tertiary deductible makes losers, almost all in inpatient care (a few
    // gain or lose elsewhere through the layers and the account: a different admission reaching 大病 or
    // assistance, an account drained sooner).
    const who = readFileSync(join(dir, 'compare', 'charts', 'reform-higher-tertiary-deductible-gainers-losers.svg'), 'utf8');
    expect(who).toContain('data-chart="gainers-losers"');
    const bySetting = JSON.parse(readFileSync(join(dir, 'compare', 'tables', 'gainers_losers_by_setting_over_horizon.json'), 'utf8')) as Record<string, number | string>[];
    const cell = (setting: string, metric: string) => Number(bySetting.find((x) => x.scheme === 'all' && x.person_type === 'all' && x.setting === setting && x.metric === metric)!.mean);
    const losers = cell('inpatient', 'losers_share');
    // Floor: inpatient stays per member-year are about 0.17 (2021 bulletin, the calibration target), a good part
    // of them tertiary, so well over 0.5% of member-years have one and pay the higher deductible.
    expect(losers).toBeGreaterThan(0.005);
    expect(cell('inpatient', 'gainers_share')).toBeLessThan(losers / 10);
    expect(cell('outpatient', 'losers_share')).toBeLessThan(losers / 10);
    const report = readFileSync(join(dir, 'compare', 'report.html'), 'utf8');
    // Over the years the reform is in force: all three here (it is not dated).
    expect(report).toContain('Who gains and who loses over 2021–2023, mean across paths');
    expect(report.match(/data-chart="gainers-losers"/g)).toHaveLength(1);
    expectPngTwins(join(dir, 'compare', 'charts'));
    expect(io.out.join('')).toMatch(/Reform "Tertiary inpatient deductible/);
    // Who gains: a higher deductible makes losers, no gainers to speak of; the answer's shares are the table's.
    const everyone = JSON.parse(readFileSync(join(dir, 'compare', 'tables', 'gainers_losers_over_horizon.json'), 'utf8')) as Record<string, number | string>[];
    const share = (metric: string) => Number(everyone.find((x) => x.scheme === 'all' && x.person_type === 'all' && x.age_band === 'all' && x.metric === metric)!.mean);
    const m = /Of all member-years, ([\d.]+)% pay less out of pocket and ([\d.]+)% pay more\. The change is largest for (\w+) \S+: \+[\d.]+ yuan a member-year\./.exec(io.out.join(''));
    expect(m).not.toBeNull();
    expect([Number(m![1]), Number(m![2])]).toEqual([Number((share('gainers_share') * 100).toFixed(1)), Number((share('losers_share') * 100).toFixed(1))]);
    expect(Number(m![2])).toBeGreaterThan(Number(m![1]));
  });
});

describe('yibao solve', () => {
  it('finds the per-head subsidy meeting a depletion target, with the target met there', async () => {
    const io = capture();
    const out = join(dir, 'solve');
    expect(await main(['solve', '--paths', '8', '--horizon', '2', '--members', '1500', '--workers', '0', '--no-progress', '--target', 'depletion<=20%,months>=9', '--range', '0:3000', '--out', out])).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'solve.json'), 'utf8'));
    expect(result.failureShare).toBeLessThanOrEqual(0.2);
    expect(result.value).toBeGreaterThan(0);
    expect(result.value).toBeLessThan(3000);
    expect(io.out.join('')).toMatch(/needs a per-head fiscal subsidy .* of \d+\.\d\d/);
    // A per-path interval is a Monte Carlo one, told with its coverage (at least the 95% asked), as solve.json has it.
    expect(result.bracket).toBeNull();
    expect(result.interval.coverage).toBeGreaterThanOrEqual(0.95);
    expect(io.out.join('')).toContain(`(${(result.interval.coverage * 100).toFixed(1)}% Monte Carlo interval`);
    // Per path, the share meeting the target can only rise with the subsidy, and reaches the required 80% at the answer.
    const curve = result.curve as { value: number; shareMeeting: number }[];
    expect(curve.map((p) => p.value)).toEqual([...curve.map((p) => p.value)].sort((a, b) => a - b));
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.shareMeeting).toBeGreaterThanOrEqual(curve[i - 1]!.shareMeeting);
    expect(curve.find((p) => p.value === result.value)!.shareMeeting).toBeGreaterThanOrEqual(0.8);
    expect(curve.filter((p) => p.value < result.value).every((p) => p.shareMeeting < 0.8)).toBe(true);
  });

  it('writes a report with the answer and a solvency chart that renders in a real browser', async () => {
    const file = join(dir, 'solve', 'report.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain(readFileSync(join(dir, 'solve', 'answers.txt'), 'utf8').trim().slice(0, 60));
    expect(html).toContain('Share of paths meeting the target at each value looked at');
    // Per-path shares are exact: no interval columns (they would be all "—").
    expect(html).not.toContain('interval low');
    expect(html).toContain('<td>coverage of the interval</td>');
    // The target is depletion or fewer than 9 months: the allowed probability is of either, as the answer says.
    expect(html).toContain('<td>allowed probability of depletion or of fewer than 9 months covered</td>');
    const page = await inspectPage(file);
    expect(page.errors).toEqual([]);
    expect(page.ready).toBe(true);
    expect(page.charts.map((c) => c.kind)).toEqual(['solvency']);
    expect(page.renderedCharts).toBe(1);
    expect(page.charts[0]!.marks).toBeGreaterThan(3);
  });

  it('refuses to rerun its manifest as a plain run (one line, exit 2)', async () => {
    const io = capture();
    const out = join(dir, 'solve-as-run');
    expect(await main(['run', '--manifest', join(dir, 'solve', 'manifest.json'), '--no-progress', '--out', out])).toBe(2);
    expect(io.err.join('')).toMatch(/manifest\.json.*kind = "solve": a solve manifest cannot be rerun as a run; rerun it with `yibao solve --manifest .*solve\/manifest\.json`/);
    expect(existsSync(out)).toBe(false);
  });

  it('reruns its manifest exactly with solve --manifest, with another worker count', async () => {
    capture();
    const out = join(dir, 'solve-rerun');
    expect(await main(['solve', '--manifest', join(dir, 'solve', 'manifest.json'), '--workers', '2', '--no-progress', '--out', out])).toBe(0);
    expect(readFileSync(join(out, 'solve.json'), 'utf8')).toBe(readFileSync(join(dir, 'solve', 'solve.json'), 'utf8'));
    const [first, again] = [join(dir, 'solve'), out].map((d) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')));
    expect(again.extra).toEqual(first.extra);
    expect([again.seed, again.paths, again.members, again.horizon]).toEqual([first.seed, first.paths, first.members, first.horizon]);
  });

  it('takes an option given beside --manifest over the manifest\'s own', async () => {
    capture();
    const out = join(dir, 'solve-looser');
    expect(await main(['solve', '--manifest', join(dir, 'solve', 'manifest.json'), '--target', 'depletion<=50%', '--no-progress', '--out', out])).toBe(0);
    const [first, looser] = [join(dir, 'solve'), out].map((d) => JSON.parse(readFileSync(join(d, 'solve.json'), 'utf8')));
    expect(looser.target).toEqual({ scheme: 'resident', allowedFailure: 0.5 }); // the months part went with the old --target
    expect(looser.lever).toEqual(first.lever);
    expect(looser.value).toBeLessThanOrEqual(first.value);
  });

  it.each([
    [['solve', '--manifest', 'RUN'], /manifest\.json:\d+: kind = "run": a run manifest cannot be rerun as a sizing; rerun it with `yibao run --manifest .*run\/manifest\.json`/],
    [['solve', 'scenarios/default.yaml', '--manifest', 'SOLVE'], /--manifest = ".*manifest\.json": a manifest names its own scenario: give either it or a scenario file \(scenarios\/default\.yaml\), not both/],
    [['solve', '--manifest', 'SOLVE', '--lever', 'employer-rate'], /--range: is required, e.g\. 300:900 \(the manifest's was for its own lever, resident-subsidy\)/],
  ])('refuses %j in one line, before simulating', async (argv, message) => {
    const io = capture();
    const out = join(dir, 'solve-refused');
    const files = { RUN: join(dir, 'run', 'manifest.json'), SOLVE: join(dir, 'solve', 'manifest.json') } as Record<string, string>;
    expect(await main([...argv.map((a) => files[a] ?? a), '--no-progress', '--out', out])).toBe(2);
    expect(io.err.join('')).toMatch(message);
    expect(io.err.join('').trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  // A policy lever re-simulates at every step. Its direction comes from the field: a deductible is sized to the
  // smallest value meeting the target, a ratio to the largest. (A lever solved the wrong way round met the
  // target at its first evaluation and answered with the end of the range.)
  const policySolve = async (lever: string, range: string) => {
    const io = capture();
    const out = join(dir, `solve-${lever.replace(/\W/g, '_')}`);
    const argv = ['solve', 'scenarios/resident-only.yaml', '--paths', '8', '--horizon', '3', '--members', '1500', '--workers', '0', '--no-progress'];
    expect(await main([...argv, '--target', 'depletion<=20%,months>=9', '--lever', lever, '--range', range, '--out', out])).toBe(0);
    return { result: JSON.parse(readFileSync(join(out, 'solve.json'), 'utf8')), text: io.out.join('') };
  };

  it('sizes a deductible to the smallest value meeting the target, inside the range', async () => {
    const { result, text } = await policySolve('policy:resident.inpatient.deductible.tertiary', '400:6000');
    expect(result.value).toBeGreaterThan(400);
    expect(result.value).toBeLessThan(6000);
    expect(result.evaluations).toBeGreaterThan(2);
    expect(result.failureShare).toBeLessThanOrEqual(0.2);
    expect(result.bracket.hi).toBe(result.value); // the bracket's passing end is the answer
    expect(result.interval).toBeNull(); // a bisection bracket, not a Monte Carlo interval
    expect(text).toMatch(/deductible\.tertiary set to \d+\.\d\d \(or higher\)/);
  });

  it('sizes a ratio to the largest value meeting the target, in four decimals', async () => {
    const { result, text } = await policySolve('policy:resident.inpatient.ratio.tertiary', '0.3:0.95');
    expect(result.value).toBeGreaterThan(0.3);
    expect(result.value).toBeLessThan(0.95);
    expect(result.failureShare).toBeLessThanOrEqual(0.2);
    expect(result.bracket.lo).toBe(result.value); // sized from the top: the passing end is the low one
    expect(result.interval).toBeNull();
    expect(text).toMatch(/ratio\.tertiary set to 0\.\d{4} \(or lower\)/);
    expect(text).toMatch(/\(found between 0\.\d{4} and 0\.\d{4} by bisection; Monte Carlo uncertainty not estimated for a policy lever; \d+ evaluations\)/);
    // Every evaluation is in the report's curve, as a share meeting with its interval (a share's: inside 0–1,
    // and not zero-width where every path meets), in field values.
    expect(result.curve).toHaveLength(result.evaluations);
    for (const p of result.curve) {
      expect(p.value).toBeGreaterThanOrEqual(0.3);
      expect(p.value).toBeLessThanOrEqual(0.95);
      expect(p.lo).toBeGreaterThanOrEqual(0);
      expect(p.hi).toBeLessThanOrEqual(1);
      expect(p.lo).toBeLessThan(p.shareMeeting === 0 ? 1e-12 : p.shareMeeting);
      expect(p.hi).toBeGreaterThan(p.shareMeeting === 1 ? 1 - 1e-12 : p.shareMeeting);
    }
    // The report tells the values to the lever's 4 decimals, as the answer does.
    const report = readFileSync(join(dir, 'solve-policy_resident_inpatient_ratio_tertiary', 'report.html'), 'utf8');
    expect(report).toContain(`<td>value found</td><td>${result.value.toFixed(4)}</td>`);
    expect(report).toContain('<td>Monte Carlo uncertainty</td><td>not estimated for a policy lever</td>');
    for (const p of result.curve) expect(report).toContain(`<td>${p.value.toFixed(4)}</td>`);
    expect(result.curve.find((p: { value: number }) => p.value === result.value).shareMeeting).toBeGreaterThanOrEqual(0.8);
  });
});

describe('user mistakes', () => {
  it.each([
    [['run', 'no-such-scenario.yaml'], /no-such-scenario\.yaml: file not found/],
    [['run', '--paths', '0'], /--paths = "0": must be a whole number of at least 1/],
    // The same rule a notebook's workers and chunkMembers are held to (engine/simulate.ts executionProblems).
    [['run', '--workers', 'two', '--chunk', '0.5'], /--workers = "two": must be a whole number of at least 0\n.*--chunk = 0\.5: must be a whole number of at least 1/],
    // Found after the whole simulation, as an internal error, before it was checked with the options.
    [['run', '--format', ''], /--format = "": must name at least one of csv, json, parquet/],
    [['solve', '--target', 'ruin<=5%', '--range', '0:100'], /--target = "ruin<=5%": expected "depletion<=P"/],
    [['solve', '--target', 'depletion<=5%', '--range', '300:900', '--tolerance', '1000'], /--tolerance = "1000": is at least as wide as --range 300:900/],
    [['compare', '--reform', 'missing-reform.yaml'], /missing-reform\.yaml: file not found/],
    // More slots than the people they stand for would enlarge the region (it used to, silently).
    [['run', 'scenarios/resident-only.yaml', '--members', '3700001'], /--members = 3700001: must be at most the 3,700,000 people the sample stands for \(sample\.represents in scenarios\/resident-only\.yaml\)/],
  ])('%j is one clear line and exit code 2, with no output written', async (argv, message) => {
    const io = capture();
    const out = join(dir, `bad-${argv[0]}`);
    expect(await main([...argv, '--out', out])).toBe(2);
    expect(io.err.join('')).toMatch(message);
    expect(io.err.join('')).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  // A scenario's dated policy changes (policyChanges) are reforms applied from their startYear: a mistake in one
  // is named in its own file, with its line, and a missing one by the scenario field that points to it.
  it('names a bad or missing policy-change file of a scenario, with its line, before simulating', async () => {
    const io = capture();
    const scenarioDir = mkdtempSync(join(tmpdir(), 'yibao-changes-'));
    const policy = join(__dirname, '..', '..', 'scenarios', 'policies', 'default-2021.yaml');
    writeFileSync(join(scenarioDir, 'typo.yaml'), 'id: typo\nname: typo\nstartYear: 2022\nchanges:\n  resident:\n    inpatient:\n      deductable:\n        tertiary: 1500\n');
    const head = `id: changes\nname: changes\nbaseYear: 2021\nhorizon: 3\npaths: 3\nsample: { members: 1500, represents: 5000000 }\npolicy: ${policy}\npolicyChanges:\n  - typo.yaml\n`;
    // A scenario field wrong as well (paths: 0): every problem of every file in one pass.
    writeFileSync(join(scenarioDir, 'scenario.yaml'), `${head.replace('paths: 3', 'paths: 0')}  - missing.yaml\n`);
    const out = join(dir, 'bad-changes');
    expect(await main(['run', join(scenarioDir, 'scenario.yaml'), ...SMALL, '--out', out])).toBe(2);
    const err = io.err.join('');
    expect(err).toContain(`${join(scenarioDir, 'scenario.yaml')}:10: policyChanges[1] = "missing.yaml": file not found: ${join(scenarioDir, 'missing.yaml')}`);
    expect(err).toContain(`${join(scenarioDir, 'scenario.yaml')}:5: paths = 0: needs at least one path`);
    expect(io.out.join('')).toBe('');
    expect(existsSync(out)).toBe(false);
    // With the missing file gone, the typo is named at its line in the change's file.
    writeFileSync(join(scenarioDir, 'scenario.yaml'), head);
    const again = capture();
    expect(await main(['run', join(scenarioDir, 'scenario.yaml'), ...SMALL, '--out', out])).toBe(2);
    expect(again.err.join('')).toMatch(new RegExp(`${join(scenarioDir, 'typo.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: changes\\.resident\\.inpatient\\.deductable = \\{"tertiary":1500\\}: unknown field`));
    expect(again.err.join('')).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('writes a table format named twice once', () => {
    expect(runOptions({ format: 'json, json,csv' }).formats).toEqual(['json', 'csv']);
  });

  it('leaves no output directory when cancelled', async () => {
    capture();
    const out = join(dir, 'cancelled');
    const run = main(['run', '--paths', '20', '--members', '20000', '--horizon', '5', '--workers', '2', '--no-progress', '--out', out]);
    setTimeout(() => process.emit('SIGINT'), 1500);
    expect(await run).toBe(130);
    expect(existsSync(out)).toBe(false);
  });
});
