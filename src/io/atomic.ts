/**
 * Atomic output: a result file or directory appears complete or not at all. Everything is written to a
 * temporary name beside the target (same directory, so the final rename stays on one file system) and
 * renamed into place only when complete. On an error or an abort the temporary is removed and an
 * existing target is left as it was. Temporary names start with "." and contain ".tmp-".
 *
 * A result directory replaces only what a result directory may: nothing, an empty directory, or an earlier
 * result (which carries the RESULT_MARK file). Anything else at the target is the user's, and is refused
 * before any work is done (`checkDirectoryTarget`, also called by the commands before they simulate).
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../input/inputError.js';

/** The file every result directory holds, so that a later result may replace it. */
export const RESULT_MARK = '.yibao-result';

/** Error thrown when an AbortSignal stops a write (the same name as the engine's cancellation). */
function abortedError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error && signal.reason.name === 'AbortError') return signal.reason;
  const err = new Error('the write was cancelled');
  err.name = 'AbortError';
  return err;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}

export interface WriteOptions {
  signal?: AbortSignal;
}

/** A temporary path beside `target`. */
function tempPathBeside(target: string): string {
  const abs = resolve(target);
  return join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Characters buffered before a write to disk. */
const FLUSH_AT = 1 << 16;

/**
 * A file written piece by piece that becomes visible at `commit()`. Call `abort()` on failure
 * (it is safe to call after a commit or twice). Writes are buffered; `write` resolves when the
 * buffer has been handed to the file system, so a fast producer waits for a slow disk.
 */
export class AtomicFile {
  private buffer: string[] = [];
  private buffered = 0;
  private done = false;

  private constructor(
    readonly target: string,
    readonly temp: string,
    private readonly handle: FileHandle,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Opens a temporary file beside `target`, creating the target's directory if needed. */
  static async open(target: string, options: WriteOptions = {}): Promise<AtomicFile> {
    throwIfAborted(options.signal);
    const temp = tempPathBeside(target);
    await mkdir(dirname(temp), { recursive: true });
    const handle = await open(temp, 'wx');
    return new AtomicFile(resolve(target), temp, handle, options.signal);
  }

  async write(text: string): Promise<void> {
    if (this.done) throw new Error(`${this.target}: write after commit or abort`);
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  /** Flush, sync to disk and rename into place. */
  async commit(): Promise<void> {
    try {
      await this.flush();
      throwIfAborted(this.signal);
      await this.handle.sync();
      await this.handle.close();
      this.done = true;
      await rename(this.temp, this.target);
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  /** Remove the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }

  private async flush(): Promise<void> {
    throwIfAborted(this.signal);
    if (this.buffered === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(text, null, 'utf8');
  }
}

/** Write a whole file atomically. */
export async function writeFileAtomic(target: string, text: string, options: WriteOptions = {}): Promise<void> {
  const file = await AtomicFile.open(target, options);
  try {
    await file.write(text);
  } catch (err) {
    await file.abort();
    throw err;
  }
  await file.commit();
}

/**
 * Produce a result directory atomically: `fill` writes into a fresh temporary directory beside `target`,
 * which then replaces `target` (an earlier result is swapped out and removed only after the new one is in
 * place). If `fill` throws or the signal aborts, the temporary directory is removed and `target` is unchanged.
 * A target that holds anything but an earlier result is refused (InputError) before `fill` runs.
 */
export async function writeDirectoryAtomic(
  target: string,
  fill: (dir: string, signal: AbortSignal | undefined) => Promise<void>,
  options: WriteOptions = {},
): Promise<void> {
  const { signal } = options;
  throwIfAborted(signal);
  checkDirectoryTarget(target);
  const abs = resolve(target);
  // mkdir, not mkdtemp: the result gets the user's usual permissions (mkdtemp's are owner-only).
  const temp = tempPathBeside(abs);
  await mkdir(dirname(abs), { recursive: true })
    .then(() => mkdir(temp))
    .catch((err: NodeJS.ErrnoException) => {
      throw err.code ? targetProblem(target)(`cannot be written (${err.code}: ${systemReason(err)})`) : err;
    });
  try {
    await fill(temp, signal);
    await writeFile(join(temp, RESULT_MARK), 'Written by yibao-sim. A later result written here replaces this directory whole.\n');
    throwIfAborted(signal);
    await replaceDirectory(temp, abs);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Refuse, before any work, a result directory that could not be written or would replace something of the
 * user's: the target must be missing, an empty directory or an earlier result, and its nearest existing
 * ancestor a directory this process may write in.
 */
export function checkDirectoryTarget(target: string): void {
  const problem = targetProblem(target);
  const found = statOrUndefined(target);
  if (found && !found.isDirectory()) throw problem('exists and is not a directory; the results need a directory of their own');
  if (found && readdirSync(target).length > 0 && !statOrUndefined(join(target, RESULT_MARK))) {
    throw problem(`exists and holds files that are not an earlier result (no ${RESULT_MARK} in it), which the results would replace; name a new or empty directory, or remove it`);
  }
  checkWritableParent(target, problem);
}

/** Refuse, before any work, a result file that could not be written: not a directory, in a directory this process may write in. */
export function checkFileTarget(target: string): void {
  const problem = targetProblem(target);
  if (statOrUndefined(target)?.isDirectory()) throw problem('is a directory; name a file');
  checkWritableParent(target, problem);
}

/**
 * A system error's reason without its code and path ("ENOENT: no such file or directory, mkdir '/x/.tmp-1'" is
 * "no such file or directory"): the code is given beside it, and the path is a temporary one the user never named.
 */
export function systemReason(err: NodeJS.ErrnoException): string {
  return err.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}

/** A problem with an output place, named by the place as the user gave it. */
const targetProblem = (target: string) => (message: string) => new InputError([{ file: target, path: [], message }]);

/** The nearest existing ancestor of `target` must be a directory we may write in (the rest is created). */
function checkWritableParent(target: string, problem: (message: string) => Error): void {
  let dir = dirname(resolve(target));
  let found = statOrUndefined(dir);
  while (!found) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
    found = statOrUndefined(dir);
  }
  if (!found?.isDirectory()) throw problem(`cannot be created: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw problem(`cannot be written: no permission to write in ${dir}`);
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Move `from` to `to`; an existing `to` is set aside first, restored if the move fails, then removed. */
async function replaceDirectory(from: string, to: string): Promise<void> {
  const old = `${tempPathBeside(to)}-old`;
  let setAside = false;
  try {
    await rename(to, old);
    setAside = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    await rename(from, to);
  } catch (err) {
    if (setAside) await rename(old, to);
    throw err;
  }
  if (setAside) await rm(old, { recursive: true, force: true });
}
