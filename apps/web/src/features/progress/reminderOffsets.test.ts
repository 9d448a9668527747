import { describe, expect, it } from 'vitest';
import { addOffset, offsetLabelParts, sortOffsets, toOffset } from './reminderOffsets';

describe('reminder offsets', () => {
  it('says which side of the deadline an offset falls on', () => {
    expect(offsetLabelParts(-7)).toEqual({ side: 'before', days: 7 });
    expect(offsetLabelParts(0)).toEqual({ side: 'on', days: 0 });
    expect(offsetLabelParts(1)).toEqual({ side: 'after', days: 1 });
  });
  it('turns days and a side back into a signed offset', () => {
    expect(toOffset('before', 7)).toBe(-7);
    expect(toOffset('after', 3)).toBe(3);
    expect(toOffset('on', 5)).toBe(0);
    for (const o of [-60, -1, 0, 2, 60]) {
      const p = offsetLabelParts(o);
      expect(toOffset(p.side, p.days)).toBe(o);
    }
  });
  it('orders offsets as they fire', () => {
    expect(sortOffsets([7, -1, 1, -7])).toEqual([-7, -1, 1, 7]);
  });
  it('adds an offset in order, and refuses bad ones', () => {
    expect(addOffset([-7, 1], -1)).toEqual({ offsets: [-7, -1, 1] });
    expect(addOffset([-7, 1], 1)).toEqual({ problem: 'duplicate' });
    expect(addOffset([], 61)).toEqual({ problem: 'range' });
    expect(addOffset([], -61)).toEqual({ problem: 'range' });
    expect(addOffset([], 1.5)).toEqual({ problem: 'notInteger' });
    expect(addOffset([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 11)).toEqual({ problem: 'tooMany' });
  });
});
