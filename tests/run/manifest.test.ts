/**
 * The manifest reruns a run wherever the rerun is started from: the files the scenario names resolve where they did,
 * and a change to one since the run is noticed.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile, packageRoot } from '../../src/cli/paths.js';
import { providerSetup } from '../../src/engine/providers.js';
import { changedFiles, loadManifest, manifestFor } from '../../src/run/manifest.js';
import { loadScenario, runSpec } from '../../src/scenario/load.js';

describe('manifest', () => {
  it('reads the cash-flow file a scenario names beside the scenario, not in the directory the rerun starts in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-manifest-'));
    copyFileSync(join(packageRoot(), 'data', 'institutions', 'channels-seed002.yaml'), join(dir, 'cash.yaml'));
    const scenario = `id: side\nname: side\nbaseYear: 2021\nhorizon: 1\npaths: 1\nsample: { members: 10, represents: 100 }\npolicy: ${JSON.stringify(defaultPolicyFile())}\ncashflow: cash.yaml\n`;
    writeFileSync(join(dir, 'scenario.yaml'), scenario);
    const manifest = manifestFor('run', loadScenario(join(dir, 'scenario.yaml')), [], { workers: 0, chunkMembers: 10, elapsedMs: 0 });
    // As a run started in `dir` records it (`yibao run scenario.yaml`); this test runs elsewhere (the package root).
    manifest.scenario.file = 'scenario.yaml';
    const file = join(mkdtempSync(join(tmpdir(), 'yibao-manifest-out-')), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    const rerun = loadManifest(file);
    expect(rerun.scenario.file).toBe(join(dir, 'scenario.yaml'));
    expect(providerSetup(runSpec(rerun.scenario)).cashflow.causes.patient.employee.outpatient).toBe(0.5656);
  });

  it('records the files the scenario names by their sha256, so that a rerun can say one has changed since the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-manifest-'));
    copyFileSync(join(packageRoot(), 'data', 'institutions', 'channels-seed002.yaml'), join(dir, 'cash.yaml'));
    writeFileSync(join(dir, 'scenario.yaml'), `id: side\nname: side\nbaseYear: 2021\nhorizon: 1\npaths: 1\nsample: { members: 10, represents: 100 }\npolicy: ${JSON.stringify(defaultPolicyFile())}\ncashflow: cash.yaml\n`);
    const manifest = manifestFor('run', loadScenario(join(dir, 'scenario.yaml')), [], { workers: 0, chunkMembers: 10, elapsedMs: 0 });
    // The built-in agreement rules (CN-GX) are package data, covered by the version: not listed.
    expect(manifest.files).toEqual([{ field: 'cashflow', file: join(dir, 'cash.yaml'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(changedFiles(manifest)).toEqual([]);
    writeFileSync(join(dir, 'cash.yaml'), readFileSync(join(dir, 'cash.yaml'), 'utf8').replace('outpatient: 0.5656', 'outpatient: 0.1'));
    expect(changedFiles(manifest).map((f) => f.field)).toEqual(['cashflow']);
  });
});
