import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportCadence } from '@tds/contracts';

/** The due item's title, its cycle ("Hằng năm · 2026", "6 tháng đầu năm 2026") and its plan (shortened). */
export function CycleText({
  title,
  planTitle,
  cadence,
  period,
  year,
}: {
  title: string;
  planTitle?: string;
  cadence: ReportCadence;
  period: number | null;
  year: number;
}) {
  const { t } = useTranslation();
  const cycle = period ? t(`reporting.periods.${period === 1 ? 'first' : 'second'}`, { year }) : `${t(`reporting.cadences.${cadence}`)} · ${year}`;
  return (
    <Flex vertical style={{ minWidth: 0, maxWidth: 460 }}>
      <Typography.Text>{title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {cycle}
      </Typography.Text>
      {planTitle ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: planTitle }} style={{ fontSize: 12, margin: 0 }}>
          {planTitle}
        </Typography.Paragraph>
      ) : null}
    </Flex>
  );
}
