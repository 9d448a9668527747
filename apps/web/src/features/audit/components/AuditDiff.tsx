import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditFieldLabel, diffEntries, showValue, type AuditLang, type DiffRow } from '../diff';

const cell = (v: unknown, key: string, lang: AuditLang, changed: boolean, side: 'before' | 'after') => (
  <Typography.Text
    style={{
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      background: changed ? (side === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
      textDecoration: changed && side === 'before' ? 'line-through' : undefined,
    }}
  >
    {showValue(v, key, lang)}
  </Typography.Text>
);

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, i18n } = useTranslation();
  const rows = diffEntries(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const lang: AuditLang = i18n.language.startsWith('vi') ? 'vi' : 'en';
  const label = (k: string) => auditFieldLabel(k, lang);
  return (
    <Table<DiffRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 480 }}
      data-testid="audit-diff"
      rowClassName={(r) => (r.changed ? 'tds-diff-changed' : '')}
      columns={[
        {
          title: t('audit.fieldName'),
          dataIndex: 'key',
          width: 180,
          render: (k: string, r) => (
            <Typography.Text strong={r.changed} type={r.changed ? undefined : 'secondary'}>
              {k ? label(k) : '—'}
            </Typography.Text>
          ),
        },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r) => cell(v, r.key, lang, r.changed, 'before') },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r) => cell(v, r.key, lang, r.changed, 'after') },
      ]}
    />
  );
}
