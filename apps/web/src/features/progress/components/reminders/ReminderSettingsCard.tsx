import { useEffect } from 'react';
import { Button, Card, Checkbox, Flex, Form, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifyChannelNames, reminderSettingsInput, type ReminderSettings } from '@tds/contracts';
import { useReminderSettings, useSaveReminderSettings } from '../../api';
import { OffsetTagsInput } from './OffsetTagsInput';
import { useSaveFeedback } from '../../../../lib/save-feedback';
import { validateWith } from '../../../../lib/forms';
import { formatDateTimeVi } from '../../../../lib/format';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { SaveErrorAlert } from '../../../../components/ui/SaveErrorAlert';

interface Values {
  offsets: number[];
  channels: string[];
  recipients: ('notifyFocalPoints' | 'notifyAdmins')[];
  enabled: boolean;
}

function toValues(s: ReminderSettings): Values {
  const recipients: Values['recipients'] = [];
  if (s.notifyFocalPoints) recipients.push('notifyFocalPoints');
  if (s.notifyAdmins) recipients.push('notifyAdmins');
  return { offsets: s.offsets, channels: s.channels, recipients, enabled: s.enabled };
}

/** The commune's reminder settings: offsets, channels, recipients, on/off; saved with the version read. */
export function ReminderSettingsCard({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const settings = useReminderSettings(communeId);
  const save = useSaveReminderSettings(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const s = settings.data;

  useEffect(() => {
    if (s) form.setFieldsValue(toValues(s));
  }, [s, form]);

  const onFinish = (v: Values) => {
    reset();
    const input = validateWith(
      reminderSettingsInput,
      {
        offsets: v.offsets ?? [],
        channels: v.channels ?? [],
        notifyFocalPoints: v.recipients?.includes('notifyFocalPoints') ?? false,
        notifyAdmins: v.recipients?.includes('notifyAdmins') ?? false,
        enabled: !!v.enabled,
        version: s?.version ?? 0,
      },
      form,
    );
    if (!input) return;
    save.mutate(
      input,
      feedback.callbacks(true, () => undefined),
    );
  };

  const available = new Set(s?.availableChannels ?? []);
  return (
    <Card size="small" title={t('progress.reminders.settings')} data-testid="reminder-settings">
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.isPending ? <Skeleton active /> : null}
      <SaveErrorAlert
        error={error}
        stale={stale}
        onReload={() => {
          reset();
          void settings.refetch().then((r) => r.data && form.setFieldsValue(toValues(r.data)));
        }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange} hidden={!s}>
        <Form.Item name="enabled" label={t('progress.reminders.enabled')} valuePropName="checked">
          <Switch data-testid="reminder-enabled" />
        </Form.Item>
        <Form.Item name="offsets" label={t('progress.reminders.offsets')} extra={t('progress.reminders.offsetsHint')}>
          <OffsetTagsInput />
        </Form.Item>
        <Form.Item name="channels" label={t('progress.reminders.channels')}>
          <Checkbox.Group data-testid="reminder-channels">
            <Flex vertical gap={4}>
              {notifyChannelNames.map((c) => (
                <Checkbox key={c} value={c} disabled={!available.has(c) && !s?.channels.includes(c)} data-testid={`reminder-channel-${c}`}>
                  {t(`progress.reminders.channelNames.${c}`)}
                  {available.has(c) ? null : <Typography.Text type="secondary"> ({t('progress.reminders.channelUnavailable')})</Typography.Text>}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="recipients" label={t('progress.reminders.recipients')}>
          <Checkbox.Group>
            <Flex vertical gap={4}>
              <Checkbox value="notifyFocalPoints" data-testid="reminder-focal-points">
                {t('progress.reminders.notifyFocalPoints')}
              </Checkbox>
              <Checkbox value="notifyAdmins" data-testid="reminder-admins">
                {t('progress.reminders.notifyAdmins')}
              </Checkbox>
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s && s.version === 0 ? t('progress.reminders.defaultsHint') : null}
            {s && s.version > 0 && s.updatedAt ? t('progress.reminders.lastSaved', { time: formatDateTimeVi(s.updatedAt), version: s.version }) : null}
          </Typography.Text>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reminder-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
