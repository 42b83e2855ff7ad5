/** The CLI conventions: help everywhere, exit codes, one line per user mistake, stacks for internal errors. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/cli/commands/validate.js';
import { launcher, spawnYibao, TWO_YEARS, yibao } from './helpers.js';

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

  it('treats an unknown command or option, or a missing argument, as a usage error (exit 2)', async () => {
    const unknown = await yibao('settel', '--policy', TWO_YEARS);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^error: unknown command 'settel' \(commands: .*settle.*\)/);
    const option = await yibao('settle', '--policy', TWO_YEARS, '--bogus');
    expect(option).toMatchObject({ code: 2, err: "error: unknown option '--bogus'\n" });
    const missing = await yibao('settle');
    expect(missing).toMatchObject({ code: 2, err: "error: required option '--policy <file>' not specified\n" });
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
