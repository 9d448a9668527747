import { Flex, theme } from 'antd';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/session';
import { TRAINING_PATHS } from '../paths';

/**
 * The feature's pages side by side under the title: overview, sessions, residents (only for those
 * who record: the page exists for them), teams. Plain links drawn as pills; they wrap on a phone.
 */
export function TrainingNav() {
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
      </Flex>
    </nav>
  );
}
