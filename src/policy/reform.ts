/**
 * A reform is a partial policy applied to a baseline: objects merge field by field, values and lists
 * replace. The merged policy is validated as a whole and accepted all-or-nothing; a problem in a
 * changed field is reported against the reform file.
 */
import { wrongKindProblems } from '../input/documentKind.js';
import { z } from 'zod';
import { readDocument, validateDocument, type SourceDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import { policyProblems, type LoadedPolicy } from './load.js';
import { policySchema } from './schema.js';
import { SCHEMES } from './vocabulary.js';

export const reformSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"')
    .refine((id) => id !== 'baseline', '"baseline" is reserved for the policy a reform is compared with'),
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
  const wrong = wrongKindProblems(doc, 'reform');
  if (wrong.length > 0) throw new InputError(wrong);
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
  const problems: Problem[] = [];
  for (const fixed of ['id', 'jurisdiction'] as const) {
    if (!(fixed in changes)) continue;
    const path = ['changes', fixed];
    problems.push({ file: reform.file, path, value: changes[fixed], line: reform.doc.lineOf(path), message: `a reform may not change the policy's ${fixed}` });
    delete changes[fixed];
  }
  const base = baseline.raw as Record<string, unknown>;
  for (const scheme of SCHEMES) {
    if (!(scheme in changes) || scheme in base) continue;
    // Merged into nothing, the scheme's every required field would be reported missing: say the one cause.
    const path = ['changes', scheme];
    problems.push({ file: reform.file, path, value: '{…}', line: reform.doc.lineOf(path), message: `the baseline policy ${baseline.file} has no ${scheme} scheme; a reform changes a scheme's terms, it cannot add a scheme (give the whole scheme in a policy file instead)` });
    delete changes[scheme];
  }
  const raw = deepMerge(base, changes) as Record<string, unknown>;
  raw['id'] = `${String(base['id'])}+${reform.id}`;
  raw['name'] = `${String(base['name'])} + ${reform.name}`;
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    // The baseline alone was valid, so every problem of the merged policy comes from the reform.
    for (const p of policyProblems(result.error.issues, raw, reform.file)) {
      const path = ['changes', ...p.path];
      problems.push({ ...p, path, line: reform.doc.lineOf(path) });
    }
  }
  if (problems.length > 0 || !result.success) throw new InputError(problems);
  return { policy: result.data, raw, file: `${baseline.file} + ${reform.file}` };
}
