import { useEffect } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { trainingTeamInput, type TrainingTeam } from '@tds/contracts';
import { useSaveTeam } from '../api';
import { DATE_FORMAT, DATE_PLACEHOLDER, blankToNull, dayjsToIso, isoToDayjs, selectFilter } from '../../../lib/format';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  decisionNo: string;
  decisionDate: Dayjs | null;
  villageIds: string[];
}

/** A team's founding decision (number, date) and the villages it serves. */
export function TeamFormDrawer({
  communeId,
  team,
  villages,
  onClose,
}: {
  communeId: string;
  team: TrainingTeam | null;
  villages: readonly { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveTeam(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;

  useEffect(() => {
    if (!team) return;
    reset();
    form.setFieldsValue({ decisionNo: team.decisionNo ?? '', decisionDate: isoToDayjs(team.decisionDate), villageIds: team.villages.map((v) => v.id) });
  }, [team, form, reset]);

  const onFinish = (v: Values) => {
    if (!team) return;
    reset();
    const input = validateWith(
      trainingTeamInput,
      { decisionNo: blankToNull(v.decisionNo), decisionDate: dayjsToIso(v.decisionDate), villageIds: v.villageIds ?? [] },
      form,
    );
    if (!input) return;
    save.mutate({ unitId: team.unitId, input }, feedback.callbacks(true, onClose));
  };

  return (
    <Drawer
      open={!!team}
      onClose={onClose}
      title={team ? t('training.teams.editTitle', { name: team.name }) : ''}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="team-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Flex gap={12} wrap>
          <Form.Item name="decisionNo" label={t('training.teams.decisionNo')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={60} placeholder={t('training.teams.decisionNoHint')} data-testid="team-form-decisionNo" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('training.teams.decisionDate')} style={{ flex: '1 1 140px' }}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="team-form-decisionDate" />
          </Form.Item>
        </Flex>
        <Form.Item name="villageIds" label={t('training.teams.villages')} extra={t('training.teams.villagesHint')}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            data-testid="team-form-villages"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
