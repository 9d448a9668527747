import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOpenReport } from '../api';
import { useCommune } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';

/**
 * A due item's report, opened in one step (links of "Việc của tôi" for reports not started yet):
 * opens (or finds) the report of the due item, then shows it in its place in the history.
 */
export default function OpenDueItemPage() {
  const { communeId } = useCommune();
  const { dueItemId } = useParams();
  if (!communeId) return <NoCommune />;
  return <Opener key={`${communeId}/${dueItemId}`} communeId={communeId} dueItemId={dueItemId ?? ''} />;
}

function Opener({ communeId, dueItemId }: { communeId: string; dueItemId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenReport(communeId);
  const { mutate } = open;
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(dueItemId, { onSuccess: (r) => void navigate(`/reports/${r.id}`, { replace: true }) });
  }, [dueItemId, mutate, navigate]);
  if (open.error) {
    return (
      <>
        <ErrorAlert error={open.error} />
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/reports')} data-testid="report-back">
          {t('common.back')}
        </Button>
      </>
    );
  }
  return <FullPageSpin height="60vh" />;
}
