import { useCallback, useState } from 'react';
import { App as AntApp, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { applyApiError, clearErrorsOnChange, type FieldPath } from './forms';

/**
 * The state a save form shows after the server answers: a message on success, the error (field errors
 * placed on their fields, cleared as the officer edits them: pass `onValuesChange` to the form) and
 * whether the record changed under us (409 STALE_VERSION) on failure.
 */
export function useSaveFeedback(form: FormInstance, toFormPath?: (field: string) => FieldPath | null) {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const reset = useCallback(() => {
    setError(null);
    setStale(false);
  }, []);
  /** Callbacks for `mutate(input, callbacks)`: toast and close on success, show the error otherwise. */
  const callbacks = (isEdit: boolean, onClose: () => void) => ({
    onSuccess: () => {
      void message.success(isEdit ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (e: unknown) => {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      setError(applyApiError(e, form, toFormPath));
    },
  });
  const onValuesChange = useCallback((changed: unknown) => clearErrorsOnChange(form, changed), [form]);
  return { error, stale, reset, callbacks, onValuesChange };
}
