/**
 * Reading YAML or JSON input files, validating them against a schema and reporting every problem
 * with its line number. Nothing downstream sees an unvalidated document.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { InputError, problemsFromZod, type Problem } from './inputError.js';

export interface SourceDocument {
  file: string;
  data: unknown;
  /** 1-based line of the node at a field path, when the document is YAML or JSON text. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

export function parseDocumentText(text: string, file: string): SourceDocument {
  const lineCounter = new YAML.LineCounter();
  // JSON is YAML, so one parser serves both and gives line numbers for either.
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => ({
        file,
        path: [],
        // Without prettyErrors the parser gives the offset, not the line.
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const pos = position(doc, path.slice(0, n));
      if (pos !== undefined) return lineCounter.linePos(pos).line;
    }
    return undefined;
  };
  return { file, data: doc.toJS({ maxAliasCount: 100 }), lineOf };
}

/** Where a field starts: its key in a mapping (so an error points at the field's own line), else its node. */
function position(doc: YAML.Document, path: (string | number)[]): number | undefined {
  if (path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (YAML.isMap(parent)) {
      const pair = parent.items.find((p) => (YAML.isScalar(p.key) ? p.key.value : p.key) === last);
      const key = pair?.key as { range?: [number, number, number] } | undefined;
      if (key?.range) return key.range[0];
    }
  }
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node && typeof node === 'object' && node.range ? node.range[0] : undefined;
}

export function readDocument(file: string): SourceDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read (${code})`;
    throw new InputError([{ file, path: [], message: why }]);
  }
  const doc = parseDocumentText(text, file);
  // An empty file (or one of comments only) parses as null: say so, not "expected object, got null".
  if (doc.data === null || doc.data === undefined) throw new InputError([{ file, path: [], message: 'is empty: it holds no fields (or only comments)' }]);
  return doc;
}

/** Validate a document; throw one InputError listing every problem, with lines. */
export function validateDocument<S extends z.ZodType>(doc: SourceDocument, schema: S): z.output<S> {
  const result = schema.safeParse(doc.data);
  if (result.success) return result.data;
  throw new InputError(withLines(problemsFromZod(result.error.issues, doc.data, doc.file), doc));
}

export function withLines(problems: Problem[], doc: SourceDocument): Problem[] {
  return problems.map((p) => ({ ...p, line: p.line ?? doc.lineOf(p.path) }));
}
