import { describe, expect, it } from 'vitest';
import { tornado } from '../../src/analysis/tornado.js';

describe('one-at-a-time sensitivity', () => {
  it('sorts assumptions by swing, widest first, ties in the order given', async () => {
    const order: string[] = [];
    const run = (name: string, value: number) => () => (order.push(name), value);
    const rows = await tornado(100, [
      { assumption: 'wage growth', low: run('wage low', 95), high: run('wage high', 104) }, // swing 9
      { assumption: 'medical inflation', low: run('inflation low', 120), high: run('inflation high', 70) }, // swing 50
      { assumption: 'mortality', low: async () => 98, high: async () => 101 }, // swing 3
      { assumption: 'admission rate', low: () => 91, high: () => 100 }, // swing 9, after wage growth
    ]);
    expect(rows.map((r) => r.assumption)).toEqual(['medical inflation', 'wage growth', 'admission rate', 'mortality']);
    expect(rows[0]).toEqual({ assumption: 'medical inflation', low: 120, high: 70, base: 100, swing: 50 });
    // Runs one after another, in the order given, low before high.
    expect(order).toEqual(['wage low', 'wage high', 'inflation low', 'inflation high']);
  });

  it('names the problem', async () => {
    await expect(tornado(NaN, [{ assumption: 'a', low: () => 1, high: () => 2 }])).rejects.toThrow(/base outcome must be a finite number/);
    await expect(tornado(1, [])).rejects.toThrow(/no assumptions/);
    const twice = { assumption: 'a', low: () => 1, high: () => 2 };
    await expect(tornado(1, [twice, twice])).rejects.toThrow(/named more than once: a/);
    await expect(tornado(1, [{ assumption: 'mortality', low: () => 1, high: () => Infinity }])).rejects.toThrow(/the high run of "mortality" returned Infinity/);
  });
});
