import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { NoCommune } from '../../../components/ui/Forbidden';
import { ReminderSettingsCard } from '../components/reminders/ReminderSettingsCard';
import { OutboxCard } from '../components/reminders/OutboxCard';

/** Reminder settings and the outbox (notify.manage). */
export default function RemindersPage() {
  const { t } = useTranslation();
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return (
    <div key={communeId}>
      <PageHeader title={t('progress.reminders.title')} subtitle={commune?.name} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <ReminderSettingsCard communeId={communeId} />
        </Col>
        <Col xs={24} lg={15}>
          <OutboxCard communeId={communeId} />
        </Col>
      </Row>
    </div>
  );
}
