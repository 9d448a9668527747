import { describe, expect, it } from 'vitest';
import { diffEntries, showValue } from './diff';

describe('diffEntries', () => {
  it('lists the union of fields and marks changes', () => {
    const rows = diffEntries({ name: 'Thôn Đông', version: 1, kind: 'village' }, { name: 'Thôn Đông A', version: 2, kind: 'village', phone: '0912' });
    expect(rows.map((r) => [r.key, r.changed])).toEqual([
      ['name', true],
      ['version', true],
      ['kind', false],
      ['phone', true],
    ]);
  });

  it('handles creation and deletion', () => {
    expect(diffEntries(null, { a: 1 })).toEqual([{ key: 'a', before: undefined, after: 1, changed: true }]);
    expect(diffEntries({ a: 1 }, null)[0]!.after).toBeUndefined();
    expect(diffEntries(null, null)).toEqual([]);
  });

  it('compares non-object snapshots as one row', () => {
    expect(diffEntries([1], [1, 2])).toEqual([{ key: '', before: [1], after: [1, 2], changed: true }]);
  });

  it('shows values as text', () => {
    expect(showValue(null)).toBe('∅');
    expect(showValue('x')).toBe('x');
    expect(showValue(undefined)).toBe('');
  });
});
