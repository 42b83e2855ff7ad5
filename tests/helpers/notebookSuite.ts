/**
 * What every notebook test shares: the notebook executed once before its tests (headless, the built
 * package), its cells by id, a check that the committed file carries no outputs, and the rows of the
 * danfojs tables it prints.
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
export function notebookUnderTest(file: string, timeoutMs = 110_000): NotebookUnderTest {
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

/** The body rows of a danfojs table printed with toString (index column dropped). */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => /^║\s*\d+\s*│/.test(l))
    .map((l) => l.replace(/^║|║$/g, '').split('│').slice(1).map((c) => c.trim()));
}
