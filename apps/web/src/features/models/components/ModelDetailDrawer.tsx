import { App as AntApp, Button, Descriptions, Drawer, Flex, Grid, Image, Popconfirm, Skeleton, Tag, Typography, Upload } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, EditOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Model } from '@tds/contracts';
import { modelPhotoUrl, useAddPhoto, useDeleteModel, useDeletePhoto, useModel, useStepModel } from '../api';
import { shrinkPhoto } from '../shrink';
import { modelPeriod } from '../period';
import { errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';

/** One model: its story and photos, and the buttons its `can` allows (edit, publish, take back, photos). */
export function ModelDetailDrawer({
  communeId,
  id,
  onClose,
  onEdit,
}: {
  communeId: string;
  id: string | null;
  onClose: () => void;
  onEdit: (m: Model) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const one = useModel(communeId, id);
  const m = one.data;
  const step = useStepModel(communeId);
  const del = useDeleteModel(communeId);
  const add = useAddPhoto(communeId, id ?? '');
  const delPhoto = useDeletePhoto(communeId, id ?? '');
  const fail = (e: unknown) => void message.error(errorText(e));
  const take = (s: 'publish' | 'unpublish') =>
    m &&
    step.mutate(
      { id: m.id, step: s, version: m.version },
      { onSuccess: () => void message.success(t(s === 'publish' ? 'models.published' : 'models.unpublished')), onError: fail },
    );

  return (
    <Drawer open={!!id} onClose={onClose} title={m?.title ?? t('models.title')} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {one.isPending ? <Skeleton active /> : null}
      {one.error ? <ErrorAlert error={one.error} /> : null}
      {m ? (
        <Flex vertical gap={16} data-testid="model-detail">
          <Flex gap={8} wrap>
            <Tag color={m.status === 'published' ? 'green' : undefined} data-testid="model-status">
              {t(`models.statuses.${m.status}`)}
            </Tag>
            {m.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => onEdit(m)} data-testid="model-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {m.can.publish ? (
              <Button type="primary" icon={<CheckCircleOutlined />} loading={step.isPending} onClick={() => take('publish')} data-testid="model-publish">
                {t('models.publish')}
              </Button>
            ) : null}
            {m.can.unpublish ? (
              <Button icon={<StopOutlined />} loading={step.isPending} onClick={() => take('unpublish')} data-testid="model-unpublish">
                {t('models.unpublish')}
              </Button>
            ) : null}
            {m.can.delete ? (
              <Popconfirm title={t('models.confirmDelete')} onConfirm={() => del.mutate(m.id, { onSuccess: onClose, onError: fail })}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('models.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('models.fields.kind')}>{t(`models.kinds.${m.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('models.fields.holder')}>{m.personName ? `${m.personName} (${m.unitName})` : m.unitName}</Descriptions.Item>
            {m.movementContent ? <Descriptions.Item label={t('models.fields.movementContent')}>{m.movementContent}</Descriptions.Item> : null}
            <Descriptions.Item label={t('models.fields.period')}>{modelPeriod(m)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.story || t('models.noStory')}</Typography.Paragraph>
          <div>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
              <strong>
                {t('models.photos')} ({t('models.photosN', { count: m.photos.length, limit: m.photoLimit })})
              </strong>
              {m.can.addPhoto ? (
                <Upload
                  showUploadList={false}
                  accept="image/jpeg,image/png,image/webp"
                  beforeUpload={(file) => {
                    void shrinkPhoto(file)
                      .catch(() => {
                        throw new Error(t('models.photoUnreadable'));
                      })
                      .then((small) => add.mutateAsync(small))
                      .catch(fail);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={add.isPending} data-testid="model-photo-add">
                    {t('models.addPhoto')}
                  </Button>
                </Upload>
              ) : null}
            </Flex>
            <Flex wrap gap={8}>
              <Image.PreviewGroup>
                {m.photos.map((p) => (
                  <Flex key={p.id} vertical gap={4} style={{ width: 140 }}>
                    <Image src={modelPhotoUrl(communeId, m.id, p.id)} width={140} height={100} style={{ objectFit: 'cover' }} alt={p.caption ?? m.title} />
                    {p.can.delete ? (
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => delPhoto.mutate(p.id, { onError: fail })}>
                        {t('models.delete')}
                      </Button>
                    ) : null}
                  </Flex>
                ))}
              </Image.PreviewGroup>
            </Flex>
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
