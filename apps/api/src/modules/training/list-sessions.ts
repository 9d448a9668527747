import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { trainingSessionQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { unit } from '../org';
import { pageWindow } from '../../platform/paging';
import { mapSession } from './training.mapper';
import { mayRecord } from './training.policy';
import { trainingSession } from './training.table';
import { inTraining } from './training-context';

/** A page of the commune's sessions, newest first, with how many attended (no resident's details). */
export async function listSessions(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof trainingSessionQuery> }) {
  const { communeId, query } = opts;
  return inTraining({ ...opts, permission: 'training.read' }, async (tx, { reach, teams }) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({
        s: trainingSession,
        village: unit.name,
        attendees: sql<number>`(select count(*)::int from attendance a where a.commune_id = ${trainingSession.communeId} and a.session_id = ${trainingSession.id})`,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(trainingSession)
      .innerJoin(unit, and(eq(unit.communeId, trainingSession.communeId), eq(unit.id, trainingSession.villageId)))
      .where(
        and(
          eq(trainingSession.communeId, communeId),
          query.year ? sql`${trainingSession.date} between ${`${query.year}-01-01`}::date and ${`${query.year}-12-31`}::date` : undefined,
          query.villageId ? eq(trainingSession.villageId, query.villageId) : undefined,
          query.teamId ? eq(trainingSession.teamId, query.teamId) : undefined,
        ),
      )
      .orderBy(desc(trainingSession.date), desc(trainingSession.createdAt))
      .limit(limit)
      .offset(offset);
    const teamName = new Map(teams.map((t) => [t.unit.id, t.unit.name]));
    return {
      items: rows.map((r) => mapSession(reach, r.s, { team: teamName.get(r.s.teamId) ?? '', village: r.village }, Number(r.attendees))),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: { create: mayRecord(reach) },
    };
  });
}
