import i18n from '../i18n';
import { isApiError } from './api';

/**
 * The text to show for an error: the server's Vietnamese message in Vietnamese; in another
 * language the catalog's text for the code when there is one.
 */
export function errorText(err: unknown): string {
  if (isApiError(err)) {
    if (!i18n.language?.startsWith('vi')) {
      const key = `errors.${err.code}`;
      if (i18n.exists(key)) return i18n.t(key);
    }
    return err.message;
  }
  if (err instanceof Error && err.message) return err.message;
  return i18n.t('errors.INTERNAL');
}
