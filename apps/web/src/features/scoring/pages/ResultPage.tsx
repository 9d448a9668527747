import { Card, Grid, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRubric, useResult, type ResultDto } from '../api';
import { SCORING_PATHS } from '../paths';
import { EvidenceText } from '../components/EvidenceText';
import { formatNumber } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';

type Row = ResultDto['criteria'][number];

/** A unit's frozen scoresheet: every criterion's points, where they come from, and the evidence behind them. */
export default function ResultPage() {
  const { communeId } = useCommune();
  const { id, unitId } = useParams();
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().md;
  const rubric = useRubric(communeId ?? '', id);
  const result = useResult(communeId ?? '', id ?? '', unitId ?? '');
  if (!communeId || !id || !unitId) return <NoCommune />;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!result.data) return <FullPageSpin />;
  const r = result.data;
  const evidence = (c: Row) => (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {c.evidence.map((e, i) => (
        <li key={i} style={{ overflowWrap: 'anywhere' }}>
          <EvidenceText at={{ communeId, rubricId: id, unitId }} e={e} />
        </li>
      ))}
    </ul>
  );
  const columns: TableProps<Row>['columns'] = compact
    ? [
        {
          key: 'c',
          render: (_, c) => (
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <strong>{c.title}</strong>
              <div>
                {formatNumber(c.points)} / {formatNumber(c.maxPoints)} · {t(`scoring.result.basis.${c.basis}`)}
              </div>
              {evidence(c)}
            </div>
          ),
        },
      ]
    : [
        { title: t('scoring.columns.criterion'), key: 't', render: (_, c) => <span style={{ overflowWrap: 'anywhere' }}>{c.title}</span> },
        { title: t('scoring.edit.section'), key: 's', width: 110, render: (_, c) => t(`scoring.sections.${c.section}`) },
        { title: t('scoring.columns.points'), key: 'p', width: 80, align: 'right', render: (_, c) => formatNumber(c.points) },
        { title: t('scoring.columns.max'), key: 'm', width: 70, align: 'right', render: (_, c) => formatNumber(c.maxPoints) },
        { title: t('scoring.columns.basis'), key: 'b', width: 140, render: (_, c) => t(`scoring.result.basis.${c.basis}`) },
        { title: t('scoring.columns.evidence'), key: 'e', width: 320, render: (_, c) => evidence(c) },
      ];
  return (
    <div>
      <PageHeader
        title={t('scoring.result.title', { unit: r.unitName })}
        subtitle={rubric.data ? <Link to={SCORING_PATHS.rubric(id)}>{rubric.data.title}</Link> : null}
      />
      <Typography.Paragraph strong data-testid="result-summary">
        {r.rank === null
          ? t('scoring.result.summaryUnscored', { total: formatNumber(r.total) })
          : t('scoring.result.summary', { total: formatNumber(r.total), class: r.classLabel, rank: r.rank })}
      </Typography.Paragraph>
      <Card size="small">
        <Table<Row> rowKey="criterionId" size="small" columns={columns} dataSource={r.criteria} pagination={false} showHeader={!compact} />
      </Card>
    </div>
  );
}
