/**
 * The behavioural response (induced demand, scenario `behaviour.elasticity`): off changes nothing; on, a
 * reform variant settles the baseline's claims thinned or repeated by its demand factors, the baseline is
 * untouched, and the numbers stay bit-identical for any worker count and chunk size.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSum } from '../../src/analysis/claimSums.js';
import { allocateClaimBuffer, type ClaimBuffer } from '../../src/claims/buffer.js';
import { behaviourStatement } from '../../src/claims/demand.js';
import { BLOCK } from '../../src/engine/aggregates.js';
import { policyContext } from '../../src/engine/chunk.js';
import { demandTable, factorsFromShares, referenceShares } from '../../src/engine/demandFactors.js';
import { allocateClaimSet, DEMAND_CELLS, demandCell, timesOf, variantClaims } from '../../src/engine/inducedClaims.js';
import { PROVIDER_BLOCK } from '../../src/engine/providerBlock.js';
import { blockOf, type SimulationCube } from '../../src/engine/result.js';
import { simulate } from '../../src/engine/simulate.js';
import { pathPolicies } from '../../src/engine/spec.js';
import { InputError } from '../../src/input/inputError.js';
import { allocateProviderScratch } from '../../src/payment/chunk.js';
import { LEVELS, PERSON_TYPES, SETTINGS } from '../../src/policy/vocabulary.js';
import { loadReform } from '../../src/policy/reform.js';
import { runKeys } from '../../src/random/keys.js';
import { KeyedStream } from '../../src/random/stream.js';
import { STREAM } from '../../src/random/streamIds.js';
import { answers } from '../../src/run/answers.js';
import { tableNotes } from '../../src/run/outputs.js';
import { reportHtml } from '../../src/run/report.js';
import { runScenario } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';

const SMALL = { paths: 2, horizon: 2, members: 1500 };
const fixtures = join(__dirname, 'fixtures');
const generous = loadReform(join(fixtures, 'generous-resident-care.yaml'));
const unchanged = loadReform(join(fixtures, 'unchanged-tertiary-deductible.yaml'));
const scenarioWith = (elasticity?: number) =>
  withOverrides(elasticity === undefined ? loadScenario(defaultScenarioFile()) : varied(loadScenario(defaultScenarioFile()), { behaviour: { elasticity } }), SMALL);
const hash = (...arrays: Float64Array[]) => {
  const h = createHash('sha256');
  for (const a of arrays) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
};
/** Variant v's blocks and provider blocks (the cube is variant-major). */
const variantHash = (cube: SimulationCube, v: number) => {
  const cells = cube.paths * cube.years.length;
  return hash(cube.blocks.subarray(v * cells * BLOCK, (v + 1) * cells * BLOCK), cube.providers.subarray(v * cells * PROVIDER_BLOCK, (v + 1) * cells * PROVIDER_BLOCK));
};
/** A claim sum over every path and year of variant v. */
const total = (cube: SimulationCube, v: number, field: Parameters<typeof claimSum>[1], sel: Parameters<typeof claimSum>[2] = {}) => {
  let sum = 0;
  for (let p = 0; p < cube.paths; p++) for (let y = 0; y < cube.years.length; y++) sum += claimSum(blockOf(cube, v, p, y), field, sel);
  return sum;
};

describe('behavioural response off', () => {
  it('is the default, changes no number and says so', async () => {
    const absent = scenarioWith();
    expect(absent.scenario.behaviour).toEqual({ elasticity: 0 });
    const spec = runSpec(absent, [generous]);
    expect(demandTable(spec, policyContext(pathPolicies(spec, 0)))).toBeUndefined();
    const a = await simulate(spec, { workers: 0 });
    const b = await simulate(runSpec(scenarioWith(0), [generous]), { workers: 0 });
    expect(hash(b.blocks, b.providers)).toBe(hash(a.blocks, a.providers));
    // Off, every variant settles the same claims.
    expect(total(a, 1, 'count')).toBe(total(a, 0, 'count'));
    expect(behaviourStatement(absent.scenario.behaviour)).toMatch(/^Behavioural response \(induced demand\): off/);
  });
});

describe('behavioural response on (elasticity −0.2)', () => {
  const on = scenarioWith(-0.2);

  it('gives a more generous reform more claims and spending, and leaves the baseline as it was', async () => {
    const off = await simulate(runSpec(scenarioWith(), [generous]), { workers: 0 });
    const cube = await simulate(runSpec(on, [generous]), { workers: 0 });
    expect(variantHash(cube, 0)).toBe(variantHash(off, 0));
    const residents = { types: [2, 3, 4] };
    expect(total(cube, 1, 'count', residents)).toBeGreaterThan(total(cube, 0, 'count', residents));
    expect(total(cube, 1, 'bill', residents)).toBeGreaterThan(total(cube, 0, 'bill', residents));
    // Induced claims add to what the reform's fund pays on the same claims.
    expect(total(cube, 1, 'pooledFund', residents)).toBeGreaterThan(total(off, 1, 'pooledFund', residents));
    // Employees' policy is unchanged: their claims are the baseline's.
    expect(total(cube, 1, 'count', { types: [0, 1] })).toBe(total(cube, 0, 'count', { types: [0, 1] }));
    expect(behaviourStatement(on.scenario.behaviour)).toMatch(/^Behavioural response \(induced demand\): on, elasticity −0\.2 /);
  });

  it('changes nothing when the reform leaves the policy as it is', async () => {
    const cube = await simulate(runSpec(on, [unchanged]), { workers: 0 });
    expect(variantHash(cube, 1)).toBe(variantHash(cube, 0));
  });

  it('gives bit-identical aggregates for 0, 1 and 2 workers and two chunk sizes', async () => {
    const spec = runSpec(on, [generous]);
    const cube = await simulate(spec, { workers: 0, chunkMembers: 1500 });
    const reference = hash(cube.blocks, cube.providers);
    for (const [workers, chunkMembers] of [
      [1, 1500],
      [2, 333],
      [0, 61],
    ] as const) {
      const other = await simulate(spec, { workers, chunkMembers });
      expect(hash(other.blocks, other.providers), `${workers} workers, chunks of ${chunkMembers}`).toBe(reference);
    }
  });
});

describe('the behavioural response is stated', () => {
  it('in the answers, the report, the manifest and the tables\' notes, off and on', async () => {
    for (const [elasticity, words] of [
      [undefined, 'Behavioural response (induced demand): off'],
      [-0.2, 'Behavioural response (induced demand): on, elasticity −0.2'],
    ] as const) {
      const r = await runScenario(scenarioWith(elasticity), [generous], { paths: 1, members: 300, horizon: 1, workers: 0 });
      expect(answers(r)[0]).toContain(words);
      expect(r.manifest.behaviouralResponse).toContain(words);
      expect(tableNotes(r)).toContain(words);
      expect(reportHtml(r)).toContain(words);
    }
  });
});

describe('demand factors', () => {
  it('follow the arc elasticity from the baseline to the reform rate, cell by cell (by hand)', () => {
    const base = new Float64Array(DEMAND_CELLS).fill(NaN);
    const reform = new Float64Array(DEMAND_CELLS).fill(NaN);
    base[7] = 0.4;
    reform[7] = 0.3; // a = (0.3 − 0.4)/(0.3 + 0.4) = −1/7; f = (1 + 0.2/7)/(1 − 0.2/7) = 7.2/6.8
    base[8] = 0.5;
    reform[8] = 0.5;
    base[9] = 0.2; // no reference claims under the reform: factor 1
    const [baseline, variant] = factorsFromShares(-0.2, [[base], [reform]]);
    expect(baseline![0]).toBeNull();
    expect(variant![0]![7]).toBeCloseTo(7.2 / 6.8, 12);
    expect(variant![0]![8]).toBe(1);
    expect(variant![0]![9]).toBe(1);
    expect(factorsFromShares(-0.2, [[base], [base]])[1]![0]).toBeNull();
  });

  it('come from the reference set: the generous reform lowers the resident tertiary inpatient rate', () => {
    const spec = runSpec(scenarioWith(-0.2), [generous]);
    const ctx = policyContext(pathPolicies(spec, 0));
    const shares = referenceShares(spec, ctx, 3000);
    const cell = demandCell(PERSON_TYPES.indexOf('adult'), SETTINGS.indexOf('inpatient'), CLAIM_NEW_ADMISSION, LEVELS.indexOf('tertiary'));
    const [s0, s1] = [shares[0]![0]![cell]!, shares[1]![0]![cell]!];
    expect(s0).toBeGreaterThan(s1);
    expect(s1).toBeGreaterThan(0);
    expect(s0).toBeLessThan(1);
    const a = (s1 - s0) / (s1 + s0);
    expect(factorsFromShares(-0.2, shares)[1]![0]![cell]).toBeCloseTo((1 - 0.2 * a) / (1 + 0.2 * a), 12);
    // An admitted observation counts as inpatient care; one not admitted keeps its own cell.
    expect(demandCell(2, SETTINGS.indexOf('emergencyObservation'), CLAIM_ADMITTED, 3)).toBe(cell);
    expect(demandCell(2, SETTINGS.indexOf('emergencyObservation'), 0, 3)).not.toBe(cell);
  });

  it('decide how many times a claim appears', () => {
    expect(timesOf(1, 0.999)).toBe(1);
    expect(timesOf(0.8, 0.79)).toBe(1);
    expect(timesOf(0.8, 0.81)).toBe(0);
    expect(timesOf(1.25, 0.2)).toBe(2);
    expect(timesOf(1.25, 0.3)).toBe(1);
    expect(timesOf(2.5, 0.4)).toBe(3);
    expect(timesOf(2.5, 0.6)).toBe(2);
  });
});

describe('a variant claim set', () => {
  const keys = runKeys(7);
  const OUTPATIENT = SETTINGS.indexOf('outpatient');
  const INPATIENT = SETTINGS.indexOf('inpatient');
  const EMERGENCY = SETTINGS.indexOf('emergencyObservation');
  /** One member (slot 5) with: outpatient visit, admitted observation, outpatient visit the same day, its admission. */
  function memberClaims(): ClaimBuffer {
    const b = allocateClaimBuffer(16, 1);
    const rows: [number, number, number][] = [
      [OUTPATIENT, 0, 10],
      [EMERGENCY, CLAIM_ADMITTED, 40],
      [OUTPATIENT, 0, 40],
      [INPATIENT, 0, 40],
    ];
    rows.forEach(([setting, flags, day], j) => {
      b.person[j] = 0;
      b.setting[j] = setting;
      b.flags[j] = flags;
      b.day[j] = day;
      b.level[j] = 3;
      b.classA[j] = 1000 * (j + 1);
    });
    b.length = rows.length;
    b.memberStart[0] = 0;
    b.memberStart[1] = rows.length;
    return b;
  }
  const members = { length: 1, slot: Int32Array.of(5), generation: Uint16Array.of(0), type: Uint8Array.of(2) };
  const u = new Float64Array(4);
  new KeyedStream(keys).member(0, 5, 0, 2021).select(STREAM.inducedDemand).fill(u, 4);
  const run = (f: number) => {
    const src = memberClaims();
    const provider = allocateProviderScratch();
    provider.institution.set([11, 12, 13, 14]);
    const factor = new Float64Array(DEMAND_CELLS).fill(f);
    const set = variantClaims(factor, keys, 0, 2021, members, Uint8Array.of(2), src, provider, allocateClaimSet());
    return { costs: Array.from(set.claims.classA.subarray(0, set.claims.length)), institutions: Array.from(set.provider.institution.subarray(0, set.claims.length)), set };
  };

  it('is the claims themselves when every factor is 1 (no table)', () => {
    const src = memberClaims();
    const provider = allocateProviderScratch();
    expect(variantClaims(null, keys, 0, 2021, members, Uint8Array.of(2), src, provider, allocateClaimSet()).claims).toBe(src);
  });

  it('keeps a claim when its keyed uniform is below f, and an episode whole', () => {
    // Between the uniforms of the observation (1) and of its admission (3): the admission follows the
    // observation's draw, not its own.
    const f = (u[1]! + u[3]!) / 2;
    const kept = [0, 1, 2].filter((j) => u[j]! < f);
    const expected = [0, 1, 2, 3].filter((j) => (j === 3 ? u[1]! < f : kept.includes(j))).map((j) => 1000 * (j + 1));
    const { costs, institutions } = run(f);
    expect(costs).toEqual(expected);
    expect(institutions).toEqual(expected.map((c) => 10 + c / 1000));
  });

  it('repeats claims above 1, an episode as observation then admission after the original', () => {
    const times = [0, 1, 2].map((j) => timesOf(2.5, u[j]!));
    const { costs, set } = run(2.5);
    const expected = [
      ...Array(times[0]).fill(1000),
      2000,
      ...Array(times[2]).fill(3000),
      4000,
      ...Array.from({ length: times[1]! - 1 }, () => [2000, 4000]).flat(),
    ];
    expect(costs).toEqual(expected);
    // Still in date order, one member.
    const days = Array.from(set.claims.day.subarray(0, set.claims.length));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect([set.claims.memberStart[0], set.claims.memberStart[1]]).toEqual([0, expected.length]);
  });
});

describe('the elasticity', () => {
  const policy = join(__dirname, '..', '..', 'scenarios', 'policies', 'default-2021.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'yibao-behaviour-'));
  const problemsOf = (lines: string[]) => {
    const file = join(dir, `s${lines.length}-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, ['id: t', 'name: t', 'baseYear: 2021', 'horizon: 1', 'paths: 1', 'sample: { members: 10, represents: 10 }', `policy: ${policy}`, ...lines].join('\n'));
    try {
      runSpec(loadScenario(file));
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map((p) => ({ ...p, file: p.file === file ? 'scenario' : p.file }));
    }
    return [];
  };

  it('must be above -1 and at most 0, reported at its field', () => {
    for (const value of [0.3, -1, -2]) {
      const problems = problemsOf(['behaviour:', `  elasticity: ${value}`]);
      expect(problems).toEqual([expect.objectContaining({ file: 'scenario', path: ['behaviour', 'elasticity'], value, line: 9, message: expect.stringMatching(/must be above -1 and at most 0/) })]);
    }
    expect(problemsOf(['behaviour: { elasticity: -0.2 }'])).toEqual([]);
  });

  it('cannot yet run with supervision', () => {
    const problems = problemsOf(['behaviour: { elasticity: -0.2 }', 'supervision: { enabled: true }']);
    expect(problems).toEqual([expect.objectContaining({ path: ['behaviour', 'elasticity'], value: -0.2, message: expect.stringMatching(/supervision/) })]);
  });

  it('has a stream of its own', () => {
    const memberStreams = [STREAM.attributes, STREAM.fate, STREAM.transition, STREAM.shock, STREAM.entrant, STREAM.counts, STREAM.arrears, ...SETTINGS.map((_, s) => STREAM.countBase + s)];
    expect(memberStreams).not.toContain(STREAM.inducedDemand);
    expect(STREAM.inducedDemand).toBeLessThan(STREAM.claimBase);
  });
});
