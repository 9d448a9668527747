import { searchKey } from '@tds/contracts';

export interface FlatUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  active: boolean;
}

export interface TreeNode<T extends FlatUnit = FlatUnit> {
  unit: T;
  children: TreeNode<T>[];
  depth: number;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare by Vietnamese name, then code. */
export function compareUnits(a: FlatUnit, b: FlatUnit): number {
  return collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
}

/**
 * Build the organisation tree from the flat list. Units whose parent is missing (or that sit in a
 * cycle) become roots, so nothing is lost. Siblings are sorted the Vietnamese way.
 */
export function buildTree<T extends FlatUnit>(units: readonly T[]): TreeNode<T>[] {
  const byId = new Map<string, T>();
  for (const u of units) byId.set(u.id, u);
  const childrenOf = new Map<string | null, T[]>();
  const roots: T[] = [];
  for (const u of units) {
    const parent = u.parentId && u.parentId !== u.id && byId.has(u.parentId) ? u.parentId : null;
    if (parent === null) roots.push(u);
    else {
      const list = childrenOf.get(parent) ?? [];
      list.push(u);
      childrenOf.set(parent, list);
    }
  }
  const seen = new Set<string>();
  const make = (u: T, depth: number): TreeNode<T> => {
    seen.add(u.id);
    const kids = (childrenOf.get(u.id) ?? []).filter((c) => !seen.has(c.id)).sort(compareUnits);
    return { unit: u, depth, children: kids.map((c) => make(c, depth + 1)) };
  };
  const result = roots.sort(compareUnits).map((r) => make(r, 0));
  // Units in a parent cycle are never reached from a root: attach them as roots.
  const lost = units.filter((u) => !seen.has(u.id)).sort(compareUnits);
  for (const u of lost) if (!seen.has(u.id)) result.push(make(u, 0));
  return result;
}

/**
 * Keep nodes whose name or code matches the query (diacritic-insensitive), with their ancestors.
 * Children of a matching node are kept too. Returns the filtered tree and the ids to expand: every
 * ancestor of a match, including matching nodes that have matching descendants, so that all
 * matches are visible at once.
 */
export function filterTree<T extends FlatUnit>(nodes: readonly TreeNode<T>[], query: string): { nodes: TreeNode<T>[]; expandedIds: string[] } {
  const q = searchKey(query);
  if (!q) return { nodes: [...nodes], expandedIds: [] };
  const expanded: string[] = [];
  const matches = (n: TreeNode<T>) => searchKey(n.unit.name).includes(q) || searchKey(n.unit.code).includes(q);
  /** The filtered list, and whether any node in it (at any depth) matches. */
  const walk = (list: readonly TreeNode<T>[]): { out: TreeNode<T>[]; matched: boolean } => {
    const out: TreeNode<T>[] = [];
    let matched = false;
    for (const n of list) {
      const self = matches(n);
      const index = expanded.length;
      const kids = walk(n.children);
      // Expand before the descendants' ids, so parents come first.
      if (kids.matched) expanded.splice(index, 0, n.unit.id);
      if (self)
        out.push(n); // a match keeps all its children
      else if (kids.out.length > 0) out.push({ ...n, children: kids.out });
      matched ||= self || kids.matched;
    }
    return { out, matched };
  };
  const result = walk(nodes).out;
  return { nodes: result, expandedIds: expanded };
}

/** Ids of a node and all its descendants (for excluding them from a parent picker). */
export function descendantIds(units: readonly FlatUnit[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = childrenOf.get(u.parentId) ?? [];
    list.push(u.id);
    childrenOf.set(u.parentId, list);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of childrenOf.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** Count all nodes in a tree. */
export function countNodes(nodes: readonly TreeNode[]): number {
  let n = 0;
  for (const node of nodes) n += 1 + countNodes(node.children);
  return n;
}
