/** The notebook runner itself: it must name the failing cell and its error, and say what to install. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../helpers/notebook.js';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

describe('runNotebook', () => {
  it('reports the failing cell with its source and error text, and leaves the notebook as it was', async () => {
    const before = readFileSync(fixture('fails.ipynb'), 'utf8');
    const error = await runNotebook(fixture('fails.ipynb'), { timeoutMs: 60_000 }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/cell 2 \(id cell-2\) failed/);
    expect(error?.message).toContain('const y: string = 3;');
    expect(error?.message).toContain("Type 'number' is not assignable to type 'string'");
    expect(readFileSync(fixture('fails.ipynb'), 'utf8')).toBe(before);
  });

  it('says how to install a missing kernel', async () => {
    await expect(runNotebook(fixture('no-kernel.ipynb'))).rejects.toThrow(/kernel "no-such-kernel" is not installed .*npm run setup/);
  });
});
