import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { vietnamYear } from '@tds/contracts';
import { yearOptions } from '../dashboardParams';

/** A year picker: six years back to next year, plus the chosen year if it is outside that range. */
export function YearSelect({
  year,
  onChange,
  disabled,
  testId = 'progress-year',
}: {
  year: number;
  onChange: (y: number) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const years = yearOptions(vietnamYear());
  if (!years.includes(year)) years.unshift(year);
  return (
    <Select<number>
      value={year}
      onChange={onChange}
      disabled={disabled}
      options={years.map((y) => ({ value: y, label: String(y) }))}
      style={{ width: 100 }}
      data-testid={testId}
      aria-label={t('progress.year')}
    />
  );
}
