import { describe, expect, it } from 'vitest';
import * as contracts from './index.js';
import { fieldLabelsEn, fieldLabelsVi, fieldPathLabel, labelledMessage, registrationInput, schemaKeys, unitInput, unitKindLabelsVi } from './index.js';

/** The request schemas: every exported body, query or path schema (`...Input`, `...Query`, `...Params`). */
const requestSchemas = Object.entries(contracts).filter(([name, s]) => /(Input|Query|Params)$/u.test(name) && !!s && typeof s === 'object' && '_zod' in s) as [
  string,
  Parameters<typeof schemaKeys>[0],
][];

describe('field labels', () => {
  it('name every key of every request schema, in Vietnamese and in English', () => {
    expect(requestSchemas.length).toBeGreaterThan(60);
    const missing: string[] = [];
    for (const [name, schema] of requestSchemas)
      for (const key of schemaKeys(schema)) {
        if (!fieldLabelsVi[key]) missing.push(`${name}.${key} (vi)`);
        if (!fieldLabelsEn[key]) missing.push(`${name}.${key} (en)`);
      }
    expect(missing).toEqual([]);
  });

  it('walks nested objects, arrays, optionals and defaults', () => {
    const keys = schemaKeys(registrationInput);
    for (const k of ['commitments', 'indicators', 'targets', 'value', 'people', 'personId', 'titleCode']) expect(keys).toContain(k);
  });

  it('read a nested path in words, with positions counted from 1', () => {
    expect(fieldPathLabel('indicators.0.targets.2.value')).toBe('Chỉ tiêu thứ 1 – Mục tiêu thứ 3 – Giá trị');
    expect(fieldPathLabel('indicators[0].targets')).toBe('Chỉ tiêu thứ 1 – Mục tiêu');
    expect(fieldPathLabel('commitments')).toBe('Nội dung cam kết');
    expect(fieldPathLabel('doc.participantGroups.1.unitIds')).toBe('Nhóm đối tượng thứ 2 – Đơn vị được chọn');
    expect(fieldPathLabel(['people', 1, 'personId'])).toBe('Cá nhân thứ 2');
    expect(fieldPathLabel('people.1.titleCode')).toBe('Cá nhân thứ 2 – Danh hiệu');
    expect(fieldPathLabel('weights.7f1c6a2e-0000-4000-8000-000000000000')).toBe('Trọng số');
    expect(fieldPathLabel('indicators.0.targets', fieldLabelsEn, 'no.')).toBe('Indicator no. 1 – Target');
  });

  it('name the field once', () => {
    expect(labelledMessage('commitments.3.text', 'Không được để trống.')).toBe('Nội dung cam kết thứ 4 – Nội dung: Không được để trống.');
    expect(labelledMessage('name', 'Tên không được để trống.')).toBe('Tên không được để trống.');
    expect(labelledMessage('indicators.0.targets.0.year', 'Năm phải là số.')).toBe('Chỉ tiêu thứ 1 – Mục tiêu thứ 1 – Năm phải là số.');
    expect(labelledMessage('', 'Dữ liệu không hợp lệ.')).toBe('Dữ liệu không hợp lệ.');
  });
});

describe('Zod messages', () => {
  const first = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

  it('list an enum by its labels, never by its raw values', () => {
    const r = unitInput.safeParse({ code: 'A', name: 'A', kind: 'nope', parentId: null });
    const msg = first(r)!;
    expect(msg).toContain(unitKindLabelsVi.office);
    expect(msg).toContain(unitKindLabelsVi.school);
    expect(msg).not.toMatch(/"office"|\|/u);
  });

  it('never name a type or an operator', () => {
    const r = registrationInput.safeParse({ indicators: [{ code: 'X', targets: [{ year: 'hai', value: 1 }] }], commitments: 5 });
    for (const i of r.error!.issues) expect(i.message).not.toMatch(/string|number|mong đợi|[<>]=?/u);
    expect(registrationInput.safeParse({ awardCodes: [''] }).error!.issues[0]!.message).toBe('Không được để trống.');
  });
});
