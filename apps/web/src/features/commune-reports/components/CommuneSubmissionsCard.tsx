import { Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProvinceCommuneReports } from '../api';

/**
 * For the province dashboard: how many of the province's communes have submitted their yearly report
 * to the province, received, returned or missing, with the way to the list of communes.
 */
export function CommuneSubmissionsCard({ provinceId, year }: { provinceId: string; year: number }) {
  const { t } = useTranslation();
  const list = useProvinceCommuneReports(provinceId, { period: 'year', year, page: 1, pageSize: 1 });
  const c = list.data?.counts;
  const items = [
    ['submitted', c?.submitted],
    ['accepted', c?.accepted],
    ['returned', c?.returned],
    ['missing', c?.missing],
    ['notDue', c?.notDue],
  ] as const;
  return (
    <Card
      size="small"
      data-testid="dashboard-commune-submissions"
      title={t('communeReports.dashboard.title', { year })}
      extra={<Link to="/province/commune-reports">{t('communeReports.dashboard.open')}</Link>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('communeReports.dashboard.hint', { count: c?.communes ?? 0 })}
      </Typography.Paragraph>
      <Flex wrap gap={16}>
        {items.map(([k, v]) => (
          <Statistic key={k} title={t(`communeReports.province.counts.${k}`)} value={v ?? 0} loading={!c} valueStyle={{ fontSize: 20 }} />
        ))}
      </Flex>
    </Card>
  );
}
