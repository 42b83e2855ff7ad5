import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Load the toolkit's entry in a fresh Node (from the sources, through tsx), run `then`, and list the heavy packages loaded. */
function heavyPackagesLoaded(then: string): string[] {
  const script = `
    const toolkit = require('./src/index.ts');
    ${then}
    const heavy = ['danfojs-node', 'jsdom'];
    const loaded = heavy.filter((p) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + p + '/')));
    process.stdout.write(JSON.stringify(loaded));`;
  return JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

describe('loading the toolkit', () => {
  it('does not load danfojs-node or jsdom until a frame or a chart is made', () => {
    expect(heavyPackagesLoaded('')).toEqual([]);
    expect(heavyPackagesLoaded(`toolkit.toFrame([{ a: 1 }]);`)).toEqual(['danfojs-node']);
  });
});
