import { describe, expect, it } from 'vitest';
import { buildTree, countNodes, descendantIds, filterTree, type FlatUnit } from './tree';

const u = (id: string, name: string, parentId: string | null = null, code = id.toUpperCase()): FlatUnit => ({
  id,
  code,
  name,
  kind: 'office',
  parentId,
  active: true,
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

  it('expands a matching node whose children match too, so every match is visible', () => {
    // "Thôn Đông" and its team "Tổ công nghệ số cộng đồng thôn Đông" both match.
    expect(filterTree(tree, 'thon dong').expandedIds).toEqual(['thon1']);
  });

  it('does not expand a match without matching descendants', () => {
    const { nodes, expandedIds } = filterTree(tree, 'dung tien');
    expect(nodes.map((n) => n.unit.id)).toEqual(['thon2']);
    expect(expandedIds).toEqual([]);
    // The match is not expanded, though its children are kept.
    expect(filterTree(tree, 'ubnd').expandedIds).toEqual([]);
    expect(filterTree(tree, 'ubnd').nodes[0]!.children).toHaveLength(2);
  });

  it('expands every ancestor of deep matches, including non-matching ones between matches', () => {
    const deep = buildTree([
      u('root', 'Xã Gia Phúc'),
      u('a', 'Khối văn hóa', 'root'),
      u('b', 'Phòng hành chính', 'a'),
      u('c', 'Tổ văn hóa thôn', 'b'),
      u('d', 'Thôn Đoài', 'root'),
      u('e', 'Đội văn hóa', 'd'),
      u('f', 'Tổ bảo vệ', 'root'),
    ]);
    const { nodes, expandedIds } = filterTree(deep, 'van hoa');
    expect(expandedIds).toEqual(['root', 'a', 'b', 'd']);
    // "Khối văn hóa" matches and keeps its whole subtree; "Thôn Đoài" only the matching team.
    const root = nodes[0]!;
    expect(root.children.map((n) => n.unit.id)).toEqual(['a', 'd']);
    expect(root.children[0]!.children[0]!.children[0]!.unit.id).toBe('c');
    expect(root.children[1]!.children.map((n) => n.unit.id)).toEqual(['e']);
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
