import { describe, expect, it } from 'vitest';
import type { UnitTreeItem } from './api';
import { unitTreeSelectData } from './unitOptions';

const units: UnitTreeItem[] = [
  { id: 'v1', code: 'THON-01', name: 'Thôn Đông', kind: 'village', parentId: null, active: true },
  { id: 't1', code: 'THON-01-CNS', name: 'Tổ CNSCĐ thôn Đông', kind: 'digital_team', parentId: 'v1', active: true },
  { id: 'v2', code: 'THON-02', name: 'Thôn Tây', kind: 'village', parentId: null, active: false },
  { id: 'v3', code: 'THON-03', name: 'Thôn Nam', kind: 'village', parentId: null, active: false },
];
const titles = (nodes: ReturnType<typeof unitTreeSelectData>): string[] => nodes.flatMap((n) => [n.title, ...titles(n.children)]);

describe('the unit picker', () => {
  it('offers active units only', () => {
    expect(titles(unitTreeSelectData(units))).toEqual(['Thôn Đông (THON-01)', 'Tổ CNSCĐ thôn Đông (THON-01-CNS)']);
  });

  it('keeps every closed unit already chosen, by name and marked, so no id is ever shown raw', () => {
    const data = unitTreeSelectData(units, { keep: ['v2', 'v1'], inactiveNote: 'đã ngừng hoạt động' });
    expect(titles(data)).toEqual(['Thôn Đông (THON-01)', 'Tổ CNSCĐ thôn Đông (THON-01-CNS)', 'Thôn Tây (THON-02) – đã ngừng hoạt động']);
    expect(titles(unitTreeSelectData(units, { keep: 'v3' }))).toContain('Thôn Nam (THON-03)');
  });
});
