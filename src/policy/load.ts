/**
 * Loading policy files (YAML or JSON). Every problem is reported at once, with file, line, field path,
 * the bad value and what is allowed; nothing is run on an invalid policy.
 */
import { wrongKindProblems } from '../input/documentKind.js';
import type { z } from 'zod';
import { readDocument, withLines, type SourceDocument } from '../input/document.js';
import { InputError, problemsFromZod, type Problem } from '../input/inputError.js';
import { withAllowedFields } from './fieldNames.js';
import { policySchema, type Policy } from './schema.js';

export interface LoadedPolicy {
  policy: Policy;
  /** The document as written, before defaults: the base a reform is applied to. */
  raw: unknown;
  file: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A problem found at a resolved key (e.g. `cap.inService`, by the consistency checks) moved to the field
 * as the user wrote it: `cap` when one value was written for every key, `cap.default` when the key fell
 * back to the default. A person-type key is skipped when a level table was written for every person type
 * (person-type and level names differ, so the next key tells). Problems at a written value are unchanged.
 */
export function atWrittenPath(p: Problem, raw: unknown): Problem {
  if (p.value !== undefined) return p;
  const path: (string | number)[] = [];
  let cur: unknown = raw;
  for (const [i, key] of p.path.entries()) {
    if (Array.isArray(cur) && typeof key === 'number') {
      path.push(key);
      cur = cur[key];
    } else if (!isPlainObject(cur)) {
      break;
    } else if (key in cur) {
      path.push(key);
      cur = cur[key];
    } else if (p.path.slice(i + 1).some((later) => String(later) in (cur as Record<string, unknown>))) {
      continue;
    } else if ('default' in cur) {
      path.push('default');
      cur = cur['default'];
    } else {
      return p;
    }
  }
  return cur === undefined ? p : { ...p, path, value: cur };
}

/** Problems of a policy document (as written in `raw`), for `file`. */
export function policyProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string): Problem[] {
  return problemsFromZod(issues, raw, file).map((p) => withAllowedFields(policySchema, atWrittenPath(p, raw)));
}

export function policyFromDocument(doc: SourceDocument): LoadedPolicy {
  const wrong = wrongKindProblems(doc, 'policy');
  if (wrong.length > 0) throw new InputError(wrong);
  const result = policySchema.safeParse(doc.data);
  if (!result.success) throw new InputError(withLines(policyProblems(result.error.issues, doc.data, doc.file), doc));
  return { policy: result.data, raw: doc.data, file: doc.file };
}

export function loadPolicy(file: string): LoadedPolicy {
  return policyFromDocument(readDocument(file));
}
