/**
 * A reform is a partial policy applied to a baseline: objects merge field by field, values and lists
 * replace. The merged policy is validated as a whole and accepted all-or-nothing; a problem in a
 * changed field is reported against the reform file.
 */
import { z } from 'zod';
import { readDocument, validateDocument, type SourceDocument } from '../input/document.js';
import { InputError, problemsFromZod } from '../input/inputError.js';
import type { LoadedPolicy } from './load.js';
import { policySchema } from './schema.js';

export const reformSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** First calendar year the reform is in force (for projections); absent means from the start. */
  startYear: z.number().int().min(1990).max(2200).optional(),
  sources: z.array(z.strictObject({ title: z.string(), url: z.string().optional(), note: z.string().optional() })).default([]),
  changes: z.record(z.string(), z.unknown()).refine((c) => Object.keys(c).length > 0, 'a reform must change something'),
});
export type Reform = z.output<typeof reformSchema> & { file: string; doc: SourceDocument };

export function loadReform(file: string): Reform {
  const doc = readDocument(file);
  return { ...validateDocument(doc, reformSchema), file, doc };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepMerge(base: unknown, change: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(change)) return structuredClone(change);
  const out: Record<string, unknown> = { ...structuredClone(base) };
  for (const [k, v] of Object.entries(change)) out[k] = k in out ? deepMerge(out[k], v) : structuredClone(v);
  return out;
}

/** Apply a reform to a baseline; throws one InputError with every problem, naming the right file. */
export function applyReform(baseline: LoadedPolicy, reform: Reform): LoadedPolicy {
  const changes = { ...reform.changes };
  for (const fixed of ['id', 'jurisdiction'] as const) {
    if (fixed in changes) throw new InputError([{ file: reform.file, path: ['changes', fixed], message: `a reform may not change the policy's ${fixed}`, line: reform.doc.lineOf(['changes', fixed]) }]);
  }
  const raw = deepMerge(baseline.raw, changes) as Record<string, unknown>;
  raw['id'] = `${String((baseline.raw as Record<string, unknown>)['id'])}+${reform.id}`;
  raw['name'] = `${String((baseline.raw as Record<string, unknown>)['name'])} + ${reform.name}`;
  const result = policySchema.safeParse(raw);
  if (result.success) return { policy: result.data, raw, file: `${baseline.file} + ${reform.file}` };
  // The baseline alone was valid, so every problem of the merged policy comes from the reform.
  const problems = problemsFromZod(result.error.issues, raw, reform.file).map((p) => {
    const path = ['changes', ...p.path];
    return { ...p, path, line: reform.doc.lineOf(path) };
  });
  throw new InputError(problems);
}
