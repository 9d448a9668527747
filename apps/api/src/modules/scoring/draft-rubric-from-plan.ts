import { defaultClasses, todayVn, type RubricInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { activeUnits, loadDoc, loadPlan, participatingUnits } from '../plans';
import { inScoring } from './scoring-context';

/** Points of n criteria sharing 100: whole points, the first ones one more where 100 does not divide. */
export function sharePoints(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => Math.max(1, base + (i < 100 - base * n ? 1 : 0)));
}

/**
 * A rubric proposed from a plan's participant group: its criteria as written (each judged by the
 * council, 100 points shared), the group's units, the default classification. The officer then
 * sets the methods, bands and evidence before saving.
 */
export async function draftRubricFromPlan(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  planId: string;
  group: number;
  year: number;
  now: Date;
}): Promise<RubricInput> {
  const { communeId } = opts;
  return inScoring({ ...opts, permission: 'scoring.manage' }, async (tx) => {
    const row = await loadPlan(tx, communeId, opts.planId);
    const doc = await loadDoc(tx, row);
    const g = doc.participantGroups[opts.group];
    if (!g)
      throw new AppError('VALIDATION_FAILED', 'Kế hoạch không có nhóm đối tượng này.', [{ field: 'group', message: 'Kế hoạch không có nhóm đối tượng này.' }]);
    const units = participatingUnits({ ...doc, participantGroups: [g] }, await activeUnits(tx, communeId, todayVn(opts.now)));
    const texts = g.criteria.map((c) => c.replace(/\s+/gu, ' ').trim()).filter(Boolean);
    const pts = sharePoints(Math.max(texts.length, 1));
    return {
      planId: row.id,
      groupName: g.name,
      title: `Bảng tiêu chí chấm điểm thi đua năm ${opts.year}: ${g.name.replace(/^đối với\s+/iu, '')}`.slice(0, 300),
      year: opts.year,
      unitIds: units.map((u) => u.id),
      aggregation: 'mean',
      classes: defaultClasses,
      criteria: texts.map((t, i) => ({
        title: t.slice(0, 1000),
        section: 'main' as const,
        method: 'judgement' as const,
        maxPoints: pts[i]!,
        evidenceRequired: false,
      })),
      source: null,
    };
  });
}
