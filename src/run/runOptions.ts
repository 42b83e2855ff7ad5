/**
 * What a notebook or script hands runScenario and solveLever, checked before anything runs: the options
 * object and the reforms. A misspelt option (`path: 8`) was ignored and the run went ahead at the
 * scenario's own size; a reform written as an object, or a file name, failed deep inside with a TypeError.
 * The values of the options the scenario file also has (seed, paths …) are checked by withOverrides, the
 * worker and chunk counts by simulate.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { SourceDocument } from '../input/document.js';
import { validateDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import { reformSchema, type Reform } from '../policy/reform.js';

const FILE = 'run options';

/** Every option runScenario and solveLever take (RunOptions). */
export const RUN_OPTIONS = ['workers', 'chunkMembers', 'signal', 'onProgress', 'seed', 'paths', 'members', 'horizon'] as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An unknown option, with the allowed one it most likely misspells. */
function unknownOption(key: string): string {
  const near = closest(key, [...RUN_OPTIONS]);
  const hint = distance(key.toLowerCase(), near.toLowerCase()) <= 2 ? `did you mean "${near}"? ` : '';
  return `unknown option; ${hint}allowed: ${RUN_OPTIONS.join(', ')}`;
}

export function runOptionProblems(options: unknown): Problem[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ file: FILE, path: [], message: `must be an object such as { workers: 2, paths: 8 }, got ${JSON.stringify(options) ?? String(options)}; allowed: ${RUN_OPTIONS.join(', ')}` }];
  }
  const problems: Problem[] = Object.keys(options)
    .filter((k) => !(RUN_OPTIONS as readonly string[]).includes(k))
    .map((k) => ({ file: FILE, path: [k], value: options[k], message: unknownOption(k) }));
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    problems.push({ file: FILE, path: ['signal'], value: options.signal, message: 'must be an AbortSignal, e.g. new AbortController().signal' });
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    problems.push({ file: FILE, path: ['onProgress'], value: options.onProgress, message: 'must be a function, called with { done, total } after every chunk' });
  }
  return problems;
}

/** The run's own options out of a caller's wider set (the command line's also hold its output formats). */
export function pickRunOptions<T extends object>(options: T): Pick<T, Extract<keyof T, (typeof RUN_OPTIONS)[number]>> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => (RUN_OPTIONS as readonly string[]).includes(k))) as Pick<T, Extract<keyof T, (typeof RUN_OPTIONS)[number]>>;
}

export function checkRunOptions(options: unknown): void {
  const problems = runOptionProblems(options);
  if (problems.length > 0) throw new InputError(problems);
}

/** A reform as a caller writes it in code: the fields of a reform file (id, name, changes …). */
export type ReformObject = Record<string, unknown> & { id: string; name: string; changes: Record<string, unknown> };

const isLoaded = (r: unknown): r is Reform => isPlainObject(r) && typeof r.file === 'string' && isPlainObject(r.doc) && 'data' in r.doc;

/**
 * The reforms to run: those loadReform read as they are, and one written as an object checked as a reform
 * file would be, under the name `reforms[i]` (its problems and its manifest entry carry that name).
 */
export function runReforms(reforms: unknown): Reform[] {
  if (!Array.isArray(reforms)) {
    throw new InputError([{ file: FILE, path: ['reforms'], message: `must be a list of reforms (loadReform(file), or objects { id, name, changes }), got ${typeof reforms}` }]);
  }
  const problems: Problem[] = [];
  const out = reforms.map((r, i): Reform | null => {
    const name = `reforms[${i}]`;
    if (isLoaded(r)) return r;
    if (typeof r === 'string') {
      problems.push({ file: FILE, path: ['reforms', i], value: r, message: `is a file name: load it first with loadReform(${JSON.stringify(r)})` });
      return null;
    }
    if (!isPlainObject(r)) {
      problems.push({ file: FILE, path: ['reforms', i], value: r, message: 'must be a reform: loadReform(file), or an object { id, name, changes }' });
      return null;
    }
    const doc: SourceDocument = { file: name, data: r, lineOf: () => undefined };
    try {
      return { ...validateDocument(doc, reformSchema), file: name, doc };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return null;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return out as Reform[];
}
