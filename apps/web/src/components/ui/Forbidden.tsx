import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}

export function NoCommune() {
  const { t } = useTranslation();
  return <Result status="info" title={t('common.noCommune')} />;
}
