import { describe, expect, it } from 'vitest';
import { buildTree, countNodes, descendantIds, filterTree, type FlatUnit } from './tree';

const u = (id: string, name: string, parentId: string | null = null, code = id.toUpperCase()): FlatUnit => ({
  id, code, name, kind: 'office', parentId, active: true,
});

const units: FlatUnit[] = [
  u('ubnd', 'UBND xã Gia Phúc'),
  u('vhxh', 'Phòng Văn hóa - Xã hội', 'ubnd'),
  u('kt', 'Phòng Kinh tế', 'ubnd'),
  u('thon1', 'Thôn Đông', null),
  u('tcn1', 'Tổ công nghệ số cộng đồng thôn Đông', 'thon1'),
  u('thon2', 'Thôn Dũng Tiến', null),
];

describe('buildTree', () => {
  it('nests children under parents and sorts siblings the Vietnamese way', () => {
    const tree = buildTree(units);
    expect(tree.map((n) => n.unit.id)).toEqual(['thon2', 'thon1', 'ubnd']);
    const ubnd = tree.find((n) => n.unit.id === 'ubnd')!;
    expect(ubnd.children.map((n) => n.unit.name)).toEqual(['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội']);
    expect(ubnd.children[0]!.depth).toBe(1);
    expect(countNodes(tree)).toBe(units.length);
  });

  it('turns units with a missing parent into roots', () => {
    const tree = buildTree([u('a', 'A', 'missing'), u('b', 'B', 'a')]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.unit.id).toBe('a');
    expect(tree[0]!.children[0]!.unit.id).toBe('b');
  });

  it('does not lose or loop on units in a parent cycle', () => {
    const tree = buildTree([u('a', 'A', 'b'), u('b', 'B', 'a'), u('c', 'C', 'c')]);
    expect(countNodes(tree)).toBe(3);
  });

  it('handles an empty list', () => {
    expect(buildTree([])).toEqual([]);
  });
});

describe('filterTree', () => {
  const tree = buildTree(units);

  it('matches without diacritics and keeps ancestors expanded', () => {
    const { nodes, expandedIds } = filterTree(tree, 'van hoa');
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.unit.id).toBe('ubnd');
    expect(nodes[0]!.children.map((n) => n.unit.id)).toEqual(['vhxh']);
    expect(expandedIds).toEqual(['ubnd']);
  });

  it('treats đ as d', () => {
    const { nodes } = filterTree(tree, 'thon dong');
    expect(nodes.map((n) => n.unit.id)).toEqual(['thon1']);
    // A matching node keeps its children.
    expect(nodes[0]!.children).toHaveLength(1);
  });

  it('matches codes too', () => {
    expect(filterTree(tree, 'tcn1').nodes[0]!.children[0]!.unit.id).toBe('tcn1');
  });

  it('returns everything for an empty query', () => {
    expect(filterTree(tree, '  ').nodes).toHaveLength(tree.length);
  });
});

describe('descendantIds', () => {
  it('includes the root and all levels below it', () => {
    const ids = descendantIds([...units, u('sub', 'Bộ phận một cửa', 'vhxh')], 'ubnd');
    expect([...ids].sort()).toEqual(['kt', 'sub', 'ubnd', 'vhxh']);
  });
});
