/** Output helpers: atomic files and directories never leave a partial result; CSV and JSON text. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile, RESULT_MARK, systemReason, writeDirectoryAtomic, writeFileAtomic } from '../../src/io/atomic.js';
import { csvText, writeCsv } from '../../src/io/csv.js';
import { jsonText, writeJson } from '../../src/io/json.js';
import { tempDir } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const boom = () => {
  throw new Error('boom');
};

describe('atomic files', () => {
  it('shows nothing until committed, then the whole file', async () => {
    const target = join(dir, 'out.jsonl');
    const file = await AtomicFile.open(target);
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 200; i++) await file.write(line); // 200 kB: several flushes to the temporary file
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe(line.repeat(200));
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('leaves no partial file, and the old file intact, when the producer fails mid-way', async () => {
    const target = join(dir, 'out.jsonl');
    writeFileSync(target, 'old result\n');
    const produce = async () => {
      const file = await AtomicFile.open(target);
      try {
        for (let i = 0; i < 200; i++) {
          await file.write(`${'y'.repeat(999)}\n`);
          if (i === 150) boom();
        }
        await file.commit();
      } catch (err) {
        await file.abort();
        throw err;
      }
    };
    await expect(produce()).rejects.toThrow('boom');
    expect(readFileSync(target, 'utf8')).toBe('old result\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('removes its temporary file when the rename fails', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('stops on an aborted signal before anything appears', async () => {
    const target = join(dir, 'out.txt');
    const controller = new AbortController();
    const file = await AtomicFile.open(target, { signal: controller.signal });
    await file.write('partial');
    controller.abort();
    await expect(file.commit()).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('atomic directories', () => {
  /** An earlier result at `target`: its files and the mark every result carries. */
  const earlierResult = (target: string, file: string) => {
    mkdirSync(target);
    writeFileSync(join(target, file), 'old');
    writeFileSync(join(target, RESULT_MARK), '');
  };

  it('replaces an earlier result directory as a whole', async () => {
    const target = join(dir, 'results');
    earlierResult(target, 'stale.csv');
    await writeDirectoryAtomic(target, async (tmp) => {
      expect(existsSync(join(target, 'stale.csv'))).toBe(true); // the old result stays whole meanwhile
      writeFileSync(join(tmp, 'summary.json'), '{}');
      await writeCsv(join(tmp, 'years.csv'), ['year'], [[2021]]);
    });
    expect(readdirSync(target).sort()).toEqual([RESULT_MARK, 'summary.json', 'years.csv']);
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it('refuses, before filling, a directory holding anything but an earlier result, and leaves it as it was', async () => {
    const target = join(dir, 'mine');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'important');
    let filled = false;
    const write = writeDirectoryAtomic(target, async () => {
      filled = true;
    });
    await expect(write).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('not an earlier result') });
    expect(filled).toBe(false);
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('important');
  });

  it('refuses a file, and a path through a file; fills an empty directory', async () => {
    const file = join(dir, 'claims.jsonl');
    writeFileSync(file, '{}');
    const fill = async (tmp: string) => writeFileSync(join(tmp, 'a.json'), '{}');
    await expect(writeDirectoryAtomic(file, fill)).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('not a directory') });
    await expect(writeDirectoryAtomic(join(file, 'x'), fill)).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining(`${file} is not a directory`) });
    expect(readFileSync(file, 'utf8')).toBe('{}');
    mkdirSync(join(dir, 'empty'));
    await writeDirectoryAtomic(join(dir, 'empty'), fill);
    expect(readdirSync(join(dir, 'empty')).sort()).toEqual([RESULT_MARK, 'a.json']);
  });

  it("names a system error's reason once, without its code or a temporary path the user never gave", () => {
    const err = Object.assign(new Error("ENOENT: no such file or directory, mkdir '/x/.yibao-tmp-1'"), { code: 'ENOENT' });
    expect(systemReason(err)).toBe('no such file or directory');
    expect(systemReason(Object.assign(new Error("EXDEV: cross-device link not permitted, rename '/a' -> '/b'"), { code: 'EXDEV' }))).toBe('cross-device link not permitted');
  });

  it('gives the result the usual permissions (not owner-only)', async () => {
    const target = join(dir, 'shared');
    await writeDirectoryAtomic(target, async () => undefined);
    const umask = process.umask();
    expect(statSync(target).mode & 0o777).toBe(0o777 & ~umask);
  });

  it('keeps the old directory and removes the temporary one when filling fails', async () => {
    const target = join(dir, 'results');
    earlierResult(target, 'kept.csv');
    await expect(
      writeDirectoryAtomic(target, async (tmp) => {
        writeFileSync(join(tmp, 'half.csv'), 'a,b\n1,');
        boom();
      }),
    ).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual(['results']);
    expect(readdirSync(target).sort()).toEqual([RESULT_MARK, 'kept.csv']);
  });

  it('creates nothing when aborted while filling', async () => {
    const target = join(dir, 'nested', 'results');
    const controller = new AbortController();
    await expect(
      writeDirectoryAtomic(
        target,
        async (tmp, signal) => {
          writeFileSync(join(tmp, 'part.json'), '{}');
          controller.abort();
          expect(signal?.aborted).toBe(true);
        },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(join(dir, 'nested'))).toEqual([]);
  });
});

describe('CSV and JSON text', () => {
  it('quotes what needs quoting and leaves missing values empty', () => {
    const text = csvText(
      ['name', 'value', 'note'],
      [
        { name: 'plain', value: 1.5, note: undefined },
        ['with, comma', Number.NaN, 'say "hi"'],
        ['line\nbreak', -0.25, ' padded'],
      ],
    );
    expect(text).toBe('name,value,note\nplain,1.5,\n"with, comma",,"say ""hi"""\n"line\nbreak",-0.25," padded"\n');
    expect(() => csvText(['a', 'b'], [[1]])).toThrow('1 values for 2 columns');
  });

  it('writes JSON indented with a final newline', async () => {
    const file = join(dir, 'm.json');
    await writeJson(file, { a: [1, 2] });
    expect(readFileSync(file, 'utf8')).toBe(jsonText({ a: [1, 2] }));
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});
