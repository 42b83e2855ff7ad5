/** The CLI conventions: help everywhere, exit codes, one line per user mistake, stacks for internal errors. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/cli/commands/validate.js';
import { launcher, ROOT, spawnYibao, TWO_YEARS, yibao } from './helpers.js';

describe('yibao conventions', () => {
  it('has --help for the program and every command', async () => {
    const top = await yibao('--help');
    expect(top.code).toBe(0);
    for (const command of ['run', 'validate', 'settle', 'explain']) {
      expect(top.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      const run = await yibao(command, '--help');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Usage: yibao ${command}`);
    }
  });

  it('runs the default scenario when no command is given', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yibao-default-')), 'out');
    const run = await yibao('--paths', '1', '--members', '300', '--horizon', '1', '--workers', '0', '--no-progress', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/The employee pooled fund .* ends 2021/);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).scenario.file).toMatch(/scenarios[/\\]default\.yaml$/);
  });

  it('stops quietly when its reader closes the pipe early (`yibao solve --help | head`), not with an EPIPE stack', async () => {
    const bin = launcher();
    const child = spawn(process.execPath, [bin.file, 'solve', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before the command starts, as `head` closes it after its lines
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise((done) => child.on('close', done));
    bin.cleanup();
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('treats an unknown command or option, or a missing argument, as a usage error (exit 2)', async () => {
    const unknown = await yibao('settel', '--policy', TWO_YEARS);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^error: unknown command 'settel' \(commands: .*settle.*\)/);
    const option = await yibao('settle', '--policy', TWO_YEARS, '--bogus');
    expect(option).toMatchObject({ code: 2, err: "error: unknown option '--bogus'\n" });
    const missing = await yibao('settle');
    expect(missing).toMatchObject({ code: 2, err: "error: required option '--policy <file>' not specified\n" });
  });

  it('refuses, before simulating, an output directory it could not write or would replace the user\'s files in (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-out-'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'important');
    writeFileSync(join(dir, 'claims.jsonl'), '{}\n');
    const size = ['--paths', '1', '--members', '300', '--horizon', '1', '--workers', '0', '--no-progress'];
    const mine = await yibao('run', ...size, '--out', join(dir, 'mine'));
    expect(mine.code).toBe(2);
    expect(mine.err).toContain('not an earlier result');
    expect(mine.out).toBe(''); // refused before the simulation, which prints the answers
    expect(readdirSync(join(dir, 'mine'))).toEqual(['notes.txt']);
    const reform = join(ROOT, 'scenarios', 'reforms', 'resident-tertiary-deductible.yaml');
    const throughFile = await yibao('compare', ...size, '--reform', reform, '--out', join(dir, 'claims.jsonl', 'x'));
    expect(throughFile).toMatchObject({ code: 2, err: expect.stringContaining(`${join(dir, 'claims.jsonl')} is not a directory`) });
    const settle = await yibao('settle', '--policy', TWO_YEARS, '--claims', join(dir, 'claims.jsonl'), '--out', join(dir, 'mine'));
    expect(settle).toMatchObject({ code: 2, err: expect.stringContaining('is a directory') });
    // A run's own earlier result is replaced.
    expect((await yibao('run', ...size, '--out', join(dir, 'result'))).code).toBe(0);
    expect((await yibao('run', ...size, '--seed', '7', '--out', join(dir, 'result'))).code).toBe(0);
  });

  it('refuses an empty seed, more paths than a scenario may have, and compare without --reform (exit 2)', async () => {
    const seed = await yibao('run', '--seed', '', '--no-progress');
    expect(seed).toMatchObject({ code: 2, err: expect.stringContaining('--seed = "": must not be empty') });
    const paths = await yibao('run', '--paths', '100001', '--no-progress');
    expect(paths).toMatchObject({ code: 2, err: expect.stringContaining('--paths = 100001: must be at most 100,000') });
    const compare = await yibao('compare', '--paths', '1', '--no-progress');
    expect(compare).toMatchObject({ code: 2, err: expect.stringContaining("required option '--reform <file>' not specified") });
  });

  it('notes a reform dated after the run\'s last year, whose zero differences would otherwise look like an answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-late-'));
    const reform = join(dir, 'late.yaml');
    writeFileSync(reform, 'id: late\nname: late\nstartYear: 2040\nchanges:\n  resident:\n    inpatient:\n      deductible:\n        tertiary: 1500\n');
    const run = await yibao('compare', '--reform', reform, '--paths', '1', '--members', '300', '--horizon', '2', '--workers', '0', '--no-progress', '--out', join(dir, 'out'));
    expect(run.code).toBe(0);
    expect(run.err).toContain(`${reform}: startYear 2040 is after the run's last year (2022); this reform changes nothing in the run`);
  });

  it('notes a reform that changes only a scheme without members (its zero differences are no answer either)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-nobody-'));
    const reform = join(ROOT, 'scenarios', 'reforms', 'resident-tertiary-deductible.yaml');
    const run = await yibao('compare', join(ROOT, 'scenarios', 'employee-only.yaml'), '--reform', reform, '--paths', '1', '--members', '300', '--horizon', '1', '--workers', '0', '--no-progress', '--out', join(dir, 'out'));
    expect(run.code).toBe(0);
    expect(run.err).toBe(`yibao: note: ${reform} changes only the resident scheme, which has no members in this scenario; this reform changes nothing in the run\n`);
    // Both schemes changed, one with members: no note.
    const employees = await yibao('compare', join(ROOT, 'scenarios', 'employee-only.yaml'), '--reform', join(ROOT, 'scenarios', 'reforms', 'class-b-first-self-pay.yaml'), '--paths', '1', '--members', '300', '--horizon', '1', '--workers', '0', '--no-progress', '--out', join(dir, 'out2'));
    expect(employees).toMatchObject({ code: 0, err: '' });
  });

  it('names the line of a reform\'s mistake in compare, as validate does', async () => {
    const reform = join(mkdtempSync(join(tmpdir(), 'yibao-typo-')), 'typo.yaml');
    writeFileSync(reform, 'id: typo\nname: typo\nchanges:\n  resident:\n    inpatient:\n      deductable:\n        tertiary: 1500\n');
    const compare = await yibao('compare', '--reform', reform, '--paths', '1', '--members', '100', '--horizon', '1', '--workers', '0', '--no-progress');
    expect(compare.code).toBe(2);
    expect(compare.err).toContain(`yibao: ${reform}:6: changes.resident.inpatient.deductable = {"tertiary":1500}: unknown field`);
    expect(compare.err).toBe((await yibao('validate', reform)).err);
  });

  it('writes the results of a sample too small to have claims of every kind (no chart of what is not there)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yibao-tiny-')), 'out');
    const run = await yibao('run', '--paths', '1', '--members', '4', '--horizon', '1', '--workers', '0', '--no-progress', '--out', out);
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'charts'))).not.toContain('reimbursement-ratios.svg');
  });

  it('prints an internal error with its stack and exits with 1', async () => {
    DOCUMENT_KINDS.unshift({
      name: 'broken',
      matches: () => true,
      check: () => {
        throw new TypeError('a bug');
      },
    });
    try {
      const run = await yibao('validate', TWO_YEARS);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/^yibao: internal error: TypeError: a bug\n\s+at /);
    } finally {
      DOCUMENT_KINDS.shift();
    }
  });

  describe('through the launcher', () => {
    const bin = launcher();
    afterAll(() => bin.cleanup());

    it('exits 2 with one "yibao:" line per problem', async () => {
      const run = await spawnYibao(bin.file, ['validate', 'no-such-file.yaml']);
      expect(run.code).toBe(2);
      expect(run.err).toBe('yibao: no-such-file.yaml: file not found\n');
      const unknown = await spawnYibao(bin.file, ['--nope']);
      expect(unknown.code).toBe(2);
      expect(unknown.err).toBe("error: unknown option '--nope'\n");
    });
  });
});
