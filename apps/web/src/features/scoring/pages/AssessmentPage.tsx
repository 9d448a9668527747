import { useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Card, DatePicker, Flex, Input, InputNumber, Select, Space, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, type CriterionDto, type EvidenceInput, type InspectionPage } from '@tds/contracts';
import { deleteEvidenceFile, uploadEvidenceFile, useAssessment, useRubric, useStepAssessment, type AssessmentDto, type AssessmentItem } from '../api';
import { SCORING_PATHS } from '../paths';
import { EvidenceText, type EvidenceAt } from '../components/EvidenceText';
import { apiGet, isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { DATE_FORMAT, dayjsToIso, formatNumber, isoToDayjs } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';
import { Link } from 'react-router';

type Items = Record<string, AssessmentItem & { evidence: EvidenceInput[] }>;

/** Stored evidence back to what is sent (documents and inspections keep their facts; a file its id). */
function toInput(a: AssessmentDto): Items {
  return Object.fromEntries(
    a.items.map((i) => [
      i.criterionId,
      {
        value: i.value,
        points: i.points,
        note: i.note,
        evidence: i.evidence.flatMap((e): EvidenceInput[] =>
          e.kind === 'document' && e.number && e.date && e.summary
            ? [{ kind: 'document', number: e.number, date: e.date, summary: e.summary }]
            : e.kind === 'inspection' && e.inspectionId
              ? [{ kind: 'inspection', inspectionId: e.inspectionId }]
              : e.kind === 'file' && e.fileId
                ? [{ kind: 'file', fileId: e.fileId, ...(e.name ? { name: e.name } : {}) }]
                : [],
        ),
      },
    ]),
  );
}

/** A unit's self-assessment: each criterion's figure or points with its evidence; submitted to the commune, or returned by it. */
export default function AssessmentPage() {
  const { communeId } = useCommune();
  const { id, unitId } = useParams();
  if (!communeId || !id || !unitId) return <NoCommune />;
  return <Assessment key={`${communeId}:${id}:${unitId}`} communeId={communeId} id={id} unitId={unitId} />;
}

function Assessment({ communeId, id, unitId }: { communeId: string; id: string; unitId: string }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const rubric = useRubric(communeId, id);
  const a = useAssessment(communeId, id, unitId);
  const step = useStepAssessment(communeId, id, unitId);
  const [items, setItems] = useState<Items>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const inspections = useQuery({
    queryKey: ['scoring-inspections', communeId, unitId],
    queryFn: ({ signal }) => apiGet<InspectionPage>(`/api/communes/${encodeURIComponent(communeId)}/inspections`, { unitId, page: 1, pageSize: 100 }, signal),
    enabled: !!a.data?.can.save,
    retry: false,
  });
  useEffect(() => {
    if (a.data) setItems(toInput(a.data));
  }, [a.data]);
  if (rubric.error || a.error) return <ErrorAlert error={rubric.error ?? a.error} />;
  if (!rubric.data || !a.data) return <FullPageSpin />;
  const r = rubric.data;
  const d = a.data;
  const editable = d.can.save;
  const set = (cid: string, patch: Partial<Items[string]>) => setItems((cur) => ({ ...cur, [cid]: { evidence: [], ...cur[cid], ...patch } }));
  const at: EvidenceAt = { communeId, rubricId: id, unitId };
  /** Evidence added after a wait (an upload): onto the criterion's evidence as it is then. */
  const addEvidence = (cid: string, e: EvidenceInput) => setItems((cur) => ({ ...cur, [cid]: { ...cur[cid], evidence: [...(cur[cid]?.evidence ?? []), e] } }));
  /** Remove one piece of evidence; a file no criterion cites any more is removed from the server too. */
  const removeEvidence = (cid: string, index: number) => {
    const gone = items[cid]?.evidence[index];
    const next: Items = { ...items, [cid]: { ...items[cid]!, evidence: (items[cid]?.evidence ?? []).filter((_, j) => j !== index) } };
    setItems(next);
    if (gone?.kind !== 'file' || Object.values(next).some((i) => i.evidence.some((x) => x.kind === 'file' && x.fileId === gone.fileId))) return;
    deleteEvidenceFile(communeId, id, unitId, gone.fileId).catch((err: unknown) => {
      if (!isApiError(err) || err.status !== 404) void message.error(errorText(err));
    });
  };

  const run = async (transition: 'save' | 'submit' | 'return', comment?: string) => {
    setErrors({});
    try {
      let version = d.version;
      if (transition === 'submit' && editable) version = (await step.mutateAsync({ transition: 'save', version, items })).version;
      await step.mutateAsync({ transition, version, items, comment });
      message.success(
        t(transition === 'save' ? 'scoring.assessment.saved' : transition === 'submit' ? 'scoring.assessment.submitted' : 'scoring.assessment.returned'),
      );
    } catch (e) {
      if (isApiError(e)) setErrors(Object.fromEntries(e.details.filter((x) => x.field).map((x) => [x.field!.split('.')[1] ?? '', x.message])));
      message.error(errorText(e));
    }
  };
  const returnIt = () => {
    let reason = '';
    modal.confirm({
      title: t('scoring.assessment.return'),
      content: (
        <Input.TextArea rows={3} placeholder={t('scoring.assessment.returnReason')} onChange={(e) => (reason = e.target.value)} data-testid="return-reason" />
      ),
      onOk: () => run('return', reason),
    });
  };
  const inspectionOptions = (inspections.data?.items ?? []).map((i) => ({ value: i.id, label: `${formatDateVi(i.visitDate)} — ${i.title}` }));

  return (
    <div>
      <PageHeader
        title={t('scoring.assessment.title', { unit: d.unitName })}
        subtitle={
          <Space wrap size={4}>
            <Link to={SCORING_PATHS.rubric(r.id)}>{r.title}</Link>
            <Tag data-testid="assessment-status">{t(`scoring.assessmentStatuses.${d.status}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {d.can.save ? (
              <Button onClick={() => void run('save')} loading={step.isPending} data-testid="assessment-save">
                {t('scoring.assessment.save')}
              </Button>
            ) : null}
            {d.can.submit ? (
              <Button type="primary" onClick={() => void run('submit')} loading={step.isPending} data-testid="assessment-submit">
                {t('scoring.assessment.submit')}
              </Button>
            ) : null}
            {d.can.return ? (
              <Button danger onClick={returnIt} data-testid="assessment-return">
                {t('scoring.assessment.return')}
              </Button>
            ) : null}
          </>
        }
      />
      {d.comment ? <Alert type="warning" showIcon message={t('scoring.assessment.comment', { comment: d.comment })} style={{ marginBottom: 12 }} /> : null}
      {!editable ? <Alert type="info" message={t('scoring.assessment.readOnly')} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph strong data-testid="assessment-claimed">
        {t('scoring.assessment.claimed', { total: formatNumber(d.claimed) })}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {r.criteria.map((c) => (
          <CriterionEntry
            key={c.id}
            c={c}
            item={items[c.id] ?? { evidence: [] }}
            auto={d.items.find((i) => i.criterionId === c.id)}
            labels={d.items.find((i) => i.criterionId === c.id)?.evidence.map((e) => e.label) ?? []}
            editable={editable}
            error={errors[c.id]}
            onChange={(p) => set(c.id, p)}
            onAdd={(e) => addEvidence(c.id, e)}
            onRemove={(i) => removeEvidence(c.id, i)}
            at={at}
            inspectionOptions={inspectionOptions}
          />
        ))}
      </Flex>
    </div>
  );
}

function CriterionEntry(props: {
  c: CriterionDto;
  item: Items[string];
  auto: AssessmentDto['items'][number] | undefined;
  labels: string[];
  editable: boolean;
  error: string | undefined;
  onChange: (p: Partial<Items[string]>) => void;
  onAdd: (e: EvidenceInput) => void;
  onRemove: (index: number) => void;
  at: EvidenceAt;
  inspectionOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { c, item, editable } = props;
  const [uploading, setUploading] = useState(false);
  const [doc, setDoc] = useState<{ number: string; date: string | null; summary: string }>({ number: '', date: null, summary: '' });
  const addDoc = () => {
    if (!doc.number.trim() || !doc.date || !doc.summary.trim()) return;
    props.onChange({ evidence: [...item.evidence, { kind: 'document', number: doc.number.trim(), date: doc.date, summary: doc.summary.trim() }] });
    setDoc({ number: '', date: null, summary: '' });
  };
  const label = (e: EvidenceInput, i: number) =>
    e.kind === 'document' ? (
      `Văn bản số ${e.number} ngày ${formatDateVi(e.date)}: ${e.summary}`
    ) : e.kind === 'inspection' ? (
      (props.inspectionOptions.find((o) => o.value === e.inspectionId)?.label ?? props.labels[i] ?? '')
    ) : (
      <EvidenceText
        at={props.at}
        e={{
          kind: 'file',
          fileId: e.fileId,
          name: e.name,
          label: props.auto?.evidence.find((x) => x.kind === 'file' && x.fileId === e.fileId)?.label ?? e.name ?? '',
        }}
      />
    );
  const upload = (file: File) => {
    setUploading(true);
    return uploadEvidenceFile(props.at.communeId, props.at.rubricId, props.at.unitId, file)
      .then((f) => {
        props.onAdd({ kind: 'file', fileId: f.id, name: f.name });
        void message.success(t('scoring.assessment.fileUploaded', { name: f.name }));
      })
      .finally(() => setUploading(false));
  };
  return (
    <Card
      size="small"
      data-testid={`entry-${c.order}`}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {c.order}. {c.title}
        </span>
      }
      extra={
        <span>
          {t(`scoring.sections.${c.section}`)} · {t('scoring.columns.max')} {formatNumber(c.maxPoints)}
        </span>
      }
    >
      {c.auto ? (
        <Typography.Text data-testid={`auto-${c.order}`}>
          {props.auto?.autoValue === null || props.auto?.autoValue === undefined
            ? t('scoring.assessment.autoNone')
            : t('scoring.assessment.autoFrom', { value: formatNumber(props.auto.autoValue), points: formatNumber(props.auto.autoPoints ?? 0) })}
        </Typography.Text>
      ) : (
        <Flex gap={12} wrap align="center">
          {c.method === 'bands' ? (
            <label>
              {t('scoring.assessment.value')}{' '}
              <InputNumber
                value={item.value ?? null}
                disabled={!editable}
                onChange={(v) => props.onChange({ value: v ?? null })}
                data-testid={`value-${c.order}`}
                aria-label={t('scoring.assessment.value')}
              />
            </label>
          ) : (
            <label>
              {t('scoring.assessment.points')}{' '}
              <InputNumber
                min={0}
                max={c.maxPoints}
                value={item.points ?? null}
                disabled={!editable}
                onChange={(v) => props.onChange({ points: v ?? null })}
                data-testid={`points-${c.order}`}
                aria-label={t('scoring.assessment.points')}
              />
            </label>
          )}
          <Input
            style={{ flex: '1 1 220px' }}
            placeholder={t('scoring.assessment.note')}
            aria-label={t('scoring.assessment.note')}
            value={item.note ?? ''}
            disabled={!editable}
            maxLength={2000}
            onChange={(e) => props.onChange({ note: e.target.value || null })}
          />
        </Flex>
      )}
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t('scoring.assessment.evidence')}
          {c.evidenceRequired ? ` (${t('scoring.assessment.required')}${c.evidenceHint ? `: ${c.evidenceHint}` : ''})` : ''}
        </Typography.Text>
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {item.evidence.map((e, i) => (
            <li key={i} style={{ overflowWrap: 'anywhere' }}>
              {label(e, i)}{' '}
              {editable ? (
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('scoring.edit.remove')} onClick={() => props.onRemove(i)} />
              ) : null}
            </li>
          ))}
        </ul>
        {editable ? (
          <Flex gap={8} wrap align="center">
            <Input
              style={{ width: 140 }}
              placeholder={t('scoring.assessment.docNumber')}
              aria-label={t('scoring.assessment.docNumber')}
              value={doc.number}
              onChange={(e) => setDoc({ ...doc, number: e.target.value })}
              data-testid={`doc-number-${c.order}`}
            />
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('scoring.assessment.docDate')}
              value={isoToDayjs(doc.date)}
              onChange={(v) => setDoc({ ...doc, date: dayjsToIso(v) })}
              data-testid={`doc-date-${c.order}`}
            />
            <Input
              style={{ flex: '1 1 200px' }}
              placeholder={t('scoring.assessment.docSummary')}
              aria-label={t('scoring.assessment.docSummary')}
              value={doc.summary}
              onChange={(e) => setDoc({ ...doc, summary: e.target.value })}
              data-testid={`doc-summary-${c.order}`}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={addDoc} data-testid={`doc-add-${c.order}`}>
              {t('scoring.assessment.addDocument')}
            </Button>
            {props.inspectionOptions.length ? (
              <Select
                style={{ minWidth: 220 }}
                placeholder={t('scoring.assessment.addInspection')}
                aria-label={t('scoring.assessment.addInspection')}
                value={null}
                options={props.inspectionOptions}
                onChange={(v: string) => props.onChange({ evidence: [...item.evidence, { kind: 'inspection', inspectionId: v }] })}
                data-testid={`cite-inspection-${c.order}`}
              />
            ) : null}
            <Upload
              showUploadList={false}
              accept=".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png"
              customRequest={({ file, onSuccess, onError }) => {
                upload(file as File).then(
                  () => onSuccess?.(null),
                  (err: unknown) => {
                    void message.error(errorText(err));
                    onError?.(err instanceof Error ? err : new Error(errorText(err)));
                  },
                );
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid={`attach-file-${c.order}`}>
                {t('scoring.assessment.attachFile')}
              </Button>
            </Upload>
          </Flex>
        ) : null}
        {props.error ? (
          <Typography.Text type="danger" data-testid={`entry-error-${c.order}`}>
            {props.error}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}
