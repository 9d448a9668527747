import { describe, expect, it } from 'vitest';
import { cellKey, childrenSummary, draftItems, draftProblems, editDraft, itemErrorsByCell, parseCellKey, savedValues } from './targetsDraft';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const saved = [
  { unitId: null, indicatorCode: 'XH.A', value: 80 },
  { unitId: U1, indicatorCode: 'XH.A', value: 80 },
  { unitId: U1, indicatorCode: 'CQ.B', value: 6 },
  { unitId: U2, indicatorCode: 'CQ.B', value: 4 },
];

describe('targets draft', () => {
  it('keys cells by node and indicator, and back', () => {
    expect(cellKey({ unitId: null, indicatorCode: 'XH.A' })).toBe('-|XH.A');
    expect(parseCellKey(cellKey({ unitId: U1, indicatorCode: 'X|Y' }))).toEqual({ unitId: U1, indicatorCode: 'X|Y' });
    expect(parseCellKey('-|XH.A')).toEqual({ unitId: null, indicatorCode: 'XH.A' });
  });
  it('keeps only real changes', () => {
    const s = savedValues(saved);
    let d = editDraft(new Map(), s, { unitId: null, indicatorCode: 'XH.A' }, 90);
    d = editDraft(d, s, { unitId: U1, indicatorCode: 'CQ.B' }, 6); // same as saved
    d = editDraft(d, s, { unitId: U2, indicatorCode: 'CQ.B' }, null); // emptied
    expect([...d]).toEqual([['-|XH.A', 90]]);
    d = editDraft(d, s, { unitId: null, indicatorCode: 'XH.A' }, 80); // back to saved
    expect(d.size).toBe(0);
  });
  it('builds the PUT items, commune rows first', () => {
    const d = new Map([
      [cellKey({ unitId: U2, indicatorCode: 'CQ.B' }), 5],
      [cellKey({ unitId: null, indicatorCode: 'XH.A' }), 90],
    ]);
    expect(draftItems(d, 2026)).toEqual([
      { unitId: null, indicatorCode: 'XH.A', year: 2026, value: 90 },
      { unitId: U2, indicatorCode: 'CQ.B', year: 2026, value: 5 },
    ]);
  });
  it('finds range problems before sending', () => {
    const defs = new Map([
      ['XH.A', { measure: '%', minValue: null, maxValue: null, integer: false }],
      ['CQ.B', { measure: 'buổi', minValue: 0, maxValue: null, integer: true }],
    ]);
    const d = new Map([
      ['-|XH.A', 120],
      [`${U1}|CQ.B`, 2.5],
      [`${U2}|CQ.B`, 3],
      ['-|ZZ', 1],
    ]);
    const p = draftProblems(d, defs);
    expect(p.get('-|XH.A')).toMatch(/100/u);
    expect(p.get(`${U1}|CQ.B`)).toMatch(/nguyên/u);
    expect(p.has(`${U2}|CQ.B`)).toBe(false);
    expect(p.has('-|ZZ')).toBe(false);
  });
  it('puts server row errors back on their cells', () => {
    const items = [
      { unitId: null, indicatorCode: 'XH.A' },
      { unitId: U1, indicatorCode: 'CQ.B' },
    ];
    const m = itemErrorsByCell([{ row: 1, message: 'Sai.' }, { row: 1, message: 'Lại sai.' }, { row: 5, message: 'x' }, { message: 'chung' }], items);
    expect([...m]).toEqual([[`${U1}|CQ.B`, 'Sai. Lại sai.']]);
  });
  it('sums the unit targets of an indicator', () => {
    expect(childrenSummary(saved, 'CQ.B')).toEqual({ count: 2, sum: 10 });
    expect(childrenSummary(saved, 'XH.A')).toEqual({ count: 1, sum: 80 });
    expect(childrenSummary(saved, 'NONE')).toEqual({ count: 0, sum: 0 });
  });
});
