import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { vietnamYear } from '@tds/contracts';
import { trainingYears } from '../trainingText';

/** The year of the figures: this year back to 2025, when the movement's records begin. */
export function TrainingYearSelect({ year, onChange, testId = 'training-year' }: { year: number; onChange: (y: number) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={year}
      onChange={onChange}
      options={trainingYears(vietnamYear(), year).map((y) => ({ value: y, label: t('training.yearN', { year: y }) }))}
      style={{ width: 120 }}
      data-testid={testId}
      aria-label={t('training.year')}
    />
  );
}
