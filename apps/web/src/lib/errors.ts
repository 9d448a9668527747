import { fieldLabelsEn, fieldPathLabel } from '@tds/contracts';
import i18n from '../i18n';
import { isApiError, type ApiErrorDetail } from './api';

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

/**
 * A detail as a line shown away from its field: "Chỉ tiêu thứ 1 – Mục tiêu: Không được để trống."
 * (the server's label in Vietnamese, the field's English label otherwise), or "Dòng 3: ..." for a row.
 */
export function detailText(d: ApiErrorDetail): string {
  if (d.row) return i18n.t('common.rowMessage', { row: d.row, message: d.message });
  const label = i18n.language?.startsWith('vi') || !d.field ? d.label : fieldPathLabel(d.field, fieldLabelsEn, 'no.') || d.label;
  return label ? `${label}: ${d.message}` : d.message;
}
