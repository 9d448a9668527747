import { useMemo, useState } from 'react';
import { Empty, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { searchKey } from '@tds/contracts';
import { buildTree, filterTree, type TreeNode } from '../../../lib/tree';
import { useDebounced } from '../../../lib/hooks';
import type { UnitTreeItem } from '../api';

interface Props {
  units: UnitTreeItem[] | undefined;
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

export function UnitTree({ units, loading, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebounced(query, 200);
  const tree = useMemo(() => buildTree(units ?? []), [units]);
  const filtered = useMemo(() => filterTree(tree, q), [tree, q]);
  // The user's own expansion outside a search (null: the roots, until they open or close a node).
  const [browseExpanded, setBrowseExpanded] = useState<React.Key[] | null>(null);
  // During a search: every ancestor of a match, until the user toggles a node of this result.
  const [searchExpanded, setSearchExpanded] = useState<{ for: typeof filtered; keys: React.Key[] } | null>(null);
  const searching = searchKey(q) !== '';
  const expanded = searching ? (searchExpanded?.for === filtered ? searchExpanded.keys : filtered.expandedIds) : (browseExpanded ?? tree.map((n) => n.unit.id));
  const onExpand = (keys: React.Key[]) => {
    if (searching) setSearchExpanded({ for: filtered, keys });
    else setBrowseExpanded(keys);
  };

  const treeData = useMemo(() => {
    const toData = (n: TreeNode<UnitTreeItem>): TreeDataNode => ({
      key: n.unit.id,
      title: (
        <span data-testid="unit-tree-node" data-unit-code={n.unit.code}>
          <span style={n.unit.active ? undefined : { color: '#999', textDecoration: 'line-through' }}>{n.unit.name}</span>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.unit.code}
          </Typography.Text>
          {n.unit.active ? null : (
            <Tag style={{ marginInlineStart: 4 }} bordered={false}>
              {t('common.inactive')}
            </Tag>
          )}
        </span>
      ),
      children: n.children.map(toData),
    });
    return filtered.nodes.map(toData);
  }, [filtered, t]);

  return (
    <div data-testid="unit-tree">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('org.treeSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="unit-tree-search"
        aria-label={t('org.treeSearch')}
      />
      {loading ? (
        <Spin />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.treeEmpty')} />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={onExpand}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : null)}
        />
      )}
    </div>
  );
}
