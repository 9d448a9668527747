import { Button, Flex, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { YearSelect } from '../YearSelect';

/** Year, "Lưu mục tiêu" with the number of unsaved changes, and cancel; the year is locked while edits are pending. */
export function TargetsToolbar({
  year,
  onYear,
  readOnly,
  unsaved,
  saving,
  onSave,
  onCancel,
}: {
  year: number;
  onYear: (y: number) => void;
  readOnly: boolean;
  unsaved: number;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <YearSelect year={year} onChange={onYear} disabled={unsaved > 0} testId="targets-year" />
      {readOnly ? (
        <Typography.Text type="secondary">{t('progress.indicators.readOnlyTargets')}</Typography.Text>
      ) : (
        <>
          <Button type="primary" icon={<SaveOutlined />} disabled={unsaved === 0} loading={saving} onClick={onSave} data-testid="targets-save">
            {t('progress.indicators.saveTargets')}
          </Button>
          {unsaved > 0 ? <Typography.Text type="warning">{t('progress.indicators.unsaved', { count: unsaved })}</Typography.Text> : null}
          {unsaved > 0 ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        </>
      )}
    </Flex>
  );
}
