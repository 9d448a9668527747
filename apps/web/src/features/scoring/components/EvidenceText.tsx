import { App as AntApp, Button } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadEvidenceFile } from '../api';
import { errorText } from '../../../lib/errors';

/** Where an evidence file lives: the unit's self-assessment against the rubric. */
export interface EvidenceAt {
  communeId: string;
  rubricId: string;
  unitId: string;
}

/** One piece of evidence in words; an uploaded file (still there) as a link that downloads it. */
export function EvidenceText({ at, e }: { at: EvidenceAt; e: { kind: string; label: string; fileId?: string; name?: string } }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  if (e.kind !== 'file' || !e.fileId || !e.name) return <>{e.label}</>;
  const { fileId, name } = e;
  return (
    <Button
      type="link"
      size="small"
      icon={<PaperClipOutlined />}
      aria-label={t('scoring.assessment.download', { name })}
      onClick={() => void downloadEvidenceFile(at.communeId, at.rubricId, at.unitId, fileId, name).catch((err: unknown) => void message.error(errorText(err)))}
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', overflowWrap: 'anywhere' }}
      data-testid={`evidence-file-${fileId}`}
    >
      {name}
    </Button>
  );
}
