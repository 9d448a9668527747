import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommuneStanding } from '@tds/contracts';

const COLORS: Record<CommuneStanding, string> = {
  no_item: 'default',
  draft: 'gold',
  missing: 'red',
  submitted: 'blue',
  returned: 'volcano',
  accepted: 'green',
};

/** Where a commune stands for a period (its report's status, or missing once overdue). */
export function StandingTag({ standing, testId }: { standing: CommuneStanding; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[standing]} data-testid={testId} data-standing={standing}>
      {t(`communeReports.standing.${standing}`)}
    </Tag>
  );
}

/** "Muộn hạn": submitted after the due date, or still not submitted after it. */
export function LateMark({ late, testId }: { late: boolean; testId?: string }) {
  const { t } = useTranslation();
  return late ? (
    <Tag color="orange" data-testid={testId}>
      {t('communeReports.late')}
    </Tag>
  ) : null;
}
