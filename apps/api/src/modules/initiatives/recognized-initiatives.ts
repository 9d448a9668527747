import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { recognitionLevelRank, type RecognitionLevel } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { initiative, initiativeAuthor, initiativeRecognition } from './initiatives.table';

/**
 * For the commendation rules: how many initiatives of the commune were recognised (at least one
 * recognition dated within [fromDate, toDate] at `minLevel` or above), by an author (`personId`) or
 * submitted by a unit (`unitId`). Each initiative counts once, however many recognitions it has.
 * Runs in the caller's transaction and scope.
 */
export async function countRecognizedInitiatives(
  tx: Tx,
  communeId: string,
  q: { personId?: string; unitId?: string; fromDate?: string; toDate?: string; minLevel?: RecognitionLevel },
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${initiative.id})::int` })
    .from(initiative)
    .innerJoin(initiativeRecognition, and(eq(initiativeRecognition.communeId, initiative.communeId), eq(initiativeRecognition.initiativeId, initiative.id)))
    .where(
      and(
        eq(initiative.communeId, communeId),
        q.unitId ? eq(initiative.unitId, q.unitId) : undefined,
        q.personId
          ? sql`exists (select 1 from ${initiativeAuthor} where ${initiativeAuthor.communeId} = ${initiative.communeId} and ${initiativeAuthor.initiativeId} = ${initiative.id} and ${initiativeAuthor.personId} = ${q.personId})`
          : undefined,
        q.fromDate ? gte(initiativeRecognition.date, q.fromDate) : undefined,
        q.toDate ? lte(initiativeRecognition.date, q.toDate) : undefined,
        q.minLevel ? gte(initiativeRecognition.levelRank, recognitionLevelRank(q.minLevel)) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

/** An initiative's title, unit and recognitions (oldest first), for a dossier or an eligibility check; null when the commune has no such initiative. */
export async function initiativeSummary(
  tx: Tx,
  communeId: string,
  id: string,
): Promise<{ id: string; title: string; unitId: string; recognitions: { number: string; date: string; body: string; level: string }[] } | null> {
  const [i] = await tx
    .select({ id: initiative.id, title: initiative.title, unitId: initiative.unitId })
    .from(initiative)
    .where(and(eq(initiative.communeId, communeId), eq(initiative.id, id)));
  if (!i) return null;
  const recognitions = await tx
    .select({ number: initiativeRecognition.number, date: initiativeRecognition.date, body: initiativeRecognition.body, level: initiativeRecognition.level })
    .from(initiativeRecognition)
    .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, id)))
    .orderBy(asc(initiativeRecognition.date), asc(initiativeRecognition.createdAt));
  return { ...i, recognitions };
}
