/**
 * Line-oriented input and output for JSON-lines commands: numbered lines from a file or standard input,
 * and an output that is standard output or a file written atomically.
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../input/inputError.js';
import { AtomicFile, checkFileTarget } from './atomic.js';

/** The name standing for standard input, as a file argument and in messages. */
export const STDIN = '-';

/** The name of a line source in messages: the file, or "stdin". */
export function sourceName(file: string): string {
  return file === STDIN ? 'stdin' : file;
}

export interface NumberedLine {
  /** 1-based line number. */
  line: number;
  text: string;
}

/** How a file that cannot be read is reported to the user. */
export function unreadable(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read (${code})`;
  return new InputError([{ file, path: [], message: why }]);
}

/** The lines of `file` ("-" for standard input), without line ends or a leading byte-order mark. */
export async function* readLines(file: string, signal?: AbortSignal): AsyncGenerator<NumberedLine> {
  let input: Readable;
  if (file === STDIN) {
    input = process.stdin;
  } else {
    try {
      const handle = await open(file, 'r');
      // A directory opens but cannot be read: fail here, as a user mistake.
      if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      input = handle.createReadStream({ encoding: 'utf8' });
    } catch (err) {
      throw unreadable(file, err);
    }
  }
  const reader = createInterface({ input, crlfDelay: Infinity, signal });
  let line = 0;
  try {
    for await (const text of reader) {
      line += 1;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } finally {
    reader.close();
    if (file !== STDIN) input.destroy();
  }
}

export interface LineSink {
  /** Write one line (a line end is added). */
  write(line: string): Promise<void>;
  /** Finish: a file appears only now. */
  close(): Promise<void>;
  /** Give up: a file is not written. */
  abort(): Promise<void>;
}

/** Lines to `file` (written atomically), or to standard output when no file is given. */
export async function openLineSink(file: string | undefined, signal?: AbortSignal): Promise<LineSink> {
  if (file === undefined) {
    return {
      write: async (line) => {
        if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
      },
      close: async () => undefined,
      abort: async () => undefined,
    };
  }
  checkFileTarget(file);
  let out: AtomicFile;
  try {
    out = await AtomicFile.open(file, { signal });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    throw new InputError([{ file, path: [], message: `cannot write here (${code})` }]);
  }
  return { write: (line) => out.write(`${line}\n`), close: () => out.commit(), abort: () => out.abort() };
}
