import { cleanText, formatDateVi, searchKey, type ResidentInput, type SkillModule, type TrainingSession, type TrainingTeam } from '@tds/contracts';
import type { PopulationInput, ResidentCheckInput } from './api';

/** The first year of the movement's records (Bình dân học vụ số started in 2025). */
export const FIRST_YEAR = 2025;

/** The years to choose from: this year back to the first one (and the chosen one if outside). */
export function trainingYears(current: number, chosen?: number): number[] {
  const out: number[] = [];
  for (let y = Math.max(current, FIRST_YEAR); y >= FIRST_YEAR; y -= 1) out.push(y);
  if (chosen !== undefined && !out.includes(chosen)) out.unshift(chosen);
  return out;
}

/** A percentage as read in Vietnamese: "50,7 %" (a no-break space: never split); "—" when there is none. */
export function formatPercent(value: number | null | undefined, locale = 'vi-VN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}

/** part ÷ whole as a percentage (one decimal), or null when the whole is missing or zero. */
export function shareOf(part: number, whole: number | null | undefined): number | null {
  if (whole === null || whole === undefined || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** The last four digits of a national ID as shown: "…1234" (nothing when there is none). */
export function idTail(last4: string | null | undefined): string {
  return last4 ? `…${last4}` : '';
}

/** A module's name by its code; `unknown` for a code not in the catalogue (never the code itself). */
export function moduleNamer(modules: readonly Pick<SkillModule, 'code' | 'name'>[] | undefined, unknown: string): (code: string) => string {
  const names = new Map((modules ?? []).map((m) => [m.code, m.name]));
  return (code) => names.get(code) ?? unknown;
}

/** The villages the user may record for: those served by the teams whose `can.record` is true, once each, in the teams' order. */
export function recordVillages(teams: readonly TrainingTeam[] | undefined): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const t of teams ?? []) if (t.can.record) for (const v of t.villages) if (!seen.has(v.id)) seen.set(v.id, v);
  return [...seen.values()];
}

/** The teams the user may record for, and, for one team, the villages it serves. */
export const recordTeams = (teams: readonly TrainingTeam[] | undefined) => (teams ?? []).filter((t) => t.can.record);

/**
 * The population form's rows to the API's body: only the villages with a figure are sent (a blank
 * stays "not entered"); `formIndex[i]` is the form row of the i-th item sent, so the server's
 * "items.3.adults" lands on the right row.
 */
export function populationPayload(
  year: number,
  rows: readonly { villageId: string; adults: number | null | undefined }[],
): { input: PopulationInput; formIndex: number[] } {
  const items: PopulationInput['items'] = [];
  const formIndex: number[] = [];
  rows.forEach((r, i) => {
    if (typeof r.adults === 'number' && Number.isFinite(r.adults)) {
      items.push({ villageId: r.villageId, adults: r.adults });
      formIndex.push(i);
    }
  });
  return { input: { year, items }, formIndex };
}

/** "items.3.adults" of the body sent to the form row's path, through `formIndex`. */
export function populationFieldPath(field: string, formIndex: readonly number[]): (string | number)[] | null {
  const m = /^items\.(\d+)(?:\.(\w+))?/u.exec(field);
  if (!m) return null;
  const row = formIndex[Number(m[1])];
  if (row === undefined) return null;
  return ['rows', row, 'adults'];
}

/** What the duplicate check takes of a new resident (the check's schema is strict). */
export function duplicateCheckOf(input: ResidentInput): ResidentCheckInput {
  return {
    villageId: input.villageId,
    fullName: input.fullName,
    birthYear: input.birthYear,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.nationalId ? { nationalId: input.nationalId } : {}),
  };
}

/** Digits only, at most 12 (a national ID typed with spaces or dots). */
export const idDigits = (v: string) => v.replace(/\D/gu, '').slice(0, 12);

/** "22/11/2026 · 19:30". */
export const sessionWhen = (s: Pick<TrainingSession, 'date' | 'startTime'>) => [formatDateVi(s.date), s.startTime].filter(Boolean).join(' · ');

/**
 * What a search typed on the attendance screen gives the new resident's name: the text when it is
 * written with its diacritics ("Nguyễn Văn Bình"), nothing when typed without them ("nguyen van
 * binh", fine for a search, wrong for a name) or when it holds digits.
 */
export function typedName(q: string): string {
  const text = cleanText(q);
  if (!text || /\d/u.test(text)) return '';
  return searchKey(text) === text.toLowerCase() ? '' : text;
}
