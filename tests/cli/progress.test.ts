/**
 * The progress bar of long commands (run, compare, solve, sensitivity, calibrate): drawn with cli-progress on
 * a terminal, driven by the pool's progress events; nothing at all when the stream is not a terminal (a file,
 * a pipe, CI) or with --no-progress. A fake stream that says it is a terminal records what is drawn.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/simulation.js';

class FakeStream extends Writable {
  written = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns = 120,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.written += String(chunk);
    done();
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g;
/** The frames drawn, without cursor movements and line clearing. */
const frames = (s: FakeStream) => s.written.replace(ANSI, '\n').split('\n').filter((l) => l.trim() !== '');
const event = (done: number, total: number) => ({ done, total, label: `chunk ${done}`, elapsedMs: 10 * done });
const frame = (done: number, total: number) => {
  const full = Math.round((40 * done) / total);
  return `simulating [${'='.repeat(full)}${'-'.repeat(40 - full)}] ${Math.round((100 * done) / total)}% | ${done}/${total} chunks | `;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress bar', () => {
  it('draws the bar on a terminal: empty at the first event, as the chunks finish, and full at the end', async () => {
    const tty = new FakeStream(true);
    const progress = progressBar(true, tty);
    expect(progress.onProgress).toBeTypeOf('function');
    expect(tty.written).toBe('');
    progress.onProgress!(event(1, 4));
    expect(frames(tty)[0]).toMatch(new RegExp(`^${escape(frame(0, 4))}\\d+s$`));
    progress.onProgress!(event(2, 4));
    await sleep(300); // cli-progress redraws at most every 100 ms
    expect(frames(tty).some((f) => f.startsWith(frame(2, 4)))).toBe(true);
    progress.onProgress!(event(3, 4));
    progress.onProgress!(event(4, 4));
    progress.stop();
    const drawn = frames(tty);
    expect(drawn[drawn.length - 1]).toMatch(new RegExp(`^${escape(frame(4, 4))}\\d+s$`));
    // The cursor is hidden while drawing and shown again after.
    expect(tty.written).toContain('\u001b[?25l');
    expect(tty.written.lastIndexOf('\u001b[?25h')).toBeGreaterThan(tty.written.lastIndexOf('4/4 chunks'));
    const afterStop = tty.written.length;
    progress.stop();
    expect(tty.written.length).toBe(afterStop);
  });

  it('counts chunks out of the total the events give', () => {
    const tty = new FakeStream(true);
    const progress = progressBar(undefined, tty);
    progress.onProgress!(event(3, 12));
    progress.onProgress!(event(12, 12));
    progress.stop();
    const drawn = frames(tty);
    expect(drawn[0]!.startsWith(frame(0, 12))).toBe(true);
    expect(drawn[drawn.length - 1]!.startsWith(frame(12, 12))).toBe(true);
  });

  it('draws nothing when the stream is not a terminal', () => {
    const file = new FakeStream(false);
    const progress = progressBar(true, file);
    expect(progress.onProgress).toBeUndefined();
    progress.stop();
    expect(file.written).toBe('');
  });

  it('draws nothing with --no-progress, even on a terminal', () => {
    const tty = new FakeStream(true);
    const progress = progressBar(false, tty);
    expect(progress.onProgress).toBeUndefined();
    progress.stop();
    expect(tty.written).toBe('');
  });

  it('stops cleanly when no chunk ever reported', () => {
    const tty = new FakeStream(true);
    progressBar(true, tty).stop();
    expect(tty.written).toBe('');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
