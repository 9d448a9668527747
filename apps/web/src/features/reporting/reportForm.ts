/**
 * Pure logic of the report form: form values to and from the API shapes, the ratio percentage,
 * client-side range checks, server field errors placed on their fields, and the late marker.
 * Messages are i18n keys (with params) so that the page translates them.
 */
import type { ReportDetail, ReportFormIndicator, ReportValueDto } from '@tds/contracts';
import type { ApiErrorDetail } from '../../lib/api';

/** The three inputs an indicator may have on the form. */
export type ValuePart = 'value' | 'numerator' | 'denominator';

export interface ValueEntry {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

export interface ReportFormValues {
  /** Section texts, in the order of the report's sections. */
  sections: string[];
  /** Figures keyed by indicator code. */
  values: Record<string, ValueEntry>;
  /** Unit plans: the summary. */
  summary: string;
}

/** What a draft save sends (besides the version). */
export interface ReportSavePayload {
  sections: { key: string; title: string; text: string }[];
  /** Reports only (a unit plan has no figures). */
  values?: { code: string; value: number | null; numerator: number | null; denominator: number | null; note: string | null }[];
  /** Unit plans only. */
  summary?: string | null;
}

/** A message to translate: an i18n key under `reporting.` and its params. */
export interface Msg {
  key: string;
  params?: Record<string, string | number>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const emptyEntry = (): ValueEntry => ({ value: null, numerator: null, denominator: null, note: null });

/** The form's starting values from a report. */
export function detailToForm(d: Pick<ReportDetail, 'sections' | 'values' | 'summary' | 'form'>): ReportFormValues {
  const byCode = new Map<string, ReportValueDto>(d.values.map((v) => [v.code, v]));
  const values: Record<string, ValueEntry> = {};
  for (const ind of d.form) {
    const v = byCode.get(ind.code);
    values[ind.code] = v ? { value: v.value, numerator: v.numerator, denominator: v.denominator, note: v.note } : emptyEntry();
  }
  return { sections: d.sections.map((s) => s.text), values, summary: d.summary ?? '' };
}

/** The payload of a save from the form values (missing entries are sent as empty, ratio ones without a value). */
export function formToPayload(d: Pick<ReportDetail, 'sections' | 'form' | 'kind'>, f: Partial<ReportFormValues>): ReportSavePayload {
  const sections = d.sections.map((s, i) => ({ key: s.key, title: s.title, text: typeof f.sections?.[i] === 'string' ? f.sections[i] : s.text }));
  const values = d.form.map((ind) => {
    const e = f.values?.[ind.code] ?? emptyEntry();
    const note = typeof e.note === 'string' && e.note.trim() ? e.note.trim() : null;
    return ind.ratio
      ? { code: ind.code, value: null, numerator: num(e.numerator), denominator: num(e.denominator), note }
      : { code: ind.code, value: num(e.value), numerator: null, denominator: null, note };
  });
  if (d.kind === 'unit_plan') return { sections, summary: typeof f.summary === 'string' && f.summary.trim() ? f.summary : null };
  return { sections, values };
}

/** Scale of a ratio: "%" indicators are numerator ÷ denominator × 100, others the plain quotient. */
export function ratioScale(measure: string): number {
  return measure.trim() === '%' ? 100 : 1;
}

/** The value a ratio gives, or null while a part is missing or the denominator is not positive. */
export function ratioValue(numerator: number | null | undefined, denominator: number | null | undefined, measure: string): number | null {
  const n = num(numerator);
  const d = num(denominator);
  if (n === null || d === null || d <= 0) return null;
  return (n / d) * ratioScale(measure);
}

/** A number for display: up to `digits` decimals, Vietnamese separators. */
export function formatValue(v: number | null, digits = 2, locale = 'vi-VN'): string {
  if (v === null) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
}

type RangeDef = Pick<ReportFormIndicator, 'measure' | 'minValue' | 'maxValue' | 'integer'>;

/** The range rules of an indicator applied to one number; null when it is fine. */
export function rangeIssue(ind: RangeDef, v: number): Msg | null {
  if (ind.measure.trim() === '%' && (v < 0 || v > 100)) return { key: 'form.issues.percentRange' };
  if (ind.minValue !== null && v < ind.minValue) return { key: 'form.issues.min', params: { min: ind.minValue } };
  if (ind.maxValue !== null && v > ind.maxValue) return { key: 'form.issues.max', params: { max: ind.maxValue } };
  if (ind.integer && !Number.isInteger(v)) return { key: 'form.issues.integer' };
  return null;
}

/**
 * What is wrong with an indicator's figures as typed, by input (the server checks the same again).
 * Ratio: both parts or neither, not negative, denominator > 0, numerator ≤ denominator for
 * percentages, and the resulting value within range.
 */
export function entryIssues(ind: ReportFormIndicator, e: Partial<ValueEntry> | undefined): Partial<Record<ValuePart, Msg>> {
  const out: Partial<Record<ValuePart, Msg>> = {};
  if (!e) return out;
  if (!ind.ratio) {
    const v = num(e.value);
    const issue = v === null ? null : rangeIssue(ind, v);
    if (issue) out.value = issue;
    return out;
  }
  const n = num(e.numerator);
  const d = num(e.denominator);
  if (n !== null && d === null) out.denominator = { key: 'form.issues.needDenominator' };
  if (d !== null && n === null) out.numerator = { key: 'form.issues.needNumerator' };
  if (n !== null && n < 0) out.numerator = { key: 'form.issues.negative' };
  if (d !== null && d <= 0) out.denominator = { key: 'form.issues.denominatorZero' };
  if (n !== null && d !== null && d > 0 && n >= 0) {
    if (ratioScale(ind.measure) === 100 && n > d) out.numerator = { key: 'form.issues.numeratorOverDenominator' };
    else {
      const v = ratioValue(n, d, ind.measure);
      const issue = v === null ? null : rangeIssue({ ...ind, integer: false }, v);
      if (issue) out.numerator = issue;
    }
  }
  return out;
}

/** Codes of the indicators whose figures the server would refuse as typed (the autosave keeps them back). */
export function unreadyValues(form: readonly ReportFormIndicator[], values: Partial<Record<string, Partial<ValueEntry>>> | undefined): string[] {
  return form.filter((ind) => Object.keys(entryIssues(ind, values?.[ind.code])).length > 0).map((ind) => ind.code);
}

export interface MappedErrors {
  /** Messages per indicator code and input. */
  values: Record<string, Partial<Record<ValuePart, string>>>;
  /** Messages per section index. */
  sections: Record<number, string>;
  summary: string | null;
  /** Unit plans: the file. */
  file: string | null;
  /** Messages that name no field of the form. */
  other: string[];
}

const PARTS: readonly string[] = ['value', 'numerator', 'denominator'];

/** Split "values[3].numerator", "values.3.numerator" or "values.CODE.value" into its segments. */
export function fieldPath(field: string): string[] {
  return field
    .replace(/\[(\w+)\]/gu, '.$1')
    .split('.')
    .filter(Boolean);
}

/** The indicator and input a `values...` field names: by index in the payload, or by code (codes may contain dots). */
function valueTarget(field: string, codes: readonly string[]): { code: string | undefined; part: string | undefined } {
  const [, id, part] = fieldPath(field);
  if (id !== undefined && /^\d+$/u.test(id)) return { code: codes[Number(id)], part };
  const rest = field.replace(/^values[.[]/u, '').replace(/\]/gu, '');
  const code = [...codes].sort((a, b) => b.length - a.length).find((c) => rest === c || rest.startsWith(`${c}.`));
  return { code, part: code ? rest.slice(code.length + 1) || undefined : undefined };
}

/**
 * Place the server's field details on the form: `values[i]...` names the i-th value sent (`codes`
 * is the order of the payload), `values.<code>...` names it directly; `sections[i]...` the i-th
 * section; anything else is returned in `other`.
 */
export function mapServerErrors(details: readonly ApiErrorDetail[], codes: readonly string[]): MappedErrors {
  const out: MappedErrors = { values: {}, sections: {}, summary: null, file: null, other: [] };
  for (const d of details) {
    const [head, id] = fieldPath(d.field ?? '');
    if (head === 'values' && id !== undefined) {
      const { code, part } = valueTarget(d.field ?? '', codes);
      if (code !== undefined) {
        const key = (part && PARTS.includes(part) ? part : 'value') as ValuePart;
        const entry = (out.values[code] ??= {});
        entry[key] = entry[key] ? `${entry[key]} ${d.message}` : d.message;
        continue;
      }
    }
    if (head === 'sections' && id !== undefined && /^\d+$/u.test(id)) {
      out.sections[Number(id)] = d.message;
      continue;
    }
    if (head === 'summary' || head === 'file') {
      out[head] = d.message;
      continue;
    }
    out.other.push(d.row ? `${d.row}: ${d.message}` : d.label ? `${d.label}: ${d.message}` : d.message);
  }
  return out;
}

/**
 * The server's messages less those of the inputs a change touched (`onValuesChange`'s first
 * argument): a message leaves as soon as the officer edits its field. The same object when none left.
 */
export function clearChangedErrors(
  e: MappedErrors,
  changed: { values?: Record<string, Partial<ValueEntry>>; sections?: (string | undefined)[]; summary?: string },
): MappedErrors {
  let next = e;
  const copy = () => (next === e ? (next = { ...e, values: { ...e.values }, sections: { ...e.sections } }) : next);
  for (const [code, parts] of Object.entries(changed.values ?? {})) {
    const had = e.values[code];
    if (!had) continue;
    const left = { ...had };
    for (const part of Object.keys(parts ?? {})) delete left[part as ValuePart];
    // A whole-value message of a ratio shows next to its numerator: either input clears it.
    if (Object.keys(parts ?? {}).some((p) => p === 'numerator' || p === 'denominator')) delete left.value;
    if (Object.keys(left).length !== Object.keys(had).length) copy().values[code] = left;
  }
  (changed.sections ?? []).forEach((v, i) => {
    if (v !== undefined && e.sections[i] !== undefined) delete copy().sections[i];
  });
  if (changed.summary !== undefined && e.summary) copy().summary = null;
  return next;
}

/** The server's message for one input; a whole-value error of a ratio indicator shows next to its numerator. */
export function fieldMessage(server: Partial<Record<ValuePart, string>> | undefined, part: ValuePart, ratio: boolean): string | undefined {
  if (!server) return undefined;
  if (ratio && part === 'numerator') return server.numerator ?? server.value;
  return server[part];
}

export type LateKind = 'late' | 'overdue' | null;

/**
 * "nộp muộn" when the (first) submission came after the deadline; "quá hạn" when nothing has been
 * submitted and the deadline has passed. A due item passes its own `submittedAt` (its report's or
 * its registration's): a registration submitted on time is neither.
 */
export function lateKind(r: { submittedAt: string | null; late: boolean; lateAfter: string }, now: Date = new Date()): LateKind {
  if (r.submittedAt) return r.late ? 'late' : null;
  const after = Date.parse(r.lateAfter);
  return r.late || (Number.isFinite(after) && now.getTime() > after) ? 'overdue' : null;
}

export const PILLAR_ORDER = ['gov', 'economy', 'society'] as const;

/** The form's indicators grouped by pillar, in the order gov, economy, society, then any other. */
export function groupByPillar<T extends { pillar: string }>(items: readonly T[]): { pillar: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const list = groups.get(it.pillar) ?? [];
    list.push(it);
    groups.set(it.pillar, list);
  }
  const rank = (p: string) => {
    const i = (PILLAR_ORDER as readonly string[]).indexOf(p);
    return i < 0 ? PILLAR_ORDER.length : i;
  };
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([pillar, list]) => ({ pillar, items: list }));
}

/** The report's content as plain text (to copy when a save was refused). */
export function payloadAsText(d: Pick<ReportDetail, 'form'>, p: ReportSavePayload, labels: { summary: string }): string {
  const lines: string[] = [];
  for (const s of p.sections) lines.push(`## ${s.title}`, s.text, '');
  const names = new Map(d.form.map((i) => [i.code, i]));
  for (const v of p.values ?? []) {
    const ind = names.get(v.code);
    if (!ind) continue;
    const figure = ind.ratio ? `${v.numerator ?? ''} / ${v.denominator ?? ''}` : `${v.value ?? ''}`;
    lines.push(`${ind.code} - ${ind.name}: ${figure} ${ind.ratio ? '' : ind.measure}`.trimEnd() + (v.note ? ` (${v.note})` : ''));
  }
  if (p.summary) lines.push('', `## ${labels.summary}`, p.summary);
  return lines.join('\n').trim();
}

/**
 * The calendar year now in Vietnam (deadlines and cycles follow Vietnam time), and "HH:mm" in
 * Vietnam time for "Đã lưu lúc 14:05": the one Vietnam clock of the contracts.
 */
export { formatClock, vietnamYear } from '@tds/contracts';

/** Years offered by the filters: a few back and a few ahead of `year`. */
export function yearOptions(year: number, back = 5, ahead = 5): number[] {
  const out: number[] = [];
  for (let y = year + ahead; y >= year - back; y--) out.push(y);
  return out;
}
