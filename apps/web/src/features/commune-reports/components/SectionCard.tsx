import { Card, Descriptions, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, type CommuneReportSection } from '@tds/contracts';
import { formatNumber } from '../../../lib/format';

/** One plan's section: the figures gathered from the units' reports and the commune's text (editable when allowed). */
export function SectionCard({
  section,
  index,
  text,
  editable,
  onText,
}: {
  section: CommuneReportSection;
  index: number;
  text: string;
  editable: boolean;
  onText: (text: string) => void;
}) {
  const { t } = useTranslation();
  const f = section.figures;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`commune-report-section-${index}`}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {index + 1}. {section.planTitle}
          {section.planNumber ? ` (${section.planNumber})` : ''}
        </Typography.Text>
      }
    >
      {f ? (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {f.fromYear
              ? t('communeReports.detail.figuresTitlePhase', { from: f.fromYear, year: f.year })
              : t('communeReports.detail.figuresTitle', { year: f.year })}
          </Typography.Paragraph>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }} data-testid={`commune-report-figures-${index}`}>
            <Descriptions.Item label={t('communeReports.detail.expected')}>{f.expected}</Descriptions.Item>
            <Descriptions.Item label={t('communeReports.detail.onTime')}>{f.onTime}</Descriptions.Item>
            <Descriptions.Item label={t('communeReports.detail.lateCount')}>{f.late}</Descriptions.Item>
            <Descriptions.Item label={t('communeReports.detail.notDue')}>{f.notDue}</Descriptions.Item>
            <Descriptions.Item label={t('communeReports.detail.missing')}>{f.missing}</Descriptions.Item>
            <Descriptions.Item label={t('communeReports.detail.accepted')}>{f.accepted}</Descriptions.Item>
          </Descriptions>
          {f.indicators.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('communeReports.detail.indicators')}</Typography.Text>}
              dataSource={f.indicators}
              renderItem={(i) => (
                <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
                  <Typography.Text style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{i.name}</Typography.Text>
                  <Typography.Text strong>
                    {i.value === null ? '—' : formatNumber(i.value)} {i.measure}
                    {i.target !== null ? (
                      <Typography.Text type="secondary"> ({t('communeReports.detail.target', { value: formatNumber(i.target) })})</Typography.Text>
                    ) : null}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {t('communeReports.detail.preparedAt', { time: formatDateTimeVi(f.preparedAt) })}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('communeReports.detail.noFigures')}</Typography.Paragraph>
      )}
      <Typography.Paragraph strong style={{ margin: '8px 0' }}>
        <label htmlFor={`commune-report-text-${index}`}>{t('communeReports.detail.sectionText')}</label>
      </Typography.Paragraph>
      {editable ? (
        <Input.TextArea
          id={`commune-report-text-${index}`}
          value={text}
          onChange={(e) => onText(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 16 }}
          maxLength={50_000}
          placeholder={t('communeReports.detail.sectionPlaceholder')}
          data-testid={`commune-report-text-${index}`}
        />
      ) : (
        <Typography.Paragraph
          id={`commune-report-text-${index}`}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid={`commune-report-text-${index}`}
        >
          {text || '—'}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
