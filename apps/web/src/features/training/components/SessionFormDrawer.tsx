import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { todayVn, trainingSessionInput, type TrainingSession } from '@tds/contracts';
import { useCreateSession, useSkillModules, useTeams } from '../api';
import { newOpKey } from '../attendance';
import { recordTeams } from '../trainingText';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso, isoToDayjs, selectFilter } from '../../../lib/format';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  teamId?: string;
  villageId?: string;
  date: Dayjs | null;
  startTime: Dayjs | null;
  place: string;
  moduleCodes: string[];
  trainers: string[];
}

/**
 * A new session of a team the user records for, in a village it serves. Its operation key is made
 * when the form opens and kept until it is saved, so a double tap or a retry makes one session.
 */
export function SessionFormDrawer({
  communeId,
  open,
  onClose,
  onCreated,
}: {
  communeId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (s: TrainingSession) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const teams = useTeams(communeId);
  const modules = useSkillModules(communeId);
  const save = useCreateSession(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const opKey = useRef(newOpKey());
  const mine = useMemo(() => recordTeams(teams.data?.items), [teams.data]);
  const teamId = Form.useWatch('teamId', form);
  const team = mine.find((x) => x.unitId === teamId);

  useEffect(() => {
    if (!open) return;
    reset();
    opKey.current = newOpKey();
    form.resetFields();
    form.setFieldsValue({ date: isoToDayjs(todayVn()), moduleCodes: [], trainers: [] });
  }, [open, form, reset]);

  // One team (a village's team member): chosen for them, with its village.
  useEffect(() => {
    if (open && !form.getFieldValue('teamId') && mine.length === 1) {
      const only = mine[0]!;
      form.setFieldsValue({ teamId: only.unitId, villageId: only.villages.length === 1 ? only.villages[0]!.id : undefined });
    }
  }, [open, mine, form]);

  const moduleOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const m of modules.data?.items ?? []) {
      const list = groups.get(m.groupName) ?? [];
      list.push({ value: m.code, label: m.name });
      groups.set(m.groupName, list);
    }
    return [...groups.entries()].map(([label, options]) => ({ label, title: label, options }));
  }, [modules.data]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      teamId: v.teamId ?? '',
      villageId: v.villageId ?? '',
      date: dayjsToIso(v.date) ?? '',
      startTime: v.startTime ? v.startTime.format('HH:mm') : null,
      place: (v.place ?? '').trim(),
      moduleCodes: v.moduleCodes ?? [],
      trainers: (v.trainers ?? []).map((x) => x.trim()).filter(Boolean),
      opKey: opKey.current,
    };
    const input = validateWith(trainingSessionInput, body, form);
    if (!input) return;
    save.mutate(input, {
      onSuccess: (s) => onCreated(s),
      onError: feedback.callbacks(false, onClose).onError,
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('training.sessions.create')}
      size={screens.md ? 520 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} disabled={mine.length === 0} data-testid="session-form-submit">
            {t('training.sessions.createSubmit')}
          </Button>
        </Flex>
      }
    >
      {teams.data && mine.length === 0 ? <Alert type="info" showIcon title={t('training.sessions.noTeam')} style={{ marginBottom: 16 }} /> : null}
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          feedback.onValuesChange(changed);
          if ('teamId' in changed) {
            const vs = mine.find((x) => x.unitId === changed.teamId)?.villages ?? [];
            form.setFieldsValue({ villageId: vs.length === 1 ? vs[0]!.id : undefined });
          }
        }}
      >
        <Form.Item name="teamId" label={t('training.team')} required>
          <Select options={mine.map((x) => ({ value: x.unitId, label: x.name }))} loading={teams.isPending} data-testid="session-form-team" />
        </Form.Item>
        <Form.Item name="villageId" label={t('training.village')} required>
          <Select options={(team?.villages ?? []).map((v) => ({ value: v.id, label: v.name }))} data-testid="session-form-village" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="date" label={t('training.sessions.date')} required style={{ flex: '1 1 150px' }}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="session-form-date" />
          </Form.Item>
          <Form.Item name="startTime" label={t('training.sessions.startTime')} style={{ flex: '1 1 120px' }}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder="hh:mm" style={{ width: '100%' }} data-testid="session-form-time" />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('training.sessions.place')} required>
          <Input maxLength={200} placeholder={t('training.sessions.placeHint')} data-testid="session-form-place" />
        </Form.Item>
        <Form.Item name="moduleCodes" label={t('training.sessions.modules')} required>
          <Select
            mode="multiple"
            options={moduleOptions}
            loading={modules.isPending}
            showSearch={{ filterOption: (input, option) => selectFilter(input, option as { label?: unknown }) }}
            placeholder={t('training.sessions.modulesHint')}
            data-testid="session-form-modules"
          />
        </Form.Item>
        <Form.Item name="trainers" label={t('training.sessions.trainers')} extra={t('training.sessions.trainersHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', ';']}
            options={(team?.members ?? []).map((m) => ({ value: m.fullName, label: m.fullName }))}
            data-testid="session-form-trainers"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
