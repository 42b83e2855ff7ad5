/**
 * The institution, payment and cash-flow models inside the engine: every pooled-fund amount settled for
 * a fund's members leaves that fund as cash (to institutions, to patients, to the clearing account), fee
 * for service pays the settled amounts to the fen, per-case payment spends its budget, care with no open
 * institution is counted and paid, and the scenario's model files are checked before anything runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSum, typesOf } from '../../src/analysis/claimSums.js';
import { pathLedgers } from '../../src/analysis/ledgerTables.js';
import { monthCell } from '../../src/cashflow/aggregates.js';
import { CASH_MONTHS } from '../../src/cashflow/calendar.js';
import { groupCell, INSTITUTION_GROUPS, monthLineCell, paymentCell, PROVIDER_OFFSET, type PaymentField } from '../../src/engine/providerBlock.js';
import { blockOf, providerBlockOf, type SimulationCube } from '../../src/engine/result.js';
import { simulateChunk } from '../../src/engine/chunk.js';
import { contextCache } from '../../src/engine/context.js';
import { pathProviders, pathShare, providerSetup } from '../../src/engine/providers.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseDocumentText } from '../../src/input/document.js';
import { InputError } from '../../src/input/inputError.js';
import { SCHEMES } from '../../src/policy/vocabulary.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides, type LoadedScenario } from '../../src/scenario/load.js';
import { tempDir } from '../cli/helpers.js';

const SMALL = { paths: 2, horizon: 3, members: 1500 };
const scenario = (change: Record<string, unknown> = {}) => withOverrides(varied(loadScenario(defaultScenarioFile()), change), SMALL);
const run = (loaded: LoadedScenario) => simulate(runSpec(loaded), { workers: 0 });

/** Every (path, year, scheme) of a cube's baseline. */
function* cells(cube: SimulationCube) {
  for (let p = 0; p < cube.paths; p++) for (let y = 0; y < cube.years.length; y++) for (const s of [0, 1]) yield { p, y, s, block: providerBlockOf(cube, 0, p, y) };
}
const pay = (block: Float64Array, s: number, field: PaymentField) => block[paymentCell(s, field)]!;
const months = (block: Float64Array, at: (m: number) => number) => Array.from({ length: CASH_MONTHS }, (_, m) => block[at(m)]!).reduce((t, x) => t + x, 0);

describe('institutions, payment and cash flow in the engine', () => {
  it('pay institutions exactly the settled amounts under fee for service, and every pooled fen leaves the fund', async () => {
    const cube = await run(scenario());
    for (const { p, y, s, block } of cells(cube)) {
      const where = `path ${p}, year ${cube.years[y]}, scheme ${s}`;
      expect(pay(block, s, 'paid'), where).toBe(pay(block, s, 'settled'));
      expect(pay(block, s, 'forfeited'), where).toBe(0);
      // Settled pooled fund = institutions (card, local) + patients reimbursed (self-advanced) + clearing account (card, out of area).
      const toInstitutions = months(block, (m) => monthLineCell(s, 'institutions', m));
      const reimbursed = months(block, (m) => PROVIDER_OFFSET.cash + monthCell('fund', s, m));
      const direct = months(block, (m) => PROVIDER_OFFSET.cash + monthCell('direct', s, m));
      expect(toInstitutions, where).toBe(pay(block, s, 'paid'));
      expect(toInstitutions + reimbursed + direct, where).toBe(claimSum(blockOf(cube, 0, p, y), 'pooledFund', { types: typesOf(SCHEMES[s]!) }));
      expect(months(block, (m) => monthLineCell(s, 'reimbursements', m)), where).toBe(reimbursed);
    }
    const ledgers = pathLedgers(cube, 0, 'resident', loadScenario(defaultScenarioFile()).scenario.fund);
    for (const year of ledgers.ledgers.flat()) expect(year.expenditure.paymentDifference.toNumber()).toBe(0);
    // Institutions are in every run: patients at every kind of institution, and some lifecycle.
    const first = providerBlockOf(cube, 0, 0, 0);
    for (let g = 0; g < INSTITUTION_GROUPS.length; g++) expect(first[groupCell(g, 'patients')], INSTITUTION_GROUPS[g]).toBeGreaterThan(0);
  });

  it('spend the per-case budget under DIP: last year’s payments grown by budgetGrowth, to rounding', async () => {
    const cube = await run(scenario({ payment: { methods: { inpatient: 'dip' }, budgetGrowth: 0.05 } }));
    let forfeited = 0;
    for (const { p, y, s, block } of cells(cube)) {
      forfeited += pay(block, s, 'forfeited');
      const pv = pay(block, s, 'pointValue');
      expect(pv).toBeGreaterThan(0);
      if (y === 0) {
        // No budget yet: the cases' itemised pooled amount, so the fund pays what fee for service would.
        expect(Math.abs(pay(block, s, 'casePaid') - pay(block, s, 'caseItemized'))).toBeLessThanOrEqual(700);
        continue;
      }
      const last = pay(providerBlockOf(cube, 0, p, y - 1), s, 'casePaid');
      // budget = round half up(last × 1.05); each of ~700 institutions rounds its payment once.
      expect(Math.abs(pay(block, s, 'casePaid') - Math.round(last * 1.05))).toBeLessThanOrEqual(700);
    }
    // Deposits of institutions that failed their assessment are kept under a payment reform.
    expect(forfeited).toBeGreaterThan(0);
  });

  it('count the claims of a level with no institution and pay them fee for service', async () => {
    const cube = await run(scenario({ institutions: { hospitals: { tertiary: 0 } } }));
    const block = providerBlockOf(cube, 0, 0, 0);
    const tertiary = claimSum(blockOf(cube, 0, 0, 0), 'count', { levels: [3] });
    const unassigned = pay(block, 0, 'unassignedClaims') + pay(block, 1, 'unassignedClaims');
    // Every local tertiary claim, and nothing else (out-of-area claims are cleared, not assigned).
    expect(unassigned).toBeGreaterThan(0);
    expect(unassigned).toBeLessThanOrEqual(tertiary);
    expect(block[groupCell(3, 'patients')]).toBe(0);
    for (const s of [0, 1]) {
      expect(pay(block, s, 'unassignedPooled')).toBeGreaterThan(0);
      expect(months(block, (m) => monthLineCell(s, 'institutions', m))).toBe(pay(block, s, 'paid'));
    }
  });

  it('report a missing rule file, an unknown ground and a bad preset against the scenario, before running', async () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.yaml');
    writeFileSync(
      file,
      [
        'id: bad-models',
        'name: bad models',
        'baseYear: 2021',
        'horizon: 1',
        'paths: 1',
        'sample: { members: 10, represents: 10 }',
        `policy: ${join(__dirname, '..', '..', 'scenarios', 'policies', 'default-2021.yaml')}`,
        'institutions: { rules: missing-rules.yaml }',
        'payment: { caseGroups: missing-groups.csv }',
        'cashflow: missing-preset.yaml',
      ].join('\n'),
    );
    const error = await simulate(runSpec(loadScenario(file)), { workers: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.map((p) => `${p.file} ${p.path.join('.')}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/scenario\.yaml institutions\.rules: file not found: .*missing-rules\.yaml$/),
      expect.stringMatching(/scenario\.yaml payment\.caseGroups: cannot read the case-group table: .*missing-groups\.csv$/),
      expect.stringMatching(/scenario\.yaml cashflow: file not found: .*missing-preset\.yaml$/),
    ]);
    const unknown = withOverrides(varied(loadScenario(defaultScenarioFile()), { institutions: { lifecycle: { suspension: { bribery: 0.1 } } } }), { paths: 1, horizon: 1, members: 10 });
    const ground = await simulate(runSpec(unknown), { workers: 0 }).catch((e: unknown) => e);
    expect((ground as InputError).problems[0]).toMatchObject({ path: ['institutions', 'lifecycle', 'suspension', 'bribery'] });
    expect(() => varied(loadScenario(defaultScenarioFile()), { cashflow: 'seed003' })).toThrow(/must be modern or seed002, or a file/);
  });

  it('accept the README’s example sections', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const at = readme.indexOf('**Turning the models on in a scenario.**');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
    const sections = parseDocumentText(yaml, 'README.md').data as Record<string, unknown>;
    const s = varied(loadScenario(defaultScenarioFile()), sections).scenario;
    expect([s.institutions.rules, s.payment.methods.inpatient, s.payment.budgetGrowth, s.cashflow]).toEqual(['CN-GX', 'drg', 0.05, 'seed002']);
  });
});

describe('a path’s share of the institution models, sent with its chunks', () => {
  it('gives a chunk the same sums as the path built in the worker, with agreement terms and supervision on', () => {
    const file = join(__dirname, '..', '..', 'scenarios', 'agreement-terms.yaml');
    const spec = runSpec(withOverrides(varied(loadScenario(file), { supervision: { enabled: true } }), { paths: 2, horizon: 3, members: 800 }));
    const setup = providerSetup(spec);
    const providers = pathProviders(setup, spec, 1);
    expect(providers.pools[0]!.terms, 'the scenario draws the terms').toBeDefined();
    expect(providers.supervision, 'supervision is on').not.toBeNull();
    // Structured clone, as a task reaches a worker: the share holds data only.
    const share = structuredClone(pathShare(providers));
    const chunk = { index: 0, path: 1, pass: 0, slotFrom: 0, slotTo: 800 };
    const built = simulateChunk(spec, contextCache(spec)(chunk), chunk);
    const sent = simulateChunk(spec, contextCache(spec)(chunk, share), chunk);
    expect(sent.some((x) => x !== 0)).toBe(true);
    expect(Array.from(sent)).toEqual(Array.from(built));
  });
});
