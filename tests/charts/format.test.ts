/** Number formatting shared by charts, reports and notebooks: a value that rounds to zero is never "-0". */
import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber, formatYuan } from '../../src/charts/format.js';

describe('number formats', () => {
  it('write a value rounding to zero without a sign (notebook 02 printed "-0.00" for a decile change of -0.004)', () => {
    expect(formatFixed(-0.004)).toBe('0.00');
    expect(formatFixed(-0)).toBe('0.00');
    expect(formatFixed(-0.4, 0)).toBe('0');
    expect(formatYuan(-0.004)).toBe('0.00');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('keep the sign of anything that does not round to zero', () => {
    expect(formatFixed(-0.006)).toBe('-0.01');
    expect(formatFixed(-0.19)).toBe('-0.19');
    expect(formatFixed(-10.004)).toBe('-10.00');
    expect(formatFixed(6.925)).toBe((6.925).toFixed(2));
    expect(formatFixed(1720.29)).toBe('1720.29');
    expect(formatYuan(-16830)).toBe('-16,830.00');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });
});
