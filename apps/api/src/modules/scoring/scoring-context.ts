import type { Permission } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVisible, authorize, can, canInCommune } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { holdsFor } from '../../platform/workflow';
import type { RubricRow } from './scoring.table';

/**
 * One request of the module: the commune visible (404), the permission in the commune (403; a unit
 * role's narrower reach is checked per unit), then the work in one scoped transaction.
 */
export async function inScoring<T>(opts: { db: Db; actor: Actor; communeId: string; permission: Permission }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db, actor, communeId, permission } = opts;
  assertVisible(actor, communeId);
  if (permission === 'scoring.assess' || permission === 'scoring.read') {
    if (!canInCommune(actor, permission, communeId)) throw new AppError('FORBIDDEN');
  } else authorize(actor, permission, { communeId });
  return inScope(db, actor.scope, fn);
}

/** Does the actor manage the commune's scoring (sees drafts, progress, results before publication)? */
export const managesScoring = (actor: Actor, communeId: string) => can(actor, 'scoring.manage', { communeId });
/** Is the actor one of the commune's council for scoring? */
export const scoresFor = (actor: Actor, communeId: string) => can(actor, 'scoring.score', { communeId });
/** May the actor self-assess this unit (its own roles only)? */
export const assessesUnit = (actor: Actor, communeId: string, unitPath: string) =>
  holdsFor(actor, { permission: 'scoring.assess', scope: 'own_unit' }, communeId, { unitPath });

/** A draft rubric is the office's until it opens: others do not see it (404). */
export function assertRubricVisible(actor: Actor, row: RubricRow): void {
  if (row.status === 'draft' && !managesScoring(actor, row.communeId)) throw new AppError('NOT_FOUND', 'Không tìm thấy bảng tiêu chí chấm điểm.');
}

/** Scores and self-assessments are entered while the rubric is open. */
export function assertOpen(row: RubricRow): void {
  if (row.status === 'closed' || row.status === 'published') throw new AppError('SCORING_CLOSED');
  if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'Bảng tiêu chí chưa được mở để chấm điểm.');
}
