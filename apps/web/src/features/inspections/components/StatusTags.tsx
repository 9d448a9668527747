import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionRecommendationStatus, InspectionStatus } from '@tds/contracts';

const COLORS: Record<InspectionStatus, string> = { planned: 'blue', in_progress: 'gold', concluded: 'purple', closed: 'green', cancelled: 'default' };
const REC_COLORS: Record<InspectionRecommendationStatus, string> = { open: 'orange', answered: 'blue', returned: 'red', closed: 'green' };

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="inspection-status" data-status={status}>
      {t(`inspections.status.${status}`)}
    </Tag>
  );
}

export function RecommendationStatusTag({ status }: { status: InspectionRecommendationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REC_COLORS[status]} data-testid="rec-status" data-status={status}>
      {t(`inspections.recStatus.${status}`)}
    </Tag>
  );
}
