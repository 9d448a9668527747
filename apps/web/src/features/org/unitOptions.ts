import { searchKey } from '@tds/contracts';
import { buildTree, type TreeNode } from '../../lib/tree';
import type { UnitTreeItem } from './api';

export interface UnitTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitTreeSelectNode[];
}

/** Tree data for an antd TreeSelect of units; `exclude` ids are disabled, inactive ones hidden unless asked. */
export function unitTreeSelectData(
  units: readonly UnitTreeItem[] | undefined,
  opts: { exclude?: Set<string>; includeInactive?: boolean; keep?: string | readonly string[] | null; inactiveNote?: string } = {},
): UnitTreeSelectNode[] {
  const keep = new Set(typeof opts.keep === 'string' ? [opts.keep] : (opts.keep ?? []));
  const list = (units ?? []).filter((u) => opts.includeInactive || u.active || keep.has(u.id));
  const toNode = (n: TreeNode<UnitTreeItem>): UnitTreeSelectNode => ({
    value: n.unit.id,
    title: `${n.unit.name} (${n.unit.code})${!n.unit.active && opts.inactiveNote ? ` – ${opts.inactiveNote}` : ''}`,
    disabled: opts.exclude?.has(n.unit.id) || undefined,
    children: n.children.map(toNode),
  });
  return buildTree(list).map(toNode);
}

/** Diacritic-insensitive match for TreeSelect `filterTreeNode`. */
export function filterUnitNode(input: string, node: { title?: unknown }): boolean {
  return typeof node.title === 'string' && searchKey(node.title).includes(searchKey(input));
}
