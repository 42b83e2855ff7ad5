/**
 * Telling a scenario, a policy, a reform and a run's manifest apart by the fields only each has, so a file given
 * where another kind is expected (a reform to `run`, a policy as `--reform`, a manifest without `--manifest`) is
 * named for what it is, instead of being reported as a list of missing fields.
 */
import type { SourceDocument } from './document.js';
import type { Problem } from './inputError.js';

export type DocumentKindName = 'scenario' | 'policy' | 'reform' | 'manifest';

/** The fields only each kind has. */
export const KIND_FIELDS: Record<DocumentKindName, readonly string[]> = {
  scenario: ['baseYear', 'horizon', 'paths', 'sample', 'policy', 'policyChanges'],
  policy: ['jurisdiction', 'effective', 'employee', 'resident'],
  reform: ['changes', 'startYear'],
  manifest: ['tool', 'createdAt'],
};

/** Where each kind is used, for the message. */
const USE: Record<DocumentKindName, string> = {
  scenario: 'run it with `yibao run FILE` (or name it as the scenario of another command)',
  policy: "a scenario names it in its `policy` field, and `yibao settle --policy FILE` settles claims under it",
  reform: 'compare it with `yibao compare --reform FILE`, or list it in a scenario\'s `policyChanges`',
  manifest: 'rerun it with `yibao run --manifest FILE` (a solve or sensitivity manifest with `yibao solve --manifest FILE` or `yibao sensitivity --manifest FILE`)',
};

/** The kind a document's fields say it is, when they say only one. */
export function apparentKind(data: unknown): DocumentKindName | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  // A manifest embeds a scenario, so it has a scenario's fields (policy, paths) too: its own fields decide.
  if (KIND_FIELDS.manifest.some((field) => field in data)) return 'manifest';
  const kinds = (Object.keys(KIND_FIELDS) as DocumentKindName[]).filter((k) => KIND_FIELDS[k].some((field) => field in data));
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** A problem when the document is plainly another kind than `expected`, else none. */
export function wrongKindProblems(doc: SourceDocument, expected: DocumentKindName): Problem[] {
  const kind = apparentKind(doc.data);
  if (kind === undefined || kind === expected) return [];
  const fields = KIND_FIELDS[kind].filter((f) => f in (doc.data as object));
  const message = `this is a ${kind} file (it has ${fields.map((f) => `\`${f}\``).join(', ')}), not a ${expected}: ${USE[kind]}`;
  return [{ file: doc.file, path: [], value: undefined, line: doc.lineOf([fields[0]!]), message }];
}
