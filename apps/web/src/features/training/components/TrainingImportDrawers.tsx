import { useTranslation } from 'react-i18next';
import { downloadTrainingTemplate, useTrainingImport } from '../api';
import { ImportDrawer } from './ImportDrawer';

interface Props {
  communeId: string;
  open: boolean;
  onClose: () => void;
}

/** Sessions with their attendance from Excel (a sheet of sessions, a sheet of attendance); people not on the list are added. */
export function SessionImportDrawer({ communeId, open, onClose }: Props) {
  const { t } = useTranslation();
  const imp = useTrainingImport(communeId, 'sessions');
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('training.imports.sessions.title')}
      intro={t('training.imports.sessions.intro')}
      testId="session-import"
      downloadTemplate={() => downloadTrainingTemplate(communeId, 'sessions')}
      mutation={imp}
      summary={(r, file) =>
        t('training.imports.sessions.summary', {
          file,
          rows: r.rows,
          sessions: r.sessions.created,
          sessionsKept: r.sessions.unchanged,
          marks: r.marks.created,
          marksKept: r.marks.unchanged,
          residents: r.newResidents,
          errors: r.errorCount,
        })
      }
      writes={(r) => r.sessions.created + r.marks.created}
      commitLabel={(r) => t('training.imports.sessions.commit', { sessions: r.sessions.created, marks: r.marks.created })}
      done={(r) => t('training.imports.sessions.done', { sessions: r.sessions.created, marks: r.marks.created, residents: r.newResidents })}
    />
  );
}

/** Completions from the national learning platform (certificate numbers) for residents already on the list. */
export function CompletionImportDrawer({ communeId, open, onClose }: Props) {
  const { t } = useTranslation();
  const imp = useTrainingImport(communeId, 'completions');
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('training.imports.completions.title')}
      intro={t('training.imports.completions.intro')}
      testId="completion-import"
      downloadTemplate={() => downloadTrainingTemplate(communeId, 'completions')}
      mutation={imp}
      summary={(r, file) => t('training.imports.completions.summary', { file, rows: r.rows, created: r.created, unchanged: r.unchanged, errors: r.errorCount })}
      writes={(r) => r.created}
      commitLabel={(r) => t('training.imports.completions.commit', { count: r.created })}
      done={(r) => t('training.imports.completions.done', { created: r.created, unchanged: r.unchanged })}
    />
  );
}

/** The adult population of villages by year from Excel (a figure changed replaces the recorded one). */
export function PopulationImportDrawer({ communeId, open, onClose }: Props) {
  const { t } = useTranslation();
  const imp = useTrainingImport(communeId, 'population');
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('training.imports.population.title')}
      intro={t('training.imports.population.intro')}
      testId="population-import"
      downloadTemplate={() => downloadTrainingTemplate(communeId, 'population')}
      mutation={imp}
      summary={(r, file) =>
        t('training.imports.population.summary', { file, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errorCount })
      }
      writes={(r) => r.created + r.updated}
      commitLabel={(r) => t('training.imports.population.commit', { count: r.created + r.updated })}
      done={(r) => t('training.imports.population.done', { created: r.created, updated: r.updated, unchanged: r.unchanged })}
    />
  );
}
