import { Button, Card, Flex, Grid, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { vietnamYear } from '@tds/contracts';
import { useRubrics, type RubricPage } from '../api';
import { SCORING_PATHS } from '../paths';
import { RubricStatusTag } from '../components/StatusTag';
import { usePaging } from '../../../lib/paging';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

type Row = RubricPage['items'][number];

/** The commune's rubrics by year: open one, or (the office) start a new one. */
export default function ScoringPage() {
  const { communeId, commune } = useCommune();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const compact = !Grid.useBreakpoint().md;
  const paging = usePaging(20);
  const [year, setYear] = useState<number | undefined>(undefined);
  const list = useRubrics(communeId ?? '', { page: paging.page, pageSize: paging.pageSize, year });
  if (!communeId) return <NoCommune />;
  const thisYear = vietnamYear();
  const years = Array.from({ length: 2030 - 2025 + 1 }, (_, i) => 2025 + i).filter((y) => y <= thisYear + 1);
  const title = (r: Row) => (
    <Link to={SCORING_PATHS.rubric(r.id)} data-testid="rubric-link" style={{ overflowWrap: 'anywhere' }}>
      {r.title}
    </Link>
  );
  const columns: TableProps<Row>['columns'] = compact
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <strong>{title(r)}</strong>
              <Typography.Text type="secondary">
                {r.groupName} · {t('scoring.columns.year')} {r.year}
              </Typography.Text>
              <Flex gap={8} wrap>
                <RubricStatusTag status={r.status} />
                <span>
                  {r.unitCount} {t('scoring.columns.units').toLowerCase()} · {r.criterionCount} {t('scoring.columns.criteria').toLowerCase()}
                </span>
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('scoring.columns.title'), key: 'title', render: (_, r) => title(r) },
        { title: t('scoring.columns.group'), key: 'group', render: (_, r) => r.groupName },
        { title: t('scoring.columns.year'), key: 'year', width: 80, render: (_, r) => r.year },
        { title: t('scoring.columns.units'), key: 'units', width: 100, align: 'right', render: (_, r) => r.unitCount },
        { title: t('scoring.columns.criteria'), key: 'crit', width: 100, align: 'right', render: (_, r) => r.criterionCount },
        { title: t('scoring.columns.status'), key: 'status', width: 170, render: (_, r) => <RubricStatusTag status={r.status} /> },
      ];
  return (
    <div>
      <PageHeader
        title={t('scoring.title')}
        subtitle={commune?.name ?? t('scoring.subtitle')}
        extra={
          <>
            <Select
              style={{ width: 160 }}
              value={year ?? 0}
              onChange={(v) => {
                setYear(v || undefined);
                paging.setPage(1);
              }}
              options={[{ value: 0, label: t('scoring.allYears') }, ...years.map((y) => ({ value: y, label: `${t('scoring.year')} ${y}` }))]}
              aria-label={t('scoring.year')}
            />
            {list.data?.can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(SCORING_PATHS.create)} data-testid="new-rubric">
                {t('scoring.newRubric')}
              </Button>
            ) : null}
          </>
        }
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small">
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          showHeader={!compact}
          pagination={paging.config(list.data?.total)}
          locale={{ emptyText: t('scoring.empty') }}
        />
      </Card>
    </div>
  );
}
