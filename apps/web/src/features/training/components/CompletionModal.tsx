import { useEffect } from 'react';
import { App as AntApp, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { completionInput, todayVn, type Resident } from '@tds/contracts';
import { useAddCompletion, useSkillModules } from '../api';
import { residentLabel } from './ResidentPicker';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso, selectFilter } from '../../../lib/format';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';

interface Values {
  moduleCode?: string;
  certificateNo: string;
  completedOn: Dayjs | null;
}

/** A module completed on the national learning platform, recorded by its certificate number. */
export function CompletionModal({ communeId, resident, onClose }: { communeId: string; resident: Resident | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const modules = useSkillModules(communeId);
  const add = useAddCompletion(communeId);
  const done = new Set(resident?.completedModules ?? []);

  useEffect(() => {
    if (resident) form.resetFields();
  }, [resident, form]);

  const onFinish = (v: Values) => {
    if (!resident) return;
    const input = validateWith(
      completionInput,
      { moduleCode: v.moduleCode ?? '', certificateNo: (v.certificateNo ?? '').trim(), completedOn: dayjsToIso(v.completedOn) ?? '' },
      form,
    );
    if (!input) return;
    add.mutate(
      { id: resident.id, input },
      {
        onSuccess: () => {
          void message.success(t('training.completion.done'));
          onClose();
        },
        onError: (e) => {
          const text = applyApiError(e, form);
          void message.error(text);
        },
      },
    );
  };

  const today = dayjs(todayVn());
  return (
    <Modal
      open={!!resident}
      title={t('training.completion.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'completion-ok' }}
      cancelText={t('common.cancel')}
      forceRender
    >
      {resident ? <Typography.Paragraph>{residentLabel(resident)}</Typography.Paragraph> : null}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} onValuesChange={(c) => clearErrorsOnChange(form, c)}>
        <Form.Item name="moduleCode" label={t('training.module')} required>
          <Select
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            options={(modules.data?.items ?? []).map((m) => ({ value: m.code, label: m.name, disabled: done.has(m.code) }))}
            data-testid="completion-module"
          />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('training.completion.certificateNo')} required>
          <Input maxLength={60} autoComplete="off" data-testid="completion-certificate" />
        </Form.Item>
        <Form.Item name="completedOn" label={t('training.completion.completedOn')} required>
          <DatePicker
            format={DATE_FORMAT}
            placeholder={DATE_PLACEHOLDER}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(today, 'day')}
            data-testid="completion-date"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
