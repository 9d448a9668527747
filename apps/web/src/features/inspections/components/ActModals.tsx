import { useEffect } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  inspectionAnswerInput,
  inspectionCancelInput,
  inspectionConcludeInput,
  inspectionRatings,
  inspectionReturnInput,
  type InspectionDetail,
  type InspectionRecommendation,
} from '@tds/contracts';
import { useInspectionAct } from '../api';
import { EvidenceFields, evidenceOf, type EvidenceValues } from './EvidenceFields';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

/** Call off a planned visit, with the reason (kept on the record). */
export function CancelModal({ inspection, open, onClose }: { inspection: InspectionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useInspectionAct(inspection.communeId, inspection.id);
  const feedback = useSaveFeedback(form);
  useEffect(() => {
    if (!open) return;
    feedback.reset();
    form.resetFields();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = (v: { reason: string }) => {
    feedback.reset();
    const input = validateWith(inspectionCancelInput, { version: inspection.version, reason: (v.reason ?? '').trim() }, form);
    if (input) act.mutate({ kind: 'cancel', version: input.version, reason: input.reason }, feedback.callbacks(true, onClose));
  };
  return (
    <Modal
      open={open}
      title={t('inspections.act.cancelVisit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.act.cancelVisit')}
      okButtonProps={{ danger: true, 'data-testid': 'cancel-submit' }}
      cancelText={t('inspections.act.keep')}
      confirmLoading={act.isPending}
      forceRender
    >
      <SaveErrorAlert error={feedback.error} stale={feedback.stale} onReload={feedback.reset} />
      <Typography.Paragraph type="secondary">{t('inspections.cancelHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="reason" label={t('inspections.field.cancelReason')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Conclude a visit: its result and rating. */
export function ConcludeModal({ inspection, open, onClose }: { inspection: InspectionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ conclusion: string; rating?: string }>();
  const act = useInspectionAct(inspection.communeId, inspection.id);
  const feedback = useSaveFeedback(form);
  useEffect(() => {
    if (!open) return;
    feedback.reset();
    form.setFieldsValue({ conclusion: inspection.conclusion ?? '', rating: inspection.rating ?? undefined });
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = (v: { conclusion: string; rating?: string }) => {
    feedback.reset();
    const input = validateWith(inspectionConcludeInput, { version: inspection.version, conclusion: (v.conclusion ?? '').trim(), rating: v.rating }, form);
    if (input) act.mutate({ kind: 'conclude', input }, feedback.callbacks(true, onClose));
  };
  return (
    <Modal
      open={open}
      title={t('inspections.act.conclude')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.act.save')}
      cancelText={t('inspections.act.cancel')}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'conclude-submit' }}
      forceRender
    >
      <SaveErrorAlert error={feedback.error} stale={feedback.stale} onReload={feedback.reset} />
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="conclusion" label={t('inspections.field.conclusion')} required>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} data-testid="conclude-text" />
        </Form.Item>
        <Form.Item name="rating" label={t('inspections.field.rating')} required>
          <Select options={inspectionRatings.map((r) => ({ value: r, label: t(`inspections.rating.${r}`) }))} data-testid="conclude-rating" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A unit answers a recommendation made to it, with optional evidence. */
export function AnswerModal({ inspection, rec, onClose }: { inspection: InspectionDetail; rec: InspectionRecommendation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string; evidence?: EvidenceValues }>();
  const act = useInspectionAct(inspection.communeId, inspection.id);
  const feedback = useSaveFeedback(form);
  useEffect(() => {
    if (!rec) return;
    feedback.reset();
    form.resetFields();
  }, [rec]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = (v: { text: string; evidence?: EvidenceValues }) => {
    if (!rec) return;
    feedback.reset();
    const input = validateWith(inspectionAnswerInput, { version: rec.version, text: (v.text ?? '').trim(), evidence: evidenceOf(v.evidence) }, form);
    if (input) act.mutate({ kind: 'answer', recId: rec.id, input }, feedback.callbacks(true, onClose));
  };
  return (
    <Modal
      open={!!rec}
      title={t('inspections.act.answer')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.act.save')}
      cancelText={t('inspections.act.cancel')}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'answer-submit' }}
      forceRender
    >
      <p style={{ overflowWrap: 'anywhere' }}>{rec?.text}</p>
      <SaveErrorAlert error={feedback.error} stale={feedback.stale} onReload={feedback.reset} />
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="text" label={t('inspections.field.answer')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="answer-text" />
        </Form.Item>
        <EvidenceFields communeId={inspection.communeId} inspectionId={inspection.id} testId="answer-evidence" />
      </Form>
    </Modal>
  );
}

/** The office returns an answered recommendation to the unit with a comment. */
export function ReturnModal({ inspection, rec, onClose }: { inspection: InspectionDetail; rec: InspectionRecommendation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const act = useInspectionAct(inspection.communeId, inspection.id);
  const feedback = useSaveFeedback(form);
  useEffect(() => {
    if (!rec) return;
    feedback.reset();
    form.resetFields();
  }, [rec]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = (v: { comment: string }) => {
    if (!rec) return;
    feedback.reset();
    const input = validateWith(inspectionReturnInput, { version: rec.version, comment: (v.comment ?? '').trim() }, form);
    if (input) act.mutate({ kind: 'returnRec', recId: rec.id, version: input.version, comment: input.comment }, feedback.callbacks(true, onClose));
  };
  return (
    <Modal
      open={!!rec}
      title={t('inspections.act.returnRec')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.act.save')}
      cancelText={t('inspections.act.cancel')}
      confirmLoading={act.isPending}
      forceRender
    >
      <SaveErrorAlert error={feedback.error} stale={feedback.stale} onReload={feedback.reset} />
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="comment" label={t('inspections.field.comment')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
