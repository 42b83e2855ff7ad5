import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(__dirname, 'fixtures');
export const TWO_YEARS = join(FIXTURES, 'two-years.yaml');
export const DEFAULT_POLICY = join(ROOT, 'scenarios', 'policies', 'default-2021.yaml');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** `yibao …` in process, capturing standard output and error. */
export async function yibao(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yibao-cli-'));
}

export function jsonLines(...claims: object[]): string {
  return claims.map((c) => JSON.stringify(c)).join('\n') + '\n';
}

function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestMtime(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/**
 * The launcher to spawn. bin/yibao.cjs runs dist/ when it exists; when dist/ is older than src/ (not
 * rebuilt), spawn a copy of the same launcher in a directory holding only src/ and node_modules/, so it
 * takes its other path (tsx from the sources) and the tests see the current code either way.
 */
export function launcher(): { file: string; cleanup: () => void } {
  const built = join(ROOT, 'dist', 'cli', 'main.js');
  let current: boolean;
  try {
    current = statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'));
  } catch {
    current = true; // no dist/: the launcher runs the sources itself
  }
  if (current) return { file: join(ROOT, 'bin', 'yibao.cjs'), cleanup: () => undefined };
  const dir = tempDir();
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'yibao.cjs'), join(dir, 'bin', 'yibao.cjs'));
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { file: join(dir, 'bin', 'yibao.cjs'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Run the launcher as a process; `input` goes to its standard input (closed after). */
export function spawnYibao(file: string, args: string[], input?: string): Promise<Spawned> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, out, err }));
    child.stdin.end(input ?? '');
  });
}
