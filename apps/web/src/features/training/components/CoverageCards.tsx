import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '@tds/contracts';
import { formatNumber } from '../../../lib/format';
import { formatPercent } from '../trainingText';

/** The commune's totals for the year, one card each. */
export function CoverageCards({ coverage, loading }: { coverage: Coverage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const c = coverage?.totals;
  const age = coverage?.adultAge ?? 15;
  const cards = [
    {
      key: 'trained',
      title: t('training.overview.trained', { age }),
      value: c ? (c.adults === null ? t('training.notEntered') : formatPercent(c.ratio)) : '',
      foot: c
        ? c.adults === null
          ? t('training.overview.trainedNoPopulation', { trained: formatNumber(c.trained) })
          : t('training.overview.trainedOf', { trained: formatNumber(c.trained), adults: formatNumber(c.adults) })
        : '',
    },
    {
      key: 'residents',
      title: t('training.overview.residents'),
      value: c ? formatNumber(c.residents) : '',
      foot: t('training.overview.residentsHint', { age }),
    },
    { key: 'sessions', title: t('training.overview.sessions'), value: c ? formatNumber(c.sessions) : '', foot: t('training.overview.sessionsHint') },
    { key: 'helped', title: t('training.overview.helped'), value: c ? formatNumber(c.helped) : '', foot: t('training.overview.helpedHint') },
    { key: 'vneid', title: t('training.overview.vneid'), value: c ? formatNumber(c.vneidLevel2) : '', foot: t('training.overview.vneidHint') },
    {
      key: 'villages',
      title: t('training.overview.villagesWithTeam'),
      value: c ? `${formatNumber(c.villagesWithTeam)} / ${formatNumber(c.villages)}` : '',
      foot: t('training.overview.villagesHint'),
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((k) => (
        <Col key={k.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`training-total-${k.key}`}>
            <Statistic title={k.title} value={k.value} loading={loading && !c} styles={{ content: { fontSize: 22 } }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.foot}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
