import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Dropdown, Empty, Flex, Grid, List, Popconfirm, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail, InspectionEvidenceDoc, InspectionRecommendation } from '@tds/contracts';
import { downloadEvidence, downloadMinutes, downloadRecord, useInspection, useInspectionAct } from '../api';
import { InspectionFormDrawer } from '../components/InspectionFormDrawer';
import { FindingDrawer } from '../components/FindingDrawer';
import { AnswerModal, CancelModal, ConcludeModal, ReturnModal } from '../components/ActModals';
import { InspectionStatusTag, RecommendationStatusTag } from '../components/StatusTags';
import { errorText } from '../../../lib/errors';
import { formatDateTimeVi, formatDateVi } from '../../../lib/format';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';

/** One inspection: the plan of the visit, its findings and recommendations, the units' answers, and the acts allowed now. */
export default function InspectionPage() {
  const { communeId = '', id = '' } = useParams();
  const { t } = useTranslation();
  const q = useInspection(communeId, id);
  if (q.isPending) return <FullPageSpin />;
  if (q.error || !q.data)
    return (
      <div>
        <BackLink />
        <ErrorAlert error={q.error ?? new Error(t('inspections.notFound'))} />
      </div>
    );
  return <Inspection d={q.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/inspections" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t('inspections.back')}
    </Link>
  );
}

function Inspection({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().md;
  const act = useInspectionAct(d.communeId, d.id);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [answering, setAnswering] = useState<InspectionRecommendation | null>(null);
  const [returning, setReturning] = useState<InspectionRecommendation | null>(null);
  const fail = (e: unknown) => void message.error(errorText(e));
  const done = { onSuccess: () => void message.success(t('inspections.done')), onError: fail };

  const evidence = (e: InspectionEvidenceDoc | null) =>
    e ? (
      <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
        {t('inspections.evidence')}: {[e.number, e.date ? formatDateVi(e.date) : null, e.summary].filter(Boolean).join(' – ')}
        {e.file ? (
          <Button
            type="link"
            size="small"
            icon={<PaperClipOutlined />}
            onClick={() => void downloadEvidence(d.communeId, d.id, e.file!).catch(fail)}
            style={{ paddingInline: 4, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            {e.file.name}
          </Button>
        ) : null}
      </Typography.Text>
    ) : null;

  const recItem = (r: InspectionRecommendation) => (
    <List.Item key={r.id} data-testid="rec-row" data-rec-id={r.id} style={{ display: 'block' }}>
      <Flex vertical gap={4} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        <Flex gap={8} wrap align="center">
          <RecommendationStatusTag status={r.status} />
          <Typography.Text type="secondary">{t('inspections.dueOn', { date: formatDateVi(r.dueOn) })}</Typography.Text>
        </Flex>
        <span>{r.text}</span>
        {r.answer ? (
          <div style={{ borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspections.answerBy', { name: r.answer.byName ?? '', at: formatDateTimeVi(r.answer.at) })}
            </Typography.Text>
            <div data-testid="rec-answer">{r.answer.text}</div>
            {evidence(r.answer.evidence)}
          </div>
        ) : null}
        {r.status === 'returned' && r.reviewComment ? (
          <Typography.Text type="danger">{t('inspections.returnedWith', { comment: r.reviewComment })}</Typography.Text>
        ) : null}
        <Space wrap>
          {r.can.answer ? (
            <Button type="primary" size="small" onClick={() => setAnswering(r)} data-testid="rec-answer-open">
              {t('inspections.act.answer')}
            </Button>
          ) : null}
          {r.can.close ? (
            <Popconfirm
              title={t('inspections.confirmCloseRec')}
              okText={t('inspections.act.closeRec')}
              cancelText={t('inspections.act.cancel')}
              onConfirm={() => act.mutate({ kind: 'closeRec', recId: r.id, version: r.version }, done)}
            >
              <Button size="small" type="primary" data-testid="rec-close">
                {t('inspections.act.closeRec')}
              </Button>
            </Popconfirm>
          ) : null}
          {r.can.return ? (
            <Button size="small" onClick={() => setReturning(r)} data-testid="rec-return">
              {t('inspections.act.returnRec')}
            </Button>
          ) : null}
        </Space>
      </Flex>
    </List.Item>
  );

  return (
    <div>
      <BackLink />
      <PageHeader
        title={<span style={{ overflowWrap: 'anywhere' }}>{d.title}</span>}
        subtitle={<InspectionStatusTag status={d.status} />}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('inspections.exportRecord'), onClick: () => void downloadRecord(d.communeId, d.id).catch(fail) },
                  { key: 'docx', label: t('inspections.minutes'), onClick: () => void downloadMinutes(d.communeId, d.id).catch(fail) },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="inspection-downloads">
                {t('inspections.downloads')}
              </Button>
            </Dropdown>
            {d.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspection-edit">
                {t('inspections.edit')}
              </Button>
            ) : null}
            {d.can.conclude ? (
              <Button onClick={() => setConcluding(true)} data-testid="inspection-conclude">
                {t('inspections.act.conclude')}
              </Button>
            ) : null}
            {d.can.cancel ? (
              <Button danger onClick={() => setCancelling(true)} data-testid="inspection-cancel">
                {t('inspections.act.cancelVisit')}
              </Button>
            ) : null}
            {d.can.reopen ? (
              <Button onClick={() => act.mutate({ kind: 'reopen', version: d.version }, done)} data-testid="inspection-reopen">
                {t('inspections.act.reopen')}
              </Button>
            ) : null}
            {d.can.close ? (
              <Popconfirm
                title={t('inspections.confirmClose')}
                okText={t('inspections.act.close')}
                cancelText={t('inspections.act.cancel')}
                onConfirm={() => act.mutate({ kind: 'close', version: d.version }, done)}
              >
                <Button type="primary" data-testid="inspection-close">
                  {t('inspections.act.close')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={compact ? 1 : 2} size="small" layout={compact ? 'vertical' : 'horizontal'}>
          <Descriptions.Item label={t('inspections.info.when')}>
            {formatDateVi(d.visitDate)}
            {d.visitTime ? ` ${d.visitTime}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.info.units')}>{d.units.map((u) => u.name).join('; ')}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.info.members')}>{d.members.map((m) => m.fullName).join('; ')}</Descriptions.Item>
          {d.plan ? <Descriptions.Item label={t('inspections.info.plan')}>{d.plan.title}</Descriptions.Item> : null}
          {d.checklist.length ? (
            <Descriptions.Item label={t('inspections.info.checklist')} span={compact ? 1 : 2}>
              <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                {d.checklist.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ol>
            </Descriptions.Item>
          ) : null}
          {d.note ? <Descriptions.Item label={t('inspections.info.note')}>{d.note}</Descriptions.Item> : null}
          {d.conclusion ? (
            <Descriptions.Item label={t('inspections.info.conclusion')} span={compact ? 1 : 2}>
              <span data-testid="inspection-conclusion" style={{ whiteSpace: 'pre-wrap' }}>
                {d.conclusion}
              </span>
            </Descriptions.Item>
          ) : null}
          {d.cancelReason ? (
            <Descriptions.Item label={t('inspections.info.cancelReason')} span={compact ? 1 : 2}>
              <span data-testid="inspection-cancel-reason">{d.cancelReason}</span>
            </Descriptions.Item>
          ) : null}
          {d.rating ? <Descriptions.Item label={t('inspections.info.rating')}>{t(`inspections.rating.${d.rating}`)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('inspections.findings')}
        extra={
          d.can.record ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="finding-create">
              {t('inspections.act.record')}
            </Button>
          ) : null
        }
      >
        {d.findingList.length === 0 ? <Empty description={t('inspections.noFindings')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        <Flex vertical gap={12}>
          {d.findingList.map((f, i) => (
            <Card key={f.id} size="small" type="inner" data-testid="finding" title={<span style={{ whiteSpace: 'normal' }}>{`${i + 1}. ${f.unitName}`}</span>}>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="finding-text">
                {f.text}
              </div>
              {evidence(f.evidence)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.recordedBy', { name: f.recordedByName ?? '' })} · {formatDateTimeVi(f.createdAt)}
                {f.closed && f.recommendations.length ? ` · ${t('inspections.findingClosed')}` : ''}
              </Typography.Text>
              {f.recommendations.length ? (
                <List size="small" dataSource={f.recommendations} renderItem={recItem} style={{ marginTop: 8 }} />
              ) : (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('inspections.noRecommendations')}
                </Typography.Paragraph>
              )}
            </Card>
          ))}
        </Flex>
      </Card>
      {d.can.edit ? (
        <InspectionFormDrawer communeId={d.communeId} open={editing} editing={d} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
      {d.can.record ? <FindingDrawer inspection={d} open={recording} onClose={() => setRecording(false)} /> : null}
      {d.can.conclude ? <ConcludeModal inspection={d} open={concluding} onClose={() => setConcluding(false)} /> : null}
      {d.can.cancel ? <CancelModal inspection={d} open={cancelling} onClose={() => setCancelling(false)} /> : null}
      <AnswerModal inspection={d} rec={answering} onClose={() => setAnswering(null)} />
      <ReturnModal inspection={d} rec={returning} onClose={() => setReturning(null)} />
    </div>
  );
}
