import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InitiativeSummary } from '@tds/contracts';
import { useInitiatives } from '../api';
import { isApiError } from '../../../lib/api';
import { formatDateVi } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';

/** How many initiatives the card shows; "Xem tất cả" opens the register filtered to the rest. */
const CARD_SIZE = 5;

/**
 * A person's initiatives (they are one of the authors) or a unit's (it submitted them), newest
 * first, each linking to its page; shown only to those who read the register (a refusal hides it).
 */
export default function InitiativesCard({ communeId, personId, unitId }: { communeId: string; personId?: string; unitId?: string }) {
  const { t } = useTranslation();
  const mayRead = useCan('initiative.read');
  const list = useInitiatives(communeId, { page: 1, pageSize: CARD_SIZE, personId, unitId }, { enabled: mayRead && !!(personId || unitId) });
  // Not this commune's reader (403), or the person or unit is not there (404): nothing to show.
  if (!mayRead || (isApiError(list.error) && (list.error.status === 403 || list.error.status === 404))) return null;
  const data = list.isPlaceholderData ? undefined : list.data;
  const filter = personId ? `personId=${encodeURIComponent(personId)}` : `unitId=${encodeURIComponent(unitId ?? '')}`;
  const level = (i: InitiativeSummary) =>
    i.recognizedLevel ? <Tag color="green">{t(`initiatives.levels.${i.recognizedLevel}`)}</Tag> : <Tag>{t('initiatives.recognizedNo')}</Tag>;
  return (
    <Card size="small" title={t('initiatives.title')} data-testid="initiatives-card" style={{ marginTop: 16 }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <List<InitiativeSummary>
        size="small"
        loading={!data && !list.error}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: t('initiatives.onPage.empty') }}
        renderItem={(i) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="initiatives-card-item">
            <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Link to={`/initiatives?open=${encodeURIComponent(i.id)}`} data-testid="initiatives-card-link">
                {i.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`initiatives.domains.${i.domain}`)}
                {i.firstAppliedOn ? ` · ${t('initiatives.onPage.firstApplied', { date: formatDateVi(i.firstAppliedOn) })}` : ''}
              </Typography.Text>
              <span>{level(i)}</span>
            </Flex>
          </List.Item>
        )}
      />
      {data && data.total > 0 ? (
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Link to={`/initiatives?${filter}`} data-testid="initiatives-card-all">
            {t('initiatives.onPage.seeAll', { count: data.total })}
          </Link>
        </Flex>
      ) : null}
    </Card>
  );
}
