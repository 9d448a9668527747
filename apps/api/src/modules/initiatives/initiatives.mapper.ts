import { recognitionLevels, type InitiativeSummary, type Recognition } from '@tds/contracts';
import type { InitiativeRow, RecognitionRow } from './initiatives.table';

type AuthorOut = InitiativeSummary['authors'][number];

/** The highest recognition level from its rank (1-4), or null. */
export const levelOfRank = (rank: number | null | undefined) => (rank ? (recognitionLevels[rank - 1] ?? null) : null);

/** Initiative row -> list item. */
export function mapInitiativeSummary(
  r: InitiativeRow,
  unitName: string,
  authors: readonly AuthorOut[],
  totals: { rank: number; n: number } | undefined,
): InitiativeSummary {
  return {
    id: r.id,
    communeId: r.communeId,
    title: r.title,
    unitId: r.unitId,
    unitName,
    domain: r.domain,
    year: r.year,
    firstAppliedOn: r.firstAppliedOn,
    scope: r.scope,
    authors: [...authors],
    recognizedLevel: levelOfRank(totals?.rank),
    recognitionCount: totals?.n ?? 0,
    version: r.version,
  };
}

/** Recognition row -> response. */
export const mapRecognition = (r: RecognitionRow, can: Recognition['can']): Recognition => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  date: r.date,
  body: r.body,
  level: r.level,
  note: r.note,
  can,
});

/** What the audit log keeps of an initiative (no `can`). */
export function initiativeRecord(r: InitiativeRow, authors: readonly { fullName: string }[]) {
  return {
    title: r.title,
    unitId: r.unitId,
    domain: r.domain,
    firstAppliedOn: r.firstAppliedOn,
    scope: r.scope,
    authors: authors.map((a) => a.fullName),
    effects: r.effects,
    version: r.version,
  };
}
