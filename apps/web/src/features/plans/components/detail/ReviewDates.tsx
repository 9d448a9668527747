import { App as AntApp, Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '@tds/contracts';
import { formatDateVi } from '../../../../lib/format';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { useUpdatePlan, type PublishResult } from '../../api';

/** Whether publishing still waits for dates: an undated deadline, or a review day that is only a default. */
export function datesPending(r: PublishResult): boolean {
  return r.undated.length > 0 || r.reviews.some((v) => v.isDefault);
}

/**
 * The publish preview's dates: each review with the day its reports are due (a default until
 * confirmed; one click confirms the defaults as a new plan version), and the deadlines that still
 * need a date (chosen in the plan's form).
 */
export function ReviewDates({ communeId, plan, result }: { communeId: string; plan: PlanDetail; result: PublishResult }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const update = useUpdatePlan(communeId, plan.id);
  if (result.reviews.length === 0 && result.undated.length === 0) return null;
  const defaults = result.reviews.filter((v) => v.isDefault);
  const confirmDefaults = () => {
    const milestones = plan.doc.milestones.map((m, i) => {
      const v = result.reviews.find((x) => x.index === i);
      return v ? { ...m, dueDate: v.dueDate, confirmed: true } : m;
    });
    update.mutate(
      { doc: { ...plan.doc, milestones }, version: plan.version, note: t('plans.publishModal.confirmedDefaults') },
      { onSuccess: () => void message.success(t('plans.publishModal.confirmedDefaults')) },
    );
  };
  return (
    <Card size="small" title={t('plans.publishModal.reviews')} style={{ marginBottom: 12 }} data-testid="publish-reviews">
      <List
        size="small"
        dataSource={result.reviews}
        renderItem={(v) => (
          <List.Item data-testid="publish-review" style={{ paddingInline: 0 }}>
            <Flex wrap gap={8} align="center">
              <span>
                {t('plans.publishModal.reviewLine', {
                  kind: t(`plans.milestoneKinds.${v.kind}`),
                  year: v.year,
                  date: formatDateVi(v.dueDate),
                  count: v.units,
                })}
              </span>
              <Tag color={v.isDefault ? 'warning' : 'success'}>
                {t(v.isDefault ? 'plans.publishModal.reviewIsDefault' : 'plans.publishModal.reviewIsConfirmed')}
              </Tag>
            </Flex>
          </List.Item>
        )}
      />
      {result.undated.length > 0 ? (
        <div data-testid="publish-undated" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('plans.publishModal.undated')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {result.undated.map((u) => (
              <li key={u.index}>
                {u.what} <Typography.Text type="secondary">({u.text})</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {datesPending(result) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('plans.publishModal.datesNeeded')}
          action={
            <Flex vertical gap={6}>
              {defaults.length > 0 ? (
                <Button size="small" type="primary" loading={update.isPending} onClick={confirmDefaults} data-testid="publish-confirm-dates">
                  {t('plans.publishModal.confirmDefaults')}
                </Button>
              ) : null}
              <Link to={`/plans/${plan.id}/edit#plan-section-timeline`}>{t('plans.publishModal.editDates')}</Link>
            </Flex>
          }
        />
      ) : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
    </Card>
  );
}
