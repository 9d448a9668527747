import { Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '@tds/contracts';
import { isApiError } from '../../../lib/api';
import { usePublicCertificate } from '../api';

/** The public check of a certificate's code (the QR on the paper opens it): initials, village, commune and modules only. */
export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = usePublicCertificate(code);
  return (
    <Flex justify="center" style={{ padding: 16, minHeight: '100vh', background: '#f5f5f5' }}>
      <main style={{ width: '100%', maxWidth: 560 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          {t('training.verify.title')}
        </Typography.Title>
        {q.isLoading ? (
          <Skeleton active />
        ) : q.data ? (
          <Card data-testid="verify-ok">
            <Result status="success" icon={<SafetyCertificateOutlined />} title={t('training.verify.valid')} style={{ padding: 8 }} />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('training.verify.code')}>{q.data.code}</Descriptions.Item>
              <Descriptions.Item label={t('training.verify.person')}>{q.data.initials}</Descriptions.Item>
              <Descriptions.Item label={t('training.verify.place')}>{`${q.data.villageName}, ${q.data.communeName}`}</Descriptions.Item>
              <Descriptions.Item label={t('training.verify.issued')}>{formatDateVi(q.data.issuedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('training.verify.modules')}>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {q.data.modules.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
              {t('training.verify.privacy')}
            </Typography.Paragraph>
          </Card>
        ) : (
          <Result
            status={isApiError(q.error) && q.error.status === 404 ? 'warning' : 'error'}
            title={isApiError(q.error) && q.error.status === 404 ? t('training.verify.unknown') : t('training.verify.failed')}
            data-testid="verify-unknown"
          />
        )}
      </main>
    </Flex>
  );
}
