import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@tds/contracts';
import { isApiError, type ApiErrorDetail } from '../../../../lib/api';
import { useReportAction, type ReportAction } from '../../api';
import { ActionModal } from './ActionModal';

type Act = ReportAction['action'];

/**
 * The acts on a report the signed-in user may take now: submit (after saving what is unsaved), accept,
 * return with a comment, reopen with a reason. Each asks for confirmation in a modal.
 */
export function ReportActions({
  communeId,
  report,
  version,
  readyToSubmit,
  onInvalid,
}: {
  communeId: string;
  report: ReportDetail;
  /** The version the editor holds now. */
  version: () => number;
  /** Save what is unsaved; the i18n key (under reporting.actions) of what stands in the way, or null. */
  readyToSubmit: () => Promise<'saveFirst' | 'fixValuesFirst' | null>;
  /** Field errors the server named (shown next to the fields). */
  onInvalid: (details: ApiErrorDetail[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const mutation = useReportAction(communeId, report.id);
  const [open, setOpen] = useState<Act | null>(null);
  const [blocked, setBlocked] = useState<'saveFirst' | 'fixValuesFirst' | null>(null);

  const close = () => {
    setOpen(null);
    setBlocked(null);
    mutation.reset();
  };
  const run = async (act: Act, text: string) => {
    setBlocked(null);
    const problem = act === 'submit' ? await readyToSubmit() : null;
    if (problem) {
      setBlocked(problem);
      return;
    }
    const v = version();
    const body: ReportAction =
      act === 'submit'
        ? { action: act, version: v }
        : act === 'accept'
          ? { action: act, version: v, ...(text ? { comment: text } : {}) }
          : act === 'return'
            ? { action: act, version: v, comment: text }
            : { action: act, version: v, reason: text };
    mutation.mutate(body, {
      onSuccess: () => {
        void message.success(t(`reporting.actions.done.${act}`));
        close();
      },
      onError: (e) => {
        if (isApiError(e) && e.details.some((d) => d.field)) onInvalid(e.details);
      },
    });
  };

  const modal = (act: Act) => {
    const common = {
      open: open === act,
      pending: mutation.isPending,
      error: blocked ? new Error(t(`reporting.actions.${blocked}`)) : mutation.error,
      onCancel: close,
      onOk: (text: string) => void run(act, text),
      title: t(`reporting.actions.${act}Title`),
      okText: t(`reporting.actions.${act}`),
      testId: `report-${act}`,
    };
    switch (act) {
      case 'submit':
        return (
          <ActionModal
            {...common}
            description={t(report.late || Date.now() > Date.parse(report.lateAfter) ? 'reporting.actions.submitLateHint' : 'reporting.actions.submitHint')}
          />
        );
      case 'accept':
        return (
          <ActionModal
            {...common}
            description={t('reporting.actions.acceptHint')}
            text={{ label: t('reporting.actions.commentOptional'), required: false, testId: 'report-accept-comment' }}
          />
        );
      case 'return':
        return (
          <ActionModal
            {...common}
            okDanger
            description={t('reporting.actions.returnHint')}
            text={{ label: t('reporting.actions.comment'), required: true, testId: 'report-return-comment' }}
          />
        );
      case 'reopen':
        return (
          <ActionModal
            {...common}
            okDanger
            description={t('reporting.actions.reopenHint')}
            text={{ label: t('reporting.actions.reason'), required: true, testId: 'report-reopen-reason' }}
          />
        );
    }
  };

  const { can } = report;
  if (!can.submit && !can.review && !can.reopen) return null;
  return (
    <>
      {can.submit ? (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen('submit')} data-testid="report-submit">
          {report.status === 'returned'
            ? t('reporting.actions.resubmit')
            : t(report.kind === 'unit_plan' ? 'reporting.actions.submitPlan' : 'reporting.actions.submit')}
        </Button>
      ) : null}
      {can.review ? (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setOpen('accept')} data-testid="report-accept">
            {t('reporting.actions.accept')}
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={() => setOpen('return')} data-testid="report-return">
            {t('reporting.actions.return')}
          </Button>
        </>
      ) : null}
      {can.reopen ? (
        <Button icon={<UnlockOutlined />} onClick={() => setOpen('reopen')} data-testid="report-reopen">
          {t('reporting.actions.reopen')}
        </Button>
      ) : null}
      {modal('submit')}
      {modal('accept')}
      {modal('return')}
      {modal('reopen')}
    </>
  );
}
