import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanDoc } from '@tds/contracts';
import { formatDateTimeVi } from '../../../../lib/format';
import { docGaps, planDateVi } from '../../planText';
import { LegalBasesView } from './DocViews';

export function StatusTag({ status }: { status: PlanDetail['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'published' ? 'green' : 'gold'} data-testid="plan-status">
      {t(`plans.statuses.${status}`)}
    </Tag>
  );
}

export function signerText(doc: Pick<PlanDoc, 'signer'>): string {
  const s = doc.signer;
  return [s.capacity, s.title, s.name ? `– ${s.name}` : null].filter(Boolean).join(' ');
}

type PlanRef = NonNullable<PlanDetail['parent']>;

function RefLink({ r }: { r: PlanRef }) {
  const { t } = useTranslation();
  return r.kind === 'commune' ? (
    <Link to={`/plans/${r.id}`}>{r.title}</Link>
  ) : (
    <span>
      {r.title} <Tag>{t('plans.provincePlan')}</Tag>
    </span>
  );
}

export function OverviewTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const doc = plan.doc;
  const gaps = docGaps(doc);
  return (
    <>
      {plan.conflicts.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.conflicts')}
          data-testid="plan-conflicts"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.conflicts.map((c) => (
                <li key={c.key}>{c.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {gaps.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.gapsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {gaps.map((g) => (
                <li key={g}>{t(`plans.gaps.${g}`)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('plans.planTitle')} span={2}>
            <Typography.Text strong>{doc.title ?? t('plans.untitled')}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.number')}>
            {doc.number ?? <Typography.Text type="secondary">{t('plans.noNumber')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.date')}>
            {doc.date ? planDateVi(doc.date) : <Typography.Text type="secondary">{t('plans.noDate')}</Typography.Text>}
            {doc.place ? <Typography.Text type="secondary">{` (${doc.place})`}</Typography.Text> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.issuer')}>{[doc.issuer.parent, doc.issuer.name].filter(Boolean).join(' – ')}</Descriptions.Item>
          <Descriptions.Item label={t('plans.signer')}>{signerText(doc)}</Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <StatusTag status={plan.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.version')}>
            <Space size={4} wrap>
              <span data-testid="plan-version">{plan.version}</span>
              {plan.publishedVersion ? (
                <Typography.Text type="secondary">
                  ({t('plans.publishedVersion')}: {plan.publishedVersion}
                  {plan.publishedAt ? `, ${formatDateTimeVi(plan.publishedAt)}` : ''})
                </Typography.Text>
              ) : null}
            </Space>
          </Descriptions.Item>
          {plan.ownerUnitName ? <Descriptions.Item label={t('plans.ownerUnit')}>{plan.ownerUnitName}</Descriptions.Item> : null}
          <Descriptions.Item label={t('plans.updatedAt')}>{formatDateTimeVi(plan.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('plans.movements')} span={2}>
            {doc.movements.length
              ? doc.movements.map((m) => (
                  // A movement's name can be a whole sentence: it wraps instead of widening the page.
                  <Tag key={m} color="red" style={{ whiteSpace: 'normal', maxWidth: '100%', overflowWrap: 'anywhere', marginBottom: 4 }}>
                    {m}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('plans.lineage')} style={{ marginBottom: 16 }} data-testid="plan-lineage">
        {!plan.parent && plan.children.length === 0 ? <Typography.Text type="secondary">{t('plans.noLineage')}</Typography.Text> : null}
        {plan.parent ? (
          <div style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('plans.parent')}: </Typography.Text>
            <RefLink r={plan.parent} />
          </div>
        ) : null}
        {plan.children.length > 0 ? (
          <div>
            <Typography.Text type="secondary">{t('plans.children')}:</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.children.map((c) => (
                <li key={c.id}>
                  <RefLink r={c} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
      <Card size="small" title={t('plans.legalBases')}>
        <LegalBasesView doc={doc} />
      </Card>
    </>
  );
}
