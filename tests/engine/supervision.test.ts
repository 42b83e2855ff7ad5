/**
 * Supervision inside the engine: off by default (no supervision blocks, the chunk layout unchanged),
 * bit-identical for any worker count and chunk size when on, the year-0 pooled leakage is exactly what
 * the pooled fund paid more than without supervision, and the ledger books recoveries and fines as
 * income lines equal to the blocks' sums while its pooled expenditure stays the settled payments; a
 * department suspended by a case declares no claim in its suspended months of the next year.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSum, typesOf } from '../../src/analysis/claimSums.js';
import { pathLedgers } from '../../src/analysis/ledgerTables.js';
import { simulateChunk } from '../../src/engine/chunk.js';
import { chunkLayout, sumsOffset } from '../../src/engine/chunkLayout.js';
import { contextCache } from '../../src/engine/context.js';
import { blockOf, type SimulationCube } from '../../src/engine/result.js';
import { STATUS } from '../../src/institutions/vocabulary.js';
import { declarationCell } from '../../src/payment/sums.js';
import { simulate } from '../../src/engine/simulate.js';
import { InputError } from '../../src/input/inputError.js';
import { fromFen, share } from '../../src/money/decimal.js';
import { loadReform } from '../../src/policy/reform.js';
import { SCHEMES } from '../../src/policy/vocabulary.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { BEHAVIOURS } from '../../src/supervision/behaviours.js';
import { fundCell, fundIncome, RECOVERED_FIELDS } from '../../src/supervision/block.js';
import { supervisionBlockOf, type SupervisedCube } from '../../src/supervision/tables.js';

const SMALL = { paths: 2, horizon: 3, members: 1500 };
const scenario = (change: Record<string, unknown>) => withOverrides(varied(loadScenario(defaultScenarioFile()), change), SMALL);
const ON = { supervision: { enabled: true, sanctions: { finesToFund: true } } };
const reform = loadReform(join(__dirname, 'fixtures', 'higher-tertiary-deductible.yaml'));
const hash = (...arrays: Float64Array[]) => {
  const h = createHash('sha256');
  for (const a of arrays) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
};
const supervised = (cube: SimulationCube): SupervisedCube => {
  if (!cube.supervision) throw new Error('no supervision blocks');
  return cube as SupervisedCube;
};
/** A fund field of a block summed over the schemes given. */
const fund = (block: Float64Array, field: Parameters<typeof fundCell>[1], schemes = [0, 1]) => schemes.reduce((t, s) => t + block[fundCell(s, field)]!, 0);

describe('supervision in the engine', () => {
  const spec = runSpec(scenario(ON), [reform]);

  it('is off by default: no supervision blocks', async () => {
    const cube = await simulate(runSpec(withOverrides(loadScenario(defaultScenarioFile()), { ...SMALL, paths: 1, horizon: 1 })), { workers: 0 });
    expect(cube.supervision).toBeUndefined();
  });

  it('gives bit-identical results for 0, 1 and 2 workers and any chunk size', async () => {
    const cube = await simulate(spec, { workers: 0, chunkMembers: 1500 });
    const reference = hash(cube.blocks, cube.providers, supervised(cube).supervision);
    // Some path ran again to rank its top spenders on its own payments: the passes are covered too.
    expect(Math.max(...cube.passes!)).toBeGreaterThan(1);
    for (const [workers, chunkMembers] of [
      [0, 400],
      [1, 700],
      [2, 500],
    ] as const) {
      const other = await simulate(spec, { workers, chunkMembers });
      expect(hash(other.blocks, other.providers, supervised(other).supervision), `${workers} workers, chunks of ${chunkMembers}`).toBe(reference);
      expect([other.passes, other.topSpenders]).toEqual([cube.passes, cube.topSpenders]);
    }
  });

  it('finds in year 0 a pooled leakage equal to what the pooled fund paid more than without supervision, to the fen', async () => {
    // In the first year no sanction has fed back yet, so the prepared claims are those of a run without supervision.
    const off = await simulate(runSpec(scenario({})), { workers: 0 });
    const on = supervised(await simulate(runSpec(scenario(ON)), { workers: 0 }));
    for (let p = 0; p < on.paths; p++) {
      SCHEMES.forEach((scheme, s) => {
        const types = typesOf(scheme);
        const more = claimSum(blockOf(on, 0, p, 0), 'pooledFund', { types }) - claimSum(blockOf(off, 0, p, 0), 'pooledFund', { types });
        expect(fund(supervisionBlockOf(on, 0, p, 0), 'pooledLeakage', [s]), `path ${p} ${scheme}`).toBe(more);
        expect(more, `path ${p} ${scheme}`).toBeGreaterThan(0);
      });
    }
  });

  it('books recoveries and fines as ledger income equal to the blocks, and pooled expenditure stays the settled payments', async () => {
    const cube = supervised(await simulate(runSpec(scenario(ON)), { workers: 0 }));
    const assumptions = scenario(ON).scenario.fund;
    let recovered = 0;
    let fines = 0;
    SCHEMES.forEach((scheme, s) => {
      const ledgers = pathLedgers(cube, 0, scheme, assumptions);
      ledgers.ledgers.forEach((ledger, p) =>
        ledger.forEach((year, y) => {
          const block = supervisionBlockOf(cube, 0, p, y);
          const lines = fundIncome(block, s);
          expect(lines.recovered).toBe(RECOVERED_FIELDS.reduce((t, f) => t + block[fundCell(s, f)]!, 0));
          expect(year.income.supervisionRecovered.toFixed(2)).toBe(share(fromFen(lines.recovered), cube.exactWeight).toFixed(2));
          expect(year.income.supervisionFines.toFixed(2)).toBe(share(fromFen(lines.fines), cube.exactWeight).toFixed(2));
          expect(year.expenditure.pooledPayments.toFixed(2)).toBe(share(fromFen(claimSum(blockOf(cube, 0, p, y), 'pooledFund', { types: typesOf(scheme) })), cube.exactWeight).toFixed(2));
          recovered += lines.recovered;
          fines += lines.fines;
        }),
      );
    });
    expect(recovered).toBeGreaterThan(0);
    expect(fines).toBeGreaterThan(0);
    // The pooled net effect: what came back and fines to the fund, less the pooled fund's leakage.
    const b = supervisionBlockOf(cube, 0, 0, 1);
    expect(fund(b, 'pooledNet')).toBe(RECOVERED_FIELDS.reduce((t, f) => t + fund(b, f), 0) + fund(b, 'finesToFund') - fund(b, 'pooledLeakage'));
  });

  it("stops a suspended department's claims in its suspended months of the next year", () => {
    // Only overCharging, by 30% of hospitals, at 0.1% of their bills: every hospital spot-checked, found for
    // sure, no intent, not corrected and refusing: the statute's Art 38 tier (CN-38) suspends it for 9 months from January.
    const behaviours = Object.fromEntries(BEHAVIOURS.map((b) => [b, b === 'overCharging' ? { prevalence: 0.3, claimShare: 0.01, size: 0.1, intent: 0 } : { prevalence: 0 }]));
    const forced = {
      supervision: {
        enabled: true,
        behaviours,
        inspection: { spotCheck: { hospital: 1, pharmacy: 1 }, detection: { onSite: 1 } },
        sanctions: { correctedInTime: 0, refusedToCorrect: 1, deterrence: 0 },
      },
    };
    const spec = runSpec(withOverrides(varied(loadScenario(defaultScenarioFile()), forced), { ...SMALL, paths: 1, horizon: 2 }));
    const ctx = contextCache(spec)({ path: 0, pass: 0 });
    const cases = ctx.providers.supervision!.plan.cases[0]!;
    const suspended = cases.filter((c) => c.outcome.effects.departmentSuspensionMonths > 0).map((c) => c.institution);
    expect(cases.map((c) => [c.outcome.tier, c.outcome.effects.departmentSuspensionMonths, c.outcome.effects.agreementTerminated])).toEqual(cases.map(() => ['CN-38', 9, false]));
    expect(suspended.length).toBeGreaterThan(1);
    const n = ctx.providers.models.institutions;
    const result = simulateChunk(spec, ctx, { index: 0, path: 0, pass: 0, slotFrom: 0, slotTo: spec.scenario.sample.members });
    const layout = chunkLayout(1, 2, n, true);
    /** What the institution declared for care begun in month m of year index y (both schemes). */
    const declared = (y: number, i: number, m: number) => [0, 1].reduce((t, scheme) => t + result[sumsOffset(layout, 0, y) + declarationCell(n, scheme, i, m)]!, 0);
    const months = (y: number, i: number, from: number, to: number) => Array.from({ length: to - from }, (_, k) => declared(y, i, from + k));
    const status = (i: number, m: number) => ctx.providers.pools[1]!.monthly[i * 12 + m]!;
    let before = 0;
    let after = 0;
    let onlySuspended = 0;
    for (const i of suspended) {
      // Suspended, or closed by the agreement's own lifecycle (a termination is kept): never active, and nothing declared.
      expect(months(1, i, 0, 9).map((_, m) => status(i, m) === STATUS.active), `institution ${i}`).toEqual(new Array(9).fill(false));
      expect(months(1, i, 0, 9), `institution ${i}, January to September of the next year`).toEqual(new Array(9).fill(0));
      if (!months(1, i, 0, 9).every((_, m) => status(i, m) === STATUS.suspended)) continue;
      onlySuspended++;
      before += months(0, i, 0, 9).reduce((t, x) => t + x, 0);
      after += months(1, i, 9, 12).reduce((t, x, k) => t + (status(i, 9 + k) === STATUS.active ? x : 0), 0);
    }
    expect(onlySuspended).toBeGreaterThan(1);
    // The same departments declared in those months the year before, and do again once the suspension ends.
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
  });

  it('reports a penalty rule file that cannot be read against the scenario field', async () => {
    const bad = runSpec(scenario({ supervision: { enabled: true, sanctions: { rules: 'no-such-rules.yaml' } } }));
    const err = await simulate(bad, { workers: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    // The field that names it, with the name as written (not the whole sanctions section).
    expect((err as InputError).problems[0]).toMatchObject({ path: ['supervision', 'sanctions', 'rules'], value: 'no-such-rules.yaml' });
    expect((err as InputError).problems[0]!.message).toMatch(/no-such-rules\.yaml/);
  });
});
