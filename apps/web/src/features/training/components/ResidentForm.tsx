import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, List, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  genders,
  learnerGroups,
  residentInput,
  residentUpdateInput,
  vietnamYear,
  type LearnerGroup,
  type Resident,
  type ResidentCandidate,
} from '@tds/contracts';
import { findDuplicates, useCreateResident, useUpdateResident } from '../api';
import { newOpKey } from '../attendance';
import { duplicateCheckOf, idDigits, idTail } from '../trainingText';
import { isApiError } from '../../../lib/api';
import { blankToNull, selectFilter } from '../../../lib/format';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  villageId?: string;
  fullName: string;
  birthYear: number | null;
  gender?: Resident['gender'];
  phone?: string;
  learnerGroup: LearnerGroup;
  nationalId?: string;
}

/** A possible duplicate as offered: who, and why it may be the same person. */
export type PickedCandidate = Pick<ResidentCandidate, 'id' | 'fullName' | 'birthYear'>;

/**
 * A resident's details: a new one (checked for duplicates: on RESIDENT_DUPLICATE the possible
 * matches are shown, to pick one or to add anyway) or a correction of one (by its version). The
 * national ID is sent only to be compared and never comes back; on a correction a blank keeps it.
 */
export function ResidentForm({
  communeId,
  resident,
  villages,
  villageId,
  initialName,
  submitLabel,
  onSaved,
  onPick,
  onCancel,
  onReload,
  compact,
}: {
  communeId: string;
  /** The resident corrected; none for a new one. */
  resident?: Resident | null;
  /** The villages to choose from (when `villageId` is not fixed). */
  villages: readonly { id: string; name: string }[];
  /** A village set by the screen (a session's): not asked. */
  villageId?: string;
  initialName?: string;
  submitLabel: string;
  onSaved: (r: Resident) => void;
  /** When given, a possible duplicate can be chosen instead of adding a new resident. */
  onPick?: (c: PickedCandidate) => void;
  onCancel: () => void;
  /** After a STALE_VERSION: load the resident again. */
  onReload?: () => void;
  /** The attendance screen's short form: the optional fields under one line. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident(communeId);
  const update = useUpdateResident(communeId);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [candidates, setCandidates] = useState<ResidentCandidate[] | null>(null);
  const [more, setMore] = useState(!compact);
  const opKey = useRef(newOpKey());
  const isEdit = !!resident;
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    setError(null);
    setStale(false);
    setCandidates(null);
    form.resetFields();
    if (resident)
      form.setFieldsValue({
        villageId: resident.villageId,
        fullName: resident.fullName,
        birthYear: resident.birthYear,
        gender: resident.gender,
        phone: resident.phone ?? '',
        learnerGroup: resident.learnerGroup,
        nationalId: '',
      });
    else
      form.setFieldsValue({
        villageId: villageId ?? (villages.length === 1 ? villages[0]!.id : undefined),
        fullName: initialName ?? '',
        learnerGroup: 'residents',
      });
    // The form is filled once per resident shown (and per name typed on the attendance screen).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resident, initialName, villageId]);

  const fail = (e: unknown) => {
    if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
    setError(applyApiError(e, form));
  };

  const body = (v: Values) => ({
    villageId: villageId ?? v.villageId ?? '',
    fullName: (v.fullName ?? '').trim(),
    birthYear: v.birthYear ?? undefined,
    gender: v.gender,
    phone: blankToNull(v.phone),
    learnerGroup: v.learnerGroup ?? 'residents',
  });

  const add = (v: Values, confirmNew: boolean) => {
    const input = validateWith(
      residentInput,
      { ...body(v), nationalId: blankToNull(v.nationalId), opKey: opKey.current, ...(confirmNew ? { confirmNew } : {}) },
      form,
    );
    if (!input) return;
    create.mutate(input, {
      onSuccess: (r) => {
        opKey.current = newOpKey();
        onSaved(r);
      },
      onError: async (e) => {
        if (isApiError(e) && e.code === 'RESIDENT_DUPLICATE') {
          try {
            const found = await findDuplicates(communeId, duplicateCheckOf(input));
            if (found.items.length) {
              setError(null);
              setCandidates(found.items);
              return;
            }
          } catch {
            // The check failing leaves the server's own message, below.
          }
        }
        fail(e);
      },
    });
  };

  const correct = (v: Values) => {
    const nationalId = blankToNull(v.nationalId);
    const input = validateWith(residentUpdateInput, { ...body(v), version: resident!.version, ...(nationalId ? { nationalId } : {}) }, form);
    if (!input) return;
    update.mutate({ id: resident!.id, input }, { onSuccess: onSaved, onError: fail });
  };

  const onFinish = (v: Values) => {
    setError(null);
    setStale(false);
    setCandidates(null);
    if (isEdit) correct(v);
    else add(v, false);
  };

  const sameId = candidates?.some((c) => c.reason === 'national_id') ?? false;
  const thisYear = vietnamYear();

  return (
    <div data-testid="resident-form">
      <SaveErrorAlert
        error={error}
        stale={stale}
        onReload={() => {
          setError(null);
          setStale(false);
          onReload?.();
        }}
      />
      {candidates ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('training.residents.maybe')}
          data-testid="resident-duplicates"
          description={
            <>
              <List
                size="small"
                dataSource={candidates}
                rowKey="id"
                renderItem={(c) => (
                  <List.Item style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }} data-testid="resident-candidate">
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong>{c.fullName}</Typography.Text>{' '}
                      <span>({[String(c.birthYear), c.villageName, idTail(c.idLast4)].filter(Boolean).join(', ')})</span>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`training.residents.reasons.${c.reason}`)}
                      </Typography.Text>
                    </div>
                    {onPick ? (
                      <Button size="small" type="primary" onClick={() => onPick(c)} data-testid="resident-candidate-pick">
                        {t('training.residents.pickThis')}
                      </Button>
                    ) : null}
                  </List.Item>
                )}
              />
              {sameId ? (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{t('training.residents.sameIdHint')}</Typography.Paragraph>
              ) : (
                <Button onClick={() => add(form.getFieldsValue(true) as Values, true)} loading={create.isPending} data-testid="resident-confirm-new">
                  {t('training.residents.addAnyway')}
                </Button>
              )}
            </>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed) => {
          clearErrorsOnChange(form, changed);
          if (candidates) setCandidates(null);
        }}
      >
        <Form.Item name="fullName" label={t('training.residents.fullName')} required>
          <Input maxLength={120} autoComplete="off" autoFocus={compact} data-testid="resident-form-fullName" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="birthYear" label={t('training.residents.birthYear')} required style={{ flex: '1 1 110px' }}>
            <InputNumber
              min={1900}
              max={thisYear}
              precision={0}
              controls={false}
              inputMode="numeric"
              style={{ width: '100%' }}
              data-testid="resident-form-birthYear"
            />
          </Form.Item>
          <Form.Item name="gender" label={t('training.gender')} required style={{ flex: '1 1 180px' }}>
            <Radio.Group optionType="button" options={genders.map((g) => ({ value: g, label: t(`people.genders.${g}`) }))} data-testid="resident-form-gender" />
          </Form.Item>
        </Flex>
        {villageId ? null : (
          <Form.Item name="villageId" label={t('training.village')} required>
            <Select
              showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
              options={villages.map((v) => ({ value: v.id, label: v.name }))}
              data-testid="resident-form-village"
            />
          </Form.Item>
        )}
        {more ? (
          <>
            <Form.Item name="learnerGroup" label={t('training.learnerGroup')}>
              <Select options={learnerGroups.map((g) => ({ value: g, label: t(`training.learnerGroups.${g}`) }))} data-testid="resident-form-group" />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="phone" label={t('training.residents.phone')} style={{ flex: '1 1 150px' }}>
                <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="resident-form-phone" />
              </Form.Item>
              <Form.Item
                name="nationalId"
                label={t('training.residents.nationalId')}
                getValueFromEvent={(e: React.ChangeEvent<HTMLInputElement>) => idDigits(e.target.value)}
                extra={
                  isEdit && resident?.idLast4
                    ? t('training.residents.nationalIdKept', { tail: idTail(resident.idLast4) })
                    : t('training.residents.nationalIdHint')
                }
                style={{ flex: '1 1 170px' }}
              >
                <Input maxLength={12} inputMode="numeric" autoComplete="off" data-testid="resident-form-nationalId" />
              </Form.Item>
            </Flex>
          </>
        ) : (
          <Button
            type="link"
            style={{ paddingInline: 0, marginBottom: 12, whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
            onClick={() => setMore(true)}
            data-testid="resident-form-more"
          >
            {t('training.residents.moreFields')}
          </Button>
        )}
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="resident-form-submit">
            {submitLabel}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
