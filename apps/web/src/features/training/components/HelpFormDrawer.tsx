import { useEffect, useMemo, useRef } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { helpInput, helpTypes, todayVn, type HelpType } from '@tds/contracts';
import { useLogHelp, useTeams } from '../api';
import { newOpKey } from '../attendance';
import { recordTeams } from '../trainingText';
import { ResidentPicker } from './ResidentPicker';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso, isoToDayjs, blankToNull } from '../../../lib/format';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  teamId?: string;
  villageId?: string;
  date: Dayjs | null;
  type?: HelpType;
  who: 'resident' | 'count';
  residentId?: string | null;
  count?: number | null;
  note?: string;
}

/**
 * Help a team gave, logged once (its operation key is kept until it is saved): to one resident, or
 * as a number of people for the day. VNeID level 2 is counted per person, so it asks for the resident.
 */
export function HelpFormDrawer({
  communeId,
  open,
  onClose,
  preset,
}: {
  communeId: string;
  open: boolean;
  onClose: () => void;
  /** From a session: its team, village and date. */
  preset?: { teamId: string; villageId: string; date: string };
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const teams = useTeams(communeId);
  const save = useLogHelp(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const opKey = useRef(newOpKey());
  const mine = useMemo(() => recordTeams(teams.data?.items), [teams.data]);
  const teamId = Form.useWatch('teamId', form);
  const villageId = Form.useWatch('villageId', form);
  const type = Form.useWatch('type', form);
  const who = Form.useWatch('who', form);
  const villages = mine.find((x) => x.unitId === teamId)?.villages ?? [];
  const perPerson = type === 'vneid_level2';

  useEffect(() => {
    if (!open) return;
    reset();
    opKey.current = newOpKey();
    form.resetFields();
    const only = mine.length === 1 ? mine[0] : undefined;
    form.setFieldsValue({
      teamId: preset?.teamId ?? only?.unitId,
      villageId: preset?.villageId ?? (only?.villages.length === 1 ? only.villages[0]!.id : undefined),
      date: isoToDayjs(preset?.date ?? todayVn()),
      who: 'resident',
    });
    // Only when the drawer opens (the teams may arrive later: see below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (open && !form.getFieldValue('teamId') && mine.length === 1) {
      form.setFieldsValue({ teamId: mine[0]!.unitId, villageId: mine[0]!.villages.length === 1 ? mine[0]!.villages[0]!.id : undefined });
    }
  }, [open, mine, form]);

  useEffect(() => {
    if (perPerson && who === 'count') form.setFieldsValue({ who: 'resident', count: null });
  }, [perPerson, who, form]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      teamId: v.teamId ?? '',
      villageId: v.villageId ?? '',
      date: dayjsToIso(v.date) ?? '',
      type: v.type,
      residentId: v.who === 'resident' ? (v.residentId ?? null) : null,
      count: v.who === 'count' ? (v.count ?? null) : null,
      note: blankToNull(v.note),
      opKey: opKey.current,
    };
    // The schema's "one resident or a count" names `count`: say it on the field shown.
    if (v.who === 'resident' && !v.residentId) {
      form.setFields([{ name: 'residentId', errors: [t('training.help.pickResident')] }]);
      return;
    }
    const input = validateWith(helpInput, body, form);
    if (!input) return;
    save.mutate(input, feedback.callbacks(false, onClose));
  };

  const today = dayjs(todayVn());
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('training.help.title')}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="help-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          feedback.onValuesChange(changed);
          if ('teamId' in changed) {
            const vs = mine.find((x) => x.unitId === changed.teamId)?.villages ?? [];
            form.setFieldsValue({ villageId: vs.length === 1 ? vs[0]!.id : undefined, residentId: null });
          }
          if ('villageId' in changed) form.setFieldsValue({ residentId: null });
        }}
      >
        <Form.Item name="teamId" label={t('training.team')} required>
          <Select options={mine.map((x) => ({ value: x.unitId, label: x.name }))} loading={teams.isPending} data-testid="help-team" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="villageId" label={t('training.village')} required style={{ flex: '1 1 160px' }}>
            <Select options={villages.map((v) => ({ value: v.id, label: v.name }))} data-testid="help-village" />
          </Form.Item>
          <Form.Item name="date" label={t('training.help.date')} required style={{ flex: '1 1 140px' }}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={DATE_PLACEHOLDER}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(today, 'day') || d.isBefore(dayjs('2025-01-01'), 'day')}
              data-testid="help-date"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="type" label={t('training.help.type')} required>
          <Select options={helpTypes.map((h) => ({ value: h, label: t(`training.helpTypes.${h}`) }))} data-testid="help-type" />
        </Form.Item>
        <Form.Item name="who" label={t('training.help.who')} extra={perPerson ? t('training.help.perPersonHint') : undefined}>
          <Radio.Group
            options={[
              { value: 'resident', label: t('training.help.oneResident') },
              { value: 'count', label: t('training.help.aCount'), disabled: perPerson },
            ]}
            data-testid="help-who"
          />
        </Form.Item>
        {who === 'count' ? (
          <Form.Item name="count" label={t('training.help.count')} required>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="help-count" />
          </Form.Item>
        ) : (
          <Form.Item name="residentId" label={t('training.resident')} required>
            <ResidentPicker communeId={communeId} villageId={villageId} testId="help-resident" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('training.help.note')}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="help-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
