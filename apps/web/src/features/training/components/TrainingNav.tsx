import { Flex, Tag, theme } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useCommune, useCurrentMe } from '../../../lib/session';
import { useSyncQueue } from '../offlineApi';
import { TRAINING_PATHS } from '../paths';

/**
 * Sends what this device queued offline while any training page is open, and says how much waits.
 * The attendance screen runs its own (it shows the full state), so it passes `sync={false}`.
 */
function QueueRunner({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const userId = useCurrentMe().user.id;
  const { pending } = useSyncQueue(userId, communeId);
  if (!pending) return null;
  return (
    <Tag color="orange" icon={<CloudSyncOutlined />} data-testid="offline-pending">
      {t('training.offline.pending', { count: pending })}
    </Tag>
  );
}

/**
 * The feature's pages side by side under the title: overview, sessions, residents (only for those
 * who record: the page exists for them), teams. Plain links drawn as pills; they wrap on a phone.
 */
export function TrainingNav({ sync = true }: { sync?: boolean }) {
  const { communeId } = useCommune();
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const canRecord = useCan('training.record');
  const links = [
    { to: TRAINING_PATHS.overview, label: t('training.nav.overview'), testId: 'training-nav-overview' },
    { to: TRAINING_PATHS.sessions, label: t('training.nav.sessions'), testId: 'training-nav-sessions' },
    ...(canRecord ? [{ to: TRAINING_PATHS.residents, label: t('training.nav.residents'), testId: 'training-nav-residents' }] : []),
    { to: TRAINING_PATHS.teams, label: t('training.nav.teams'), testId: 'training-nav-teams' },
  ];
  const current = (to: string) => (to === TRAINING_PATHS.overview ? pathname === to : pathname === to || pathname.startsWith(`${to}/`));
  return (
    <nav aria-label={t('training.title')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8}>
        {links.map((l) => {
          const on = current(l.to);
          return (
            <Link
              key={l.to}
              to={l.to}
              aria-current={on ? 'page' : undefined}
              data-testid={l.testId}
              style={{
                display: 'inline-block',
                padding: '4px 12px',
                borderRadius: 16,
                border: `1px solid ${on ? token.colorPrimary : token.colorBorder}`,
                background: on ? token.colorPrimary : token.colorBgContainer,
                color: on ? '#fff' : token.colorText,
                lineHeight: '22px',
              }}
            >
              {l.label}
            </Link>
          );
        })}
        {sync && canRecord && communeId ? <QueueRunner communeId={communeId} /> : null}
      </Flex>
    </nav>
  );
}
