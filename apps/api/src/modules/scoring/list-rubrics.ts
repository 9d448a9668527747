import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { rubricListQuery, rubricPage } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { pageWindow } from '../../platform/paging';
import { plan } from '../plans';
import { inScoring, managesScoring } from './scoring-context';
import { rubric, rubricCriterion } from './scoring.table';

/** The commune's rubrics, newest year first (drafts only to the office). */
export async function listRubrics(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: z.infer<typeof rubricListQuery>;
}): Promise<z.infer<typeof rubricPage>> {
  const { communeId, query } = opts;
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const where: SQL[] = [eq(rubric.communeId, communeId)];
    if (query.year) where.push(eq(rubric.year, query.year));
    if (!managesScoring(opts.actor, communeId)) where.push(ne(rubric.status, 'draft'));
    const { limit, offset } = pageWindow(query);
    const [{ total }] = (await tx
      .select({ total: count() })
      .from(rubric)
      .where(and(...where))) as [{ total: number }];
    const rows = await tx
      .select({
        id: rubric.id,
        groupName: rubric.groupName,
        title: rubric.title,
        year: rubric.year,
        status: rubric.status,
        version: rubric.version,
        planTitle: plan.title,
        unitCount: sql<number>`cardinality(${rubric.unitIds})`.mapWith(Number),
        criterionCount:
          sql<number>`(select count(*) from ${rubricCriterion} c where c.commune_id = ${rubric.communeId} and c.rubric_id = ${rubric.id})`.mapWith(Number),
      })
      .from(rubric)
      .leftJoin(plan, and(eq(plan.communeId, rubric.communeId), eq(plan.id, rubric.planId)))
      .where(and(...where))
      .orderBy(desc(rubric.year), rubric.groupName, rubric.id)
      .limit(limit)
      .offset(offset);
    return {
      items: rows.map((r) => ({ ...r, status: r.status as 'draft' })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      can: { create: managesScoring(opts.actor, communeId) },
    };
  });
}
