import { useId, useState } from 'react';
import { App as AntApp, Button, Card, Col, Flex, Row, Select, Statistic, Switch, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  formatDateTimeVi,
  formatDateVi,
  registrationStatuses,
  searchKey,
  type RegistrationList,
  type RegistrationListItem,
  type RegistrationStatus,
} from '@tds/contracts';
import { useRegistrationWindow } from '../../api';
import { LateTag, RegistrationStatusTag } from '../StatusTags';
import { SearchInput } from '../../../../components/ui/SearchInput';
import { errorText } from '../../../../lib/errors';

/** Registered, not registered, late: the numbers at a glance. */
function Counts({ counts }: { counts: RegistrationList['counts'] }) {
  const { t } = useTranslation();
  const items: [keyof RegistrationList['counts'], string][] = [
    ['participating', t('reporting.registration.counts.participating')],
    ['registered', t('reporting.registration.counts.registered')],
    ['notRegistered', t('reporting.registration.counts.notRegistered')],
    ['draft', t('reporting.registration.counts.draft')],
    ['late', t('reporting.registration.counts.late')],
    ['overdue', t('reporting.registration.counts.overdue')],
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="registration-counts">
      {items.map(([k, label]) => (
        <Col key={k} xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic title={label} value={counts[k]} data-testid={`registration-count-${k}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * The commune's view of a plan's registration: every participating unit with its status (registered,
 * draft, not registered, late or overdue), and for reviewers the switch that opens or closes it.
 */
export function RegistrationOverview({
  communeId,
  data,
  onOpenUnit,
}: {
  communeId: string;
  /** The list, with `can.setWindow`: whether this user may open or close registration. */
  data: RegistrationList;
  onOpenUnit: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const windowMutation = useRegistrationWindow(communeId, data.planId);
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [q, setQ] = useState('');
  const switchLabelId = useId();
  const rows = data.items.filter((i) => (!status || i.status === status) && (!q || searchKey(i.unitName).includes(searchKey(q))));

  const toggle = (open: boolean) =>
    windowMutation.mutate(open, {
      onSuccess: () => void message.success(open ? t('reporting.registration.opened') : t('reporting.registration.closed')),
      onError: (e) => void message.error(errorText(e)),
    });

  const columns: TableProps<RegistrationListItem>['columns'] = [
    { title: t('reporting.columns.unit'), dataIndex: 'unitName', minWidth: 180 },
    { title: t('reporting.registration.unitKind'), dataIndex: 'unitKind', width: 150, render: (k: string) => t(`org.kinds.${k}`), responsive: ['md'] },
    {
      title: t('common.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, r) => (
        <>
          <RegistrationStatusTag status={r.status} testId={`registration-status-${r.unitId}`} />
          <LateTag kind={r.late ? 'late' : r.overdue ? 'overdue' : null} />
        </>
      ),
    },
    { title: t('reporting.columns.deadline'), key: 'deadline', width: 110, render: (_: unknown, r) => (r.deadline ? formatDateVi(r.deadline.dueDate) : '—') },
    {
      title: t('reporting.columns.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) => formatDateTimeVi(v) || '—',
      responsive: ['sm'],
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => onOpenUnit(r.unitId)} data-testid={`registration-open-${r.unitId}`}>
          {t('reporting.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('reporting.registration.overviewTitle', { year: data.year })}</Typography.Text>
        <Flex gap={8} align="center">
          <Switch
            checked={data.registrationOpen}
            disabled={!data.can.setWindow}
            loading={windowMutation.isPending}
            onChange={toggle}
            aria-labelledby={switchLabelId}
            data-testid="registration-window-switch"
          />
          <span id={switchLabelId}>{data.registrationOpen ? t('reporting.registration.isOpen') : t('reporting.registration.isClosed')}</span>
        </Flex>
      </Flex>
      <Counts counts={data.counts} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <SearchInput testId="registration-search" placeholder={t('reporting.filters.searchUnit')} onSearch={setQ} />
        <Select<RegistrationStatus>
          allowClear
          placeholder={t('reporting.filters.allStatuses')}
          aria-label={t('reporting.filters.allStatuses')}
          value={status}
          onChange={setStatus}
          options={registrationStatuses.map((s) => ({ value: s, label: t(`reporting.registration.status.${s}`) }))}
          style={{ width: 170 }}
          data-testid="registration-filter-status"
        />
      </Flex>
      <div data-testid="registration-table">
        <Table<RegistrationListItem>
          rowKey="unitId"
          size="middle"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
        />
      </div>
    </Card>
  );
}
