import { describe, expect, it } from 'vitest';
import { changedPaths, placeApiDetails, toNamePath } from './forms';

describe('API details on form fields', () => {
  const registered = [['name'], ['code'], ['roles', 0, 'role'], ['roles', 0, 'unitId'], ['participantGroups', 1, 'unitIds']];

  it('reads dotted and bracket paths', () => {
    expect(toNamePath('indicators.0.targets.2.value')).toEqual(['indicators', 0, 'targets', 2, 'value']);
    expect(toNamePath('values[3].numerator')).toEqual(['values', 3, 'numerator']);
  });

  it('puts each message on the deepest field of the form its path reaches', () => {
    const { fields, rest } = placeApiDetails(
      [
        { field: 'name', label: 'Tên', message: 'Không được để trống.' },
        { field: 'roles.0.unitId', label: 'Vai trò thứ 1 – Đơn vị', message: 'Mã định danh không hợp lệ.' },
        { field: 'participantGroups.1.unitIds.0', label: 'Nhóm đối tượng thứ 2 – Đơn vị được chọn thứ 1', message: 'Mã định danh không hợp lệ.' },
      ],
      registered,
    );
    expect(fields).toEqual([
      { name: ['name'], errors: ['Không được để trống.'] },
      { name: ['roles', 0, 'unitId'], errors: ['Mã định danh không hợp lệ.'] },
      { name: ['participantGroups', 1, 'unitIds'], errors: ['Mã định danh không hợp lệ.'] },
    ]);
    expect(rest).toEqual([]);
  });

  it('names by its label a message no field shows, and maps paths through the caller', () => {
    const { fields, rest } = placeApiDetails(
      [
        { field: 'version', label: 'Phiên bản', message: 'Đã thay đổi.' },
        { field: 'doc.participantGroups.1.unitIds', label: 'Nhóm đối tượng thứ 2 – Đơn vị được chọn', message: 'Sai.' },
      ],
      registered,
      (f) => (f.startsWith('doc.') ? toNamePath(f.slice(4)) : null),
    );
    expect(fields).toEqual([{ name: ['participantGroups', 1, 'unitIds'], errors: ['Sai.'] }]);
    expect(rest).toEqual(['Phiên bản: Đã thay đổi.']);
  });
});

describe('changedPaths', () => {
  it('lists the leaves a change touched, list rows by index, a multi-select as one value', () => {
    expect(changedPaths({ name: 'A' })).toEqual([['name']]);
    // eslint-disable-next-line no-sparse-arrays -- antd reports a list row's change as a sparse array
    expect(changedPaths({ roles: [, { unitId: 'x' }] })).toEqual([['roles', 1, 'unitId']]);
    expect(changedPaths({ awardForms: ['A', 'B'] })).toEqual([['awardForms']]);
    expect(changedPaths({ indicators: [{ targets: { 2026: 5 } }] })).toEqual([['indicators', 0, 'targets', '2026']]);
  });
});
