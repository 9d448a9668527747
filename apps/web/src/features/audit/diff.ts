import { enumValueLabelsVi, fieldLabelsEn, fieldLabelsVi, roleLabelsVi } from '@tds/contracts';

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field comparison of an audit entry's before/after snapshots (top level only).
 * Non-object snapshots compare as a single row named "".
 */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b === null || isPlainObject(b)) && (a === null || isPlainObject(a)) && (b !== null || a !== null)) {
    const keys: string[] = [];
    const seen = new Set<string>();
    for (const k of [...Object.keys(b ?? {}), ...Object.keys(a ?? {})]) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
    return keys.map((key) => {
      const bv = b ? b[key] : undefined;
      const av = a ? a[key] : undefined;
      return { key, before: bv, after: av, changed: !same(bv, av) };
    });
  }
  if (b === null && a === null) return [];
  return [{ key: '', before: b, after: a, changed: !same(b, a) }];
}

export type AuditLang = 'vi' | 'en';

/** A field of a snapshot in words; a key no catalogue knows is split into words, never shown raw in camelCase. */
export function auditFieldLabel(key: string, lang: AuditLang = 'vi'): string {
  const known = (lang === 'vi' ? fieldLabelsVi : fieldLabelsEn)[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/[_.]+/gu, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** Fields whose values are codes of a fixed list, shown by their label. */
const ENUM_FIELDS = new Set([
  'kind',
  'kinds',
  'status',
  'gender',
  'role',
  'pillar',
  'direction',
  'aggregation',
  'method',
  'cadence',
  'recurrence',
  'qualifier',
  'channels',
  'source',
]);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u;

function scalarText(key: string, v: unknown, lang: AuditLang): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'boolean') return lang === 'vi' ? (v ? 'Có' : 'Không') : v ? 'Yes' : 'No';
  if (typeof v === 'number') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (typeof v !== 'string') return String(v);
  const d = isoDate.exec(v);
  if (d) return `${d[3]}/${d[2]}/${d[1]}`;
  if (lang === 'vi' && key === 'role' && v in roleLabelsVi) return roleLabelsVi[v as keyof typeof roleLabelsVi];
  if (lang === 'vi' && ENUM_FIELDS.has(key)) {
    const [label] = enumValueLabelsVi([v]);
    if (label && label !== `"${v}"`) return label;
  }
  return v;
}

/**
 * A snapshot's value as text for the audit page: codes of fixed lists by their label (vi), yes/no,
 * dd/MM/yyyy dates, lists joined, and records as "Field: value" lines by label (never raw JSON keys).
 */
export function auditValueText(key: string, v: unknown, lang: AuditLang = 'vi'): string {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => scalarText(key, x, lang)).join(', ');
    return v.map((x, i) => `${i + 1}. ${auditValueText(key, x, lang).replace(/\n/gu, '; ')}`).join('\n');
  }
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${auditFieldLabel(k, lang)}: ${auditValueText(k, x, lang).replace(/\n/gu, '; ')}`)
      .join('\n');
  }
  return scalarText(key, v, lang);
}

/** Short text for a value in the diff table. */
export function showValue(v: unknown, key = '', lang: AuditLang = 'vi'): string {
  return auditValueText(key, v, lang);
}
