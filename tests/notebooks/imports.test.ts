/**
 * The import check every notebook test runs (tests/helpers/notebookSuite.ts): it finds the modules a
 * notebook's code imports, and tells the package's entry from paths into the repository's src/ or dist/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedModules, notebookCode, reachesIntoRepository } from '../helpers/notebookSuite.js';

const NOTEBOOKS = join(__dirname, '..', '..', 'notebooks');

describe('notebook import check', () => {
  it('finds every form of import', () => {
    const code = [
      "import * as dfd from 'danfojs-node';",
      "import {\n  loadScenario, show,\n} from 'yibao-sim';",
      'import "../src/index.js";',
      "export { x } from '../dist/index.js';",
      "const m = await import('/work/main/dist/charts/index.js');",
      "const k = require( '../src/cli/main' );",
    ].join('\n');
    expect(importedModules(code).sort()).toEqual(['../dist/index.js', '../src/cli/main', '../src/index.js', '/work/main/dist/charts/index.js', 'danfojs-node', 'yibao-sim'].sort());
  });

  it('refuses paths into src/ or dist/, allows the package and other packages', () => {
    for (const m of ['../src', '../src/index.js', '../dist', '../../dist/run/views.js', './src/x', '/work/main/dist/index.js', 'yibao-sim/dist/index.js']) {
      expect(reachesIntoRepository(m), m).toBe(true);
    }
    for (const m of ['yibao-sim', 'danfojs-node', '@observablehq/plot', 'node:fs', '../scenarios/default.yaml']) {
      expect(reachesIntoRepository(m), m).toBe(false);
    }
  });

  it.each(readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')))('%s imports yibao-sim and nothing from src/ or dist/', (file) => {
    const modules = importedModules(notebookCode(join(NOTEBOOKS, file)));
    expect(modules).toContain('yibao-sim');
    expect(modules.filter(reachesIntoRepository)).toEqual([]);
  });
});
