import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, IndicatorProgressRow, PillarProgress } from '@tds/contracts';
import { formatFigure, formatPct, progressWidth, statusColor } from '../../progressStatus';
import { formatNumber } from '../../../../lib/format';

/** A progress status as a coloured tag. */
export function ProgressStatusTag({ status }: { status: IndicatorProgressRow['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(status).tag} style={{ marginInlineEnd: 0 }}>
      {t(`progress.statuses.${status}`)}
    </Tag>
  );
}

/** One indicator: value (numerator / denominator for ratios), target, achievement bar and status. */
function IndicatorLine({ row }: { row: IndicatorProgressRow }) {
  const { t } = useTranslation();
  const parts =
    row.aggregation === 'ratio' && row.numerator !== null && row.denominator !== null
      ? ` (${t('progress.dashboard.ratioParts', { numerator: formatNumber(row.numerator), denominator: formatNumber(row.denominator) })})`
      : '';
  return (
    <div
      data-testid={`progress-indicator-${row.code}`}
      data-value={row.value ?? ''}
      data-status={row.status}
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text>{row.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11, wordBreak: 'break-all' }}>
            {row.code}
          </Typography.Text>
        </div>
        <ProgressStatusTag status={row.status} />
      </Flex>
      <Flex wrap gap="4px 16px" style={{ fontSize: 13 }}>
        <span>
          {t('progress.value')}: <b data-testid={`progress-indicator-${row.code}-value`}>{formatFigure(row.value, row.measure)}</b>
          {parts}
        </span>
        <span>
          {t('progress.target')}:{' '}
          {row.target === null ? <Typography.Text type="secondary">{t('progress.noTarget')}</Typography.Text> : formatFigure(row.target, row.measure)}
        </span>
      </Flex>
      {row.target !== null ? (
        <Progress
          percent={progressWidth(row.achievementPct)}
          strokeColor={statusColor(row.status).hex}
          format={() => formatPct(row.achievementPct)}
          size="small"
          aria-label={`${t('progress.achievement')} ${row.code}`}
        />
      ) : null}
    </div>
  );
}

function PillarCard({ pillar }: { pillar: PillarProgress }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`progress-pillar-${pillar.pillar}`}
      title={t(`progress.pillars.${pillar.pillar}`)}
      extra={pillar.achievementPct !== null ? <Typography.Text strong>{formatPct(pillar.achievementPct)}</Typography.Text> : null}
      style={{ height: '100%' }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pillar.withTarget > 0
          ? `${t('progress.dashboard.pillarSummary', { withTarget: pillar.withTarget, pct: formatPct(pillar.achievementPct) })} · ${t('progress.dashboard.counts', { onTrack: pillar.onTrack, atRisk: pillar.atRisk, offTrack: pillar.offTrack })}`
          : t('progress.dashboard.pillarNoTarget')}
      </Typography.Text>
      {pillar.indicators.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.dashboard.noIndicators')} /> : null}
      {pillar.indicators.map((row) => (
        <IndicatorLine key={row.code} row={row} />
      ))}
    </Card>
  );
}

/** The three pillars side by side (stacked on a phone), each with its indicators. */
export function PillarCards({ data, loading }: { data: IndicatorProgress | undefined; loading: boolean }) {
  if (!data) return loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null;
  return (
    <Row gutter={[16, 16]}>
      {data.pillars.map((p) => (
        <Col key={p.pillar} xs={24} lg={8}>
          <PillarCard pillar={p} />
        </Col>
      ))}
    </Row>
  );
}
