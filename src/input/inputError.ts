/**
 * User mistakes in input files become an InputError: every problem at once, each naming the file,
 * the field path, the bad value and what is allowed. The CLI prints them as lines, never a stack.
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

export interface Problem {
  file: string;
  /** Field path, e.g. ['employee', 'inpatient', 'ratio', 'retired', 'tertiary']. */
  path: (string | number)[];
  message: string;
  /** The offending value as written, when there is one. */
  value?: unknown;
  /** 1-based line in the file, when known. */
  line?: number;
}

export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const value = p.value === undefined ? '' : ` = ${short(p.value)}`;
  if (p.path.length === 0) return `${where}: ${p.message}`;
  return `${where}: ${formatPath(p.path)}${value}: ${p.message}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

type Issue = z.core.$ZodIssue;

/**
 * Turn zod issues into problems. For a union (a value or a table), report the branch that matches
 * the kind of value written (an object is judged as a table, a number as a value).
 */
export function problemsFromZod(issues: readonly Issue[], data: unknown, file: string, base: PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...problemsFromZod(bestBranch(issue.errors, valueAt(data, path)), data, file, path));
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(problem(file, [...path, key], data, 'unknown field'));
    } else {
      out.push(problem(file, path, data, describe(issue, valueAt(data, path))));
    }
  }
  return withSuggestions(out);
}

/**
 * An unknown field beside a missing one of a like name is most likely that one misspelt (`change:` for
 * `changes:`): one problem says so, instead of two the reader must connect.
 */
function withSuggestions(problems: Problem[]): Problem[] {
  const last = (p: Problem) => String(p.path[p.path.length - 1]);
  const siblings = (a: Problem, b: Problem) => a.path.length === b.path.length && a.path.slice(0, -1).every((k, i) => k === b.path[i]);
  const meant = new Map<Problem, Problem>();
  for (const unknown of problems.filter((p) => p.message === 'unknown field')) {
    const key = last(unknown).toLowerCase();
    const missing = problems.find((q) => q.message.startsWith('is required') && siblings(q, unknown) && !meant.has(q) && (last(q).toLowerCase() === key || distance(last(q).toLowerCase(), key) <= 2));
    if (missing) meant.set(missing, unknown);
  }
  const suggested = new Map([...meant].map(([missing, unknown]) => [unknown, last(missing)]));
  return problems.filter((p) => !meant.has(p)).map((p) => (suggested.has(p) ? { ...p, message: `unknown field; did you mean "${suggested.get(p)}"?` } : p));
}

function problem(file: string, path: PropertyKey[], data: unknown, message: string): Problem {
  const clean = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return { file, path: clean, message, value: valueAt(data, path) };
}

/**
 * The union branch that best fits the value: a wrong branch fails at the value itself (wrong type,
 * unknown keys), the right one deeper inside it. Nested unions at the root are expanded first.
 */
function bestBranch(branches: Issue[][], value: unknown): Issue[] {
  const rootPoints = (b: Issue[]) =>
    expandRoot(b, value).reduce((sum, i) => sum + (i.path.length > 0 ? 0 : i.code === 'invalid_type' ? 2 : 1), 0);
  const ranked = branches.map((b) => ({ b, points: rootPoints(b) }));
  ranked.sort((x, y) => x.points - y.points || x.b.length - y.b.length);
  return ranked[0]!.b;
}

function expandRoot(issues: Issue[], value: unknown): Issue[] {
  return issues.flatMap((i) => (i.code === 'invalid_union' && i.path.length === 0 && i.errors.length > 0 ? expandRoot(bestBranch(i.errors, value), value) : [i]));
}

/** The validator's type names in a reader's words. */
const KIND: Record<string, string> = { int: 'whole number', record: 'object' };

function describe(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    const expected = KIND[issue.expected] ?? issue.expected;
    if (value === undefined) return `is required (${expected})`;
    if (typeof value === 'number' && issue.expected === 'int') return 'must be a whole number';
    const got = `expected ${expected}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
    return issue.expected === 'number' && typeof value === 'string' ? got + numberWrittenAsText(value) : got;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  // A discriminated union's tag (an indexation rule's `mode`) that names no branch: its allowed values, as for any choice.
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options && issue.options.length > 0) {
    const allowed = `one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
    return value === undefined ? `is required (${allowed})` : `must be ${allowed}`;
  }
  // The schemas' own messages say what is allowed; the validator's defaults ("Too small: expected number to be >=1990") are reworded.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message)) return bound(issue);
  return issue.message;
}

/**
 * A number written as text in a unit the files do not use (a percentage, 万元) or quoted: how to write it.
 * Shares are decimals and money is yuan (README, "Units"), so "60%" is 0.6 and "1.5万" is 15000.
 */
function numberWrittenAsText(text: string): string {
  const plain = (n: number) => String(Number(n.toPrecision(12)));
  const percent = /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (percent) return `: write a share as a decimal (${plain(Number(percent[1]) / 100)}), not a percentage`;
  const wan = /^\s*([-+]?\d+(?:\.\d+)?)\s*万元?\s*$/.exec(text);
  if (wan) return `: write money in yuan, as a number (${plain(Number(wan[1]) * 10_000)})`;
  const quoted = /^\s*[-+]?\d{1,3}(?:,?\d{3})*(?:\.\d+)?\s*$/.test(text) || /^\s*[-+]?\d+(?:\.\d+)?\s*$/.test(text);
  return quoted ? `: write it as a number, without quotes or thousands separators (${plain(Number(text.replace(/,/g, '')))})` : '';
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const counted = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
  if (counted && small && inclusive && limit === 1) return 'must not be empty';
  const relation = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : counted ? 'fewer than' : 'less than';
  if (issue.origin === 'string') return `must be ${relation} ${limit} characters long`;
  if (counted) return `must have ${relation} ${limit} entries`;
  return `must be ${relation} ${limit}`;
}
