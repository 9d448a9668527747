/** Pure logic of the registration form: the API shapes to and from the form's values. */
import type { RegistrationDetail, RegistrationInput } from '@tds/contracts';

export interface RegistrationIndicatorRow {
  code?: string;
  /** Target per year, keyed by the year as text. */
  targets?: Record<string, number | null | undefined>;
}

export interface RegistrationPersonRow {
  personId?: string;
  titleCode?: string | null;
  commitment?: string | null;
}

export interface RegistrationFormValues {
  commitments: string;
  /** Award forms (hình thức) and titles (danh hiệu) aimed for, kept apart on the form. */
  awardForms: string[];
  awardTitles: string[];
  indicators: RegistrationIndicatorRow[];
  people: RegistrationPersonRow[];
}

/** The years a plan runs (targets are asked for each). */
export function planYears(fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear && out.length < 20; y++) out.push(y);
  return out;
}

/** Split award codes by kind; codes the catalogue does not know stay with the forms (nothing is dropped). */
export function splitAwards(codes: readonly string[], kinds: readonly { code: string; kind: 'form' | 'title' }[]): { forms: string[]; titles: string[] } {
  const titles = new Set(kinds.filter((k) => k.kind === 'title').map((k) => k.code));
  return { forms: codes.filter((c) => !titles.has(c)), titles: codes.filter((c) => titles.has(c)) };
}

export function registrationToForm(d: RegistrationDetail, kinds: readonly { code: string; kind: 'form' | 'title' }[]): RegistrationFormValues {
  const { forms, titles } = splitAwards(d.awardCodes, kinds);
  return {
    commitments: d.commitments,
    awardForms: forms,
    awardTitles: titles,
    indicators: d.indicators.map((i) => ({ code: i.code, targets: Object.fromEntries(i.targets.map((t) => [String(t.year), t.value])) })),
    people: d.people.map((p) => ({ personId: p.personId, titleCode: p.titleCode, commitment: p.commitment ?? '' })),
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The request body from the form: rows without an indicator or a person are dropped, targets only for
 * the plan's years and only where a value was typed, award codes without duplicates.
 */
export function formToRegistrationInput(
  f: Partial<RegistrationFormValues>,
  ctx: { year: number; version: number | null; years: readonly number[] },
  submit: boolean,
): RegistrationInput {
  const indicators = (f.indicators ?? [])
    .filter((r): r is RegistrationIndicatorRow & { code: string } => !!r?.code)
    .map((r) => ({
      code: r.code,
      targets: ctx.years.flatMap((y) => {
        const v = r.targets?.[String(y)];
        return isNum(v) ? [{ year: y, value: v }] : [];
      }),
    }));
  const people = (f.people ?? [])
    .filter((p): p is RegistrationPersonRow & { personId: string } => !!p?.personId)
    .map((p) => ({ personId: p.personId, titleCode: p.titleCode || null, commitment: p.commitment?.trim() ? p.commitment.trim() : null }));
  const input: RegistrationInput = {
    year: ctx.year,
    commitments: f.commitments ?? '',
    awardCodes: [...new Set([...(f.awardForms ?? []), ...(f.awardTitles ?? [])])],
    indicators,
    people,
    submit,
  };
  if (ctx.version !== null) input.version = ctx.version;
  return input;
}

/** Values chosen in the other rows of a list (so that a row cannot pick them again). */
export function takenElsewhere<T>(rows: readonly (T | undefined)[] | undefined, pick: (row: T) => string | undefined, index: number): Set<string> {
  const out = new Set<string>();
  (rows ?? []).forEach((r, i) => {
    const v = r && i !== index ? pick(r) : undefined;
    if (v) out.add(v);
  });
  return out;
}

/**
 * Where a server detail of a registration goes on the form: the payload's indicator and person rows
 * (empty rows were dropped) back to the form's rows, a target by its year, an award code to the forms
 * or titles picker. Null: the form has no such field (the message is shown above the form).
 */
export function registrationFieldPath(field: string, f: Partial<RegistrationFormValues>, input: RegistrationInput): (string | number)[] | null {
  const [head, i, part, j] = field.replace(/\[(\d+)\]/gu, '.$1').split('.');
  const n = Number(i);
  if (head === 'commitments') return ['commitments'];
  if (head === 'awardCodes') {
    const code = input.awardCodes?.[n];
    if (i === undefined || code === undefined) return ['awardForms'];
    return (f.awardTitles ?? []).includes(code) ? ['awardTitles'] : ['awardForms'];
  }
  if (head === 'indicators') {
    const sent = input.indicators?.[n];
    const row = sent ? (f.indicators ?? []).findIndex((r) => r?.code === sent.code) : -1;
    if (row < 0) return null;
    if (part === 'targets' && j !== undefined) {
      const year = sent?.targets[Number(j)]?.year;
      return year === undefined ? ['indicators', row, 'code'] : ['indicators', row, 'targets', String(year)];
    }
    return ['indicators', row, 'code'];
  }
  if (head === 'people') {
    const sent = input.people?.[n];
    const row = sent ? (f.people ?? []).findIndex((r) => r?.personId === sent.personId) : -1;
    if (row < 0) return null;
    return ['people', row, part === 'titleCode' || part === 'commitment' ? part : 'personId'];
  }
  return null;
}
