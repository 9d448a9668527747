import { useState } from 'react';
import { App as AntApp, Alert, Card, Modal, Radio, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@tds/contracts';
import { api } from '../../../../lib/api';
import { formatDateVi } from '../../../../lib/format';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { planKeys, usePublishPlan, type PublishResult } from '../../api';
import { DeadlineOwners } from './DeadlineOwners';
import { datesPending, ReviewDates } from './ReviewDates';

type Change = PublishResult['added'][number];

function Changes({ title, items, color }: { title: string; items: Change[]; color: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card size="small" title={<Typography.Text style={{ color }}>{title}</Typography.Text>} style={{ marginBottom: 12 }}>
      <Table<Change>
        size="small"
        rowKey={(c, i) => `${c.title}|${c.dueDate}|${i}`}
        dataSource={items}
        pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
        columns={[
          { title: t('plans.publishModal.item'), dataIndex: 'title' },
          { title: t('plans.publishModal.dueDate'), dataIndex: 'dueDate', width: 110, render: (d: string) => formatDateVi(d) },
          { title: t('plans.publishModal.units'), dataIndex: 'units', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}

/**
 * "Ban hành": choose an option for each conflict, see what the calendar gains and loses (a dry
 * run), then confirm.
 */
export function PublishModal({ communeId, plan, open, onClose }: { communeId: string; plan: PlanDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const [acceptUnreached, setAcceptUnreached] = useState(false);
  const publish = usePublishPlan(communeId, plan.id);
  const resolved = plan.conflicts.every((c) => c.options.some((o) => o.value === resolutions[c.key]));

  const preview = useQuery({
    queryKey: [...planKeys.one(communeId, plan.id), 'dry-run', plan.version, resolutions],
    queryFn: () =>
      api<PublishResult>(`/api/communes/${encodeURIComponent(communeId)}/plans/${encodeURIComponent(plan.id)}/publish`, {
        method: 'POST',
        body: { version: plan.version, resolutions, dryRun: true },
      }),
    enabled: open && resolved,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  const close = () => {
    publish.reset();
    setResolutions({});
    setAcceptUnreached(false);
    onClose();
  };
  const confirm = () =>
    publish.mutate(
      { version: plan.version, resolutions, dryRun: false, acceptUnreached },
      {
        onSuccess: () => {
          void message.success(t('plans.publishModal.done'));
          close();
        },
      },
    );

  const r = preview.data;
  return (
    <Modal
      open={open}
      title={t('plans.publishModal.title')}
      onCancel={close}
      onOk={confirm}
      okText={t('plans.publishModal.confirm')}
      okButtonProps={{
        disabled: !resolved || !r || preview.isFetching || datesPending(r) || (r.unreached > 0 && !acceptUnreached),
        loading: publish.isPending,
        ...({ 'data-testid': 'publish-confirm' } as Record<string, string>),
      }}
      cancelText={t('common.cancel')}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('plans.publishModal.intro')}</Typography.Paragraph>
      {plan.conflicts.length > 0 ? (
        <Card size="small" title={t('plans.publishModal.conflicts')} style={{ marginBottom: 12 }} data-testid="publish-conflicts">
          {plan.conflicts.map((c) => (
            <div key={c.key} style={{ marginBottom: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 6 }}>{c.message}</Typography.Paragraph>
              <Radio.Group value={resolutions[c.key]} onChange={(e) => setResolutions((prev) => ({ ...prev, [c.key]: e.target.value as string }))}>
                <Space orientation="vertical">
                  {c.options.map((o) => (
                    <Radio key={o.value} value={o.value} data-testid="publish-option">
                      {o.label}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </div>
          ))}
        </Card>
      ) : null}
      {!resolved ? <Alert type="info" showIcon title={t('plans.publishModal.needChoices')} style={{ marginBottom: 12 }} /> : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {publish.error ? <ErrorAlert error={publish.error} /> : null}
      {resolved && preview.isFetching ? (
        <Spin>
          <div style={{ padding: 24, textAlign: 'center' }}>{t('plans.publishModal.checking')}</div>
        </Spin>
      ) : null}
      {r && !preview.isFetching ? (
        <div data-testid="publish-preview">
          <ReviewDates communeId={communeId} plan={plan} result={r} />
          <DeadlineOwners result={r} acceptUnreached={acceptUnreached} onAcceptUnreached={setAcceptUnreached} />
          {r.beforeIssue.length && plan.doc.date ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="publish-before-issue"
              title={t('plans.publishModal.beforeIssue', { count: r.beforeIssue.length, date: formatDateVi(plan.doc.date) })}
              description={r.beforeIssue.map((b) => `${b.what}: ${formatDateVi(b.dueDate)}`).join('; ')}
            />
          ) : null}
          <Changes title={t('plans.publishModal.added', { count: r.added.length })} items={r.added} color="#389e0d" />
          <Changes title={t('plans.publishModal.removed', { count: r.removed.length })} items={r.removed} color="#cf1322" />
          <Typography.Text type="secondary">
            {r.added.length === 0 && r.removed.length === 0 ? t('plans.publishModal.nothing') + ' ' : ''}
            {t('plans.publishModal.unchanged', { count: r.unchanged })}
          </Typography.Text>
        </div>
      ) : null}
    </Modal>
  );
}
