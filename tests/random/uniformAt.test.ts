/** KeyedStream.uniformAt: draw k of the selected stream, as fill writes it, without moving the counter. */
import { describe, expect, it } from 'vitest';
import { runKeys } from '../../src/random/keys.js';
import { KeyedStream } from '../../src/random/stream.js';

describe('uniformAt', () => {
  it('equals the k-th value of fill, in any order, and leaves the counter alone', () => {
    const s = new KeyedStream(runKeys(3)).member(1, 77, 2, 2024);
    const filled = new Float64Array(6);
    s.select(9).fill(filled, 6);
    s.select(9);
    expect([4, 0, 5, 2, 1, 3].map((k) => s.uniformAt(k))).toEqual([4, 0, 5, 2, 1, 3].map((k) => filled[k]));
    const again = new Float64Array(6);
    s.fill(again, 6);
    expect(again).toEqual(filled);
  });
});
