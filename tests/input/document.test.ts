/** Reading an input file: a problem with the file itself is named as such. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/input/document.js';
import { InputError } from '../../src/input/inputError.js';
import { loadScenario } from '../../src/scenario/load.js';

const messagesOf = (read: () => unknown): string[] => {
  try {
    read();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.file}: ${p.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('readDocument', () => {
  it('calls an empty file, or one of comments only, empty (not "expected object, got null")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-doc-'));
    for (const [name, text] of [['empty.yaml', ''], ['comments.yaml', '# my scenario, to be written\n\n']]) {
      const file = join(dir, name);
      writeFileSync(file, text);
      expect(messagesOf(() => readDocument(file))).toEqual([`${file}: is empty: it holds no fields (or only comments)`]);
      expect(messagesOf(() => loadScenario(file))).toEqual([`${file}: is empty: it holds no fields (or only comments)`]);
    }
  });
});
