import { useState } from 'react';
import { usePaging } from '../../../lib/paging';
import { AutoComplete, Card, DatePicker, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@tds/contracts';
import { useAudit } from '../api';
import { AuditDiff } from '../components/AuditDiff';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { DATE_FORMAT, dayjsToIso, formatDateTimeVi } from '../../../lib/format';
import { useDebounced } from '../../../lib/hooks';
import vi from '../../../i18n/vi';

const ENTITY_TYPES = Object.keys(vi.audit.entityTypes);
const ACTIONS = Object.keys(vi.audit.actions);

export default function AuditPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <AuditPageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function AuditPageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const paging = usePaging(20, [20, 50, 100]);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [entityTypeText, setEntityType] = useState('');
  const [actionText, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const entityType = useDebounced(entityTypeText.trim(), 300);
  const action = useDebounced(actionText.trim(), 300);

  const list = useAudit({
    page,
    pageSize,
    communeId,
    q: q || undefined,
    entityType: entityType || undefined,
    action: action || undefined,
    from: dayjsToIso(range?.[0]) ?? undefined,
    to: dayjsToIso(range?.[1]) ?? undefined,
  });

  const known = (group: 'entityTypes' | 'actions', v: string) => {
    const key = `audit.${group}.${v}`;
    return i18n.exists(key) ? t(key) : v;
  };

  // Fixed widths for the short columns; the summary takes the rest and wraps. The table fits a
  // 1366 px desktop without scrolling; narrower screens scroll sideways below this width.
  const W = { expand: 48, at: 140, actor: 170, action: 130, entityType: 150, summary: 280 };
  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: W.at, render: (v: string) => formatDateTimeVi(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: W.actor, responsive: ['sm'], render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: W.action,
      render: (v: string) => <Tag style={{ whiteSpace: 'normal' }}>{known('actions', v)}</Tag>,
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: W.entityType, responsive: ['md'], render: (v: string) => known('entityTypes', v) },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (v: string) => <Typography.Text style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{v}</Typography.Text>,
    },
  ];
  const minTableWidth = W.expand + W.at + W.action + W.summary + (screens.sm ? W.actor : 0) + (screens.md ? W.entityType : 0);

  const reset = () => setPage(1);

  return (
    <div>
      <PageHeader title={t('audit.title')} subtitle={communeName} />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            testId="audit-search"
            onSearch={(v) => {
              setQ(v);
              reset();
            }}
          />
          <AutoComplete
            allowClear
            placeholder={t('audit.entityType')}
            aria-label={t('audit.entityType')}
            value={entityTypeText}
            onChange={(v: string) => {
              setEntityType(v ?? '');
              reset();
            }}
            options={ENTITY_TYPES.map((v) => ({ value: v, label: known('entityTypes', v) }))}
            style={{ width: 180 }}
            data-testid="audit-entity-filter"
          />
          <AutoComplete
            allowClear
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            value={actionText}
            onChange={(v: string) => {
              setAction(v ?? '');
              reset();
            }}
            options={ACTIONS.map((v) => ({ value: v, label: known('actions', v) }))}
            style={{ width: 180 }}
            data-testid="audit-action-filter"
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => {
              setRange(v ? [v[0], v[1]] : null);
              reset();
            }}
            placeholder={[t('audit.fromDate'), t('audit.toDate')]}
            allowEmpty={[true, true]}
            style={{ maxWidth: '100%' }}
            data-testid="audit-date-range"
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            tableLayout="fixed"
            scroll={{ x: minTableWidth }}
            expandable={{
              columnWidth: W.expand,
              expandedRowRender: (e) => (
                <div>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {e.actorName ?? t('audit.system')} · {known('entityTypes', e.entityType)} {e.entityId ?? ''}
                  </Typography.Paragraph>
                  <AuditDiff before={e.before} after={e.after} />
                </div>
              ),
            }}
            pagination={paging.config(list.data?.total)}
          />
        </div>
      </Card>
    </div>
  );
}
