import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '@tds/contracts';
import { useModels } from '../api';
import { modelPeriod } from '../period';
import { isApiError } from '../../../lib/api';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';

/** How many models the card shows; "Xem tất cả" opens the list filtered to the rest. */
const CARD_SIZE = 5;

/**
 * A unit's exemplary models (its collective ones and those of its people), newest first, each
 * linking to its page; shown only to those who read the models (a refusal hides it).
 */
export default function ModelsCard({ communeId, unitId }: { communeId: string; unitId: string }) {
  const { t } = useTranslation();
  const mayRead = useCan('model.read');
  const list = useModels(communeId, { page: 1, pageSize: CARD_SIZE, unitId }, { enabled: mayRead });
  // Not this commune's reader (403), or the unit is not there (404): nothing to show.
  if (!mayRead || (isApiError(list.error) && (list.error.status === 403 || list.error.status === 404))) return null;
  const data = list.isPlaceholderData ? undefined : list.data;
  return (
    <Card size="small" title={t('models.title')} data-testid="models-card" style={{ marginTop: 16 }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <List<ModelSummary>
        size="small"
        loading={!data && !list.error}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: t('models.onPage.empty') }}
        renderItem={(m) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="models-card-item">
            <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Link to={`/models?open=${encodeURIComponent(m.id)}`} data-testid="models-card-link">
                {m.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.personName ? `${m.personName} · ` : ''}
                {modelPeriod(m)}
              </Typography.Text>
              <span>
                <Tag color={m.status === 'published' ? 'green' : undefined}>{t(`models.statuses.${m.status}`)}</Tag>
              </span>
            </Flex>
          </List.Item>
        )}
      />
      {data && data.total > 0 ? (
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Link to={`/models?unitId=${encodeURIComponent(unitId)}`} data-testid="models-card-all">
            {t('models.onPage.seeAll', { count: data.total })}
          </Link>
        </Flex>
      ) : null}
    </Card>
  );
}
