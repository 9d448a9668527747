/**
 * Pure helpers of the plans UI: the wording of a deadline, the last on-time day it means, and
 * locating the source-text span of a field path for the import review. Unit-tested.
 */
import { addDays, isoIfValid, type PlanDoc } from '@tds/contracts';

export type Deadline = PlanDoc['deadlines'][number];
export interface SourceSpan {
  start: number;
  end: number;
  confidence: number;
}
export type Sources = Record<string, SourceSpan>;

/** Fields extracted with less confidence than this are marked for the officer to check. */
export const LOW_CONFIDENCE = 0.7;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The Vietnamese wording of a deadline as a plan writes it: "trước ngày 05/12 hằng năm",
 * "chậm nhất ngày 18/07/2025", "trong tháng 9/2025", "định kỳ 6 tháng".
 */
export function deadlineWording(d: Pick<Deadline, 'day' | 'month' | 'year' | 'recurrence' | 'qualifier'>): string {
  const once = d.recurrence === 'once';
  const yearPart = once && d.year ? `/${d.year}` : '';
  let core = '';
  if (d.month && d.day) {
    const lead = d.qualifier === 'before' ? 'trước ngày' : d.qualifier === 'by' ? 'chậm nhất ngày' : 'trong ngày';
    core = `${lead} ${pad2(d.day)}/${pad2(d.month)}${yearPart}`;
  } else if (d.month) {
    core = `trong tháng ${d.month}${yearPart}`;
  } else if (once && d.year) {
    core = `trong năm ${d.year}`;
  }
  const suffix = d.recurrence === 'yearly' ? 'hằng năm' : d.recurrence === 'half-yearly' ? (core ? '(định kỳ 6 tháng)' : 'định kỳ 6 tháng') : '';
  return [core, suffix].filter(Boolean).join(' ');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last on-time day of a deadline in a year, as ISO yyyy-MM-dd (Asia/Ho_Chi_Minh calendar day):
 * "trước ngày 05/12" -> 04/12; "chậm nhất/đến ngày 05/12" -> 05/12; "trong tháng 9" -> 30/09.
 * Null when the deadline names no month or no real date.
 */
export function lastOnTimeDay(d: Pick<Deadline, 'day' | 'month' | 'qualifier'>, year: number): string | null {
  if (!d.month || d.month < 1 || d.month > 12) return null;
  const iso = isoIfValid(year, d.month, d.day ?? lastDayOfMonth(year, d.month));
  if (!iso) return null;
  return d.day && d.qualifier === 'before' ? addDays(iso, -1) : iso;
}

/**
 * "hết ngày 04/12" for a recurring deadline (day and month only), "hết ngày 17/07/2025" for a
 * one-off; null when there is no date. The caller adds "hằng năm" etc.
 */
export function dueByLabel(d: Pick<Deadline, 'day' | 'month' | 'year' | 'qualifier' | 'recurrence'>): string | null {
  const year = d.recurrence === 'once' && d.year ? d.year : 2025;
  const iso = lastOnTimeDay(d, year);
  if (!iso) return null;
  const [y, m, dd] = iso.split('-');
  return d.recurrence === 'once' && d.year ? `${dd}/${m}/${y}` : `${dd}/${m}`;
}

/**
 * The span for a field path. Fields without their own span (a deadline's day, say) fall back to
 * the item's wording ("text", "name"), else its earliest part, else the parent's:
 * "plan.deadlines.0.day" -> "plan.deadlines.0.text".
 */
export function findSpan(sources: Sources | null | undefined, path: string): SourceSpan | null {
  if (!sources || !path) return null;
  const exact = sources[path];
  if (exact) return exact;
  const earliestUnder = (prefix: string): SourceSpan | null => {
    let best: SourceSpan | null = null;
    for (const [k, v] of Object.entries(sources)) {
      if (k.startsWith(prefix + '.') && (!best || v.start < best.start)) best = v;
    }
    return best;
  };
  const parts = path.split('.');
  // A list or object ("plan.deadlines"): its first item's span.
  if (parts.length >= 2) {
    const own = earliestUnder(path);
    if (own) return own;
  }
  for (let n = parts.length - 1; n >= 2; n--) {
    const prefix = parts.slice(0, n).join('.');
    // An item's own wording ("text", "name") before its other parts.
    const found = sources[prefix] ?? sources[`${prefix}.text`] ?? sources[`${prefix}.name`] ?? earliestUnder(prefix);
    if (found) return found;
  }
  return null;
}

/** Split the text around a span (clamped to the text) for rendering with a highlight. */
export function splitAtSpan(text: string, span: { start: number; end: number } | null): { before: string; mark: string; after: string } {
  if (!span) return { before: text, mark: '', after: '' };
  const start = Math.max(0, Math.min(text.length, Math.min(span.start, span.end)));
  const end = Math.max(start, Math.min(text.length, Math.max(span.start, span.end)));
  return { before: text.slice(0, start), mark: text.slice(start, end), after: text.slice(end) };
}

/**
 * A form item id (antd: `${formName}_${name.join('_')}`) back to a sources key:
 * "plan_deadlines_0_text" -> "plan.deadlines.0.text". Null for ids of other forms.
 */
export function fieldIdToPath(id: string | null | undefined, formName = 'plan'): string | null {
  if (!id || !id.startsWith(formName + '_')) return null;
  const rest = id.slice(formName.length + 1);
  if (!rest) return null;
  return `plan.${rest.split('_').join('.')}`;
}

/** Paths whose confidence is under the threshold, in text order. */
export function lowConfidencePaths(sources: Sources | null | undefined, threshold = LOW_CONFIDENCE): string[] {
  if (!sources) return [];
  return Object.entries(sources)
    .filter(([, s]) => s.confidence < threshold)
    .sort((a, b) => a[1].start - b[1].start)
    .map(([k]) => k);
}

/** ISO date (or null) to dd/MM/yyyy; partial values pass through unchanged. */
export function planDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Gaps in a plan document worth showing on its overview (i18n keys under plans.gaps). */
export function docGaps(doc: Pick<PlanDoc, 'number' | 'date' | 'title' | 'signer' | 'deadlines' | 'participantGroups' | 'phases'>): string[] {
  const out: string[] = [];
  if (!doc.title) out.push('title');
  if (!doc.number) out.push('number');
  if (!doc.date) out.push('date');
  if (!doc.signer.name) out.push('signer');
  if (doc.participantGroups.length === 0) out.push('participants');
  if (doc.phases.length === 0) out.push('phases');
  if (doc.deadlines.length === 0) out.push('deadlines');
  return out;
}

/**
 * A field path of the parser's result in words: "plan.deadlines.1.what" -> "Thời hạn › 2 › Việc phải
 * làm". `known` names a segment from the page's catalogue; anything else by the shared field labels,
 * never by its raw key.
 */
export function planPathLabel(path: string, known: (segment: string) => string | undefined, labels: Record<string, string>): string {
  return path
    .replace(/^plan\./u, '')
    .split('.')
    .filter((p, i) => i === 0 || (p !== 'name' && p !== 'text'))
    .map((p) => (/^\d+$/u.test(p) ? String(Number(p) + 1) : (known(p) ?? labels[p] ?? p)))
    .join(' › ');
}

/**
 * What a parser warning says: in Vietnamese the server's own sentence; in another language the
 * catalogue's sentence for its code (never the code), after the field it is about.
 */
export function importWarningText(
  w: { code: string; message: string; path?: string | undefined },
  vi: boolean,
  byCode: (code: string) => string | undefined,
  fieldLabel?: string,
): string {
  if (vi) return w.message || byCode(w.code) || byCode('OTHER') || '';
  const text = byCode(w.code) ?? byCode('OTHER') ?? '';
  return fieldLabel ? `${fieldLabel}: ${text}` : text;
}
