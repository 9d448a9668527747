import { useTranslation } from 'react-i18next';
import { downloadResidentsTemplate, useImportResidents } from '../api';
import { ImportDrawer } from './ImportDrawer';

/** Residents from Excel: the template, a dry run listing every row's problems, then the commit (all rows or none). */
export function ResidentImportDrawer({ communeId, open, onClose }: { communeId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const imp = useImportResidents(communeId);
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('training.import.title')}
      intro={t('training.import.intro')}
      testId="resident-import"
      downloadTemplate={() => downloadResidentsTemplate(communeId)}
      mutation={imp}
      summary={(r, file) => t('training.import.summary', { file, rows: r.rows, created: r.created, unchanged: r.unchanged, errors: r.errorCount })}
      writes={(r) => r.created}
      commitLabel={(r) => t('training.import.commit', { count: r.created })}
      done={(r) => t('training.import.done', { created: r.created, unchanged: r.unchanged })}
    />
  );
}
