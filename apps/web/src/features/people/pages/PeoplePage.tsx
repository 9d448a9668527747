import { useMemo, useState } from 'react';
import { usePaging } from '../../../lib/paging';
import { Button, Card, Flex, Grid, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person } from '@tds/contracts';
import { usePeople } from '../api';
import { useUnitTree, filterUnitNode, unitTreeSelectData } from '../../org';
import { PersonFormDrawer } from '../components/PersonFormDrawer';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

export default function PeoplePage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <PeoplePageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function PeoplePageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const list = usePeople(communeId, { page, pageSize, q: q || undefined, unitId });
  // What this user may do here comes with the list, per record (never from permissions held somewhere).
  const listCan = list.data?.can;
  const canReadOrg = !!listCan?.readUnits;
  const tree = useUnitTree(canReadOrg ? communeId : null);
  const unitData = useMemo(() => unitTreeSelectData(tree.data, { includeInactive: true }), [tree.data]);

  // On a phone one column holds the person: name, then gender, birth year and unit beneath (no sideways scrolling).
  const narrow = !Grid.useBreakpoint().sm;
  const genderOf = (g: Person['gender']) => (g ? t(`people.genders.${g}`) : '');
  const nameCell = (name: string, p: Person) => (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Link onClick={() => setDrawer({ open: true, id: p.id })}>{name}</Typography.Link>
      {narrow ? (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {[genderOf(p.gender), p.birthYear, p.unitName].filter(Boolean).join(' · ')}
        </Typography.Text>
      ) : null}
      {p.active ? null : (
        <span>
          <Tag>{t('common.inactive')}</Tag>
        </span>
      )}
    </Flex>
  );
  const columns: TableProps<Person>['columns'] = narrow
    ? [{ title: t('people.fullName'), dataIndex: 'fullName', render: nameCell }]
    : [
        { title: t('people.fullName'), dataIndex: 'fullName', minWidth: 180, render: nameCell },
        { title: t('people.gender'), dataIndex: 'gender', width: 100, render: genderOf },
        { title: t('people.birthYear'), dataIndex: 'birthYear', width: 100 },
        { title: t('people.position'), dataIndex: 'position', responsive: ['md'], minWidth: 140 },
        { title: t('people.unit'), dataIndex: 'unitName', minWidth: 160 },
      ];
  if (list.data?.items.some((p) => p.can.edit)) {
    columns.push({
      title: t('common.actions'),
      key: 'a',
      width: narrow ? 56 : 80,
      fixed: narrow ? undefined : 'right',
      render: (_, p) =>
        p.can.edit ? (
          <Button
            type="text"
            icon={<EditOutlined />}
            onClick={() => setDrawer({ open: true, id: p.id })}
            aria-label={t('common.edit')}
            data-testid="person-edit"
          />
        ) : null,
    });
  }

  return (
    <div>
      <PageHeader
        title={t('people.title')}
        subtitle={communeName}
        extra={
          listCan?.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })} data-testid="person-create">
              {t('people.createPerson')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            testId="person-search"
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          {canReadOrg ? (
            <TreeSelect
              allowClear
              showSearch
              treeDefaultExpandAll
              placeholder={t('people.allUnits')}
              aria-label={t('people.allUnits')}
              value={unitId}
              onChange={(v?: string) => {
                setUnitId(v);
                setPage(1);
              }}
              treeData={unitData}
              filterTreeNode={filterUnitNode}
              style={{ width: 280, maxWidth: '100%' }}
              popupMatchSelectWidth={false}
              data-testid="person-unit-filter"
            />
          ) : null}
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="person-table">
          <Table<Person>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={narrow ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
          />
        </div>
      </Card>
      <PersonFormDrawer
        communeId={communeId}
        open={drawer.open}
        personId={drawer.id}
        defaultUnitId={unitId}
        treeUnits={tree.data}
        canCreate={!!listCan?.create}
        onClose={() => setDrawer({ open: false, id: null })}
      />
    </div>
  );
}
