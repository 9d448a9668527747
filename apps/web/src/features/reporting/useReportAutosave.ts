import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import type { ReportDetail } from '@tds/contracts';
import { isApiError } from '../../lib/api';
import { isReportDetail, useSaveReportDraft } from './api';
import { Autosaver, initialAutosaveState, type AutosaveState } from './autosave';
import {
  detailToForm,
  formToPayload,
  mapServerErrors,
  payloadAsText,
  unreadyValues,
  type MappedErrors,
  type ReportFormValues,
  type ReportSavePayload,
} from './reportForm';

/** Pause after the last keystroke before saving. */
export const AUTOSAVE_DELAY_MS = 1500;
/** Codes meaning "the report changed under you": stop autosaving and let the user choose. */
const CONFLICT_CODES = new Set(['STALE_VERSION', 'REPORT_LOCKED', 'INVALID_TRANSITION']);

export const isConflict = (e: unknown) => isApiError(e) && CONFLICT_CODES.has(e.code);
/** Network and server failures pass: try again after a while. */
const retryAfter = (e: unknown) => (isApiError(e) && (e.status === 0 || e.status === 429 || e.status >= 500) ? 10_000 : null);

/**
 * Autosave of a report draft: debounced PATCH with the version the editor holds. Server data is taken
 * into the form only while nothing is unsaved; on a conflict the user's text stays in the form and
 * the page offers `reloadLatest` (take theirs), `keepMine` (save mine over it) or `copyText`.
 */
export function useReportAutosave(opts: {
  communeId: string;
  detail: ReportDetail;
  form: FormInstance<ReportFormValues>;
  refetch: () => Promise<{ data?: ReportDetail }>;
}) {
  const { communeId, detail, form, refetch } = opts;
  const mutation = useSaveReportDraft(communeId, detail.id);
  const versionRef = useRef(detail.version);
  const detailRef = useRef(detail);
  detailRef.current = detail;
  const [state, setState] = useState<AutosaveState>(initialAutosaveState);
  const [errors, setErrors] = useState<MappedErrors | null>(null);
  /** Indicators whose figures were kept out of the last save (they have errors). */
  const [held, setHeld] = useState<string[]>([]);
  const heldRef = useRef<string[]>([]);
  const mutateRef = useRef(mutation.mutateAsync);
  mutateRef.current = mutation.mutateAsync;

  const [saver] = useState(
    () =>
      new Autosaver({
        delay: AUTOSAVE_DELAY_MS,
        isStale: isConflict,
        retryAfter,
        onState: setState,
        save: async () => {
          const values = form.getFieldsValue(true) as Partial<ReportFormValues>;
          const d = detailRef.current;
          const { values: figures, ...rest } = formToPayload(d, values);
          // Figures the server would refuse are kept back, so that they never block saving the text.
          const unready = figures ? unreadyValues(d.form, values.values) : [];
          const payload: ReportSavePayload = unready.length ? rest : { ...rest, values: figures };
          heldRef.current = unready;
          setHeld(unready);
          try {
            const r = await mutateRef.current({ version: versionRef.current, payload });
            versionRef.current = isReportDetail(r) ? r.version : versionRef.current + 1;
            setErrors(null);
          } catch (e) {
            if (isApiError(e) && e.code === 'VALIDATION_FAILED') setErrors(mapServerErrors(e.details, payload.values?.map((v) => v.code) ?? []));
            throw e;
          }
        },
      }),
  );

  // Leaving the page sends what is not saved yet; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (ev: BeforeUnloadEvent) => {
      if (saver.current.dirty) ev.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void saver.flush();
    };
  }, [saver]);

  // A newer report from the server (after submit, review, upload) replaces the form when nothing is
  // unsaved; an older one (a refetch that left before the last save) never takes the version back.
  useEffect(() => {
    if (detail.version <= versionRef.current) return;
    const s = saver.current;
    if (s.dirty || s.status === 'saving' || s.status === 'stale') return;
    versionRef.current = detail.version;
    form.setFieldsValue(detailToForm(detail));
  }, [detail, form, saver]);

  const touch = useCallback(() => saver.touch(), [saver]);

  /** Take the newest version from the server and drop the unsaved changes. */
  const reloadLatest = useCallback(async () => {
    const r = await refetch();
    if (!r.data) return;
    versionRef.current = r.data.version;
    form.resetFields();
    form.setFieldsValue(detailToForm(r.data));
    saver.discard();
    setErrors(null);
  }, [form, refetch, saver]);

  /** Keep what is on the screen and save it over the newest version. */
  const keepMine = useCallback(async () => {
    const r = await refetch();
    if (!r.data) return;
    versionRef.current = r.data.version;
    saver.resume();
  }, [refetch, saver]);

  /** The form's content as text (to copy somewhere safe). */
  const copyText = useCallback(
    (labels: { summary: string }) =>
      payloadAsText(detailRef.current, formToPayload(detailRef.current, form.getFieldsValue(true) as Partial<ReportFormValues>), labels),
    [form],
  );

  return {
    state,
    errors,
    setErrors,
    touch,
    held,
    /** Save now; true when nothing is left unsaved. */
    flush: useCallback(() => saver.flush(), [saver]),
    /** Before submitting: save now, and say what stands in the way (null: nothing). */
    readyToSubmit: useCallback(async (): Promise<'saveFirst' | 'fixValuesFirst' | null> => {
      if (!(await saver.flush())) return 'saveFirst';
      return heldRef.current.length ? 'fixValuesFirst' : null;
    }, [saver]),
    version: () => versionRef.current,
    /** After a write that answers with the new version (file upload). */
    setVersion: (v: number) => {
      versionRef.current = v;
    },
    reloadLatest,
    keepMine,
    copyText,
  };
}
