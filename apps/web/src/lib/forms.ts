import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { detailsByField, isApiError } from './api';
import i18n from '../i18n';
import { errorText } from './errors';

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/** Zod issues to antd `setFields` entries, grouped by the top-level field. */
export function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const map = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    if (path.length === 0) continue;
    const key = path.join('.');
    const entry = map.get(key) ?? { name: path, errors: [] };
    entry.errors.push(issue.message);
    map.set(key, entry);
  }
  return [...map.values()];
}

/**
 * Validate a payload with a shared Zod schema; on failure put the messages on the form items and
 * return null. Messages on paths the form does not show are returned in `rest`.
 */
export function validateWith<S extends z.ZodType>(schema: S, payload: unknown, form: FormInstance): z.infer<S> | null {
  const r = schema.safeParse(payload);
  if (r.success) return r.data;
  const fields = issuesToFields(r.error.issues);
  form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
  return null;
}

/**
 * Put an API error's field details on the form items. Returns the text to show in a message or
 * alert (the main message, plus details for fields the form does not have).
 */
export function applyApiError(err: unknown, form: FormInstance | null, knownFields: readonly string[] = []): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : String(err);
  const main = errorText(err);
  const byField = detailsByField(err.details);
  const rest: string[] = [];
  const setFields: { name: string; errors: string[] }[] = [];
  for (const [field, msgs] of Object.entries(byField)) {
    if (form && (knownFields.length === 0 || knownFields.includes(field))) setFields.push({ name: field, errors: msgs });
    else rest.push(...msgs);
  }
  for (const d of err.details) if (!d.field) rest.push(d.row ? i18n.t('common.rowMessage', { row: d.row, message: d.message }) : d.message);
  if (form && setFields.length) form.setFields(setFields);
  return rest.length ? `${main} ${rest.join(' ')}` : main;
}
