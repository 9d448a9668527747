import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RubricStatus } from '@tds/contracts';

const colors: Record<RubricStatus, string> = { draft: 'default', open: 'processing', closed: 'warning', published: 'success' };

export function RubricStatusTag({ status }: { status: RubricStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="rubric-status">
      {t(`scoring.statuses.${status}`)}
    </Tag>
  );
}
