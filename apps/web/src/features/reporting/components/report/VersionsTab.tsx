import { Descriptions, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, type ReportDetail, type ReportVersionEntry } from '@tds/contracts';
import { useReportVersions } from '../../api';
import { formatValue, ratioValue } from '../../reportForm';
import { ReportStatusTag } from '../StatusTags';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';

const ACTION_COLORS: Record<ReportVersionEntry['action'], string> = {
  create: 'default',
  save: 'default',
  file: 'default',
  submit: 'blue',
  return: 'volcano',
  accept: 'green',
  reopen: 'purple',
};

/** What a version held: its sections and figures. */
function VersionContent({ v, report }: { v: ReportVersionEntry; report: ReportDetail }) {
  const { t } = useTranslation();
  const names = new Map(report.form.map((i) => [i.code, i]));
  return (
    <Descriptions size="small" column={1} bordered>
      {v.sections.map((s) => (
        <Descriptions.Item key={s.key} label={s.title}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{s.text || '—'}</div>
        </Descriptions.Item>
      ))}
      {v.summary ? (
        <Descriptions.Item label={t('reporting.unitPlan.summary')}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</div>
        </Descriptions.Item>
      ) : null}
      {v.values.map((x) => {
        const ind = names.get(x.code);
        const figure =
          x.numerator !== null || x.denominator !== null
            ? `${formatValue(x.numerator)} / ${formatValue(x.denominator)} = ${formatValue(ratioValue(x.numerator, x.denominator, ind?.measure ?? '%'))} ${ind?.measure ?? ''}`
            : `${formatValue(x.value)} ${ind?.measure ?? ''}`;
        return (
          <Descriptions.Item key={x.code} label={ind?.name ?? x.code}>
            {figure}
            {x.note ? <Typography.Text type="secondary"> ({x.note})</Typography.Text> : null}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

/** Every version of the report: who, when, what act, and the comment of a review. */
export function VersionsTab({ communeId, report }: { communeId: string; report: ReportDetail }) {
  const { t } = useTranslation();
  const q = useReportVersions(communeId, report.id);
  const columns: TableProps<ReportVersionEntry>['columns'] = [
    { title: t('reporting.versions.version'), dataIndex: 'version', width: 80, align: 'right' },
    {
      title: t('reporting.versions.action'),
      dataIndex: 'action',
      width: 120,
      render: (a: ReportVersionEntry['action']) => <Tag color={ACTION_COLORS[a]}>{t(`reporting.versions.actions.${a}`)}</Tag>,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: ReportVersionEntry['status']) => <ReportStatusTag status={s} />,
      responsive: ['sm'],
    },
    { title: t('reporting.versions.who'), dataIndex: 'createdByName', width: 180, render: (n: string | null) => n ?? '—' },
    { title: t('reporting.versions.when'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTimeVi(d) },
    {
      title: t('reporting.versions.comment'),
      dataIndex: 'comment',
      minWidth: 200,
      render: (c: string | null) => (c ? <span style={{ whiteSpace: 'pre-wrap' }}>{c}</span> : '—'),
    },
  ];
  return (
    <div data-testid="report-versions">
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <Table<ReportVersionEntry>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={q.data ?? []}
        loading={q.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        expandable={{ expandedRowRender: (v) => <VersionContent v={v} report={report} /> }}
      />
    </div>
  );
}
