import { useState } from 'react';
import { Button, Descriptions, Drawer, Grid, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePlanVersion, usePlanVersions, type PlanVersionSummary } from '../../api';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { formatDateTimeVi } from '../../../../lib/format';
import { planDateVi } from '../../planText';
import { ContentsView, CriteriaView, LegalBasesView, ResponsibilitiesView, TimelineView } from './DocViews';
import { signerText } from './OverviewTab';

function VersionDrawer({ communeId, planId, version, onClose }: { communeId: string; planId: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const q = usePlanVersion(communeId, planId, version);
  const doc = q.data?.doc;
  return (
    <Drawer
      open={version !== null}
      onClose={onClose}
      size={screens.lg ? 900 : '100%'}
      title={t('plans.versionN', { version })}
      destroyOnHidden
      data-testid="plan-version-drawer"
    >
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.isPending && version !== null ? <Spin /> : null}
      {doc ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('plans.planTitle')}>{doc.title}</Descriptions.Item>
            <Descriptions.Item label={t('plans.number')}>{doc.number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('plans.date')}>{planDateVi(doc.date) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('plans.signer')}>{signerText(doc)}</Descriptions.Item>
            {q.data?.note ? <Descriptions.Item label={t('plans.history.note')}>{q.data.note}</Descriptions.Item> : null}
          </Descriptions>
          <Tabs
            items={[
              { key: 'legal', label: t('plans.legalBases'), children: <LegalBasesView doc={doc} /> },
              { key: 'contents', label: t('plans.tabs.contents'), children: <ContentsView doc={doc} /> },
              { key: 'criteria', label: t('plans.tabs.criteria'), children: <CriteriaView doc={doc} /> },
              { key: 'timeline', label: t('plans.tabs.timeline'), children: <TimelineView doc={doc} /> },
              { key: 'resp', label: t('plans.tabs.responsibilities'), children: <ResponsibilitiesView doc={doc} /> },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

/** Every saved version (who, when, why); any one can be opened read-only. */
export function HistoryTab({ communeId, planId, current, published }: { communeId: string; planId: string; current: number; published: number | null }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(communeId, planId);
  const [viewing, setViewing] = useState<number | null>(null);
  // Phones: version and action as columns, who/when/why under the version (no sideways scrolling).
  const compact = !Grid.useBreakpoint().sm;
  return (
    <>
      {versions.error ? <ErrorAlert error={versions.error} /> : null}
      <Table<PlanVersionSummary>
        size="small"
        rowKey="version"
        loading={versions.isFetching}
        dataSource={[...(versions.data ?? [])].sort((a, b) => b.version - a.version)}
        pagination={false}
        scroll={compact ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('plans.history.empty') }}
        data-testid="plan-versions"
        columns={[
          {
            title: t('plans.history.version'),
            dataIndex: 'version',
            width: 150,
            render: (v: number, row) => (
              <Space orientation="vertical" size={2} style={{ overflowWrap: 'anywhere' }}>
                <Space size={4} wrap>
                  <span>{v}</span>
                  {v === current ? <Tag color="blue">{t('plans.history.current')}</Tag> : null}
                  {v === published ? <Tag color="green">{t('plans.history.published')}</Tag> : null}
                </Space>
                {compact ? (
                  <Typography.Text type="secondary">
                    {[formatDateTimeVi(row.createdAt), row.createdByName, row.note].filter(Boolean).join(' · ')}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: t('plans.history.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTimeVi(v), responsive: ['sm'] },
          { title: t('plans.history.createdBy'), dataIndex: 'createdByName', minWidth: 140, responsive: ['sm'] },
          { title: t('plans.history.note'), dataIndex: 'note', minWidth: 200, responsive: ['sm'] },
          {
            title: t('common.actions'),
            key: 'a',
            width: 90,
            render: (_, v) => (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(v.version)} data-testid="plan-version-view">
                {t('plans.history.view')}
              </Button>
            ),
          },
        ]}
      />
      <VersionDrawer communeId={communeId} planId={planId} version={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
