import { describe, expect, it } from 'vitest';
import { referenceDay, splitTarget } from './split';

const count = { aggregation: 'sum', integer: true };
const percent = { aggregation: 'ratio', integer: false };

describe('splitTarget', () => {
  it('divides a count into whole shares, the remainder to the first children', () => {
    expect(splitTarget(count, 10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitTarget(count, 11, [1, 1, 1])).toEqual([4, 4, 3]);
    expect(splitTarget(count, 2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitTarget(count, 0, [1, 1])).toEqual([0, 0]);
  });
  it('divides by weights, keeping the total', () => {
    expect(splitTarget(count, 100, [1, 3])).toEqual([25, 75]);
    const shares = splitTarget(count, 10, [1, 1, 2]);
    expect(shares).toEqual([3, 2, 5]);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(10);
  });
  it('keeps two decimals for fractional sums, the rounding on the first child', () => {
    const shares = splitTarget({ aggregation: 'sum', integer: false }, 10, [1, 1, 1]);
    expect(shares).toEqual([3.34, 3.33, 3.33]);
  });
  it('copies a percentage (and averages) to every child instead of dividing it', () => {
    expect(splitTarget(percent, 80, [1, 1, 1])).toEqual([80, 80, 80]);
    expect(splitTarget(percent, 80, [1, 5])).toEqual([80, 80]);
    expect(splitTarget({ aggregation: 'average', integer: false }, 7.5, [1, 1])).toEqual([7.5, 7.5]);
  });
  it('has nothing to give without children', () => {
    expect(splitTarget(count, 10, [])).toEqual([]);
  });
});

describe('referenceDay', () => {
  it('is today inside the year, else the nearest end of it', () => {
    expect(referenceDay(2025, '2025-05-06')).toBe('2025-05-06');
    expect(referenceDay(2027, '2025-05-06')).toBe('2027-01-01');
    expect(referenceDay(2024, '2025-05-06')).toBe('2024-12-31');
  });
});
