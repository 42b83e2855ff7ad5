/**
 * Run a notebook headless, the way a user's Jupyter would, and hand back its outputs. The committed
 * notebook is never rewritten: the executed copy goes to a temporary directory (kept, and named in
 * the error, when a cell fails). The kernel starts in the notebook's own directory, so its relative
 * paths and `import … from 'yibao-sim'` (the built dist/) resolve as they do for a user.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** Debian's Python, which has Jupyter (not whatever python3 is first on PATH). */
const PYTHON = '/usr/bin/python3';
const DRIVER = join(__dirname, 'execute_notebook.py');
const SETUP_HINT = 'run `npm run setup` (installs Jupyter from Debian packages and the tslab kernel)';

export interface ExecutedCell {
  index: number;
  id?: string;
  type: 'code' | 'markdown' | 'raw';
  source: string;
  stdout: string;
  stderr: string;
  /** Rich outputs (display data and results), by MIME type. */
  plain: string[];
  html: string[];
  svg: string[];
}

export interface ExecutedNotebook {
  cells: ExecutedCell[];
  /** Every code cell's stdout, in order. */
  stdout: string;
}

interface RawOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

interface RawCell {
  id?: string;
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  outputs?: RawOutput[];
}

const joined = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

function toCell(raw: RawCell, index: number): ExecutedCell {
  const outputs = raw.outputs ?? [];
  const stream = (name: string) => outputs.filter((o) => o.output_type === 'stream' && o.name === name).map((o) => joined(o.text)).join('');
  const rich = (mime: string) => outputs.filter((o) => o.data?.[mime] !== undefined).map((o) => joined(o.data![mime]));
  const errors = outputs
    .filter((o) => o.output_type === 'error')
    .map((o) => stripAnsi([`${o.ename}: ${o.evalue}`, ...(o.traceback ?? [])].join('\n')))
    .join('\n');
  return {
    index,
    id: raw.id,
    type: raw.cell_type,
    source: joined(raw.source),
    stdout: stream('stdout'),
    stderr: stripAnsi(stream('stderr')) + errors,
    plain: rich('text/plain'),
    html: rich('text/html'),
    svg: rich('image/svg+xml'),
  };
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    // Own process group, so a timeout also ends the kernel the driver started.
    const child = spawn(PYTHON, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(new Error(`cannot start ${PYTHON}: ${e.message}; ${SETUP_HINT}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * Execute the notebook at `path` and return its cells with outputs. Throws with the failing cell's
 * source and error text when a cell fails, and with a setup hint when Jupyter or the kernel is missing.
 */
export async function runNotebook(path: string, options: { timeoutMs?: number } = {}): Promise<ExecutedNotebook> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const notebook = resolve(path);
  if (!existsSync(notebook)) throw new Error(`no notebook at ${notebook}`);
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: ${SETUP_HINT}`);
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error("notebooks import the built package (dist/): run `npm run build` first");

  const dir = mkdtempSync(join(tmpdir(), 'yibao-notebook-'));
  const executed = join(dir, basename(notebook));
  const env = {
    ...process.env,
    // The tslab kernel is started by name: from this checkout.
    PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  const seconds = Math.max(1, Math.floor(timeoutMs / 1000));
  // The overall limit allows for the kernel's start-up beyond the per-cell limit.
  const result = await run([DRIVER, notebook, executed, String(seconds)], env, dir, timeoutMs + 30_000);
  const summary = parseSummary(result.stdout);
  if (result.timedOut) throw new Error(`notebook ${basename(notebook)} did not finish within ${seconds + 30} s (kept: ${dir})`);
  if (summary && 'kernelMissing' in summary) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the Jupyter kernel "${summary.kernelMissing}" is not installed (installed: ${summary.installed.join(', ') || 'none'}): ${SETUP_HINT}`);
  }
  if (result.code !== 0 || !summary) {
    const hint = /No module named/.test(result.stderr) ? `; ${SETUP_HINT}` : '';
    throw new Error(`running ${basename(notebook)} failed (exit ${result.code})${hint}:\n${result.stderr.slice(-3000)}`);
  }

  const raw = JSON.parse(readFileSync(executed, 'utf8')) as { cells: RawCell[] };
  const cells = raw.cells.map(toCell);
  if (summary.failed) {
    const cell = cells[summary.failed.index]!;
    throw new Error(
      `notebook ${basename(notebook)}: cell ${cell.index}${cell.id ? ` (id ${cell.id})` : ''} failed.\n` +
        `--- source ---\n${cell.source}\n--- error ---\n${(cell.stderr || summary.failed.message).trim()}\n` +
        `(executed copy kept: ${executed})`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return { cells, stdout: cells.map((c) => c.stdout).join('') };
}

type Summary = { failed: { index: number; message: string } | null } | { kernelMissing: string; installed: string[] };

function parseSummary(stdout: string): Summary | undefined {
  const line = stdout.trim().split('\n').pop();
  try {
    return line ? (JSON.parse(line) as Summary) : undefined;
  } catch {
    return undefined;
  }
}
