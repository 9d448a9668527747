import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditValueText, diffEntries, showValue } from './diff';

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

describe('audit values in words', () => {
  it('names fields by their label, never a raw key', () => {
    expect(auditFieldLabel('parentId')).toBe('Đơn vị cấp trên');
    expect(auditFieldLabel('parentId', 'en')).toBe('Parent unit');
    expect(auditFieldLabel('someNewField')).toBe('Some new field');
  });

  it('shows codes of fixed lists by their label, yes/no, dates, and records without JSON keys', () => {
    expect(auditValueText('kind', 'school')).toBe('Trường học');
    expect(auditValueText('kind', 'school', 'en')).toBe('school');
    expect(auditValueText('gender', 'female')).toBe('Nữ');
    expect(auditValueText('active', false)).toBe('Không');
    expect(auditValueText('activeFrom', '2025-07-01')).toBe('01/07/2025');
    expect(auditValueText('kinds', ['school', 'village'])).toBe('Trường học, Thôn, xóm, tổ dân phố');
    const roles = auditValueText('roles', [{ role: 'commune_admin', communeId: null }, { role: 'viewer' }]);
    expect(roles).toBe('1. Vai trò: Quản trị xã (Phòng VH-XH); Xã/phường: ∅\n2. Vai trò: Người xem');
    expect(roles).not.toMatch(/[{}"]|role|communeId/u);
    // A name is never taken for a code.
    expect(auditValueText('name', 'school')).toBe('school');
  });
});
