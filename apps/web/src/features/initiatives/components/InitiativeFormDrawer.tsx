import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  initiativeDomains,
  initiativeEffectKinds,
  initiativeInput,
  initiativeScopes,
  initiativeUpdateInput,
  type Initiative,
  type InitiativeEffectKind,
} from '@tds/contracts';
import type { Dayjs } from 'dayjs';
import { useSaveInitiative } from '../api';
import { usePeople } from '../../people';
import { filterUnitNode, unitTreeSelectData, type UnitTreeItem } from '../../org';
import { DATE_FORMAT, dayjsToIso, isoToDayjs } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { newOpKey } from '../../../lib/op-key';
import { useDebounced } from '../../../lib/hooks';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  title: string;
  unitId: string;
  domain: string;
  description: string;
  firstAppliedOn: Dayjs | null;
  scope: string;
  authors: string[];
  effects: { kind: InitiativeEffectKind; text: string; amount: number | null }[];
}

/** A person of the list is `p:<id>` in the authors' picker; anything else is a name typed in. */
const PERSON = 'p:';

/** Register or edit an initiative: title, unit, field, authors (people of the list or names typed in), effects. */
export function InitiativeFormDrawer({
  communeId,
  open,
  initiative,
  units,
  onClose,
  onSaved,
}: {
  communeId: string;
  open: boolean;
  initiative: Initiative | null;
  units: UnitTreeItem[] | undefined;
  onClose: () => void;
  onSaved?: (i: Initiative) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveInitiative(communeId);
  const feedback = useSaveFeedback(form, (field) =>
    field.startsWith('authors') ? ['authors'] : field.split('.').map((p) => (/^\d+$/u.test(p) ? Number(p) : p)),
  );
  const { error, stale, reset } = feedback;
  const [q, setQ] = useState('');
  const people = usePeople(open ? communeId : null, { page: 1, pageSize: 20, q: useDebounced(q, 250) || undefined });
  const [known, setKnown] = useState<Map<string, string>>(new Map());

  // One key per opening of the form: a save retried (a double click, a lost answer) registers once.
  const opKey = useRef(newOpKey());
  useEffect(() => {
    if (!open) return;
    opKey.current = newOpKey();
    reset();
    form.resetFields();
    const i = initiative;
    const names = new Map<string, string>();
    if (i) {
      for (const a of i.authors) if (a.personId) names.set(`${PERSON}${a.personId}`, a.unitName ? `${a.fullName} (${a.unitName})` : a.fullName);
      form.setFieldsValue({
        title: i.title,
        unitId: i.unitId,
        domain: i.domain,
        description: i.description ?? '',
        firstAppliedOn: isoToDayjs(i.firstAppliedOn),
        scope: i.scope,
        authors: i.authors.map((a) => (a.personId ? `${PERSON}${a.personId}` : a.fullName)),
        effects: i.effects.map((e) => ({ ...e })),
      });
    } else form.setFieldsValue({ scope: 'unit', effects: [], authors: [] });
    setKnown(names);
  }, [open, initiative, form, reset]);

  const unitData = useMemo(() => unitTreeSelectData(units, { keep: initiative?.unitId ?? null }), [units, initiative?.unitId]);
  const options = useMemo(() => {
    const found = (people.data?.items ?? []).map((p) => ({ value: `${PERSON}${p.id}`, label: `${p.fullName} (${p.unitName})` }));
    const seen = new Set(found.map((o) => o.value));
    return [...found, ...[...known].filter(([v]) => !seen.has(v)).map(([value, label]) => ({ value, label }))];
  }, [people.data, known]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      title: (v.title ?? '').trim(),
      unitId: v.unitId,
      domain: v.domain,
      description: (v.description ?? '').trim() || undefined,
      firstAppliedOn: dayjsToIso(v.firstAppliedOn),
      scope: v.scope,
      authors: (v.authors ?? []).map((a) => (a.startsWith(PERSON) ? { personId: a.slice(PERSON.length) } : { fullName: a.trim() })),
      effects: (v.effects ?? []).filter((e) => e?.kind && e.text?.trim()).map((e) => ({ kind: e.kind, text: e.text.trim(), amount: e.amount ?? null })),
    };
    const input = initiative
      ? validateWith(initiativeUpdateInput, { ...body, version: initiative.version }, form)
      : validateWith(initiativeInput, { ...body, opKey: opKey.current }, form);
    if (!input) return;
    const cb = feedback.callbacks(!!initiative, onClose);
    save.mutate(
      { id: initiative?.id, input },
      {
        onSuccess: (r) => {
          cb.onSuccess();
          if (r) onSaved?.(r);
        },
        onError: cb.onError,
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={initiative ? t('initiatives.edit') : t('initiatives.create')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="initiative-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="title" label={t('initiatives.fields.title')} required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} data-testid="initiative-form-title" />
        </Form.Item>
        <Form.Item name="unitId" label={t('initiatives.fields.unit')} required>
          <TreeSelect showSearch treeDefaultExpandAll treeData={unitData} filterTreeNode={filterUnitNode} data-testid="initiative-form-unit" />
        </Form.Item>
        <Form.Item name="authors" label={t('initiatives.fields.authors')} required extra={t('initiatives.fields.authorsHelp')}>
          <Select
            mode="tags"
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={options}
            onChange={(vals: string[]) => {
              const next = new Map(known);
              for (const v of vals) {
                const o = options.find((x) => x.value === v);
                if (o) next.set(v, o.label);
              }
              setKnown(next);
            }}
            tokenSeparators={[';']}
            data-testid="initiative-form-authors"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="domain" label={t('initiatives.fields.domain')} required style={{ flex: '1 1 200px' }}>
            <Select options={initiativeDomains.map((d) => ({ value: d, label: t(`initiatives.domains.${d}`) }))} data-testid="initiative-form-domain" />
          </Form.Item>
          <Form.Item name="scope" label={t('initiatives.fields.scope')} style={{ flex: '1 1 160px' }}>
            <Select options={initiativeScopes.map((s) => ({ value: s, label: t(`initiatives.scopes.${s}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="firstAppliedOn" label={t('initiatives.fields.firstAppliedOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="initiative-form-firstApplied" />
        </Form.Item>
        <Form.Item name="description" label={t('initiatives.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
        </Form.Item>
        <Form.List name="effects">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              <strong>{t('initiatives.fields.effects')}</strong>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'kind']} style={{ flex: '1 1 150px', marginBottom: 8 }}>
                    <Select options={initiativeEffectKinds.map((k) => ({ value: k, label: t(`initiatives.effectKinds.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                    <Input maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} style={{ flex: '1 1 110px', marginBottom: 8 }}>
                    <InputNumber min={0} style={{ width: '100%' }} placeholder={t('initiatives.fields.amount')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('initiatives.delete')}</Button>
                </Flex>
              ))}
              {fields.length < 3 ? (
                <Button type="dashed" onClick={() => add({ kind: initiativeEffectKinds[fields.length] ?? 'social', text: '' })}>
                  {t('common.create')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
