import { Alert, Button, Flex, Tag } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi } from '../../../lib/format';

/**
 * Where the attendance screen stands with the server: offline (with when its data was saved),
 * "n thao tác chờ đồng bộ" with a button to send them now, or synced.
 */
export function OfflineStatus({
  online,
  pending,
  syncing,
  lastError,
  cachedAt,
  onSync,
}: {
  online: boolean;
  pending: number;
  syncing: boolean;
  lastError: 'unreachable' | 'signedOut' | null;
  cachedAt?: string;
  onSync: () => void;
}) {
  const { t } = useTranslation();
  const away = !online || !!cachedAt || lastError === 'unreachable';
  return (
    <div data-testid="offline-status" data-online={away ? 'false' : 'true'} data-pending={pending} style={{ marginBottom: 12 }}>
      {away ? (
        <Alert
          type="warning"
          showIcon
          icon={<DisconnectOutlined />}
          title={t('training.offline.offline')}
          description={
            <>
              {online && lastError === 'unreachable' ? t('training.offline.unreachable') : t('training.offline.offlineHint')}
              {cachedAt ? <> {t('training.offline.cachedAt', { time: formatDateTimeVi(cachedAt) })}</> : null}
            </>
          }
          style={{ marginBottom: 8 }}
          data-testid="offline-banner"
        />
      ) : null}
      {lastError === 'signedOut' ? <Alert type="error" showIcon title={t('training.offline.signedOut')} style={{ marginBottom: 8 }} /> : null}
      <Flex gap={8} align="center" wrap>
        {pending ? (
          <Tag
            color="orange"
            icon={syncing ? <SyncOutlined spin /> : <CloudSyncOutlined />}
            data-testid="offline-pending"
            style={{ fontSize: 14, padding: '2px 8px' }}
          >
            {t('training.offline.pending', { count: pending })}
          </Tag>
        ) : (
          <Tag color="green" icon={<CheckCircleOutlined />} data-testid="offline-synced">
            {t('training.offline.synced')}
          </Tag>
        )}
        {pending && online ? (
          <Button size="small" onClick={onSync} loading={syncing} data-testid="offline-sync-now">
            {syncing ? t('training.offline.syncing') : t('training.offline.syncNow')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}
