import { useRef, useState } from 'react';
import { App as AntApp, Button, Card, Image, Popconfirm, Progress, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SessionPhoto } from '@tds/contracts';
import { sessionPhotoUrl, useDeleteSessionPhoto, useSessionPhotos, useUploadSessionPhoto } from '../api';
import { shrinkPhoto } from '../photoResize';
import { errorText } from '../../../lib/errors';
import { formatDateTimeVi } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';

interface Sending {
  index: number;
  total: number;
  phase: 'preparing' | 'sending';
  share: number;
}

/**
 * The photos of a session: thumbnails that wrap on a phone, "Thêm ảnh" opening the camera (or the
 * gallery, several at once), each photo shrunk in the browser before it is sent one by one with its
 * progress, and a delete with confirmation where the server allows it.
 */
export function SessionPhotos({ communeId, sessionId, canRecord }: { communeId: string; sessionId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const photos = useSessionPhotos(communeId, sessionId);
  const upload = useUploadSessionPhoto(communeId, sessionId);
  const remove = useDeleteSessionPhoto(communeId, sessionId);
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const items = photos.data?.items ?? [];
  const limit = photos.data?.limit ?? 20;
  const room = Math.max(0, limit - items.length);
  const canAdd = canRecord && (photos.data?.can.add ?? false);

  async function send(files: File[]) {
    if (!files.length) return;
    if (room === 0) return void message.warning(t('training.records.photos.full', { limit }));
    const chosen = files.slice(0, room);
    if (files.length > room) void message.warning(t('training.records.photos.tooMany', { count: room }));
    let added = 0;
    for (const [i, file] of chosen.entries()) {
      setSending({ index: i + 1, total: chosen.length, phase: 'preparing', share: 0 });
      let small: File;
      try {
        small = await shrinkPhoto(file);
      } catch {
        void message.error(t('training.records.photos.unreadable', { name: file.name }));
        continue;
      }
      setSending({ index: i + 1, total: chosen.length, phase: 'sending', share: 0 });
      try {
        await upload.mutateAsync({ file: small, onProgress: (share) => setSending((s) => (s ? { ...s, share } : s)) });
        added++;
      } catch (e) {
        void message.error(t('training.records.photos.failed', { name: file.name, message: errorText(e) }));
      }
    }
    setSending(null);
    if (added) void message.success(t('training.records.photos.done', { count: added }));
  }

  const del = (p: SessionPhoto) =>
    remove.mutate(p.id, {
      onSuccess: () => void message.success(t('training.records.photos.deleted')),
      onError: (e) => void message.error(errorText(e)),
    });

  return (
    <Card
      size="small"
      title={t('training.records.photos.title')}
      style={{ marginBlock: 12 }}
      data-testid="session-photos"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('training.records.photos.count', { count: items.length, limit })}
        </Typography.Text>
      }
    >
      {photos.error ? <ErrorAlert error={photos.error} /> : null}
      {items.length === 0 && !photos.isPending ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('training.records.photos.empty')}
        </Typography.Paragraph>
      ) : null}
      <Image.PreviewGroup>
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8, marginBottom: items.length ? 12 : 0 }}
          data-testid="session-photo-grid"
        >
          {items.map((p, i) => (
            <div key={p.id} style={{ position: 'relative', minWidth: 0 }} data-testid="session-photo">
              <Image
                src={sessionPhotoUrl(communeId, sessionId, p.id)}
                alt={p.caption ?? t('training.records.photos.alt', { index: i + 1 })}
                width="100%"
                height={96}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                loading="lazy"
                title={[p.caption, p.uploadedByName ? t('training.records.photos.by', { name: p.uploadedByName }) : null, formatDateTimeVi(p.createdAt)]
                  .filter(Boolean)
                  .join(' · ')}
              />
              {p.can.delete ? (
                <Popconfirm
                  title={t('training.records.photos.deleteConfirm')}
                  okText={t('training.records.photos.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => del(p)}
                >
                  <Button
                    size="small"
                    shape="circle"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('training.records.photos.delete')}
                    style={{ position: 'absolute', top: 4, right: 4 }}
                    data-testid="session-photo-delete"
                  />
                </Popconfirm>
              ) : null}
            </div>
          ))}
        </div>
      </Image.PreviewGroup>
      {sending ? (
        <div style={{ marginBottom: 12 }} data-testid="session-photo-progress">
          <Typography.Text style={{ fontSize: 13 }}>
            {t(`training.records.photos.${sending.phase}`, { index: sending.index, total: sending.total })}
          </Typography.Text>
          <Progress percent={Math.round(((sending.index - 1 + (sending.phase === 'sending' ? sending.share : 0)) / sending.total) * 100)} size="small" />
        </div>
      ) : null}
      {canRecord ? (
        <>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            hidden
            data-testid="session-photo-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              void send(files);
            }}
          />
          <Button
            icon={<CameraOutlined />}
            onClick={() => input.current?.click()}
            disabled={!canAdd || !!sending}
            loading={!!sending}
            data-testid="session-photo-add"
          >
            {t('training.records.photos.add')}
          </Button>
          {!canAdd && photos.data ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8, marginBottom: 0 }}>
              {t('training.records.photos.full', { limit })}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
