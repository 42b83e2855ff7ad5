/**
 * Loading policy files (YAML or JSON). Every problem is reported at once, with file, line, field path,
 * the bad value and what is allowed; nothing is run on an invalid policy.
 */
import { readDocument, validateDocument, type SourceDocument } from '../input/document.js';
import { policySchema, type Policy } from './schema.js';

export interface LoadedPolicy {
  policy: Policy;
  /** The document as written, before defaults: the base a reform is applied to. */
  raw: unknown;
  file: string;
}

export function policyFromDocument(doc: SourceDocument): LoadedPolicy {
  return { policy: validateDocument(doc, policySchema), raw: doc.data, file: doc.file };
}

export function loadPolicy(file: string): LoadedPolicy {
  return policyFromDocument(readDocument(file));
}
