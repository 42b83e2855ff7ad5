/**
 * What a notebook hands runScenario and solveLever, refused before anything runs with the option, the value
 * and what is allowed: a misspelt option was ignored (the run went ahead at the scenario's own 20 paths), an
 * options object that is not one ran the default, a signal or progress callback of the wrong type was ignored
 * or failed inside the pool, and a reform written as an object or a file name failed with a TypeError. A
 * reform written as an object runs as the same reform loaded from its file.
 */
import { describe, expect, it } from 'vitest';
import { loadReform } from '../../src/policy/reform.js';
import { reformDeltaRows } from '../../src/run/views.js';
import { runScenario } from '../../src/run/scenarioRun.js';
import { solveLever } from '../../src/run/solve.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';
import { join } from 'node:path';

const loaded = loadScenario(defaultScenarioFile());
const tiny = { workers: 0, paths: 1, members: 500, horizon: 1 };
const reformFile = join(__dirname, '..', '..', 'scenarios', 'reforms', 'resident-tertiary-deductible.yaml');
const allowed = 'allowed: workers, chunkMembers, signal, onProgress, seed, paths, members, horizon';

describe('run options', () => {
  it('refuses a misspelt option, naming the one meant and those allowed', async () => {
    await expect(runScenario(loaded, [], { ...tiny, path: 8 } as never)).rejects.toMatchObject({
      name: 'InputError',
      problems: [{ file: 'run options', path: ['path'], value: 8, message: `unknown option; did you mean "paths"? ${allowed}` }],
    });
    const sizing = solveLever(loaded, { kind: 'residentSubsidy', lo: 300, hi: 900 }, { scheme: 'resident', allowedFailure: 0.05 }, { ...tiny, worker: 2 } as never);
    await expect(sizing).rejects.toThrow(`run options: worker = 2: unknown option; did you mean "workers"? ${allowed}`);
    await expect(runScenario(loaded, [], { ...tiny, colour: 'red' } as never)).rejects.toThrow(`colour = "red": unknown option; ${allowed}`);
  });

  it('refuses options that are not an object, a signal that is not an AbortSignal, a progress callback that is not a function', async () => {
    await expect(runScenario(loaded, [], 2 as never)).rejects.toThrow(`run options: must be an object such as { workers: 2, paths: 8 }, got 2; ${allowed}`);
    await expect(runScenario(loaded, [], { ...tiny, signal: true, onProgress: 5 } as never)).rejects.toMatchObject({
      problems: [
        { path: ['signal'], value: true, message: 'must be an AbortSignal, e.g. new AbortController().signal' },
        { path: ['onProgress'], value: 5, message: 'must be a function, called with { done, total } after every chunk' },
      ],
    });
  });

  it('refuses a reform that is a file name, or not a list of reforms', async () => {
    await expect(runScenario(loaded, [reformFile] as never, tiny)).rejects.toThrow(`is a file name: load it first with loadReform(${JSON.stringify(reformFile)})`);
    await expect(runScenario(loaded, loadReform(reformFile) as never, tiny)).rejects.toThrow('run options: reforms: must be a list of reforms (loadReform(file), or objects { id, name, changes }), got object');
  });

  it('runs a reform written as an object as the same reform loaded from its file, and checks it as a reform file', async () => {
    const file = loadReform(reformFile);
    const [fromFile, asObject] = [await runScenario(loaded, [file], tiny), await runScenario(loaded, [{ id: file.id, name: file.name, changes: file.changes }], tiny)];
    expect(reformDeltaRows(asObject, file.id)).toEqual(reformDeltaRows(fromFile, file.id));
    expect(asObject.manifest.reforms.map((r) => r.file)).toEqual(['reforms[0]']);
    await expect(runScenario(loaded, [{ id: 'x', name: 'x', change: {} } as never], tiny)).rejects.toThrow(/^reforms\[0\]: change = \{\}: unknown field; did you mean "changes"\?$/);
  });
});
