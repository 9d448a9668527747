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

/** Short text for a value in the diff table. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1);
}
