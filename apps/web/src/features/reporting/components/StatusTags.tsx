import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueItemStatus, RegistrationStatus } from '@tds/contracts';
import type { LateKind } from '../reportForm';

const DUE_COLORS: Record<DueItemStatus, string> = { missing: 'default', draft: 'gold', submitted: 'blue', returned: 'volcano', accepted: 'green' };

/** chưa nộp / nháp / đã nộp / trả lại / đã tiếp nhận */
export function ReportStatusTag({ status, testId }: { status: DueItemStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DUE_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`reporting.status.${status}`)}
    </Tag>
  );
}

/** nộp muộn / quá hạn */
export function LateTag({ kind, testId }: { kind: LateKind; testId?: string }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Tag color={kind === 'late' ? 'orange' : 'red'} data-testid={testId} data-late={kind}>
      {t(`reporting.late.${kind}`)}
    </Tag>
  );
}

const REG_COLORS: Record<RegistrationStatus, string> = { not_registered: 'default', draft: 'gold', submitted: 'green' };

export function RegistrationStatusTag({ status, testId }: { status: RegistrationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={REG_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`reporting.registration.status.${status}`)}
    </Tag>
  );
}
