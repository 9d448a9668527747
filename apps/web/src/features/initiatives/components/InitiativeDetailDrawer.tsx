import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, List, Popconfirm, Select, Skeleton, Tag, Upload } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { recognitionInput, recognitionKinds, recognitionLevels, type Initiative } from '@tds/contracts';
import type { Dayjs } from 'dayjs';
import { downloadInitiativeFile, useAttachFile, useDeleteFile, useDeleteInitiative, useDeleteRecognition, useInitiative, useRecognize } from '../api';
import { DATE_FORMAT, dayjsToIso, formatDateVi, formatNumber } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { errorText } from '../../../lib/errors';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface RecValues {
  kind: string;
  number: string;
  date: Dayjs | null;
  body: string;
  level: string;
}

/** One initiative: what it is, its authors and effects, its recognitions (recorded here by those who may) and its attachments. */
export function InitiativeDetailDrawer({
  communeId,
  id,
  onClose,
  onEdit,
}: {
  communeId: string;
  id: string | null;
  onClose: () => void;
  onEdit: (i: Initiative) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const one = useInitiative(communeId, id);
  const i = one.data;
  const [recForm] = Form.useForm<RecValues>();
  const recognize = useRecognize(communeId, id ?? '');
  const feedback = useSaveFeedback(recForm);
  const delRec = useDeleteRecognition(communeId, id ?? '');
  const attach = useAttachFile(communeId, id ?? '');
  const delFile = useDeleteFile(communeId, id ?? '');
  const del = useDeleteInitiative(communeId);
  const [adding, setAdding] = useState(false);
  const fail = (e: unknown) => void message.error(errorText(e));

  const onRecognize = (v: RecValues) => {
    feedback.reset();
    const input = validateWith(recognitionInput, { ...v, number: (v.number ?? '').trim(), body: (v.body ?? '').trim(), date: dayjsToIso(v.date) }, recForm);
    if (!input) return;
    recognize.mutate(
      input,
      feedback.callbacks(false, () => (recForm.resetFields(), setAdding(false))),
    );
  };

  return (
    <Drawer open={!!id} onClose={onClose} title={i?.title ?? t('initiatives.title')} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {one.isPending ? <Skeleton active /> : null}
      {one.error ? <ErrorAlert error={one.error} /> : null}
      {i ? (
        <Flex vertical gap={16} data-testid="initiative-detail">
          <Flex gap={8} wrap>
            {i.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => onEdit(i)} data-testid="initiative-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {i.can.delete ? (
              <Popconfirm title={t('initiatives.confirmDelete')} onConfirm={() => del.mutate(i.id, { onSuccess: onClose, onError: fail })}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('initiatives.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('initiatives.fields.unit')}>{i.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('initiatives.fields.authors')}>
              <span data-testid="initiative-authors">{i.authors.map((a) => `${a.fullName}${a.unitName ? ` (${a.unitName})` : ''}`).join('; ')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('initiatives.fields.domain')}>{t(`initiatives.domains.${i.domain}`)}</Descriptions.Item>
            <Descriptions.Item label={t('initiatives.fields.firstAppliedOn')}>{formatDateVi(i.firstAppliedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('initiatives.fields.scope')}>{t(`initiatives.scopes.${i.scope}`)}</Descriptions.Item>
            {i.description ? <Descriptions.Item label={t('initiatives.fields.description')}>{i.description}</Descriptions.Item> : null}
            {i.effects.length ? (
              <Descriptions.Item label={t('initiatives.fields.effects')}>
                {i.effects.map((e) => (
                  <div key={e.kind}>
                    {t(`initiatives.effectKinds.${e.kind}`)}: {e.text}
                    {e.amount != null ? ` (${formatNumber(e.amount)})` : ''}
                  </div>
                ))}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <div>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <strong>{t('initiatives.recognitions')}</strong>
              {i.can.recognize && !adding ? (
                <Button onClick={() => setAdding(true)} data-testid="initiative-recognize-open">
                  {t('initiatives.recognize')}
                </Button>
              ) : null}
            </Flex>
            <List
              size="small"
              dataSource={i.recognitions}
              locale={{ emptyText: t('initiatives.recognition.none') }}
              data-testid="initiative-recognitions"
              renderItem={(r) => (
                <List.Item
                  actions={
                    r.can.delete
                      ? [
                          <Popconfirm key="d" title={t('initiatives.confirmDeleteRecognition')} onConfirm={() => delRec.mutate(r.id, { onError: fail })}>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('initiatives.delete')} />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Flex vertical style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <span>
                      {t('initiatives.recognition.line', {
                        kind: t(`initiatives.recognitionKinds.${r.kind}`),
                        number: r.number,
                        date: formatDateVi(r.date),
                        body: r.body,
                      })}
                    </span>
                    <span>
                      <Tag color="green">{t(`initiatives.levels.${r.level}`)}</Tag>
                    </span>
                  </Flex>
                </List.Item>
              )}
            />
            {adding ? (
              <>
                <SaveErrorAlert error={feedback.error} stale={feedback.stale} onReload={feedback.reset} />
                <Form
                  form={recForm}
                  layout="vertical"
                  onFinish={onRecognize}
                  onValuesChange={feedback.onValuesChange}
                  initialValues={{ kind: 'decision', level: 'commune' }}
                  data-testid="recognition-form"
                >
                  <Flex gap={12} wrap>
                    <Form.Item name="kind" label={t('initiatives.recognition.kind')} style={{ flex: '1 1 200px' }}>
                      <Select options={recognitionKinds.map((k) => ({ value: k, label: t(`initiatives.recognitionKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name="level" label={t('initiatives.recognition.level')} style={{ flex: '1 1 160px' }}>
                      <Select options={recognitionLevels.map((l) => ({ value: l, label: t(`initiatives.levels.${l}`) }))} data-testid="recognition-level" />
                    </Form.Item>
                  </Flex>
                  <Flex gap={12} wrap>
                    <Form.Item name="number" label={t('initiatives.recognition.number')} required style={{ flex: '1 1 160px' }}>
                      <Input maxLength={60} data-testid="recognition-number" />
                    </Form.Item>
                    <Form.Item name="date" label={t('initiatives.recognition.date')} required style={{ flex: '1 1 160px' }}>
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="recognition-date" />
                    </Form.Item>
                  </Flex>
                  <Form.Item name="body" label={t('initiatives.recognition.body')} required>
                    <Input maxLength={200} data-testid="recognition-body" />
                  </Form.Item>
                  <Flex gap={8} justify="flex-end">
                    <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
                    <Button type="primary" htmlType="submit" loading={recognize.isPending} data-testid="recognition-submit">
                      {t('common.save')}
                    </Button>
                  </Flex>
                </Form>
              </>
            ) : null}
          </div>

          <div>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <strong>{t('initiatives.files')}</strong>
              {i.can.attach ? (
                <Upload
                  showUploadList={false}
                  accept=".pdf,.docx,.doc,.odt,.xlsx,.jpg,.jpeg,.png"
                  beforeUpload={(file) => {
                    attach.mutate(file, { onError: fail });
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={attach.isPending}>
                    {t('initiatives.addFile')}
                  </Button>
                </Upload>
              ) : null}
            </Flex>
            {i.files.length ? (
              <List
                size="small"
                dataSource={i.files}
                renderItem={(f) => (
                  <List.Item
                    actions={
                      f.can.delete
                        ? [
                            <Button
                              key="d"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('initiatives.delete')}
                              onClick={() => delFile.mutate(f.id, { onError: fail })}
                            />,
                          ]
                        : []
                    }
                  >
                    <Button
                      type="link"
                      icon={<PaperClipOutlined />}
                      onClick={() => void downloadInitiativeFile(communeId, i.id, f.id, f.name).catch(fail)}
                      style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                    >
                      {f.name}
                    </Button>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('initiatives.noFiles')} />
            )}
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
