import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError, type ApiErrorDetail } from './api';
import { detailText, errorText } from './errors';

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

export type FieldPath = (string | number)[];

/** "indicators.0.targets" or "values[2].value" as a form name path: ["indicators", 0, "targets"]. */
export function toNamePath(field: string): FieldPath {
  return field
    .replace(/\[(\w+)\]/gu, '.$1')
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
}

const samePrefix = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.every((p, i) => String(p) === String(b[i]));

/**
 * Where each API detail goes: on the deepest registered form field its path reaches (so
 * "roles.0.unitId" lands on the role row's unit, "participantGroups.1.unitIds.0" on the group's
 * unit picker), or among the messages shown above the form, named by its label. Pure.
 */
export function placeApiDetails(
  details: readonly ApiErrorDetail[],
  registered: readonly FieldPath[],
  toFormPath: (field: string) => FieldPath | null = toNamePath,
): { fields: FieldError[]; rest: string[] } {
  const fields = new Map<string, FieldError>();
  const rest: string[] = [];
  for (const d of details) {
    const path = d.field ? toFormPath(d.field) : null;
    const target = path?.length
      ? [...registered].filter((r) => r.length <= path.length && samePrefix(r, path)).sort((a, b) => b.length - a.length)[0]
      : undefined;
    if (target) {
      const key = target.join('.');
      const entry = fields.get(key) ?? { name: target, errors: [] };
      if (!entry.errors.includes(d.message)) entry.errors.push(d.message);
      fields.set(key, entry);
    } else rest.push(detailText(d));
  }
  return { fields: [...fields.values()], rest };
}

/**
 * Put an API error's field details on the form items they name (any depth), and return the text to
 * show in a message or alert: the main message, plus the details no field of the form shows.
 * `toFormPath` maps the API's path to the form's (the plan editor drops "doc."); null: not on the form.
 */
export function applyApiError(err: unknown, form: FormInstance | null, toFormPath?: (field: string) => FieldPath | null): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : String(err);
  const main = errorText(err);
  const registered = form ? form.getFieldsError().map((f) => f.name as FieldPath) : [];
  const { fields, rest } = placeApiDetails(err.details, registered, toFormPath);
  if (form && fields.length) form.setFields(fields);
  const extra = rest.filter((r) => r !== main);
  return extra.length ? `${main} ${extra.join(' ')}` : main;
}

/** The name paths a change touched (`onValuesChange`'s first argument): leaves, list rows by index. */
export function changedPaths(changed: unknown, at: FieldPath = []): FieldPath[] {
  const plain = (v: unknown) => !!v && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);
  if (Array.isArray(changed) && changed.some(plain)) {
    const out: FieldPath[] = [];
    changed.forEach((v, i) => {
      if (v !== undefined) out.push(...changedPaths(v, [...at, i]));
    });
    return out.length ? out : [at];
  }
  if (plain(changed) && !Array.isArray(changed)) {
    const entries = Object.entries(changed as Record<string, unknown>);
    return entries.length ? entries.flatMap(([k, v]) => changedPaths(v, [...at, k])) : [at];
  }
  return [at];
}

/**
 * Clear the messages on the fields a change touched (and on the rows above and fields below them),
 * so a server's message leaves as soon as the officer edits its field. Rules run after this, so a
 * field's own rule still shows its message. Use as (or inside) the form's `onValuesChange`.
 */
export function clearErrorsOnChange(form: FormInstance, changed: unknown): void {
  const paths = changedPaths(changed).filter((p) => p.length);
  const clear = form
    .getFieldsError()
    .filter((f) => f.errors.length && paths.some((p) => samePrefix(p, f.name) || samePrefix(f.name, p)))
    .map((f) => ({ name: f.name, errors: [] as string[] }));
  if (clear.length) form.setFields(clear);
}
