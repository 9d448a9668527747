import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The error of a save, with a "reload" action when someone else changed the record meanwhile. */
export function SaveErrorAlert({ error, stale, onReload }: { error: string | null; stale: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error}
      description={stale ? t('common.staleHint') : undefined}
      style={{ marginBottom: 16 }}
      action={
        stale ? (
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
