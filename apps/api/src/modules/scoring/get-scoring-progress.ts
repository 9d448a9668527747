import { and, eq } from 'drizzle-orm';
import { entryPoints, isAuto, totalOf } from '@tds/contracts';
import type { z } from 'zod';
import type { scoringProgressSchema } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertRubricVisible, inScoring, managesScoring, scoresFor } from './scoring-context';
import { councilMembers, loadCriteria, loadRubric, ownUnitOf, unitsByIds } from './scoring.store';
import { assessment, councilScore } from './scoring.table';

/**
 * The council's progress per unit: who is expected (the council less those excluded by their own unit
 * or a declared conflict), how many submitted. Individual scores show only once every expected
 * member has submitted for the unit, or the scoring closed, and only to the office and the council.
 */
export async function getScoringProgress(opts: { db: Db; actor: Actor; communeId: string; rubricId: string }): Promise<z.infer<typeof scoringProgressSchema>> {
  const { actor, communeId } = opts;
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, communeId, opts.rubricId);
    assertRubricVisible(actor, row);
    const [units, members, criteria] = [
      await unitsByIds(tx, communeId, row.unitIds),
      await councilMembers(tx, communeId),
      await loadCriteria(tx, communeId, row.id),
    ];
    const scores = await tx
      .select()
      .from(councilScore)
      .where(and(eq(councilScore.communeId, communeId), eq(councilScore.rubricId, row.id)));
    const statuses = new Map(
      (
        await tx
          .select({ unitId: assessment.unitId, status: assessment.status })
          .from(assessment)
          .where(and(eq(assessment.communeId, communeId), eq(assessment.rubricId, row.id)))
      ).map((a) => [a.unitId, a.status]),
    );
    const insider = managesScoring(actor, communeId) || scoresFor(actor, communeId);
    const closed = row.status === 'closed' || row.status === 'published';
    const manual = criteria.filter((c) => !isAuto(c));
    const nameOf = new Map(members.map((m) => [m.userId, m.name]));
    return {
      members: insider ? members.map((m) => ({ userId: m.userId, name: m.name })) : [],
      units: units.map((u) => {
        const mine = scores.filter((s) => s.unitId === u.id);
        const recused = new Set(mine.filter((s) => s.status === 'recused').map((s) => s.memberId));
        const expected = members.filter((m) => !recused.has(m.userId) && !ownUnitOf(m, u));
        const submitted = mine.filter((s) => s.status === 'submitted' && expected.some((m) => m.userId === s.memberId));
        const revealed = closed || (expected.length > 0 && submitted.length === expected.length);
        return {
          unitId: u.id,
          unitName: u.name,
          assessmentStatus: (statuses.get(u.id) ?? null) as 'draft' | null,
          expected: expected.length,
          submitted: submitted.length,
          recused: recused.size,
          revealed,
          members:
            revealed && insider
              ? mine
                  .filter((s) => s.status !== 'draft')
                  .map((s) => ({
                    name: nameOf.get(s.memberId) ?? 'Thành viên không còn trong Hội đồng',
                    status: s.status as 'submitted',
                    total:
                      s.status === 'submitted'
                        ? totalOf(manual.map((c) => ({ section: c.section as 'main', points: entryPoints(c, s.items[c.id] ?? {}) })))
                        : null,
                    reason: s.reason,
                  }))
              : null,
        };
      }),
    };
  });
}
