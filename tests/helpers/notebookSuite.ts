/**
 * What every notebook test shares: the notebook executed once before its tests (headless, the built
 * package), its cells by id, a check that the committed file carries no outputs, a check that it imports
 * the package as a user would, and the rows of the danfojs tables it prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runNotebook, type ExecutedCell, type ExecutedNotebook } from './notebook.js';

export interface NotebookUnderTest {
  /** The executed cell with this id (throws naming the id when there is none). */
  cell(id: string): ExecutedCell;
  notebook(): ExecutedNotebook;
  /** The last cell, which must be the code cell "answer" after a markdown cell "answer-md". */
  answerCell(): ExecutedCell;
}

/**
 * Call inside a describe: runs notebooks/<file> before the suite's tests and adds the "committed clean"
 * test. The timeout covers the whole notebook; the hook waits a little longer for the kernel to start.
 */
export function notebookUnderTest(file: string, timeoutMs = 240_000): NotebookUnderTest {
  const path = join(__dirname, '..', '..', 'notebooks', file);
  let nb: ExecutedNotebook | undefined;
  beforeAll(async () => {
    nb = await runNotebook(path, { timeoutMs });
  }, timeoutMs + 40_000);

  it('is committed clean: cell ids, no outputs', () => {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { cells: { id?: string; outputs?: unknown[] }[] };
    expect(raw.cells.every((c) => typeof c.id === 'string')).toBe(true);
    expect(raw.cells.every((c) => (c.outputs ?? []).length === 0)).toBe(true);
  });

  it("imports the package as a user would: from 'yibao-sim', never from the repository's src/ or dist/", () => {
    const modules = importedModules(notebookCode(path));
    expect(modules).toContain('yibao-sim');
    expect(modules.filter(reachesIntoRepository)).toEqual([]);
  });

  const notebook = (): ExecutedNotebook => {
    if (!nb) throw new Error(`${file} has not run`);
    return nb;
  };
  return {
    notebook,
    cell(id) {
      const found = notebook().cells.find((c) => c.id === id);
      if (!found) throw new Error(`no cell "${id}" in ${file}`);
      return found;
    },
    answerCell() {
      const cells = notebook().cells;
      const answer = cells[cells.length - 1]!;
      expect(answer.id).toBe('answer');
      expect(cells.find((c) => c.id === 'answer-md')?.type).toBe('markdown');
      return answer;
    },
  };
}

/** The source of the committed notebook's code cells, joined. */
export function notebookCode(path: string): string {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
  return raw.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n');
}

/** Every module specifier in code: `import … from 'm'`, `import 'm'`, `export … from 'm'`, `import('m')`, `require('m')`. */
export function importedModules(code: string): string[] {
  const quoted = `(['"])([^'"\\n]+)\\1`;
  const patterns = [new RegExp(`\\bfrom\\s*${quoted}`, 'g'), new RegExp(`\\bimport\\s*${quoted}`, 'g'), new RegExp(`\\b(?:import|require)\\s*\\(\\s*${quoted}\\s*\\)`, 'g')];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[2]!));
}

/** A module path into the repository's own source or build (../src, ../dist/index.js, /abs/…/dist, yibao-sim/dist/…) rather than the package's entry. */
export function reachesIntoRepository(module: string): boolean {
  return /^(?:\.{1,2}\/|\/|yibao-sim\/)/.test(module) && /(?:^|\/)(?:src|dist)(?:\/|$)/.test(module);
}

/** The body rows of a danfojs table printed with toString (index column dropped). */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => /^║\s*\d+\s*│/.test(l))
    .map((l) => l.replace(/^║|║$/g, '').split('│').slice(1).map((c) => c.trim()));
}
