import { useState } from 'react';
import { Alert, Button, Result, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlan } from '../api';
import { OverviewTab, StatusTag } from '../components/detail/OverviewTab';
import { ContentsView, CriteriaView, ResponsibilitiesView, TimelineView } from '../components/detail/DocViews';
import { DocumentsTab } from '../components/detail/DocumentsTab';
import { HistoryTab } from '../components/detail/HistoryTab';
import { PublishModal } from '../components/detail/PublishModal';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';
import { isApiError } from '../../../lib/api';
import { planDateVi } from '../planText';

export const PLAN_TABS = ['overview', 'contents', 'criteria', 'timeline', 'responsibilities', 'documents', 'history'] as const;
type TabKey = (typeof PLAN_TABS)[number];

export default function PlanDetailPage() {
  const { communeId } = useCommune();
  const { id } = useParams();
  if (!communeId) return <NoCommune />;
  return <PlanDetailInner key={`${communeId}/${id}`} communeId={communeId} id={id ?? ''} />;
}

function PlanDetailInner({ communeId, id }: { communeId: string; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [publishOpen, setPublishOpen] = useState(false);
  const q = usePlan(communeId, id);
  const tabParam = params.get('tab');
  const tab: TabKey = (PLAN_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'overview';

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/plans')}>
      {t('common.back')}
    </Button>
  );
  if (q.isPending) return <FullPageSpin height="60vh" />;
  if (q.error || !q.data) {
    if (isApiError(q.error) && q.error.status === 404) return <Result status="404" title={t('plans.notFoundPlan')} extra={back} />;
    return (
      <>
        <ErrorAlert error={q.error} />
        <Space>
          {back}
          <Button onClick={() => void q.refetch()}>{t('common.reload')}</Button>
        </Space>
      </>
    );
  }
  const plan = q.data;
  const doc = plan.doc;
  const changedSincePublish = plan.status === 'published' && plan.publishedVersion !== null && plan.publishedVersion !== plan.version;

  const content: Record<TabKey, React.ReactNode> = {
    overview: <OverviewTab plan={plan} />,
    contents: <ContentsView doc={doc} />,
    criteria: <CriteriaView doc={doc} />,
    timeline: <TimelineView doc={doc} />,
    responsibilities: <ResponsibilitiesView doc={doc} />,
    documents: <DocumentsTab communeId={communeId} planId={plan.id} />,
    history: <HistoryTab communeId={communeId} planId={plan.id} current={plan.version} published={plan.publishedVersion} />,
  };

  return (
    <div>
      <PageHeader
        title={<span data-testid="plan-title">{doc.title ?? t('plans.untitled')}</span>}
        subtitle={
          <Space size={8} wrap>
            <StatusTag status={plan.status} />
            <span>{doc.number ?? t('plans.noNumber')}</span>
            {doc.date ? <span>{planDateVi(doc.date)}</span> : null}
            <Typography.Text type="secondary">{t('plans.versionN', { version: plan.version })}</Typography.Text>
          </Space>
        }
        extra={
          <>
            {back}
            <Button icon={<CalendarOutlined />} onClick={() => void navigate(`/calendar?planId=${plan.id}`)}>
              {t('nav.calendar')}
            </Button>
            {plan.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/plans/${plan.id}/edit`)} data-testid="plan-edit">
                {t('plans.edit')}
              </Button>
            ) : null}
            {plan.can.publish && (plan.status === 'draft' || changedSincePublish) ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishOpen(true)} data-testid="plan-publish">
                {plan.status === 'draft' ? t('plans.publish') : t('plans.republish')}
              </Button>
            ) : null}
          </>
        }
      />
      {changedSincePublish ? (
        <Alert type="warning" showIcon title={t('plans.draftChanges', { version: plan.publishedVersion })} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (p) => {
              p.set('tab', k);
              return p;
            },
            { replace: true },
          )
        }
        items={PLAN_TABS.map((k) => ({
          key: k,
          label: <span data-testid={`plan-tab-${k}`}>{t(`plans.tabs.${k}`)}</span>,
          children: content[k],
        }))}
      />
      {plan.can.publish ? <PublishModal communeId={communeId} plan={plan} open={publishOpen} onClose={() => setPublishOpen(false)} /> : null}
    </div>
  );
}
