import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { outboxStatuses, type OutboxMessage } from '@tds/contracts';
import { useOutbox, useRunReminders, type OutboxStatus } from '../../api';
import { usePaging } from '../../../../lib/paging';
import { formatDateTimeVi } from '../../../../lib/format';
import { errorText } from '../../../../lib/errors';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';

export const OUTBOX_STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** The outbox of reminder mail (sent / pending / failed, attempts, last error) and "run reminders now". */
export function OutboxCard({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  const list = useOutbox(communeId, { page, pageSize, status });
  const run = useRunReminders(communeId);

  const runNow = () =>
    run.mutate(undefined, {
      onSuccess: (r) => void message.success(t('progress.reminders.runResult', r), 8),
      onError: (e) => void message.error(errorText(e)),
    });

  const columns: TableProps<OutboxMessage>['columns'] = [
    { title: t('progress.reminders.createdAt'), dataIndex: 'createdAt', width: 140, render: (d: string) => formatDateTimeVi(d), responsive: ['md'] },
    {
      title: t('progress.reminders.subject'),
      dataIndex: 'subject',
      render: (s: string, m) => (
        <span>
          {s}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[m.recipientName, m.toAddress].filter(Boolean).join(' · ')} · {t(`progress.reminders.channelNames.${m.channel}`, { defaultValue: m.channel })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: OutboxStatus) => (
        <Tag color={OUTBOX_STATUS_COLORS[s]} data-testid={`outbox-status-${s}`}>
          {t(`progress.reminders.outboxStatuses.${s}`)}
        </Tag>
      ),
    },
    // On phones: subject and status only, so that the table fits the screen without scrolling sideways.
    { title: t('progress.reminders.attempts'), dataIndex: 'attempts', width: 90, align: 'right', responsive: ['sm'] },
    {
      title: t('progress.reminders.lastError'),
      dataIndex: 'lastError',
      responsive: ['sm'],
      render: (e: string | null, m) =>
        e ? (
          <span>
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {e}
            </Typography.Text>
            {m.status === 'pending' ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('progress.reminders.nextAttemptAt')}: {formatDateTimeVi(m.nextAttemptAt)}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('progress.reminders.sentAt'),
      dataIndex: 'sentAt',
      width: 140,
      render: (d: string | null) => (d ? formatDateTimeVi(d) : '—'),
      responsive: ['sm'],
    },
  ];

  return (
    <Card
      size="small"
      title={t('progress.reminders.outbox')}
      data-testid="reminder-outbox"
      extra={<Button icon={<ReloadOutlined />} size="small" onClick={() => void list.refetch()} aria-label={t('common.reload')} loading={list.isFetching} />}
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<OutboxStatus>
          allowClear
          placeholder={t('progress.reminders.allStatuses')}
          aria-label={t('progress.reminders.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={outboxStatuses.map((s) => ({ value: s, label: t(`progress.reminders.outboxStatuses.${s}`) }))}
          style={{ width: 200 }}
          data-testid="outbox-status-filter"
        />
        <Tooltip title={t('progress.reminders.runHint')}>
          <Button type="primary" icon={<SendOutlined />} loading={run.isPending} onClick={runNow} data-testid="reminders-run">
            {t('progress.reminders.runNow')}
          </Button>
        </Tooltip>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<OutboxMessage>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={paging.config(list.data?.total)}
        scroll={{ x: 'max-content' }}
        data-testid="outbox-table"
      />
    </Card>
  );
}
