/**
 * data/ describes what it holds: every file under data/ is named in data/README.md (by its path below data/)
 * or in a README.md of its own folder (by its name); every CSV's columns are named in the README that
 * describes it (the units and meanings sit with them); and the READMEs name no file that does not exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DATA = join(ROOT, 'data');
/** Paths below data/, with forward slashes. */
const files = readdirSync(DATA, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => statSync(join(DATA, f)).isFile())
  .sort();
const readmes = files.filter((f) => basename(f) === 'README.md');
const tables = files.filter((f) => basename(f) !== 'README.md');
const text = (readme: string) => readFileSync(join(DATA, readme), 'utf8');
/** The names written in code spans, as a README names files and columns. */
const codeSpans = (readme: string) => new Set([...text(readme).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()));

/**
 * The READMEs that describe a file: data/README.md naming its path below data/, and a README.md in the
 * file's folder or a folder above it (below data/) naming its path from there.
 */
function describedBy(file: string): string[] {
  return readmes.filter((readme) => {
    const folder = posix.dirname(readme) === '.' ? '' : `${posix.dirname(readme)}/`;
    return file.startsWith(folder) && codeSpans(readme).has(file.slice(folder.length));
  });
}

describe('data/ READMEs', () => {
  it('finds the tables: demography, utilisation, calibration, institutions, supervision', () => {
    expect(readmes).toContain('README.md');
    for (const folder of ['demography', 'utilisation', 'calibration', 'institutions', 'supervision']) {
      expect(tables.some((t) => t.startsWith(`${folder}/`)), folder).toBe(true);
    }
  });

  it('names every file under data/ in data/README.md or in a README of its folder', () => {
    expect(tables.filter((t) => describedBy(t).length === 0)).toEqual([]);
  });

  it.each(files.filter((f) => f.endsWith('.csv')))('names every column of %s where it describes the file', (csv) => {
    const header = readFileSync(join(DATA, csv), 'utf8').split('\n')[0]!.trim().split(',');
    expect(header.length).toBeGreaterThan(1);
    const spans = new Set(describedBy(csv).flatMap((readme) => [...codeSpans(readme)]));
    expect(header.filter((column) => !spans.has(column))).toEqual([]);
  });

  it('names no file that does not exist', () => {
    const named = readmes.flatMap((readme) => {
      const folder = posix.dirname(readme);
      return [...codeSpans(readme)]
        .filter((span) => /^[\w./-]+\.(?:csv|ya?ml|json)$/.test(span))
        // Tables of ../shared/reference are cited sources, outside this repository.
        .filter((span) => !span.startsWith('shared/') && !span.startsWith('../'))
        // scenarios/…, src/…: from the repository root; anything else from the README's folder.
        .map((span) => ({ readme, span, path: /^(?:scenarios|src|tests|docs|notebooks)\//.test(span) ? join(ROOT, span) : join(DATA, folder, span) }));
    });
    expect(named.length).toBeGreaterThanOrEqual(tables.length);
    expect(named.filter((n) => !existsSync(n.path)).map((n) => `${n.readme}: ${n.span}`)).toEqual([]);
  });
});
