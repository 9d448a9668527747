import { Flex, Typography } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, EditOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../../autosave';
import { formatClock } from '../../reportForm';

/** "Đã lưu lúc HH:mm" / "Đang lưu…" / "Chưa lưu được" next to the form's title. */
export function SaveStatus({ state, valuesHeld }: { state: AutosaveState; valuesHeld: boolean }) {
  const { t } = useTranslation();
  const view = (() => {
    switch (state.status) {
      case 'saving':
        return { icon: <LoadingOutlined />, text: t('reporting.save.saving'), type: 'secondary' as const };
      case 'pending':
        return { icon: <EditOutlined />, text: t('reporting.save.pending'), type: 'secondary' as const };
      case 'saved':
        return valuesHeld
          ? {
              icon: <ExclamationCircleOutlined />,
              text: `${t('reporting.save.savedAt', { time: state.savedAt ? formatClock(state.savedAt) : '' })} · ${t('reporting.save.valuesHeld')}`,
              type: 'warning' as const,
            }
          : {
              icon: <CheckCircleOutlined />,
              text: t('reporting.save.savedAt', { time: state.savedAt ? formatClock(state.savedAt) : '' }),
              type: 'success' as const,
            };
      case 'error':
        return { icon: <ExclamationCircleOutlined />, text: t('reporting.save.failed'), type: 'danger' as const };
      case 'stale':
        return { icon: <ExclamationCircleOutlined />, text: t('reporting.save.conflict'), type: 'danger' as const };
      default:
        return { icon: <CloudSyncOutlined />, text: t('reporting.save.auto'), type: 'secondary' as const };
    }
  })();
  return (
    <Flex
      gap={6}
      align="center"
      role="status"
      aria-live="polite"
      data-testid="report-save-status"
      data-state={state.status}
      data-values-held={valuesHeld || undefined}
    >
      <Typography.Text type={view.type}>
        {view.icon} {view.text}
      </Typography.Text>
    </Flex>
  );
}
