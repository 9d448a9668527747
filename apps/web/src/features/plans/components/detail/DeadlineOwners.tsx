import { Alert, Card, Checkbox, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../api';

type Owners = PublishResult['deadlines'][number];

/** Who owes each deadline: the units by name, or the commune itself (owed upward). */
export function DeadlineOwners({
  result,
  acceptUnreached,
  onAcceptUnreached,
}: {
  result: PublishResult;
  acceptUnreached: boolean;
  onAcceptUnreached: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  if (result.deadlines.length === 0) return null;
  return (
    <Card size="small" title={t('plans.publishModal.owners')} style={{ marginBottom: 12 }} data-testid="publish-owners">
      <List<Owners>
        size="small"
        dataSource={result.deadlines}
        renderItem={(d) => (
          <List.Item style={{ display: 'block' }} data-testid="publish-owner">
            <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
              {d.what} <Typography.Text type="secondary">({d.text})</Typography.Text>
            </Typography.Text>
            {d.owner === 'commune' ? (
              <Tag color="purple">{t('plans.publishModal.communeOwes')}</Tag>
            ) : d.units === 0 ? (
              <Tag color="red">{t('plans.publishModal.noUnits')}</Tag>
            ) : (
              <>
                {d.how === 'unread' ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ margin: '4px 0' }}
                    data-testid="publish-owner-unread"
                    title={t('plans.publishModal.unreadUnits', { from: d.from ?? '', count: d.units })}
                  />
                ) : null}
                <Typography.Paragraph
                  style={{ marginBottom: 0, overflowWrap: 'anywhere' }}
                  ellipsis={{ rows: 3, expandable: true, symbol: t('plans.publishModal.showAll') }}
                >
                  <Typography.Text type="secondary">
                    {t(d.how === 'named' ? 'plans.publishModal.namedUnits' : 'plans.publishModal.allUnits', { count: d.units })}:{' '}
                  </Typography.Text>
                  {d.unitNames.join(', ')}
                  {d.units > d.unitNames.length ? ` … (+${d.units - d.unitNames.length})` : ''}
                </Typography.Paragraph>
              </>
            )}
          </List.Item>
        )}
      />
      {result.unreached > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('plans.publishModal.unreached', { count: result.unreached })}
          description={
            <Checkbox checked={acceptUnreached} onChange={(e) => onAcceptUnreached(e.target.checked)} data-testid="publish-accept-unreached">
              {t('plans.publishModal.acceptUnreached')}
            </Checkbox>
          }
        />
      ) : null}
    </Card>
  );
}
